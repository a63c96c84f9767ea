import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleApplications, cases, notifications } from '../../src/db/schema.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import { bundleApplications as applications, newborn } from '../support/applications.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * One-thing bundles through the HTTP API, with the system queue's worker running as `tongban start`
 * runs it: one combined form in, one case per included matter out, each in its own department, each
 * started when the matters it comes after are done, one tracker, one result.
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
  caseStatus: string | null;
  result: string | null;
  workingOn: Array<{ department: string; status: string; dueAt: string }>;
  waitingForApplicant: boolean;
}
interface Tracker {
  id: string;
  status: string;
  result: string | null;
  items: Item[];
}
interface CaseJson {
  status: string;
  result: string | null;
  data: Record<string, unknown>;
  tasks: Array<{ id: string; state: string; status: string; outcomes: Array<string | { key: string }> }>;
}

/** Works a child case to its end as its department would: accept, approve, deliver (or reject at intake). */
async function work(caseId: string, decision: 'approve' | 'reject' = 'approve'): Promise<void> {
  for (let step = 0; step < 10; step += 1) {
    const kase = await h.json<CaseJson>('admin', 'GET', `/api/cases/${caseId}`);
    if (kase.status !== 'active') return;
    const task = kase.tasks.find((candidate) => candidate.status === 'open');
    if (!task) throw new Error(`no open task on ${caseId}`);
    const outcomes = task.outcomes.map((outcome) => (typeof outcome === 'string' ? outcome : outcome.key));
    const outcome =
      decision === 'reject' && outcomes.includes('reject')
        ? 'reject'
        : (['accept', 'approve', 'agree', 'delivered'].find((candidate) =>
            outcomes.includes(candidate),
          ) as string);
    await h.json('admin', 'POST', `/api/tasks/${task.id}/complete`, {
      outcome,
      ...(outcome === 'reject' ? { reason: '材料不符合要求' } : {}),
    });
  }
  throw new Error(`case ${caseId} did not end`);
}

/** Waits until the worker has moved the application on to `expected`. */
async function trackerUntil(id: string, expected: (tracker: Tracker) => boolean): Promise<Tracker> {
  return vi.waitFor(
    async () => {
      const tracker = await h.json<Tracker>('resident', 'GET', `/api/bundle-applications/${id}`);
      if (!expected(tracker))
        throw new Error(
          `not yet: ${JSON.stringify(tracker.items.map((item) => [item.matter, item.status]))}`,
        );
      return tracker;
    },
    { timeout: 10_000, interval: 100 },
  );
}

const statuses = (tracker: Tracker) =>
  Object.fromEntries(tracker.items.map((item) => [item.matter, item.status]));

