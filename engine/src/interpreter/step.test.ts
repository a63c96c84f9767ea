import { describe, expect, it } from 'vitest';
import { compiled, counterIds, shanghai, showShanghai } from '../../test/support/library.js';
import { start, step } from './step.js';
import type { CaseSnapshot, Effect, StepResult } from './types.js';

const approval = compiled('standard-approval');
const joint = compiled('joint-review');
const monday = shanghai('2026-03-09T10:00');
const applicant = {
  applicantName: '张三',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  amount: 500,
};

const ofType = <T extends Effect['type']>(effects: Effect[], type: T) =>
  effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
const openTaskIds = (snapshot: CaseSnapshot) => Object.keys(snapshot.tasks);
const onlyTask = (snapshot: CaseSnapshot) => {
  const tasks = Object.values(snapshot.tasks);
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
};

function startApproval(data: Record<string, unknown> = applicant): { result: StepResult; ids: () => string } {
  const ids = counterIds();
  const result = start(approval, { case: { id: 'c1', lead: 'd1.minzheng' }, data }, monday, ids);
  return { result, ids };
}

describe('interpreter: starting a case', () => {
  it('should open the first task in the lead department with its deadline on the business calendar', () => {
    // given / when
    const { result } = startApproval();
    // then
    const [open] = ofType(result.effects, 'openTask');
    expect(open?.task).toMatchObject({
      stateId: 'standard-approval.accept',
      department: 'd1.minzheng',
      priority: 'normal',
    });
    expect(showShanghai(open?.task.dueAt)).toBe('2026-03-10 10:00');
    expect(result.snapshot.value).toBe('accept');
  });

  it('should schedule one timer per escalation step (warn at 75%, breach at 100% by default)', () => {
    const { result } = startApproval();
    const timers = ofType(result.effects, 'scheduleTimer');
    expect(timers.map((timer) => [timer.action, showShanghai(timer.fireAt)])).toEqual([
      // 75% of one 7-hour working day from Monday 10:00 is 5h15m of working time: 16:45 the same day
      ['warn', '2026-03-09 16:45'],
      ['breach', '2026-03-10 10:00'],
    ]);
  });

  it('should produce a snapshot that survives a JSON round trip unchanged', () => {
    const { result, ids } = startApproval();
    const copy = JSON.parse(JSON.stringify(result.snapshot)) as CaseSnapshot;
    expect(copy).toStrictEqual(result.snapshot);
    const task = onlyTask(copy);
    // stepping the restored copy gives the same as stepping the original
    const a = step(
      approval,
      result.snapshot,
      { type: 'task.outcome', taskId: task.id, outcome: 'accept' },
      monday + 60_000,
      counterIds('x'),
    );
    const b = step(
      approval,
      copy,
      { type: 'task.outcome', taskId: task.id, outcome: 'accept' },
      monday + 60_000,
      counterIds('x'),
    );
    expect(JSON.parse(JSON.stringify(b))).toStrictEqual(JSON.parse(JSON.stringify(a)));
    void ids;
  });
});

describe('interpreter: queues', () => {
  it('should refuse to start a case whose workflow needs a lead department the case does not name', () => {
    expect(() => start(approval, { case: { id: 'c0' }, data: applicant }, monday, counterIds())).toThrowError(
      'Cannot decide which department handles task "standard-approval.accept": the case names no lead department',
    );
  });

  it('should refuse a department that does not exist', () => {
    expect(() =>
      start(approval, { case: { id: 'c0', lead: 'nowhere' }, data: applicant }, monday, counterIds()),
    ).toThrowError(/no department "nowhere"/);
  });
});

