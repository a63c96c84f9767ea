import type { AnyMachineSnapshot } from 'xstate';
import { EngineError } from '../errors/engine-error.js';
import type { CompiledWorkflow } from './compile.js';
import { outcomeEvent } from './compile.js';
import { dueStep, escalate } from './escalation.js';
import { assertEventShape } from './events.js';
import { followSupplement, startCaseClock } from './case-clock.js';
import { applyActions, initialMachineStep, machineStep, type ExitContext } from './machine-run.js';
import type { MachineContext } from './scope.js';
import { needsReason, TaskBook } from './tasks.js';
import type {
  CaseSnapshot,
  EngineEvent,
  IdSource,
  JoinRecord,
  StartInput,
  StepResult,
  TaskRecord,
} from './types.js';
import { stepWorkLimit } from '../expressions/types.js';
import { WorkMeter } from '../expressions/work.js';

/** Machine snapshots this process produced, so a case stepped twice in a row is not restored twice. */
const restored = new WeakMap<CaseSnapshot, AnyMachineSnapshot>();

const blank: CaseSnapshot = {
  format: 1,
  status: 'active',
  value: {},
  context: { data: {}, case: { id: '' } },
  tasks: {},
  joins: {},
  supplement: null,
  supplementsUsed: 0,
};

/**
 * Runs one step with a work meter of its own (decision 0015): every expression the step evaluates
 * (guards, `set`, queues, SLA tiers, notification and child-case data) counts on it, so a step stays
 * bounded however many expressions a definition has. Steps are synchronous: one runs at a time.
 */
function metered<T>(workflow: CompiledWorkflow, run: () => T): T {
  const outer = workflow.work.meter;
  workflow.work.meter = new WorkMeter(stepWorkLimit, 'one step of a case');
  try {
    return run();
  } finally {
    workflow.work.meter = outer;
  }
}

/** Starts a case: enters the initial states, opens their tasks and schedules their SLA timers. */
export function start(workflow: CompiledWorkflow, input: StartInput, now: number, ids: IdSource): StepResult {
  return metered(workflow, () => startCase(workflow, input, now, ids));
}

function startCase(workflow: CompiledWorkflow, input: StartInput, now: number, ids: IdSource): StepResult {
  const context: MachineContext = { data: input.data ?? {}, case: input.case };
  const book = new TaskBook(workflow, blank, now, ids);
  // the case's own clock starts with it, before its first tasks open
  const clock = startCaseClock(book, input);
  const [machine, actions] = initialMachineStep(workflow, context);
  applyActions(book, actions, context);
  return finish(workflow, book, clock === undefined ? blank : { ...blank, clock }, machine, {});
}

/**
 * Applies one event to a case and returns the next snapshot with the effects to carry out. Pure: the
 * same inputs give the same result, and the snapshot passed in is never modified. An event that is not
 * allowed throws an EngineError that says why.
 */
export function step(
  workflow: CompiledWorkflow,
  snapshot: CaseSnapshot,
  event: EngineEvent,
  now: number,
  ids: IdSource,
): StepResult {
  return metered(workflow, () => stepCase(workflow, snapshot, event, now, ids));
}

