import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cases, notifications, outbox } from '../../src/db/schema.js';
import { followUpWorkflow, openFollowUp } from '../../src/ratings/follow-up.js';
import { startWorkers, type Workers } from '../../src/workers/workers.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * 好差评: a resident who rates a closed case bad gets a follow-up. The rating writes an outbox row in its
 * own transaction; the system queue's worker opens a follow-up case whose task waits for the rated
 * department's supervisors (for civil affairs: the district, d1), high priority, five working days.
 */
let h: Harness;
let workers: Workers;
beforeAll(async () => {
  h = await createHarness();
  // the system queue's worker, as `tongban start` runs it
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
  priority: string;
  dueAt: string;
}
interface CaseJson {
  id: string;
  status: string;
  tasks: TaskJson[];
}

/** A subsistence-allowance case of the resident, accepted, approved and delivered by civil affairs. */
async function closedCase(): Promise<string> {
  const kase = await h.json<CaseJson>(
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
    const current = await h.json<CaseJson>('minzheng', 'GET', `/api/cases/${kase.id}`);
    const task = current.tasks.find(
      (candidate) => candidate.state.endsWith(state) && candidate.status === 'open',
    );
    await h.json('minzheng', 'POST', `/api/tasks/${task?.id}/complete`, { outcome });
  }
  expect((await h.json<CaseJson>('resident', 'GET', `/api/cases/${kase.id}`)).status).toBe('done');
  return kase.id;
}

/** The follow-up cases of a rated case, as the administrator reads them. */
async function followUpsOf(caseId: string) {
  const rows = await h.runtime.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.workflowKey, followUpWorkflow), sql`${cases.data}->>'ratedCase' = ${caseId}`));
  return Promise.all(rows.map((row) => h.json<CaseJson>('admin', 'GET', `/api/cases/${row.id}`)));
}

describe('a bad rating opens a follow-up for the supervisors', () => {
  it('should open one follow-up task in the supervising department, which the supervisor resolves and the resident hears of', async () => {
    // given a closed case, rated bad by its applicant
    const caseId = await closedCase();
    await h.json(
      'resident',
      'POST',
      `/api/cases/${caseId}/rating`,
      { score: 'bad', reason: '等了很久，态度不好' },
      201,
    );

    // then the worker opens a follow-up: its task waits in the district's queue, where the supervisor works
    const [followUp] = await vi.waitFor(
      async () => {
        const found = await followUpsOf(caseId);
        expect(found).toHaveLength(1);
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    const task = followUp?.tasks[0] as TaskJson;
    expect(task).toMatchObject({ department: 'd1', priority: 'high', status: 'open' });
    // five working days from Monday 2026-03-09 09:00: the end of Friday 03-13
    expect(task.dueAt.slice(0, 10)).toBe('2026-03-13');
    const inbox = await h.json<{ items: Array<{ id: string }> }>(
      'supervisor',
      'GET',
      '/api/tasks/inbox?department=d1&limit=100',
    );
    expect(inbox.items.map((item) => item.id)).toContain(task.id);

    // and a second delivery of the same rating opens nothing more
    expect(await openFollowUp(h.runtime, caseId)).toBe(followUp?.id);
    expect(await followUpsOf(caseId)).toHaveLength(1);

    // when the supervisor has called back and resolves it
    await h.json('supervisor', 'POST', `/api/tasks/${task.id}/complete`, {
      outcome: 'resolved',
      data: { opinion: '已回访，已整改' },
    });

    // then the follow-up is closed, internal to departments, and the resident is told about the case
    // they rated (visibility.test.ts: never the follow-up itself)
    expect((await h.json<CaseJson>('supervisor', 'GET', `/api/cases/${followUp?.id}`)).status).toBe('done');
    expect((await h.request('resident', 'GET', `/api/cases/${followUp?.id}`)).statusCode).toBe(404);
    await vi.waitFor(
      async () => {
        const told = await h.runtime.db
          .select({ template: notifications.template })
          .from(notifications)
          .where(eq(notifications.caseId, caseId));
        expect(told.map((row) => row.template)).toContain('rating.followed-up');
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('should open nothing for a good or average rating', async () => {
    for (const score of ['good', 'average']) {
      const caseId = await closedCase();
      await h.json('resident', 'POST', `/api/cases/${caseId}/rating`, { score }, 201);
      const rows = await h.runtime.db.select().from(outbox).where(eq(outbox.topic, 'rating.bad'));
      expect(rows.map((row) => row.payload.caseId)).not.toContain(caseId);
      expect(await followUpsOf(caseId)).toEqual([]);
    }
  });
});