describe('interpreter: outcomes', () => {
  it('should close the task and open the next one when an outcome is given', () => {
    const { result, ids } = startApproval();
    const task = onlyTask(result.snapshot);
    const next = step(
      approval,
      result.snapshot,
      { type: 'task.outcome', taskId: task.id, outcome: 'accept', actor: 'u1' },
      monday + 3_600_000,
      ids,
    );
    expect(ofType(next.effects, 'closeTask')).toEqual([
      expect.objectContaining({ taskId: task.id, status: 'completed', outcome: 'accept', actor: 'u1' }),
    ]);
    expect(ofType(next.effects, 'cancelTimer').map((effect) => effect.timerId)).toEqual([
      `${task.id}#0`,
      `${task.id}#1`,
    ]);
    expect(ofType(next.effects, 'openTask')[0]?.task.stateId).toBe('standard-approval.review');
    expect(next.snapshot.value).toBe('review');
  });

  it('should follow a guard over the form data given with the outcome', () => {
    const { result: started, ids } = startApproval();
    const result = step(
      approval,
      started.snapshot,
      { type: 'task.outcome', taskId: onlyTask(started.snapshot).id, outcome: 'accept' },
      monday,
      ids,
    );
    const review = onlyTask(result.snapshot);
    const big = step(
      approval,
      result.snapshot,
      { type: 'task.outcome', taskId: review.id, outcome: 'approve', data: { amount: 50_000 } },
      monday,
      ids,
    );
    expect(big.snapshot.value).toBe('decide');
    expect(big.snapshot.context.data.amount).toBe(50_000);
    const small = step(
      approval,
      result.snapshot,
      { type: 'task.outcome', taskId: review.id, outcome: 'approve' },
      monday,
      ids,
    );
    expect(small.snapshot.value).toBe('deliver');
  });

  it('should refuse an outcome the task does not offer, naming the allowed ones', () => {
    const { result, ids } = startApproval();
    expect(() =>
      step(
        approval,
        result.snapshot,
        { type: 'task.outcome', taskId: onlyTask(result.snapshot).id, outcome: 'approve' },
        monday,
        ids,
      ),
    ).toThrowError(
      'Outcome "approve" is not allowed for task "Accept the application"; allowed: accept, reject, requestSupplement, transfer',
    );
  });

  it('should require a reason to reject, return or transfer', () => {
    const { result, ids } = startApproval();
    const taskId = onlyTask(result.snapshot).id;
    expect(() =>
      step(approval, result.snapshot, { type: 'task.outcome', taskId, outcome: 'reject' }, monday, ids),
    ).toThrowError(/requires a reason/);
    expect(() =>
      step(
        approval,
        result.snapshot,
        { type: 'task.outcome', taskId, outcome: 'reject', reason: '  ' },
        monday,
        ids,
      ),
    ).toThrowError(/requires a reason/);
    const rejected = step(
      approval,
      result.snapshot,
      { type: 'task.outcome', taskId, outcome: 'reject', reason: '材料不全' },
      monday,
      ids,
    );
    expect(rejected.snapshot.status).toBe('done');
    expect(rejected.snapshot.result).toBe('rejected');
    expect(ofType(rejected.effects, 'notify')[0]).toMatchObject({
      to: 'applicant',
      template: 'case.rejected',
    });
    expect(ofType(rejected.effects, 'completeCase')).toEqual([
      { type: 'completeCase', result: 'rejected', at: monday },
    ]);
  });

  it('should refuse any event for an unknown task, a closed case, or a reserved event type', () => {
    const { result, ids } = startApproval();
    expect(() =>
      step(
        approval,
        result.snapshot,
        { type: 'task.outcome', taskId: 'nope', outcome: 'accept' },
        monday,
        ids,
      ),
    ).toThrowError(/Task nope does not exist/);
    expect(() => step(approval, result.snapshot, { type: 'tb.outcome:x:y' }, monday, ids)).toThrowError(
      /reserved/,
    );
    expect(() => step(approval, result.snapshot, { type: 'nobody.listens' }, monday, ids)).toThrowError(
      'Event "nobody.listens" is not allowed in the current state "accept"',
    );
    const closed = step(
      approval,
      result.snapshot,
      { type: 'case.cancel', reason: 'withdrawn by the applicant' },
      monday,
      ids,
    );
    expect(() =>
      step(approval, closed.snapshot, { type: 'task.outcome', taskId: 'x', outcome: 'accept' }, monday, ids),
    ).toThrowError(/already cancelled/);
  });

  it('should refuse a malformed event with the path that is wrong', () => {
    const { result, ids } = startApproval();
    expect(() =>
      step(
        approval,
        result.snapshot,
        { type: 'task.outcome', taskId: 3, outcome: 'accept' } as never,
        monday,
        ids,
      ),
    ).toThrowError(/\/taskId/);
    expect(() =>
      step(
        approval,
        result.snapshot,
        { type: 'task.outcome', taskId: 'a', outcome: 'b', extra: 1 } as never,
        monday,
        ids,
      ),
    ).toThrowError(/unknown field "extra"/);
  });

  it('should never modify the snapshot it was given', () => {
    const { result, ids } = startApproval();
    const before = JSON.stringify(result.snapshot);
    step(
      approval,
      result.snapshot,
      { type: 'task.outcome', taskId: onlyTask(result.snapshot).id, outcome: 'accept' },
      monday,
      ids,
    );
    expect(JSON.stringify(result.snapshot)).toBe(before);
  });
});

