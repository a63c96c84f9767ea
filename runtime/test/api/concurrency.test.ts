import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cases, tasks } from '../../src/db/schema.js';
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
    const audit = await h.runtime.audit.verify(kase.id);
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

describe('concurrency: side writes and commands on one case at once', () => {
  // a real PNG's first bytes: what a phone photo of a document starts with
  const png = Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    Buffer.from('0000000100000001080600000001f15c4889', 'hex'),
  ]);

  it('should answer 20 comments, 10 attachments and 5 completions on one case without a 5xx, and keep its audit chain whole', async () => {
    // given a case with an open task
    const resident = await h.login('resident');
    const staff = await h.login('minzheng');
    const started = await h.call(resident, {
      method: 'POST',
      url: '/api/cases',
      payload: { matter: 'd1.subsistence-allowance', data: applicantData },
    });
    expect(started.statusCode).toBe(201);
    const kase = started.json() as { id: string; tasks: Array<{ id: string }> };
    const taskId = kase.tasks[0]!.id;

    // when the resident and the staff write to it all at once
    const comments = Array.from({ length: 20 }, (_, i) =>
      h.call(i % 2 === 0 ? resident : staff, {
        method: 'POST',
        url: `/api/cases/${kase.id}/comments`,
        payload: { body: `comment ${i}` },
      }),
    );
    const attachments = Array.from({ length: 10 }, (_, i) =>
      h.call(resident, {
        method: 'POST',
        url: `/api/cases/${kase.id}/attachments?name=scan-${i}.png`,
        payload: png,
        headers: { 'content-type': 'image/png' },
      }),
    );
    const completions = Array.from({ length: 5 }, () =>
      h.call(staff, { method: 'POST', url: `/api/tasks/${taskId}/complete`, payload: { outcome: 'accept' } }),
    );
    const [commented, attached, completed] = await Promise.all([
      Promise.all(comments),
      Promise.all(attachments),
      Promise.all(completions),
    ]);

    // then nobody got a server error: side writes wait their turn, a command that lost its race gets a 409
    const failures = [...commented, ...attached, ...completed]
      .filter((response) => response.statusCode >= 500)
      .map((response) => `${response.statusCode} ${response.body}`);
    expect(failures).toEqual([]);
    expect(commented.map((response) => response.statusCode)).toEqual(commented.map(() => 201));
    expect(attached.map((response) => response.statusCode)).toEqual(attached.map(() => 201));
    for (const response of completed) {
      expect([200, 409]).toContain(response.statusCode);
      if (response.statusCode === 409)
        expect(['TB_CASE_VERSION_CONFLICT', 'TB_TASK_CLOSED']).toContain(
          (response.json() as { error: string }).error,
        );
    }
    expect(completed.filter((response) => response.statusCode === 200).length).toBeLessThanOrEqual(1);

    // and every write is on the case's chain, which verifies
    const [row] = await h.runtime.db.select().from(cases).where(eq(cases.id, kase.id));
    const events = await h.runtime.db.select().from(auditEvents).where(eq(auditEvents.caseId, kase.id));
    expect(events.filter((event) => event.action === 'comment.added')).toHaveLength(20);
    expect(events.filter((event) => event.action === 'attachment.added')).toHaveLength(10);
    const audit = await h.runtime.audit.verify(kase.id);
    expect(audit.breaks).toEqual([]);
    expect(audit.events).toBe(row?.auditSeq);
  });
});
