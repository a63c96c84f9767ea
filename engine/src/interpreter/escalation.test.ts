import { describe, expect, it } from 'vitest';
import { Catalog } from '../definitions/catalog.js';
import type { Definition, WorkflowDefinition } from '../definitions/types.js';
import { compiled, counterIds, libraryCatalog, shanghai, showShanghai } from '../../test/support/library.js';
import { compileWorkflow } from './compile.js';
import { start, step } from './step.js';
import type { Effect } from './types.js';

const ofType = <T extends Effect['type']>(effects: Effect[], type: T) =>
  effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);

describe('escalation timers', () => {
  const grid = compiled('grid-event');
  const kase = { id: 'g1', lead: 'd1.chengguan' };
  const t0 = shanghai('2026-03-09T10:00');

  function started() {
    const ids = counterIds();
    const result = start(
      grid,
      {
        case: kase,
        data: {
          eventType: 'garbage',
          urgency: 'immediate',
          community: 'd1.s1.c1',
          location: 'x',
          description: 'y',
        },
      },
      t0,
      ids,
    );
    const timers = ofType(result.effects, 'scheduleTimer');
    return { result, ids, timers };
  }

  it('should fire a due timer once: a second delivery of the same timer changes nothing', () => {
    const { result, ids, timers } = started();
    const warn = timers[0]!;
    const first = step(
      grid,
      result.snapshot,
      { type: 'timer.fired', timerId: warn.timerId },
      warn.fireAt,
      ids,
    );
    expect(ofType(first.effects, 'updateTask')[0]?.changes).toMatchObject({
      flag: 'yellow',
      escalationLevel: 1,
    });
    const again = step(
      grid,
      first.snapshot,
      { type: 'timer.fired', timerId: warn.timerId },
      warn.fireAt + 1000,
      ids,
    );
    expect(again.effects).toEqual([]);
    expect(again.ignored).toMatch(/already fired/);
    expect(again.snapshot).toBe(first.snapshot);
  });

  it('should ignore a timer that arrives before its moment (a stale job for a moved deadline)', () => {
    const { result, ids, timers } = started();
    const early = step(
      grid,
      result.snapshot,
      { type: 'timer.fired', timerId: timers[1]!.timerId },
      t0 + 60_000,
      ids,
    );
    expect(early.ignored).toMatch(/not due/);
  });

  it('should ignore a timer of a task that has closed, and an id that is not ours', () => {
    const { result, ids, timers } = started();
    const taskId = Object.keys(result.snapshot.tasks)[0]!;
    const done = step(
      grid,
      result.snapshot,
      { type: 'task.outcome', taskId, outcome: 'resolved' },
      t0 + 60_000,
      ids,
    );
    expect(ofType(done.effects, 'cancelTimer').map((effect) => effect.timerId)).toEqual(
      timers.map((timer) => timer.timerId),
    );
    expect(
      step(grid, done.snapshot, { type: 'timer.fired', timerId: timers[1]!.timerId }, timers[1]!.fireAt, ids)
        .ignored,
    ).toMatch(/closed/);
    expect(step(grid, done.snapshot, { type: 'timer.fired', timerId: 'garbage' }, t0, ids).ignored).toMatch(
      /not an SLA timer/,
    );
  });
});

describe('priority changes and supervision orders', () => {
  const workflow: WorkflowDefinition = {
    kind: 'workflow',
    key: 'priority-tiers',
    version: 1,
    title: { 'zh-CN': '按优先级定时限', en: 'SLA by priority' },
    machine: {
      initial: 'work',
      states: {
        work: {
          meta: {
            task: {
              queue: { department: 'd1.minzheng' },
              outcomes: ['done'],
              sla: {
                by: { var: 'task.priority' },
                tiers: { urgent: { workingHours: 2 }, high: { workingDays: 1 }, normal: { workingDays: 3 } },
                otherwise: 'normal',
              },
              escalation: [
                { at: 1, action: 'breach' },
                { after: 'PT4H', action: 'supervise', respondWithin: { workingHours: 8 } },
                { after: 'P1D', action: 'raisePriority' },
              ],
            },
          },
          on: { done: 'finished' },
        },
        finished: { type: 'final' },
      },
    },
  };
  const catalog = new Catalog([
    ...(libraryCatalog().all('department') as Definition[]),
    ...(libraryCatalog().all('calendar') as Definition[]),
    workflow,
  ]);
  const priorityWorkflow = compileWorkflow(workflow, catalog);
  const t0 = shanghai('2026-03-09T09:00');

  it('should pick another tier when the priority changes, keeping the time already spent', () => {
    const ids = counterIds();
    const started = start(priorityWorkflow, { case: { id: 'p1' } }, t0, ids);
    const task = Object.values(started.snapshot.tasks)[0]!;
    expect(showShanghai(task.dueAt)).toBe('2026-03-11 17:30');
    // one working hour later the task becomes urgent: 2 working hours in all, 1 left
    const urgent = step(
      priorityWorkflow,
      started.snapshot,
      { type: 'task.setPriority', taskId: task.id, priority: 'urgent' },
      t0 + 3_600_000,
      ids,
    );
    const updated = Object.values(urgent.snapshot.tasks)[0]!;
    expect(updated.tier).toBe('urgent');
    expect(showShanghai(updated.dueAt)).toBe('2026-03-09 11:00');
    expect(
      ofType(urgent.effects, 'scheduleTimer').map((timer) => [timer.action, showShanghai(timer.fireAt)]),
    ).toEqual([
      ['breach', '2026-03-09 11:00'],
      ['supervise', '2026-03-09 16:30'],
      ['raisePriority', '2026-03-10 11:00'],
    ]);
  });

  it('should open a supervision order with a response limit on the department calendar', () => {
    const ids = counterIds();
    const started = start(priorityWorkflow, { case: { id: 'p2' } }, t0, ids);
    const supervise = ofType(started.effects, 'scheduleTimer').find((timer) => timer.action === 'supervise')!;
    const fired = step(
      priorityWorkflow,
      started.snapshot,
      { type: 'timer.fired', timerId: supervise.timerId },
      supervise.fireAt,
      ids,
    );
    const [order] = ofType(fired.effects, 'openSupervisionOrder');
    expect(order).toMatchObject({ department: 'd1.minzheng' });
    // breach Wed 17:30, supervise 4 working hours later (Thu 14:30), 8 working hours to respond: Fri 15:30
    expect(showShanghai(supervise.fireAt)).toBe('2026-03-12 14:30');
    expect(showShanghai(order?.respondBy)).toBe('2026-03-13 15:30');
  });

  it('should raise the priority one level when the ladder says so, without moving the deadline', () => {
    const ids = counterIds();
    const started = start(priorityWorkflow, { case: { id: 'p3' } }, t0, ids);
    const raise = ofType(started.effects, 'scheduleTimer').find((timer) => timer.action === 'raisePriority')!;
    const fired = step(
      priorityWorkflow,
      started.snapshot,
      { type: 'timer.fired', timerId: raise.timerId },
      raise.fireAt,
      ids,
    );
    const task = Object.values(fired.snapshot.tasks)[0]!;
    expect(task.priority).toBe('high');
    expect(task.dueAt).toBe(Object.values(started.snapshot.tasks)[0]!.dueAt);
  });
});
