import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, cases, users } from '../../src/db/schema.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import { bundleApplications as applications, newborn } from '../support/applications.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * One window (一窗受理): a counter clerk submits a bundle for a resident who stands at the counter. The
 * matters that come after others are started by the system queue's worker when those are done, as the
 * system: not with the clerk's permissions (which end at the clerk's own department), nor under anyone's
 * name in the audit, and with the same applicant as the matters started at the counter.
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

interface Item {
  matter: string;
  status: string;
  caseId: string | null;
  workingOn: Array<{ department: string }>;
}
interface Tracker {
  id: string;
  status: string;
  result: string | null;
  items: Item[];
}

/** Works a child case to its end as its department would (as an administrator, who works any queue). */
async function work(caseId: string): Promise<void> {
  for (let step = 0; step < 10; step += 1) {
    const kase = await h.json<{
      status: string;
      tasks: Array<{ id: string; status: string; outcomes: Array<string | { key: string }> }>;
    }>('admin', 'GET', `/api/cases/${caseId}`);
    if (kase.status !== 'active') return;
    const task = kase.tasks.find((candidate) => candidate.status === 'open');
    if (!task) throw new Error(`no open task on ${caseId}`);
    const outcomes = task.outcomes.map((outcome) => (typeof outcome === 'string' ? outcome : outcome.key));
    const outcome = ['accept', 'approve', 'agree', 'delivered'].find((candidate) =>
      outcomes.includes(candidate),
    ) as string;
    await h.json('admin', 'POST', `/api/tasks/${task.id}/complete`, { outcome });
  }
  throw new Error(`case ${caseId} did not end`);
}

/** Works every started matter until the application closes; the submitter follows it on the tracker. */
async function runToTheEnd(submitter: string, id: string): Promise<Tracker> {
  for (let round = 0; round < 10; round += 1) {
    const tracker = await h.json<Tracker>(submitter, 'GET', `/api/bundle-applications/${id}`);
    if (tracker.status === 'done') return tracker;
    const started = tracker.items.filter((item) => item.status === 'started');
    for (const item of started) await work(item.caseId as string);
    // the system queue's worker moves the application on
    await vi.waitFor(
      async () => {
        const next = await h.json<Tracker>(submitter, 'GET', `/api/bundle-applications/${id}`);
        const moved = started.every(
          (item) => next.items.find((other) => other.matter === item.matter)?.status === 'done',
        );
        const more = next.status === 'done' || next.items.some((other) => other.status === 'started');
        if (!moved || !more)
          throw new Error(
            `not yet: ${JSON.stringify(next.items.map((other) => [other.matter, other.status]))}`,
          );
      },
      { timeout: 10_000, interval: 100 },
    );
  }
  throw new Error(`application ${id} did not close`);
}

async function userId(username: string): Promise<string> {
  const [row] = await h.runtime.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (row as { id: string }).id;
}

