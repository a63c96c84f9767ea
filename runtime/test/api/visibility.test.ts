import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cases, users } from '../../src/db/schema.js';
import { followUpWorkflow } from '../../src/ratings/follow-up.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import { bundleApplications } from '../support/applications.js';
import { pdf } from '../support/files.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * Internal stays internal: what departments write for each other (a supervision order's note, a staff
 * comment, a bad rating's follow-up) never reaches the resident, and the resident sees departments, not
 * the user ids of the people in them. What the resident must know (submitted, accepted, supplements
 * asked and given, decided, closed) stays on their timeline, with the department's name.
 */
let h: Harness;
let workers: Workers;
beforeAll(async () => {
  h = await createHarness();
  workers = await startWorkers(h.runtime, { queues: ['system', 'notifications'] });
});
afterAll(async () => {
  await workers?.stop();
  await h?.close();
});

interface TaskJson {
  id: string;
  state: string;
  status: string;
  department: string;
}
interface Who {
  kind: string;
  department?: string;
  name: { 'zh-CN': string; en: string };
}
interface EntryJson {
  seq: number;
  at: unknown;
  action: string;
  label: { 'zh-CN': string; en: string };
  visibility: 'applicant' | 'internal';
  by: Who;
  actorId?: string | null;
  data: Record<string, unknown>;
}
interface CaseJson {
  id: string;
  status: string;
  internal?: boolean;
  tasks: TaskJson[];
  timeline: EntryJson[];
}
interface CommentJson {
  id: string;
  body: string;
  visibility: 'applicant' | 'internal';
  authorId?: string;
  by: Who;
}
interface NotificationJson {
  id: string;
  caseId: string | null;
  template: string;
  data: Record<string, unknown>;
}

const civilAffairs = { 'zh-CN': '东城区民政局', en: 'Dongcheng District Civil Affairs Bureau' };
const secretNote = '内部：经办人推诿，约谈科长';
const internalComment = '内部意见：申请人收入存疑，再核一次';
const publicComment = '请携带身份证原件到窗口领取';
const supervisorOpinion = '回访记录：经办人已批评教育';

/** The user ids of every demo account but the resident: none may reach the resident. */
async function staffIds(): Promise<string[]> {
  const rows = await h.runtime.db
    .select({ id: users.id })
    .from(users)
    .where(
      inArray(users.username, [
        'admin',
        'supervisor',
        'supervisor2',
        'minzheng',
        'weijian',
        'renshe',
        'chengguan',
        'xiaofang',
        'grid',
      ]),
    );
  return rows.map((row) => row.id);
}

const openTask = (kase: CaseJson, state: string): TaskJson => {
  const task = kase.tasks.find(
    (candidate) =>
      candidate.state.endsWith(state) && (candidate.status === 'open' || candidate.status === 'waiting'),
  );
  if (!task) throw new Error(`no open task ${state} in case ${kase.id}`);
  return task;
};

/** Expects nothing internal in what the resident got: no note, no internal comment, no staff user id. */
async function expectNothingInternal(body: unknown, extra: string[] = []) {
  const text = JSON.stringify(body);
  for (const secret of [secretNote, internalComment, supervisorOpinion, ...extra])
    expect(text, `the resident reads "${secret}"`).not.toContain(secret);
  for (const id of await staffIds()) expect(text, `the resident reads staff user id ${id}`).not.toContain(id);
}

/**
 * A subsistence-allowance case of the resident: civil affairs asks for a supplement, the resident
 * gives it, civil affairs accepts, a supervisor opens an internal supervision order on the review with
 * a note, civil affairs comments once internally and once to the resident, approves and delivers.
 */
async function workedCase(): Promise<string> {
  let kase = await h.json<CaseJson>(
    'resident',
    'POST',
    '/api/cases',
    { matter: 'd1.subsistence-allowance', data: applicantData },
    201,
  );
  const accept = openTask(kase, 'accept');
  await h.json('minzheng', 'POST', `/api/tasks/${accept.id}/claim`);
  await h.json('minzheng', 'POST', `/api/tasks/${accept.id}/request-supplements`, {
    items: ['家庭收入证明'],
    reason: '缺少家庭收入证明',
  });
  await h.json('resident', 'POST', `/api/cases/${kase.id}/supplements`, {
    data: { address: '和平街 2 号' },
  });
  await h.json('minzheng', 'POST', `/api/tasks/${accept.id}/complete`, { outcome: 'accept' });
  kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${kase.id}`);
  const review = openTask(kase, 'review');
  await h.json('minzheng', 'POST', `/api/tasks/${review.id}/claim`);
  await h.json('supervisor', 'POST', `/api/tasks/${review.id}/supervise`, { note: secretNote }, 201);
  await h.json('minzheng', 'POST', `/api/cases/${kase.id}/comments`, { body: internalComment }, 201);
  await h.json(
    'minzheng',
    'POST',
    `/api/cases/${kase.id}/comments`,
    { body: publicComment, visibility: 'applicant' },
    201,
  );
  await h.json('minzheng', 'POST', `/api/tasks/${review.id}/complete`, {
    outcome: 'approve',
    data: { opinion: '符合条件' },
  });
  kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${kase.id}`);
  await h.json('minzheng', 'POST', `/api/tasks/${openTask(kase, 'deliver').id}/complete`, {
    outcome: 'delivered',
  });
  return kase.id;
}