function stepCase(
  workflow: CompiledWorkflow,
  snapshot: CaseSnapshot,
  event: EngineEvent,
  now: number,
  ids: IdSource,
): StepResult {
  assertEventShape(event);
  assertSnapshot(snapshot);
  if (snapshot.status !== 'active') throw new EngineError('TB_CASE_CLOSED', { status: snapshot.status });
  const book = new TaskBook(workflow, snapshot, now, ids);
  switch (event.type) {
    case 'task.outcome':
      return completeTask(workflow, snapshot, book, event as Extract<EngineEvent, { type: 'task.outcome' }>);
    case 'task.setPriority': {
      const { taskId, priority } = event as Extract<EngineEvent, { type: 'task.setPriority' }>;
      book.setPriority(requireTask(book, taskId), priority, snapshot.context, true);
      return finish(workflow, book, snapshot, machineOf(workflow, snapshot), {});
    }
    case 'supplement.provided':
      return provideSupplement(
        workflow,
        snapshot,
        book,
        event as Extract<EngineEvent, { type: 'supplement.provided' }>,
      );
    case 'timer.fired':
      return fireTimer(
        workflow,
        snapshot,
        book,
        (event as Extract<EngineEvent, { type: 'timer.fired' }>).timerId,
      );
    case 'case.dataCorrected': {
      // the data changes, the state does not: a correction never re-routes a case by itself
      const { data, reason } = event as Extract<EngineEvent, { type: 'case.dataCorrected' }>;
      const context = withData(snapshot.context, data);
      // the applicant is told what was changed in their application, and why
      book.effects.push({
        type: 'notify',
        to: 'applicant',
        template: 'case.data-corrected',
        data: { fields: Object.keys(data), reason },
        at: now,
      });
      return finish(workflow, book, snapshot, restore(workflow, snapshot.value, context), {});
    }
    case 'case.cancel': {
      const { reason, actor } = event as Extract<EngineEvent, { type: 'case.cancel' }>;
      for (const task of Object.values(book.tasks))
        book.close(task, 'cancelled', actor === undefined ? { reason } : { reason, actor });
      book.effects.push({ type: 'completeCase', result: 'cancelled', at: now });
      return {
        snapshot: {
          ...snapshot,
          status: 'cancelled',
          result: 'cancelled',
          tasks: {},
          joins: {},
          supplement: null,
        },
        effects: book.effects,
      };
    }
    default: {
      const machine = machineOf(workflow, snapshot);
      const next = advance(workflow, book, machine, event);
      if (next === null) {
        throw new EngineError(
          'TB_EVENT_NOT_ALLOWED',
          { event: event.type, state: describe(snapshot) },
          '/type',
        );
      }
      return finish(workflow, book, snapshot, next, {});
    }
  }
}

