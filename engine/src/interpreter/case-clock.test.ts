import { describe, expect, it } from 'vitest';
import { compiled, counterIds, shanghai, showShanghai } from '../../test/support/library.js';
import { start, step } from './step.js';
import type { CaseSnapshot, Effect } from './types.js';

const approval = compiled('standard-approval');
const applicant = {
  applicantName: '张三',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  amount: 500,
};
const deadlines = (effects: Effect[]) =>
  effects
    .filter(
      (effect): effect is Extract<Effect, { type: 'setCaseDeadline' }> => effect.type === 'setCaseDeadline',
    )
    .map((effect) => ({
      dueAt: showShanghai(effect.dueAt),
      pausedAt: showShanghai(effect.pausedAt),
      uncertain: effect.uncertain,
    }));
const taskOf = (snapshot: CaseSnapshot) => Object.values(snapshot.tasks)[0]!;

function startCase(at: string, timeLimit = { workingDays: 20 }) {
  const ids = counterIds();
  const result = start(
    approval,
    {
      case: { id: 'c1', matter: 'd1.subsistence-allowance', lead: 'd1.minzheng' },
      data: applicant,
      timeLimit,
    },
    shanghai(at),
    ids,
  );
  return { result, ids };
}

describe("interpreter: the case's own clock", () => {
  it("should start with the case and give the matter's deadline on the lead department's calendar", () => {
    const { result } = startCase('2026-03-09T10:00');
    // 20 working days from Monday 10:00: over the Qingming holiday (Monday 6 April) to Tuesday 7 April
    expect(deadlines(result.effects)).toEqual([
      { dueAt: '2026-04-07 10:00', pausedAt: 'null', uncertain: false },
    ]);
    expect(result.snapshot.clock).toMatchObject({
      measure: 'working',
      calendar: 'cn-mainland',
      runningSince: shanghai('2026-03-09T10:00'),
    });
    // and it survives a JSON round trip
    expect(JSON.parse(JSON.stringify(result.snapshot))).toStrictEqual(result.snapshot);
  });

  it('should stop while a supplement is asked for and move the deadline by the working time it took', () => {
    // given a case started on Monday at 10:00
    const { result, ids } = startCase('2026-03-09T10:00');
    const task = taskOf(result.snapshot);

    // when the intake asks for a supplement an hour later
    const asked = step(
      approval,
      result.snapshot,
      {
        type: 'task.outcome',
        taskId: task.id,
        outcome: 'requestSupplement',
        items: ['收入证明'],
        reason: '缺少',
      },
      shanghai('2026-03-09T11:00'),
      ids,
    );
    // then the case's clock stands, like the task's
    expect(deadlines(asked.effects)).toEqual([
      { dueAt: 'null', pausedAt: '2026-03-09 11:00', uncertain: false },
    ]);
    expect(asked.snapshot.clock?.runningSince).toBeNull();
    expect(taskOf(asked.snapshot).dueAt).toBeNull();

    // when the applicant answers two working days later
    const given = step(
      approval,
      asked.snapshot,
      { type: 'supplement.provided', data: {} },
      shanghai('2026-03-11T11:00'),
      ids,
    );
    // then both deadlines are two working days later than they were
    expect(deadlines(given.effects)).toEqual([
      { dueAt: '2026-04-09 10:00', pausedAt: 'null', uncertain: false },
    ]);
    expect(showShanghai(taskOf(given.snapshot).dueAt)).toBe('2026-03-12 10:00');

    // and a step that does not change the pause says nothing of the deadline
    const accepted = step(
      approval,
      given.snapshot,
      { type: 'task.outcome', taskId: task.id, outcome: 'accept' },
      shanghai('2026-03-11T12:00'),
      ids,
    );
    expect(deadlines(accepted.effects)).toEqual([]);
    expect(accepted.snapshot.clock).toEqual(given.snapshot.clock);
  });

  it('should have no clock, and say nothing, without a time limit', () => {
    const ids = counterIds();
    const result = start(
      approval,
      { case: { id: 'c1', lead: 'd1.minzheng' }, data: applicant },
      shanghai('2026-03-09T10:00'),
      ids,
    );
    expect(result.snapshot.clock).toBeUndefined();
    expect(deadlines(result.effects)).toEqual([]);
  });

  it('should mark a deadline counted past 2026 as uncertain, on the case and on the task', () => {
    // on the last working morning of 2026 the calendar knows: New Year's Day 2027 counts as a working day
    const { result } = startCase('2026-12-31T10:00');
    expect(deadlines(result.effects)).toEqual([
      { dueAt: '2027-01-28 10:00', pausedAt: 'null', uncertain: true },
    ]);
    const opened = result.effects.find((effect) => effect.type === 'openTask');
    expect(
      opened?.type === 'openTask' && [showShanghai(opened.task.dueAt), opened.task.dueUncertain],
    ).toEqual(['2027-01-01 10:00', true]);
    // while a task due within 2026 is certain
    const early = startCase('2026-12-30T10:00').result.effects.find((effect) => effect.type === 'openTask');
    expect(early?.type === 'openTask' && early.task.dueUncertain).toBe(false);
  });
});