describe("the resident's timeline", () => {
  it('should give the resident what happened, when and by which department, and nothing internal', async () => {
    // given a case worked by civil affairs, with an internal supervision order and comments
    const caseId = await workedCase();

    // when the resident reads it
    const kase = await h.json<CaseJson>('resident', 'GET', `/api/cases/${caseId}`);

    // then every entry is one the resident may see, and none names a person of staff
    expect(kase.status).toBe('done');
    await expectNothingInternal(kase);
    expect(kase.timeline.every((entry) => entry.visibility === 'applicant')).toBe(true);
    expect(kase.timeline.map((entry) => entry.action)).not.toContain('supervision.opened');
    expect(kase.timeline.some((entry) => 'actorId' in entry)).toBe(false);
    // and what they must know is there: submitted, supplement asked and given, accepted, decided, closed
    const actions = kase.timeline.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.started',
        'supplement.requested',
        'supplement.provided',
        'task.closed',
        'case.completed',
      ]),
    );
    const asked = kase.timeline.find((entry) => entry.action === 'supplement.requested');
    expect(asked?.data).toMatchObject({ items: ['家庭收入证明'], reason: '缺少家庭收入证明' });
    expect(asked?.by).toMatchObject({ kind: 'department', department: 'd1.minzheng', name: civilAffairs });
    const decisions = kase.timeline.filter((entry) => entry.action === 'task.closed');
    expect(decisions.map((entry) => entry.data.outcome)).toEqual(['accept', 'approve']);
    for (const entry of decisions) expect(entry.by.name).toEqual(civilAffairs);
    expect(kase.timeline.find((entry) => entry.action === 'case.started')?.by.kind).toBe('applicant');
    expect(kase.timeline.find((entry) => entry.action === 'case.completed')?.data).toEqual({
      result: 'approved',
    });
    // the comment civil affairs marked for the resident is on the timeline, by the department
    const commented = kase.timeline.filter((entry) => entry.action === 'comment.added');
    expect(commented).toHaveLength(1);
    expect(commented[0]?.by.name).toEqual(civilAffairs);
    // every entry says in words what happened
    for (const entry of kase.timeline) expect(entry.label['zh-CN'], entry.action).not.toBe(entry.action);
  });

  it('should show staff every entry with its visibility, internal ones marked', async () => {
    const caseId = await workedCase();
    const kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${caseId}`);
    const opened = kase.timeline.find((entry) => entry.action === 'supervision.opened');
    expect(opened).toMatchObject({ visibility: 'internal', data: { note: secretNote } });
    expect(opened?.by).toMatchObject({ kind: 'department', department: 'd1' });
    const claimed = kase.timeline.find((entry) => entry.action === 'task.claimed');
    expect(claimed?.visibility).toBe('internal');
    expect(kase.timeline.find((entry) => entry.action === 'case.started')?.visibility).toBe('applicant');
    const comments = kase.timeline.filter((entry) => entry.action === 'comment.added');
    expect(comments.map((entry) => entry.visibility).sort()).toEqual(['applicant', 'internal']);
  });

  it('should show the resident a supervision order that the supervisor marked public, with its note', async () => {
    const kase = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    await h.json(
      'supervisor',
      'POST',
      `/api/tasks/${openTask(kase, 'accept').id}/supervise`,
      { note: '已督促民政局加快受理', visibility: 'applicant' },
      201,
    );
    const read = await h.json<CaseJson>('resident', 'GET', `/api/cases/${kase.id}`);
    const opened = read.timeline.find((entry) => entry.action === 'supervision.opened');
    expect(opened).toMatchObject({ visibility: 'applicant', data: { note: '已督促民政局加快受理' } });
    expect(opened?.by.department).toBe('d1');
    await expectNothingInternal(read);
  });
});

describe('comments', () => {
  it("should give the resident their own comments and those marked for them, by department, never staff's internal ones", async () => {
    // given the resident's comment, an internal staff comment and one civil affairs marked for the resident
    const kase = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    const own = await h.json<CommentJson>(
      'resident',
      'POST',
      `/api/cases/${kase.id}/comments`,
      { body: '材料已备齐' },
      201,
    );
    expect(own.visibility).toBe('applicant');
    const internal = await h.json<CommentJson>(
      'minzheng',
      'POST',
      `/api/cases/${kase.id}/comments`,
      { body: internalComment },
      201,
    );
    expect(internal.visibility).toBe('internal');
    await h.json(
      'minzheng',
      'POST',
      `/api/cases/${kase.id}/comments`,
      {
        body: publicComment,
        visibility: 'applicant',
      },
      201,
    );

    // when the resident reads the comments
    const seen = await h.items<CommentJson>('resident', 'GET', `/api/cases/${kase.id}/comments`);

    // then they get their own and the public one, the public one by civil affairs' name
    expect(seen.map((comment) => comment.body)).toEqual(['材料已备齐', publicComment]);
    expect(seen[1]?.by).toMatchObject({ kind: 'department', name: civilAffairs });
    expect(seen[0]?.by.kind).toBe('applicant');
    await expectNothingInternal(seen);

    // and staff read all three, each with its visibility
    const all = await h.items<CommentJson>('minzheng', 'GET', `/api/cases/${kase.id}/comments`);
    expect(all.map((comment) => [comment.body, comment.visibility])).toEqual([
      ['材料已备齐', 'applicant'],
      [internalComment, 'internal'],
      [publicComment, 'applicant'],
    ]);
  });

  it("should list a case's documents to the resident by department, never with a member of staff's user id", async () => {
    // given a document the resident uploads and one civil affairs uploads on the case
    const kase = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    for (const [who, name] of [
      ['resident', 'hukou.pdf'],
      ['minzheng', 'site-visit.pdf'],
    ] as const) {
      const uploaded = await h.call(await h.login(who), {
        method: 'POST',
        url: `/api/cases/${kase.id}/attachments?name=${name}&taskId=${kase.tasks[0]?.id}`,
        headers: { 'content-type': 'application/pdf' },
        payload: pdf(),
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
    }
    // when the resident lists them
    const seen = await h.items<{ name: string; by: Who; uploadedBy?: string }>(
      'resident',
      'GET',
      `/api/cases/${kase.id}/attachments`,
    );
    // then
    const byName = [...seen].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((attachment) => [attachment.name, attachment.by.kind])).toEqual([
      ['hukou.pdf', 'applicant'],
      ['site-visit.pdf', 'department'],
    ]);
    expect(byName[1]?.by.name).toEqual(civilAffairs);
    await expectNothingInternal(seen);
    const staff = await h.items<{ uploadedBy: string }>(
      'minzheng',
      'GET',
      `/api/cases/${kase.id}/attachments`,
    );
    expect(staff.every((attachment) => typeof attachment.uploadedBy === 'string')).toBe(true);
  });

  it('should refuse an internal note from the resident', async () => {
    const kase = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    const refused = await h.request('resident', 'POST', `/api/cases/${kase.id}/comments`, {
      body: '只给工作人员看',
      visibility: 'internal',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: string }>().error).toBe('TB_FORBIDDEN');
  });
});

describe("a bad rating's follow-up is internal", () => {
  /** A closed case of the resident, rated bad, and the follow-up the worker opened for it. */
  async function ratedBad(): Promise<{ caseId: string; followUpId: string }> {
    let kase = await h.json<CaseJson>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.subsistence-allowance', data: applicantData },
      201,
    );
    for (const [state, outcome] of [
      ['accept', 'accept'],
      ['review', 'approve'],
      ['deliver', 'delivered'],
    ] as const) {
      kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${kase.id}`);
      await h.json('minzheng', 'POST', `/api/tasks/${openTask(kase, state).id}/complete`, { outcome });
    }
    await h.json(
      'resident',
      'POST',
      `/api/cases/${kase.id}/rating`,
      { score: 'bad', reason: '态度不好' },
      201,
    );
    const followUpId = await vi.waitFor(
      async () => {
        const [row] = await h.runtime.db
          .select({ id: cases.id })
          .from(cases)
          .where(and(eq(cases.workflowKey, followUpWorkflow), sql`${cases.data}->>'ratedCase' = ${kase.id}`));
        expect(row).toBeDefined();
        return row?.id as string;
      },
      { timeout: 10_000, interval: 100 },
    );
    return { caseId: kase.id, followUpId };
  }

  it('should never list, show or let the resident rate the follow-up, and tell them only that it was followed up', async () => {
    // given a bad rating whose follow-up the supervisor resolved with an internal opinion
    const { caseId, followUpId } = await ratedBad();
    const followUp = await h.json<CaseJson>('supervisor', 'GET', `/api/cases/${followUpId}`);
    expect(followUp.internal).toBe(true);
    expect(followUp.timeline.every((entry) => entry.visibility === 'internal')).toBe(true);
    await h.json('supervisor', 'POST', `/api/tasks/${openTask(followUp, 'followUp').id}/complete`, {
      outcome: 'resolved',
      data: { opinion: supervisorOpinion },
    });
    expect((await h.json<CaseJson>('supervisor', 'GET', `/api/cases/${followUpId}`)).status).toBe('done');

    // then the resident's applications list the rated case and not the follow-up
    const mine = await h.items<{ id: string }>('resident', 'GET', '/api/cases/mine?limit=100');
    expect(mine.map((entry) => entry.id)).toContain(caseId);
    expect(mine.map((entry) => entry.id)).not.toContain(followUpId);
    // and the follow-up does not exist for them: not to read, not to rate
    expect((await h.request('resident', 'GET', `/api/cases/${followUpId}`)).statusCode).toBe(404);
    const rate = await h.request('resident', 'POST', `/api/cases/${followUpId}/rating`, { score: 'bad' });
    expect(rate.statusCode).toBe(404);
    expect((await h.request('resident', 'GET', `/api/cases/${followUpId}/comments`)).statusCode).toBe(404);

    // and they are told, about the case they rated, that it was followed up: no opinion, no follow-up id
    const told = await vi.waitFor(
      async () => {
        const notices = await h.items<NotificationJson>('resident', 'GET', '/api/notifications?limit=100');
        const found = notices.filter((notice) => notice.template === 'rating.followed-up');
        expect(found.map((notice) => notice.caseId)).toContain(caseId);
        return notices;
      },
      { timeout: 10_000, interval: 100 },
    );
    await expectNothingInternal(told, [followUpId]);
    // and the rated case's own timeline for the resident shows nothing of the follow-up
    await expectNothingInternal(await h.json('resident', 'GET', `/api/cases/${caseId}`), [followUpId]);
  });

  it('should refuse to let a resident open an internal workflow by hand', async () => {
    const response = await h.request('resident', 'POST', '/api/cases', {
      workflow: followUpWorkflow,
      data: {
        ratedCase: '00000000-0000-4000-8000-000000000000',
        department: 'd1.minzheng',
        supervisingDepartment: 'd1',
      },
    });
    expect(response.statusCode).toBe(403);
    const mine = await h.items<{ title: { en: string } }>('resident', 'GET', '/api/cases/mine?limit=100');
    expect(mine.map((entry) => entry.title.en)).not.toContain('Follow-up of a bad rating');
  });
});