function completeTask(
  workflow: CompiledWorkflow,
  snapshot: CaseSnapshot,
  book: TaskBook,
  event: Extract<EngineEvent, { type: 'task.outcome' }>,
): StepResult {
  const task = requireTask(book, event.taskId);
  if (task.status === 'waiting') throw new EngineError('TB_TASK_WAITING', { taskId: task.id });
  const compiled = book.definitionOf(task);
  if (!compiled.outcomes.has(event.outcome)) {
    throw new EngineError(
      'TB_OUTCOME_NOT_ALLOWED',
      { outcome: event.outcome, task: compiled.title, allowed: compiled.outcomeOrder.join(', ') },
      '/outcome',
    );
  }
  if (needsReason(compiled, event.outcome) && !event.reason?.trim()) {
    throw new EngineError('TB_REASON_REQUIRED', { outcome: event.outcome }, '/reason');
  }
  const who = event.actor === undefined ? {} : { actor: event.actor };
  const why = event.reason === undefined ? {} : { reason: event.reason };

  if (event.outcome === 'transfer') {
    const to = event.toDepartment;
    if (to === undefined)
      throw new EngineError(
        'TB_EVENT_INVALID',
        { detail: '/toDepartment is required to transfer a task' },
        '/toDepartment',
      );
    if (to === task.department)
      throw new EngineError(
        'TB_TRANSFER_TARGET_INVALID',
        { department: to, detail: 'the task is already there' },
        '/toDepartment',
      );
    book.move(task, to, 'transfer', { ...why, ...who });
    return finish(workflow, book, snapshot, machineOf(workflow, snapshot), {});
  }

  if (event.outcome === 'requestSupplement') {
    if (snapshot.supplementsUsed >= 1 || snapshot.supplement !== null)
      throw new EngineError('TB_SUPPLEMENT_ALREADY_USED');
    if (event.items === undefined)
      throw new EngineError(
        'TB_EVENT_INVALID',
        { detail: '/items must list what the applicant has to supply' },
        '/items',
      );
    book.pause(task);
    const request = {
      taskId: task.id,
      department: task.department,
      items: event.items,
      reason: event.reason ?? '',
      requestedAt: book.now,
    };
    book.effects.push({ type: 'requestSupplement', ...request, at: book.now });
    return finish(workflow, book, snapshot, machineOf(workflow, snapshot), {
      supplement: request,
      supplementsUsed: snapshot.supplementsUsed + 1,
    });
  }

  const context = withData(snapshot.context, event.data);
  const joined = snapshot.joins[task.stateId]?.outcomes ?? [];
  const mine = { taskId: task.id, department: task.department, outcome: event.outcome, ...why };
  const stillOpen = book.openTasksOf(task.stateId).filter((other) => other.id !== task.id);
  if (stillOpen.length > 0) {
    // one department of several has answered: record it and wait for the others
    book.close(task, 'completed', { outcome: event.outcome, ...why, ...who });
    const joins: Record<string, JoinRecord> = {
      ...snapshot.joins,
      [task.stateId]: { outcomes: [...joined, mine] },
    };
    const machine =
      context === snapshot.context
        ? machineOf(workflow, snapshot)
        : restore(workflow, snapshot.value, context);
    return finish(workflow, book, snapshot, machine, { joins });
  }

  const outcomes = [...joined, mine];
  // when departments disagree, the outcome listed first in the task wins (list "reject" before "approve")
  const chosen =
    compiled.outcomeOrder.find((key) => outcomes.some((entry) => entry.outcome === key)) ?? event.outcome;
  const machine =
    context === snapshot.context ? machineOf(workflow, snapshot) : restore(workflow, snapshot.value, context);
  const machineEvent = {
    type: outcomeEvent(task.stateId, chosen),
    taskId: task.id,
    outcome: chosen,
    ...why,
    ...who,
    task: {
      id: task.id,
      department: task.department,
      outcome: chosen,
      outcomes,
      priority: task.priority,
      ...why,
    },
  };
  const exit: ExitContext = { completedTaskIds: new Set([task.id]), outcome: event.outcome, ...why, ...who };
  const next = advance(workflow, book, machine, machineEvent, exit);
  if (next === null) throw new EngineError('TB_OUTCOME_CONDITIONS_NOT_MET', { outcome: chosen }, '/outcome');
  const joins = { ...snapshot.joins };
  delete joins[task.stateId];
  return finish(workflow, book, snapshot, next, { joins });
}

function provideSupplement(
  workflow: CompiledWorkflow,
  snapshot: CaseSnapshot,
  book: TaskBook,
  event: Extract<EngineEvent, { type: 'supplement.provided' }>,
): StepResult {
  const request = snapshot.supplement;
  if (request === null) throw new EngineError('TB_SUPPLEMENT_NOT_REQUESTED');
  const task = requireTask(book, request.taskId);
  book.resume(task);
  book.effects.push({ type: 'supplementProvided', taskId: task.id, at: book.now });
  const context = withData(snapshot.context, event.data);
  const machine =
    context === snapshot.context ? machineOf(workflow, snapshot) : restore(workflow, snapshot.value, context);
  // the workflow may react to the answer too (e.g. re-check the data); it does not have to
  const next = advance(workflow, book, machine, event) ?? machine;
  return finish(workflow, book, snapshot, next, { supplement: null });
}

function fireTimer(
  workflow: CompiledWorkflow,
  snapshot: CaseSnapshot,
  book: TaskBook,
  timerId: string,
): StepResult {
  const due = dueStep(book, timerId);
  if (typeof due === 'string') return { snapshot, effects: [], ignored: due };
  const task = escalate(book, due);
  const machine = machineOf(workflow, snapshot);
  const type =
    due.step.action === 'warn'
      ? 'sla.warning'
      : due.step.action === 'breach'
        ? 'sla.breached'
        : 'sla.escalated';
  const event = {
    type,
    taskId: task.id,
    stateId: task.stateId,
    step: due.index,
    action: due.step.action,
    task: { id: task.id, department: task.department, priority: task.priority },
  };
  // a workflow may route on a deadline (e.g. escalate to the street when breached); most only flag
  return finish(workflow, book, snapshot, advance(workflow, book, machine, event) ?? machine, {});
}

