import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, timers } from '../../src/db/schema.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * A ladder's steps that come due at the same moment (the grid event's breach and the supervisors'
 * notice) go out together, in ladder order, even though one pass fires several batches at once.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('timers due at the same moment', () => {
  it('should fire every step due together in one pass, in ladder order, for each of many cases', async () => {
    // given 30 immediate reports, each with a breach and a notice due 30 minutes later
    h.clock.set('2026-03-10T10:00:00+08:00');
    const grid = await h.login('grid');
    const caseIds: string[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await h.call(grid, {
        method: 'POST',
        url: '/api/cases',
        payload: {
          matter: 'd1.fire-lane',
          data: {
            eventType: 'fire-lane-blocked',
            urgency: 'immediate',
            community: 'd1.s1.c1',
            location: `${i} 号楼`,
            description: '堵塞',
          },
        },
      });
      expect(response.statusCode).toBe(201);
      caseIds.push((response.json() as { id: string }).id);
    }
    // when one pass runs at the deadline
    h.clock.set('2026-03-10T10:30:00+08:00');
    await h.runtime.timers.fireDue();
    // then nothing due is left, and every case shows warn, breach, notice in that order
    const pending = await h.runtime.db
      .select({ id: timers.id, fireAt: timers.fireAt })
      .from(timers)
      .where(and(inArray(timers.caseId, caseIds), eq(timers.status, 'pending')));
    expect(pending.filter((timer) => timer.fireAt <= h.clock.now())).toEqual([]);
    const rows = await h.runtime.db
      .select({ caseId: auditEvents.caseId, data: auditEvents.data })
      .from(auditEvents)
      .where(and(inArray(auditEvents.caseId, caseIds), eq(auditEvents.action, 'task.escalated')))
      .orderBy(asc(auditEvents.caseId), asc(auditEvents.seq));
    for (const caseId of caseIds)
      expect(rows.filter((row) => row.caseId === caseId).map((row) => row.data.action)).toEqual([
        'warn',
        'breach',
        'notify',
      ]);
  });
});