describe('interpreter: transfer, return and supplements', () => {
  it('should move a transferred task to the other department, keeping its clock', () => {
    const { result, ids } = startApproval();
    const task = onlyTask(result.snapshot);
    const later = monday + 2 * 3_600_000;
    const moved = step(
      approval,
      result.snapshot,
      {
        type: 'task.outcome',
        taskId: task.id,
        outcome: 'transfer',
        toDepartment: 'd1.renshe',
        reason: '属人社职责',
      },
      later,
      ids,
    );
    expect(ofType(moved.effects, 'moveTask')).toEqual([
      {
        type: 'moveTask',
        taskId: task.id,
        from: 'd1.minzheng',
        to: 'd1.renshe',
        kind: 'transfer',
        reason: '属人社职责',
        at: later,
      },
    ]);
    expect(onlyTask(moved.snapshot)).toMatchObject({
      id: task.id,
      department: 'd1.renshe',
      dueAt: task.dueAt,
    });
  });

  it('should refuse a transfer to the same or an unknown department', () => {
    const { result, ids } = startApproval();
    const taskId = onlyTask(result.snapshot).id;
    expect(() =>
      step(
        approval,
        result.snapshot,
        { type: 'task.outcome', taskId, outcome: 'transfer', toDepartment: 'd1.minzheng', reason: 'x' },
        monday,
        ids,
      ),
    ).toThrowError(/already there/);
    expect(() =>
      step(
        approval,
        result.snapshot,
        { type: 'task.outcome', taskId, outcome: 'transfer', toDepartment: 'mars', reason: 'x' },
        monday,
        ids,
      ),
    ).toThrowError(/no such department/);
  });

  it('should pause the clock while the applicant supplies material, once, and move the deadline by the pause', () => {
    const { result, ids } = startApproval();
    const task = onlyTask(result.snapshot);
    // two working hours in, the department asks for a missing document
    const asked = step(
      approval,
      result.snapshot,
      {
        type: 'task.outcome',
        taskId: task.id,
        outcome: 'requestSupplement',
        reason: '缺少户口簿',
        items: ['户口簿首页及本人页'],
      },
      shanghai('2026-03-09T12:00'),
      ids,
    );
    expect(ofType(asked.effects, 'requestSupplement')[0]).toMatchObject({
      items: ['户口簿首页及本人页'],
      reason: '缺少户口簿',
    });
    expect(onlyTask(asked.snapshot).status).toBe('waiting');
    expect(ofType(asked.effects, 'cancelTimer')).toHaveLength(2);
    expect(() =>
      step(
        approval,
        asked.snapshot,
        { type: 'task.outcome', taskId: task.id, outcome: 'accept' },
        monday,
        ids,
      ),
    ).toThrowError(/waiting for the applicant/);

    // the applicant answers three days later, Thursday 09:00: 5 working hours remain
    const answered = step(
      approval,
      asked.snapshot,
      { type: 'supplement.provided', data: { address: '和平街 1 号' } },
      shanghai('2026-03-12T09:00'),
      ids,
    );
    const resumed = onlyTask(answered.snapshot);
    expect(resumed.status).toBe('open');
    expect(showShanghai(resumed.dueAt)).toBe('2026-03-12 15:30');
    expect(answered.snapshot.context.data.address).toBe('和平街 1 号');
    expect(ofType(answered.effects, 'scheduleTimer').map((timer) => showShanghai(timer.fireAt))).toEqual([
      '2026-03-12 13:45',
      '2026-03-12 15:30',
    ]);

    // only one request for supplements per case
    expect(() =>
      step(
        approval,
        answered.snapshot,
        {
          type: 'task.outcome',
          taskId: task.id,
          outcome: 'requestSupplement',
          reason: 'again',
          items: ['x'],
        },
        monday,
        ids,
      ),
    ).toThrowError(/one request for supplements/);
  });

  it('should return a task to the earlier step with a reason', () => {
    const { result: started, ids } = startApproval();
    const result = step(
      approval,
      started.snapshot,
      { type: 'task.outcome', taskId: onlyTask(started.snapshot).id, outcome: 'accept' },
      monday,
      ids,
    );
    const returned = step(
      approval,
      result.snapshot,
      { type: 'task.outcome', taskId: onlyTask(result.snapshot).id, outcome: 'return', reason: '意见不完整' },
      monday,
      ids,
    );
    expect(returned.snapshot.value).toBe('accept');
    expect(ofType(returned.effects, 'closeTask')[0]).toMatchObject({
      outcome: 'return',
      reason: '意见不完整',
    });
  });
});

