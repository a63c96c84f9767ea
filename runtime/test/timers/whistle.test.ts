import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cases } from '../../src/db/schema.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * 街乡吹哨、部门报到 on a fake clock: the street summons fire and urban management; fire reports in within
 * its 30 minutes, urban management misses its 2 working hours and is recorded late, on the case and in
 * its audit chain, while the punctual department is not.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface CaseJson {
  id: string;
  data: Record<string, unknown>;
  tasks: Array<{ id: string; state: string; status: string; department: string; dueAt: string }>;
}

const openIn = (kase: CaseJson, state: string) =>
  kase.tasks.filter((task) => task.state.endsWith(state) && task.status === 'open');

describe('the street blows the whistle, departments report in', () => {
  it('should give each summoned department its own report-in limit and record the one that is late', async () => {
    // given a problem the street of Heping cannot solve alone (Monday 2026-03-09 09:00)
    const kase = await h.json<CaseJson>(
      'admin',
      'POST',
      '/api/cases',
      {
        matter: 'd1.s1.whistle',
        data: { problem: '老旧小区楼道堆物、电动车违规充电', location: '和平街 12 号院' },
      },
      201,
    );
    const [blow] = openIn(kase, 'blow');
    expect(blow?.department).toBe('d1.s1');

    // when the street blows the whistle for fire and urban management
    await h.json('admin', 'POST', `/api/tasks/${blow?.id}/complete`, {
      outcome: 'whistle',
      data: { summoned: ['d1.xiaofang', 'd1.chengguan'], instructions: '请 30 分钟内到场联合处置' },
    });

    // then each department has a report-in task with its own limit: fire 30 minutes, urban management 2 working hours
    const summoned = await h.json<CaseJson>('admin', 'GET', `/api/cases/${kase.id}`);
    const reportIns = openIn(summoned, 'reportIn');
    const byDepartment = new Map(reportIns.map((task) => [task.department, task]));
    expect([...byDepartment.keys()].sort()).toEqual(['d1.chengguan', 'd1.xiaofang']);
    expect(byDepartment.get('d1.xiaofang')?.dueAt).toBe('2026-03-09T01:30:00.000Z');
    expect(byDepartment.get('d1.chengguan')?.dueAt).toBe('2026-03-09T03:00:00.000Z');

    // when fire reports in after 20 minutes and urban management not at all
    h.clock.advance(20 * 60_000);
    await h.json('admin', 'POST', `/api/tasks/${byDepartment.get('d1.xiaofang')?.id}/complete`, {
      outcome: 'reportedIn',
      data: { officer: '刘洋' },
    });
    h.clock.set('2026-03-09T03:00:01.000Z');
    await h.runtime.timers.fireDue();

    // then urban management is recorded late on the case, and its breach is in the audit chain
    const [row] = await h.runtime.db.select({ data: cases.data }).from(cases).where(eq(cases.id, kase.id));
    expect(row?.data.lateReportIns).toEqual(['d1.chengguan']);
    const breaches = await h.runtime.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, 'task.escalated')))
      .orderBy(asc(auditEvents.seq));
    expect(
      breaches.filter((entry) => entry.data.action === 'breach').map((entry) => entry.data.department),
    ).toEqual(['d1.chengguan']);
  });
});
