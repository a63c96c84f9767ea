import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/audit-log.js';
import { cases, tasks } from '../../src/db/schema.js';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('concurrency: many people completing one task at once', () => {
  it('should let exactly one of 50 parallel completions win; the others get a clear 409 and the case stays consistent', async () => {
    const resident = await h.login('resident');
    const staff = await h.login('minzheng');
    const started = await h.call(resident, {
      method: 'POST',
      url: '/api/cases',
      payload: { matter: 'd1.subsistence-allowance', data: applicantData },
    });
    expect(started.statusCode).toBe(201);
    const kase = started.json() as { id: string; version: number; tasks: Array<{ id: string }> };
    const taskId = kase.tasks[0]!.id;

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        h.call(staff, {
          method: 'POST',
          url: `/api/tasks/${taskId}/complete`,
          payload: { outcome: 'accept' },
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 200).every((status) => status === 409)).toBe(true);
    const codes = new Set(
      responses
        .filter((response) => response.statusCode === 409)
        .map((response) => (response.json() as { error: string }).error),
    );
    expect([...codes].every((code) => ['TB_CASE_VERSION_CONFLICT', 'TB_TASK_CLOSED'].includes(code))).toBe(
      true,
    );

    // one transition happened: version + 1, the task closed once, one review task opened
    const [row] = await h.runtime.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(row?.version).toBe(kase.version + 1);
    expect(row?.snapshot.value).toBe('review');
    const caseTasks = await h.runtime.db.select().from(tasks).where(eq(tasks.caseId, kase.id));
    expect(caseTasks.map((task) => [task.stateId, task.status]).sort()).toEqual([
      ['standard-approval.accept', 'completed'],
      ['standard-approval.review', 'open'],
    ]);
    const audit = await verifyAudit(h.runtime.db, kase.id);
    expect(audit.breaks).toEqual([]);
    expect(audit.events).toBe(row?.auditSeq);
  });

  it('should let exactly one of 20 parallel claims win', async () => {
    const resident = await h.login('resident');
    const staff = await h.login('minzheng');
    const admin = await h.login('admin');
    const started = await h.call(resident, {
      method: 'POST',
      url: '/api/cases',
      payload: { matter: 'd1.subsistence-allowance', data: applicantData },
    });
    const taskId = (started.json() as { tasks: Array<{ id: string }> }).tasks[0]!.id;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call(i % 2 === 0 ? staff : admin, { method: 'POST', url: `/api/tasks/${taskId}/claim` }),
      ),
    );
    const winners = responses.filter((response) => response.statusCode === 200);
    const assignees = new Set(
      winners.map((response) => (response.json() as { assigneeId: string }).assigneeId),
    );
    // the winner may claim twice harmlessly (same person), but only one person ever holds the task
    expect(assignees.size).toBe(1);
    expect(responses.every((response) => response.statusCode === 200 || response.statusCode === 409)).toBe(
      true,
    );
  });
});