/** Each child case's applicant and who started it, by matter. */
async function children(tracker: Tracker) {
  const ids = tracker.items.flatMap((item) => (item.caseId ? [item.caseId] : []));
  const rows = await h.runtime.db
    .select({ id: cases.id, matter: cases.matterKey, applicantId: cases.applicantId })
    .from(cases)
    .where(inArray(cases.id, ids));
  const started = await h.runtime.db
    .select({ caseId: auditEvents.caseId, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(inArray(auditEvents.caseId, ids), eq(auditEvents.action, 'case.started')))
    .orderBy(asc(auditEvents.caseId));
  return Object.fromEntries(
    rows.map((row) => [
      row.matter,
      {
        applicantId: row.applicantId,
        startedBy: (started.find((entry) => entry.caseId === row.id) ?? { actorId: 'missing' }).actorId,
      },
    ]),
  );
}

describe('bundle continuations run as the system', () => {
  it('should run a bundle a counter clerk submitted for a resident through every matter, in order', async () => {
    // given the health commission's clerk at the counter, taking the newborn bundle for the parents
    const clerk = await userId('weijian');
    const submitted = await h.json<Tracker>(
      'weijian',
      'POST',
      '/api/bundles/d1.newborn/applications',
      { data: newborn },
      201,
    );
    expect(submitted.items.map((item) => [item.matter, item.status])).toEqual([
      ['d1.birth-certificate', 'started'],
      ['d1.newborn-hukou', 'waiting'],
      ['d1.newborn-medical-insurance', 'waiting'],
      ['d1.social-security-card', 'waiting'],
    ]);

    // when each department finishes its matter
    const closed = await runToTheEnd('weijian', submitted.id);

    // then every matter ran, in its own department, though the clerk works in none of the later ones
    expect(closed.result).toBe('approved');
    expect(closed.items.map((item) => [item.matter, item.status])).toEqual([
      ['d1.birth-certificate', 'done'],
      ['d1.newborn-hukou', 'done'],
      ['d1.newborn-medical-insurance', 'done'],
      ['d1.social-security-card', 'done'],
    ]);
    // and the clerk started the first matter at the counter, the system every later one; none has
    // the clerk for its applicant
    expect(await children(closed)).toEqual({
      'd1.birth-certificate': { applicantId: null, startedBy: clerk },
      'd1.newborn-hukou': { applicantId: null, startedBy: null },
      'd1.newborn-medical-insurance': { applicantId: null, startedBy: null },
      'd1.social-security-card': { applicantId: null, startedBy: null },
    });
    // and the timeline says the system started them
    const hukou = closed.items[1] as Item;
    const view = await h.json<{ timeline: Array<{ action: string; by: { kind: string } }> }>(
      'admin',
      'GET',
      `/api/cases/${hukou.caseId}`,
    );
    expect(view.timeline.find((entry) => entry.action === 'case.started')?.by.kind).toBe('system');
  });

  it("should take a bundle at one department's counter whose matters start at once in others", async () => {
    // given the civil affairs clerk, with a senior who wants the card, the bus card and the health check
    const submitted = await h.json<Tracker>(
      'minzheng',
      'POST',
      '/api/bundles/d1.senior-services/applications',
      { data: (applications['d1.senior-services'] as { data: Record<string, unknown> }).data },
      201,
    );
    // then the card and the health check start at once, in civil affairs and health
    expect(submitted.items.map((item) => [item.matter, item.status])).toEqual([
      ['d1.senior-card', 'started'],
      ['d1.senior-bus-card', 'waiting'],
      ['d1.senior-health-check', 'started'],
    ]);
    // and the bus card follows the card, in transport
    const closed = await runToTheEnd('minzheng', submitted.id);
    expect(closed.result).toBe('approved');
    expect(closed.items.every((item) => item.status === 'done')).toBe(true);
  });

  it('should refuse a bundle at the counter of a department none of whose matters it has', async () => {
    // the fire brigade's clerk has no part in the newborn bundle
    const response = await h.request('xiaofang', 'POST', '/api/bundles/d1.newborn/applications', {
      data: newborn,
    });
    expect(response.statusCode, response.body).toBe(403);
  });

  it("should start a resident's later matters for the resident, as the system", async () => {
    // given a resident's own newborn application
    const resident = await userId('resident');
    const submitted = await h.json<Tracker>(
      'resident',
      'POST',
      '/api/bundles/d1.newborn/applications',
      { data: newborn },
      201,
    );
    const closed = await runToTheEnd('resident', submitted.id);
    expect(closed.result).toBe('approved');
    // then every child case is the resident's; the resident started the first, the system the others
    expect(await children(closed)).toEqual({
      'd1.birth-certificate': { applicantId: resident, startedBy: resident },
      'd1.newborn-hukou': { applicantId: resident, startedBy: null },
      'd1.newborn-medical-insurance': { applicantId: resident, startedBy: null },
      'd1.social-security-card': { applicantId: resident, startedBy: null },
    });
  });
});