describe('bundle trackers', () => {
  it("should show each matter's timeline to the resident by the same rules", async () => {
    // given a senior-services application, and an internal supervision order on one of its children
    const tracker = await h.json<{ id: string; items: Array<{ matter: string; caseId: string | null }> }>(
      'resident',
      'POST',
      '/api/bundles/d1.senior-services/applications',
      { data: bundleApplications['d1.senior-services']?.data },
      201,
    );
    const child = tracker.items.find((item) => item.matter === 'd1.senior-card');
    const kase = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${child?.caseId}`);
    const task = kase.tasks.find((candidate) => candidate.status === 'open') as TaskJson;
    await h.json('minzheng', 'POST', `/api/tasks/${task.id}/claim`);
    await h.json('supervisor', 'POST', `/api/tasks/${task.id}/supervise`, { note: secretNote }, 201);
    await h.json('minzheng', 'POST', `/api/tasks/${task.id}/complete`, { outcome: 'accept' });

    // when the resident reads the tracker
    const read = await h.json<{
      items: Array<{
        matter: string;
        timeline: EntryJson[];
        workingOn: Array<{ department: string; name: { 'zh-CN': string } }>;
      }>;
    }>('resident', 'GET', `/api/bundle-applications/${tracker.id}`);

    // then each started matter has its resident timeline, departments by name, nothing internal
    await expectNothingInternal(read);
    const senior = read.items.find((item) => item.matter === 'd1.senior-card');
    expect(senior?.timeline.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['case.started', 'task.closed']),
    );
    expect(senior?.timeline.every((entry) => entry.visibility === 'applicant')).toBe(true);
    const working = read.items.flatMap((item) => item.workingOn);
    expect(working.length).toBeGreaterThan(0);
    for (const entry of working) expect(entry.name['zh-CN']).toMatch(/东城区/);
  });
});
