import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cases, notifications, tasks } from '../../src/db/schema.js';
import { createHarness, type Harness } from '../support/harness.js';
import { gridEventExpected, type ExpectedEscalation } from './grid-event-expected.js';

/**
 * The grid event closed loop with urgency tiers (30 min / 24 h / 3 working days) on a fake clock, across
 * Spring Festival, Mid-Autumn, National Day and their 调休 make-up working days: every warning, breach,
 * supervisor notice and escalation fires through the timer rows at the moment computed by hand
 * (grid-event-expected.ts), not a second earlier.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const second = 1000;

async function report(expected: ExpectedEscalation) {
  h.clock.set(expected.reportedAt);
  const grid = await h.login('grid');
  const data: Record<string, unknown> = {
    eventType: 'fire-lane-blocked',
    community: 'd1.s1.c1',
    location: '和平街 3 号楼北侧消防通道',
    description: '电动车和杂物堵塞消防通道',
  };
  if (expected.urgency !== undefined) data.urgency = expected.urgency;
  // no matter named: the responsibility list routes the event type to its lead department
  return h.call(grid, { method: 'POST', url: '/api/cases', payload: { workflow: 'grid-event', data } });
}

const escalationsOf = async (caseId: string) =>
  (
    await h.runtime.db
      .select({ at: auditEvents.at, data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, 'task.escalated')))
      .orderBy(asc(auditEvents.seq))
  ).map((row) => ({
    at: row.at.toISOString(),
    action: String(row.data.action),
    step: Number(row.data.step),
  }));

/** Moves the clock to `iso` and lets the timers fire, as the timer loop would. */
async function at(iso: string, offsetMs = 0) {
  h.clock.set(new Date(Date.parse(iso) + offsetMs).toISOString());
  await h.runtime.timers.fireDue();
}

describe('grid event escalation times on the 2026 calendar', () => {
  it('should refuse a report without an urgency, since the form requires one (the tier fallback is for data that lacks it)', async () => {
    const missing = gridEventExpected.find((expected) => expected.urgency === undefined);
    expect(missing).toBeDefined();
    const response = await report(missing as ExpectedEscalation);
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json())).toContain('urgency');
  });

  for (const expected of gridEventExpected.filter((entry) => entry.urgency !== undefined)) {
    it(`should escalate a ${expected.urgency} report of ${expected.reportedAt} at the hand-computed moments`, async () => {
      // given a report, routed to the fire brigade (the matter's lead) without a dispatcher
      const response = await report(expected);
      expect(response.statusCode).toBe(201);
      const kase = response.json() as { id: string; tasks: Array<{ id: string; department: string }> };
      expect(kase.tasks.map((task) => task.department)).toEqual(['d1.xiaofang']);
      const taskId = kase.tasks[0]!.id;
      const task = async () =>
        (await h.runtime.db.select().from(tasks).where(eq(tasks.id, taskId)))[0] as typeof tasks.$inferSelect;
      expect((await task()).dueAt?.toISOString()).toBe(new Date(expected.breach).toISOString());

      // the yellow warning: not a second early, then at its moment
      await at(expected.warn, -second);
      expect(await escalationsOf(kase.id)).toEqual([]);
      await at(expected.warn);
      expect(await escalationsOf(kase.id)).toEqual([
        { at: new Date(expected.warn).toISOString(), action: 'warn', step: 0 },
      ]);
      expect((await task()).flag).toBe('yellow');

      // the red breach and the supervisors' notice, together at the deadline
      await at(expected.breach, -second);
      expect(await escalationsOf(kase.id)).toHaveLength(1);
      await at(expected.breach);
      const breach = new Date(expected.breach).toISOString();
      const notify = new Date(expected.notify).toISOString();
      expect((await escalationsOf(kase.id)).slice(1)).toEqual([
        { at: breach, action: 'breach', step: 1 },
        { at: notify, action: 'notify', step: 2 },
      ]);
      expect((await task()).flag).toBe('red');
      const notices = await h.runtime.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.caseId, kase.id), eq(notifications.template, 'sla.escalation')));
      expect(notices.map((notice) => [notice.recipient, notice.createdAt.toISOString()])).toEqual([
        ['supervisors:d1.xiaofang', notify],
      ]);

      // escalation to the district above at 1.5 times the limit
      await at(expected.escalate, -second);
      expect(await escalationsOf(kase.id)).toHaveLength(3);
      await at(expected.escalate);
      expect((await escalationsOf(kase.id)).slice(3)).toEqual([
        { at: new Date(expected.escalate).toISOString(), action: 'escalate', step: 3 },
      ]);
      expect((await task()).department).toBe('d1');

      // and nothing fires twice, however often the timers are looked at
      await at(expected.escalate, 7 * 24 * 3600 * second);
      expect(await escalationsOf(kase.id)).toHaveLength(4);
      // the case counts one version per timer delivered, as its timeline does (two came due together)
      const [row] = await h.runtime.db
        .select({ version: cases.version })
        .from(cases)
        .where(eq(cases.id, kase.id));
      const delivered = await h.runtime.db
        .select({ after: auditEvents.after })
        .from(auditEvents)
        .where(and(eq(auditEvents.caseId, kase.id), eq(auditEvents.action, 'timer.fired')))
        .orderBy(asc(auditEvents.seq));
      expect(delivered).toHaveLength(4);
      expect(row?.version).toBe(1 + delivered.length);
      expect((delivered.at(-1)?.after as { version: number }).version).toBe(row?.version);
    });
  }
});