describe('interpreter: parallel lead and cooperating departments', () => {
  const kase = { id: 'c9', lead: 'd1.minzheng', cooperating: ['d1.weijian', 'd1.jiaotong'] };

  function intoReview() {
    const ids = counterIds();
    const started = start(joint, { case: kase, data: applicant }, monday, ids);
    const review = step(
      joint,
      started.snapshot,
      { type: 'task.outcome', taskId: onlyTask(started.snapshot).id, outcome: 'accept' },
      monday,
      ids,
    );
    return { review, ids };
  }

  it('should open one task per department at once: the lead and every cooperating department', () => {
    const { review } = intoReview();
    expect(
      ofType(review.effects, 'openTask').map((effect) => [effect.task.stateId, effect.task.department]),
    ).toEqual([
      ['joint-review.review.lead.reviewing', 'd1.minzheng'],
      ['joint-review.review.cooperating.reviewing', 'd1.weijian'],
      ['joint-review.review.cooperating.reviewing', 'd1.jiaotong'],
    ]);
  });

  it('should move on only when the lead and all cooperating departments have answered', () => {
    const { review, ids } = intoReview();
    const byDept = (snapshot: CaseSnapshot, department: string) =>
      Object.values(snapshot.tasks).find((task) => task.department === department)!;
    let current = step(
      joint,
      review.snapshot,
      { type: 'task.outcome', taskId: byDept(review.snapshot, 'd1.weijian').id, outcome: 'agree' },
      monday,
      ids,
    );
    expect(openTaskIds(current.snapshot)).toHaveLength(2);
    current = step(
      joint,
      current.snapshot,
      { type: 'task.outcome', taskId: byDept(current.snapshot, 'd1.minzheng').id, outcome: 'approve' },
      monday,
      ids,
    );
    expect(current.snapshot.value).toEqual({ review: { lead: 'done', cooperating: 'reviewing' } });
    current = step(
      joint,
      current.snapshot,
      { type: 'task.outcome', taskId: byDept(current.snapshot, 'd1.jiaotong').id, outcome: 'agree' },
      monday,
      ids,
    );
    expect(current.snapshot.value).toBe('deliver');
  });

  it('should let one disagreement of several win, in the order the outcomes are listed', () => {
    const { review, ids } = intoReview();
    const coop = Object.values(review.snapshot.tasks).filter((task) => task.department !== 'd1.minzheng');
    let current = step(
      joint,
      review.snapshot,
      { type: 'task.outcome', taskId: coop[0]!.id, outcome: 'disagree' },
      monday,
      ids,
    );
    current = step(
      joint,
      current.snapshot,
      { type: 'task.outcome', taskId: coop[1]!.id, outcome: 'agree' },
      monday,
      ids,
    );
    const lead = Object.values(current.snapshot.tasks)[0]!;
    current = step(
      joint,
      current.snapshot,
      { type: 'task.outcome', taskId: lead.id, outcome: 'approve' },
      monday,
      ids,
    );
    expect(current.snapshot.value).toBe('decide');
    expect(current.snapshot.context.data.objection).toBe(true);
  });

  it('should cancel the cooperating tasks when the lead rejects', () => {
    const { review, ids } = intoReview();
    const lead = Object.values(review.snapshot.tasks).find((task) => task.department === 'd1.minzheng')!;
    const rejected = step(
      joint,
      review.snapshot,
      { type: 'task.outcome', taskId: lead.id, outcome: 'reject', reason: '不符合条件' },
      monday,
      ids,
    );
    expect(rejected.snapshot.status).toBe('done');
    expect(rejected.snapshot.result).toBe('rejected');
    const closed = ofType(rejected.effects, 'closeTask').map((effect) => [effect.department, effect.status]);
    expect(closed).toHaveLength(3);
    expect(closed).toEqual(
      expect.arrayContaining([
        ['d1.minzheng', 'completed'],
        ['d1.weijian', 'cancelled'],
        ['d1.jiaotong', 'cancelled'],
      ]),
    );
    expect(rejected.snapshot.tasks).toEqual({});
  });
});

describe('interpreter: correcting the application data', () => {
  it('should change the corrected fields and nothing else: no state change, no task opened or closed', () => {
    // given
    const { result, ids } = startApproval();
    // when
    const corrected = step(
      approval,
      result.snapshot,
      { type: 'case.dataCorrected', data: { amount: 50_000 }, reason: 'typo on the counter', actor: 'u1' },
      monday + 60_000,
      ids,
    );
    // then
    expect(corrected.snapshot.context.data).toEqual({ ...applicant, amount: 50_000 });
    expect(corrected.snapshot.value).toBe(result.snapshot.value);
    expect(openTaskIds(corrected.snapshot)).toEqual(openTaskIds(result.snapshot));
    expect(corrected.effects.filter((effect) => effect.type !== 'notify')).toEqual([]);
  });

  it('should refuse a correction without a reason', () => {
    const { result, ids } = startApproval();
    expect(() =>
      step(approval, result.snapshot, { type: 'case.dataCorrected', data: { amount: 1 } }, monday, ids),
    ).toThrow(/reason/);
  });
});
