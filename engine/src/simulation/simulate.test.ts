import { describe, expect, it } from 'vitest';
import { libraryCatalog, showShanghai } from '../../test/support/library.js';
import type { Effect } from '../interpreter/types.js';
import { simulate, type SimulationResult } from './simulate.js';

const gridCase = { lead: 'd1.chengguan' };
/** A grid worker's report: the community where it happened verifies it on site. */
const report = {
  eventType: 'fire-lane-blocked',
  community: 'd1.s1.c1',
  location: '和平街 3 号楼',
  description: '消防通道被占',
};

const escalations = (result: SimulationResult) =>
  result.timeline
    .filter(
      (entry): entry is typeof entry & { effect: Extract<Effect, { type: 'escalated' }> } =>
        entry.effect.type === 'escalated',
    )
    .map((entry) => `${entry.effect.action}@${showShanghai(entry.at)}@${entry.effect.department}`);

describe('simulation: grid event urgency tiers', () => {
  it('should give an immediate event 30 minutes, then warn, breach, notify and escalate to the district', () => {
    const result = simulate(libraryCatalog(), {
      workflow: 'grid-event',
      start: '2026-10-01T20:00:00+08:00', // a holiday evening: calendar time does not care
      case: gridCase,
      data: { ...report, urgency: 'immediate' },
      steps: [{ advance: 'PT1H' }],
    });
    expect(result.failure).toBeUndefined();
    const opened = result.timeline.find((entry) => entry.effect.type === 'openTask')?.effect as Extract<
      Effect,
      { type: 'openTask' }
    >;
    expect(opened.task.tier).toBe('immediate');
    expect(showShanghai(opened.task.dueAt)).toBe('2026-10-01 20:30');
    expect(escalations(result)).toEqual([
      'warn@2026-10-01 20:22@d1.chengguan',
      'breach@2026-10-01 20:30@d1.chengguan',
      'notify@2026-10-01 20:30@d1.chengguan',
      'escalate@2026-10-01 20:45@d1.chengguan',
    ]);
    // escalation moved the task to the urban management bureau's parent, the district government
    const moved = result.timeline.find((entry) => entry.effect.type === 'moveTask')?.effect;
    expect(moved).toMatchObject({ from: 'd1.chengguan', to: 'd1', kind: 'escalate' });
  });

  it('should count a 3-working-day deadline across National Day and its 调休 Saturday (hand-computed)', () => {
    // Wed 09-30 16:00: 1.5 h left that day; 10-01..10-07 off; Thu 10-08 7 h; Fri 10-09 7 h; Sat 10-10 is a
    // working day (调休): 21 h in all end on Sat 10-10 at 16:00. 75% = 15.75 h: Sat 10-10 09:15.
    // 150% = 31.5 h: Sat ends at 22.5 h, Sun 10-11 off, Mon 10-12 7 h (29.5 h), Tue 10-13 09:00 + 2 h = 11:00.
    const result = simulate(libraryCatalog(), {
      workflow: 'grid-event',
      start: '2026-09-30T16:00:00+08:00',
      case: gridCase,
      data: { ...report, urgency: 'deadline' },
      steps: [{ at: '2026-10-14T00:00:00+08:00' }],
    });
    expect(escalations(result)).toEqual([
      'warn@2026-10-10 09:15@d1.chengguan',
      'breach@2026-10-10 16:00@d1.chengguan',
      'notify@2026-10-10 16:00@d1.chengguan',
      'escalate@2026-10-13 11:00@d1.chengguan',
    ]);
  });

  it('should default to the deadline tier when the urgency is missing', () => {
    const result = simulate(libraryCatalog(), {
      workflow: 'grid-event',
      start: '2026-03-09T09:00:00+08:00',
      case: gridCase,
      data: report,
      steps: [],
    });
    const opened = result.timeline.find((entry) => entry.effect.type === 'openTask')?.effect as Extract<
      Effect,
      { type: 'openTask' }
    >;
    expect(opened.task.tier).toBe('deadline');
    expect(showShanghai(opened.task.dueAt)).toBe('2026-03-11 17:30');
  });

  it('should run the closed loop to the end and feed back to the reporter', () => {
    const result = simulate(libraryCatalog(), {
      workflow: 'grid-event',
      start: '2026-03-09T09:00:00+08:00',
      case: gridCase,
      data: { ...report, urgency: 'sameDay' },
      steps: [
        { advance: 'PT2H', outcome: 'resolved', data: { opinion: '已清理' } },
        { advance: 'PT1H', task: 'verify', outcome: 'return', reason: '仍有车辆占道' },
        { advance: 'PT1H', task: 'handle', outcome: 'resolved' },
        { advance: 'PT30M', task: 'verify', outcome: 'confirmed', department: 'd1.s1.c1' },
      ],
    });
    expect(result.failure).toBeUndefined();
    expect(result.snapshot.status).toBe('done');
    expect(result.snapshot.result).toBe('resolved');
    expect(result.timeline.find((entry) => entry.effect.type === 'notify')?.effect).toMatchObject({
      to: 'reporter',
      template: 'grid.feedback',
      data: { location: '和平街 3 号楼' },
    });
    expect(result.pendingTimers).toEqual([]);
  });

  it('should stop at the first refused step and say why', () => {
    const result = simulate(libraryCatalog(), {
      workflow: 'grid-event',
      start: '2026-03-09T09:00:00+08:00',
      case: gridCase,
      data: report,
      steps: [{ outcome: 'confirmed' }],
    });
    expect(result.failure).toMatchObject({ step: 0, code: 'TB_OUTCOME_NOT_ALLOWED' });
    expect(result.failure?.message['zh-CN']).toContain('confirmed');
  });
});