describe('bundles over HTTP', () => {
  it('should list the bundles and give each one combined form, asking shared elements once', async () => {
    const bundles = await h.items<{ key: string }>('resident', 'GET', '/api/bundles');
    expect(bundles.map((bundle) => bundle.key)).toEqual([
      'd1.newborn',
      'd1.open-restaurant',
      'd1.senior-services',
    ]);
    const form = await h.json<{
      elements: Array<{ shared: boolean }>;
      uischema: object;
      notice: { 'zh-CN': string };
    }>('resident', 'GET', '/api/bundles/d1.newborn/form');
    expect(form.elements.filter((element) => element.shared)).toHaveLength(9);
    expect(form.notice['zh-CN'].length).toBeGreaterThan(0);
    expect((await h.request('resident', 'GET', '/api/bundles/d1.nothing/form')).statusCode).toBe(404);
  });

  it('should run the newborn bundle in dependency order, each matter in its department, to one result', async () => {
    // when parents apply with one form
    const submitted = await h.json<Tracker>(
      'resident',
      'POST',
      '/api/bundles/d1.newborn/applications',
      { data: newborn },
      201,
    );

    // then only the birth certificate starts, at the health commission; the rest wait for it
    expect(statuses(submitted)).toEqual({
      'd1.birth-certificate': 'started',
      'd1.newborn-hukou': 'waiting',
      'd1.newborn-medical-insurance': 'waiting',
      'd1.social-security-card': 'waiting',
    });
    const birth = submitted.items[0] as Item;
    expect(birth.workingOn.map((task) => task.department)).toEqual(['d1.weijian']);
    // and the child case got its own form's data, read by data element from the combined form
    const child = await h.json<CaseJson>('admin', 'GET', `/api/cases/${birth.caseId}`);
    expect(child.data).toMatchObject({ birthHospital: '东城区妇幼保健院' });
    expect(JSON.stringify(child.data)).toContain('王小宝');

    // when each department finishes, the next matter starts in the next department
    const chain = [
      ['d1.birth-certificate', 'd1.newborn-hukou', 'd1.gongan'],
      ['d1.newborn-hukou', 'd1.newborn-medical-insurance', 'd1.yibao'],
      ['d1.newborn-medical-insurance', 'd1.social-security-card', 'd1.renshe'],
    ] as const;
    let tracker = submitted;
    for (const [done, next, department] of chain) {
      await work(tracker.items.find((item) => item.matter === done)?.caseId as string);
      tracker = await trackerUntil(submitted.id, (current) => statuses(current)[next] === 'started');
      expect(statuses(tracker)[done]).toBe('done');
      const started = tracker.items.find((item) => item.matter === next) as Item;
      expect(started.workingOn.map((task) => task.department)).toEqual([department]);
      // one matter at a time: nothing after it has started
      const later = tracker.items.slice(tracker.items.indexOf(started) + 1);
      expect(later.every((item) => item.status === 'waiting')).toBe(true);
    }

    // when the last one is done, the application closes approved
    await work(tracker.items[3]?.caseId as string);
    const closed = await trackerUntil(submitted.id, (current) => current.status === 'done');
    expect(closed.result).toBe('approved');
    expect(closed.items.every((item) => item.status === 'done' && item.result === 'approved')).toBe(true);

    // and nobody else can see the tracker
    expect((await h.request('grid', 'GET', `/api/bundle-applications/${submitted.id}`)).statusCode).toBe(404);
  });

  it('should start independent matters in parallel, leave out what the resident did not ask for, and close partial when one is refused', async () => {
    // given a senior who wants the card and the health check, but no bus card
    const submitted = await h.json<Tracker>(
      'resident',
      'POST',
      '/api/bundles/d1.senior-services/applications',
      {
        data: {
          person: {
            name: '李秀英',
            idNumber: '11010519491231002X',
            birthDate: '1949-12-31',
            phone: '13800000002',
          },
          address: { residential: '北京市东城区和平街 5 号' },
          choice: { busCard: false, healthCheck: true },
          'm_d1_senior-health-check': { preferredDate: '2026-03-20', institution: 'community-health-centre' },
          consent: true,
        },
      },
      201,
    );
    // then two cases start at once, in civil affairs and health; the bus card is not part of it
    expect(statuses(submitted)).toEqual({ 'd1.senior-card': 'started', 'd1.senior-health-check': 'started' });
    expect(submitted.items.flatMap((item) => item.workingOn.map((task) => task.department)).sort()).toEqual([
      'd1.minzheng',
      'd1.weijian',
    ]);

    // when the card is issued and the health check refused
    await work(submitted.items[0]?.caseId as string);
    await work(submitted.items[1]?.caseId as string, 'reject');

    // then the application closes with a result that says so
    const closed = await trackerUntil(submitted.id, (current) => current.status === 'done');
    expect(closed.result).toBe('partial');
    expect(closed.items.map((item) => [item.matter, item.result])).toEqual([
      ['d1.senior-card', 'approved'],
      ['d1.senior-health-check', 'rejected'],
    ]);

    // when the resident rates the whole application bad
    const rating = `/api/bundle-applications/${submitted.id}/rating`;
    await h.json('resident', 'POST', rating, { score: 'bad', reason: '体检被拒，没有说明原因' }, 201);

    // then the tracker shows it, it cannot be rated twice, and the supervisors get a follow-up task
    const rated = await h.json<Tracker & { rating: { score: string } | null }>(
      'resident',
      'GET',
      `/api/bundle-applications/${submitted.id}`,
    );
    expect(rated.rating?.score).toBe('bad');
    expect((await h.request('resident', 'POST', rating, { score: 'good' })).statusCode).toBe(409);
    const followUp = await vi.waitFor(
      async () => {
        const rows = await h.runtime.db
          .select({ id: cases.id })
          .from(cases)
          .where(
            and(
              eq(cases.workflowKey, 'rating-follow-up'),
              sql`${cases.data}->>'ratedCase' = ${submitted.id}`,
            ),
          );
        expect(rows).toHaveLength(1);
        return rows[0] as { id: string };
      },
      { timeout: 10_000, interval: 100 },
    );
    const followUpCase = await h.json<{ tasks: Array<{ department: string; status: string }> }>(
      'admin',
      'GET',
      `/api/cases/${followUp.id}`,
    );
    // the application began in civil affairs: its supervisors sit in the district
    expect(followUpCase.tasks.map((task) => [task.department, task.status])).toEqual([['d1', 'open']]);
  });

  it("should bring one matter's supplement request to the resident once, pausing that matter's clock only", async () => {
    // given a senior services application whose card and health check run in parallel
    const submitted = await h.json<Tracker>(
      'resident',
      'POST',
      '/api/bundles/d1.senior-services/applications',
      {
        data: {
          person: {
            name: '王建国',
            idNumber: '110101195001010016',
            birthDate: '1950-01-01',
            phone: '13800000003',
          },
          address: { residential: '北京市东城区和平街 7 号' },
          choice: { busCard: false, healthCheck: true },
          'm_d1_senior-health-check': { preferredDate: '2026-03-25', institution: 'district-hospital' },
          consent: true,
        },
      },
      201,
    );
    const [card, check] = submitted.items as [Item, Item];
    const checkDue = check.workingOn[0]?.dueAt;
    const cardDue = card.workingOn[0]?.dueAt as string;

    // when civil affairs asks for the household register
    const cardCase = await h.json<CaseJson>('admin', 'GET', `/api/cases/${card.caseId}`);
    const intake = cardCase.tasks.find((task) => task.status === 'open') as { id: string };
    await h.json('minzheng', 'POST', `/api/tasks/${intake.id}/request-supplements`, {
      items: ['户口簿'],
      reason: '缺少户口簿首页',
    });

    // then the tracker shows that matter waiting for the resident, and only that one
    const waiting = await h.json<Tracker>('resident', 'GET', `/api/bundle-applications/${submitted.id}`);
    expect(waiting.items.map((item) => [item.matter, item.waitingForApplicant])).toEqual([
      ['d1.senior-card', true],
      ['d1.senior-health-check', false],
    ]);
    // and the resident is told once
    const notices = await h.runtime.db
      .select({ template: notifications.template })
      .from(notifications)
      .where(inArray(notifications.caseId, [card.caseId as string, check.caseId as string]));
    expect(notices.filter((notice) => notice.template === 'case.supplement-requested')).toHaveLength(1);

    // when four working hours pass before the resident answers (a sign-in lasts 12 hours)
    h.clock.advance(4 * 3600 * 1000);
    await h.json('resident', 'POST', `/api/cases/${card.caseId}/supplements`, {
      data: { emergencyContact: '王小明' },
    });

    // then the card's clock has been paused for the wait and the health check's has not
    const after = await h.json<Tracker>('resident', 'GET', `/api/bundle-applications/${submitted.id}`);
    const [cardAfter, checkAfter] = after.items as [Item, Item];
    expect(cardAfter.waitingForApplicant).toBe(false);
    expect(Date.parse(cardAfter.workingOn[0]?.dueAt as string)).toBeGreaterThan(Date.parse(cardDue));
    expect(checkAfter.workingOn[0]?.dueAt).toBe(checkDue);
  });

  it('should refuse an application that, as filled in, includes no matter at all', async () => {
    // given a bundle whose only matter is optional
    const definition = {
      kind: 'bundle',
      key: 'd1.bus-card-only',
      version: 1,
      title: { 'zh-CN': '敬老公交卡', en: 'Senior bus card' },
      // only for a replacement card (a condition on its own field: the one matter is optional)
      matters: [
        {
          matter: 'd1.senior-bus-card',
          when: { '==': [{ var: 'data.m_d1_senior-bus-card.cardType' }, 'replacement'] },
        },
      ],
      timeLimit: { workingDays: 5 },
    };
    await h.json('admin', 'POST', '/api/definitions', definition, 201);
    await h.json('admin', 'POST', '/api/definitions/bundle/d1.bus-card-only/1/publish');

    // when the resident does not choose it, then there is nothing to apply for
    const response = await h.request('resident', 'POST', '/api/bundles/d1.bus-card-only/applications', {
      data: {
        person: {
          name: '李秀英',
          idNumber: '11010519491231002X',
          birthDate: '1949-12-31',
          phone: '13800000002',
        },
        address: { residential: '北京市东城区和平街 5 号' },
        consent: true,
      },
    });
    expect(response.statusCode, response.body).toBe(422);
    expect((response.json() as { details: Array<{ path: string; message: string }> }).details).toEqual([
      { path: '/', message: '请至少选择一项要办理的事项' },
    ]);
  });

  it('should refuse data the combined form refuses, with its paths, and write nothing', async () => {
    const before = await h.runtime.db.select({ id: bundleApplications.id }).from(bundleApplications);
    const casesBefore = await h.runtime.db.select({ id: cases.id }).from(cases);
    const { idNumber: _idNumber, ...mother } = newborn.mother;
    const response = await h.request('resident', 'POST', '/api/bundles/d1.newborn/applications', {
      data: { ...newborn, mother, consent: false },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json() as { error: string; details: Array<{ path: string }> };
    expect(body.error).toBe('TB_FORM_DATA_INVALID');
    expect(body.details.map((detail) => detail.path)).toEqual(
      expect.arrayContaining(['/mother/idNumber', '/consent']),
    );
    expect(await h.runtime.db.select({ id: bundleApplications.id }).from(bundleApplications)).toHaveLength(
      before.length,
    );
    expect(await h.runtime.db.select({ id: cases.id }).from(cases)).toHaveLength(casesBefore.length);
    // and an application needs a signed-in applicant
    expect(
      (await h.request(null, 'POST', '/api/bundles/d1.newborn/applications', { data: newborn })).statusCode,
    ).toBe(401);
    expect(await h.runtime.db.select({ id: bundleApplications.id }).from(bundleApplications)).toHaveLength(
      before.length,
    );
  });
});

describe.each(Object.entries(applications))('the %s bundle, start to rating', (key, application) => {
  it('should fan out to its departments, wait for dependencies, survive a supplement round trip, close and be rated', async () => {
    const bundle = (await h.runtime.definitions.current()).get('bundle', key);
    const afterOf = new Map((bundle?.matters ?? []).map((item) => [item.matter, item.after ?? []]));

    // when the resident applies with one form
    const submitted = await h.json<Tracker>(
      'resident',
      'POST',
      `/api/bundles/${key}/applications`,
      { data: application.data },
      201,
    );
    expect(submitted.items).toHaveLength(bundle?.matters.length ?? 0);
    // then what waits for nothing starts at once, and what comes after something waits
    for (const item of submitted.items)
      expect([item.matter, item.status]).toEqual([
        item.matter,
        (afterOf.get(item.matter) ?? []).length === 0 ? 'started' : 'waiting',
      ]);

    // when the first matter's department asks for a supplement, the resident answers it
    const first = submitted.items[0] as Item;
    const firstCase = await h.json<CaseJson>('admin', 'GET', `/api/cases/${first.caseId}`);
    const intake = firstCase.tasks.find((task) => task.status === 'open') as { id: string };
    await h.json('admin', 'POST', `/api/tasks/${intake.id}/request-supplements`, {
      items: ['补充材料'],
      reason: '材料不清晰',
    });
    expect(
      (await h.json<Tracker>('resident', 'GET', `/api/bundle-applications/${submitted.id}`)).items[0]
        ?.waitingForApplicant,
    ).toBe(true);
    await h.json('resident', 'POST', `/api/cases/${first.caseId}/supplements`, { data: {} });

    // then every matter is worked in its department, each starting once what it comes after is done
    const seen = new Set<string>();
    for (let round = 0; round < 10; round += 1) {
      const tracker = await h.json<Tracker>('resident', 'GET', `/api/bundle-applications/${submitted.id}`);
      if (tracker.status === 'done') break;
      const startedNow = tracker.items.filter((item) => item.status === 'started');
      for (const item of startedNow) {
        for (const before of afterOf.get(item.matter) ?? [])
          expect(tracker.items.find((other) => other.matter === before)?.status).toBe('done');
        for (const task of item.workingOn) seen.add(task.department);
        await work(item.caseId as string);
      }
      await trackerUntil(submitted.id, (current) =>
        startedNow.every(
          (item) => current.items.find((other) => other.matter === item.matter)?.status === 'done',
        ),
      );
    }
    const closed = await trackerUntil(submitted.id, (current) => current.status === 'done');
    expect(closed.result).toBe('approved');
    // every lead department had its matter (cooperating departments may have signed off beside them)
    expect([...seen]).toEqual(expect.arrayContaining(application.departments));

    // and the resident rates it once
    await h.json(
      'resident',
      'POST',
      `/api/bundle-applications/${submitted.id}/rating`,
      { score: 'good', reason: '一次办好' },
      201,
    );
    expect(
      (
        await h.request('resident', 'POST', `/api/bundle-applications/${submitted.id}/rating`, {
          score: 'good',
        })
      ).statusCode,
    ).toBe(409);
  });
});