/**
 * Sends an event to the machine and carries out the actions it returns; null when no transition took
 * the event (the snapshot XState gives back is then the very same object).
 */
function advance(
  workflow: CompiledWorkflow,
  book: TaskBook,
  machine: AnyMachineSnapshot,
  event: { type: string },
  exit?: ExitContext,
): AnyMachineSnapshot | null {
  const [next, actions] = machineStep(workflow, machine, event);
  if (next === machine) return null;
  applyActions(book, actions, next.context as MachineContext, exit);
  return next;
}

/** Builds the next snapshot; when the machine has reached its end, closes what is left and completes the case. */
function finish(
  workflow: CompiledWorkflow,
  book: TaskBook,
  previous: CaseSnapshot,
  machine: AnyMachineSnapshot,
  changes: Partial<Pick<CaseSnapshot, 'joins' | 'supplement' | 'supplementsUsed'>>,
): StepResult {
  const done = machine.status === 'done';
  if (done)
    for (const task of Object.values(book.tasks)) book.close(task, 'cancelled', { reason: 'case completed' });
  let supplement = changes.supplement === undefined ? previous.supplement : changes.supplement;
  if (supplement !== null && book.get(supplement.taskId) === undefined) supplement = null;
  // the case's clock stands exactly while a supplement is asked for (a closed case's stays as it was)
  const clock = done ? previous.clock : followSupplement(book, previous.clock, supplement !== null);
  const snapshot: CaseSnapshot = {
    format: 1,
    status: done ? 'done' : 'active',
    value: machine.value,
    context: machine.context as MachineContext,
    tasks: book.tasks,
    joins: done ? {} : (changes.joins ?? previous.joins),
    supplement,
    supplementsUsed: changes.supplementsUsed ?? previous.supplementsUsed,
  };
  if (clock !== undefined) snapshot.clock = clock;
  if (done) {
    const result =
      typeof machine.value === 'string' ? (workflow.results.get(machine.value) ?? machine.value) : 'done';
    snapshot.result = result;
    book.effects.push({ type: 'completeCase', result, at: book.now });
  }
  restored.set(snapshot, machine);
  return { snapshot, effects: book.effects };
}

function machineOf(workflow: CompiledWorkflow, snapshot: CaseSnapshot): AnyMachineSnapshot {
  const cached = restored.get(snapshot);
  if (cached !== undefined && cached.machine === workflow.machine) return cached;
  const machine = restore(workflow, snapshot.value, snapshot.context);
  restored.set(snapshot, machine);
  return machine;
}

function restore(
  workflow: CompiledWorkflow,
  value: CaseSnapshot['value'],
  context: MachineContext,
): AnyMachineSnapshot {
  try {
    return workflow.machine.resolveState({ value, context }) as AnyMachineSnapshot;
  } catch (error) {
    throw new EngineError('TB_SNAPSHOT_INVALID', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

function withData(context: MachineContext, data: Record<string, unknown> | undefined): MachineContext {
  if (data === undefined || Object.keys(data).length === 0) return context;
  return { ...context, data: { ...context.data, ...data } };
}

function requireTask(book: TaskBook, taskId: string): TaskRecord {
  const task = book.get(taskId);
  if (task === undefined) throw new EngineError('TB_TASK_NOT_FOUND', { taskId }, '/taskId');
  return task;
}

function assertSnapshot(snapshot: CaseSnapshot): void {
  if (
    snapshot === null ||
    typeof snapshot !== 'object' ||
    snapshot.format !== 1 ||
    typeof snapshot.tasks !== 'object' ||
    snapshot.context === undefined
  ) {
    throw new EngineError('TB_SNAPSHOT_INVALID', { detail: 'not a Tongban case snapshot (format 1)' });
  }
}

function describe(snapshot: CaseSnapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);
}
