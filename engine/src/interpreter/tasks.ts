import type { Priority, QueueSpec } from '../definitions/types.js';
import { priorities } from '../definitions/types.js';
import { EngineError } from '../errors/engine-error.js';
import { evaluate } from '../expressions/evaluate.js';
import {
  deadlineOf,
  deadlineUncertain,
  instantAt,
  pauseClock,
  resizeClock,
  resumeClock,
  startClock,
  stepPosition,
  switchCalendar,
} from '../sla/clock.js';
import { resolveSla } from '../sla/resolve.js';
import { outcomeKey, outcomeNeedsReason } from '../workflow/outcomes.js';
import type { CompiledTask, CompiledWorkflow } from './compile.js';
import type { MachineContext } from './scope.js';
import type { CaseSnapshot, Effect, IdSource, TaskRecord, TaskView } from './types.js';

export const timerId = (taskId: string, step: number): string => `${taskId}#${step}`;

export function parseTimerId(id: string): { taskId: string; step: number } | null {
  const at = id.lastIndexOf('#');
  if (at <= 0) return null;
  const step = Number(id.slice(at + 1));
  return Number.isInteger(step) && step >= 0 ? { taskId: id.slice(0, at), step } : null;
}

/**
 * The mutable working copy of one step: tasks are replaced, never edited in place, so the snapshot the
 * caller passed in stays exactly as it was.
 */
export class TaskBook {
  readonly tasks: Record<string, TaskRecord>;
  readonly effects: Effect[] = [];

  constructor(
    readonly workflow: CompiledWorkflow,
    snapshot: CaseSnapshot,
    readonly now: number,
    readonly ids: IdSource,
  ) {
    this.tasks = { ...snapshot.tasks };
  }

  get(taskId: string): TaskRecord | undefined {
    return Object.hasOwn(this.tasks, taskId) ? this.tasks[taskId] : undefined;
  }

  openTasksOf(stateId: string): TaskRecord[] {
    return Object.values(this.tasks).filter((task) => task.stateId === stateId);
  }

  definitionOf(task: TaskRecord): CompiledTask {
    const compiled = this.workflow.tasks.get(task.stateId);
    if (!compiled)
      throw new EngineError('TB_SNAPSHOT_INVALID', {
        detail: `no task state ${task.stateId} in the workflow`,
      });
    return compiled;
  }

  /** Opens one task per department the state's queue resolves to. */
  open(stateId: string, context: MachineContext): TaskRecord[] {
    const compiled = this.workflow.tasks.get(stateId);
    if (!compiled)
      throw new EngineError('TB_SNAPSHOT_INVALID', { detail: `no task state ${stateId} in the workflow` });
    const departments = this.resolveQueue(compiled, context);
    return departments.map((department) => {
      const priority = compiled.spec.priority ?? 'normal';
      const record: TaskRecord = {
        id: this.ids(),
        stateId,
        department,
        priority,
        status: 'open',
        openedAt: this.now,
        clock: null,
        dueAt: null,
        steps: [],
        flag: 'none',
        escalationLevel: 0,
      };
      if (compiled.spec.sla !== undefined) {
        const { sla, tier } = resolveSla(
          compiled.spec.sla,
          slaScope(context, record),
          this.workflow.work.meter,
        );
        record.clock = startClock(sla, this.now, this.calendarFor(department), this.workflow.calendars);
        if (tier !== undefined) record.tier = tier;
        record.steps = compiled.escalation.map((step) => ({
          position: stepPosition(
            step,
            record.clock as NonNullable<TaskRecord['clock']>,
            this.workflow.calendars,
          ),
          fired: false,
          fireAt: null,
        }));
      }
      const scheduled = this.withSchedule(record);
      this.tasks[record.id] = scheduled;
      this.effects.push({ type: 'openTask', task: this.view(scheduled, compiled) });
      this.pushTimers(scheduled);
      return scheduled;
    });
  }

  close(
    task: TaskRecord,
    status: 'completed' | 'cancelled',
    details: { outcome?: string; reason?: string; actor?: string } = {},
  ): void {
    delete this.tasks[task.id];
    this.cancelTimers(task);
    this.effects.push({
      type: 'closeTask',
      taskId: task.id,
      stateId: task.stateId,
      department: task.department,
      status,
      ...details,
      at: this.now,
    });
  }

  /** Sends a task to another department; its SLA clock carries on, counted on the new department's calendar. */
  move(
    task: TaskRecord,
    to: string,
    kind: 'transfer' | 'reassign' | 'escalate',
    details: { reason?: string; actor?: string } = {},
  ): TaskRecord {
    if (!this.workflow.catalog.has('department', to)) {
      throw new EngineError('TB_TRANSFER_TARGET_INVALID', { department: to, detail: 'no such department' });
    }
    const compiled = this.definitionOf(task);
    const fixedCalendar =
      compiled.spec.sla !== undefined && 'calendar' in compiled.spec.sla
        ? compiled.spec.sla.calendar
        : undefined;
    const clock =
      task.clock === null || fixedCalendar !== undefined
        ? task.clock
        : switchCalendar(task.clock, this.now, this.calendarFor(to), this.workflow.calendars);
    this.effects.push({
      type: 'moveTask',
      taskId: task.id,
      from: task.department,
      to,
      kind,
      ...details,
      at: this.now,
    });
    return this.reschedule({ ...task, department: to, clock });
  }

  pause(task: TaskRecord): TaskRecord {
    const paused: TaskRecord = {
      ...task,
      status: 'waiting',
      clock: task.clock && pauseClock(task.clock, this.now, this.workflow.calendars),
    };
    this.effects.push({ type: 'updateTask', taskId: task.id, changes: { status: 'waiting' } });
    return this.reschedule(paused);
  }

  resume(task: TaskRecord): TaskRecord {
    const resumed: TaskRecord = {
      ...task,
      status: 'open',
      clock: task.clock && resumeClock(task.clock, this.now),
    };
    this.effects.push({ type: 'updateTask', taskId: task.id, changes: { status: 'open' } });
    return this.reschedule(resumed);
  }

  /** Changes priority; an SLA with tiers may pick another tier, which moves the deadline and the ladder. */
  setPriority(
    task: TaskRecord,
    priority: Priority,
    context: MachineContext,
    recomputeSla: boolean,
  ): TaskRecord {
    let next: TaskRecord = { ...task, priority };
    const changes: Extract<Effect, { type: 'updateTask' }>['changes'] = { priority };
    const spec = this.definitionOf(task).spec.sla;
    if (recomputeSla && spec !== undefined && task.clock !== null) {
      const { sla, tier } = resolveSla(spec, slaScope(context, next), this.workflow.work.meter);
      if (tier !== task.tier) {
        const clock = resizeClock(task.clock, sla, this.now, this.workflow.calendars);
        const escalation = this.definitionOf(task).escalation;
        next = {
          ...next,
          clock,
          steps: task.steps.map((step, index) => ({
            ...step,
            position: stepPosition(
              escalation[index] as (typeof escalation)[number],
              clock,
              this.workflow.calendars,
            ),
          })),
        };
        if (tier !== undefined) {
          next.tier = tier;
          changes.tier = tier;
        }
      }
    }
    this.effects.push({ type: 'updateTask', taskId: task.id, changes });
    return this.reschedule(next);
  }

  /** Marks a step fired so that a second delivery of the same timer does nothing. */
  markFired(task: TaskRecord, step: number): TaskRecord {
    const updated: TaskRecord = {
      ...task,
      steps: task.steps.map((entry, index) => (index === step ? { ...entry, fired: true } : entry)),
    };
    this.tasks[task.id] = updated;
    return updated;
  }

  put(task: TaskRecord): TaskRecord {
    this.tasks[task.id] = task;
    return task;
  }

  view(task: TaskRecord, compiled: CompiledTask): TaskView {
    const view: TaskView = {
      id: task.id,
      stateId: task.stateId,
      title: compiled.title,
      department: task.department,
      outcomes: compiled.spec.outcomes.map((outcome) => ({
        key: outcomeKey(outcome),
        ...(typeof outcome === 'string' || outcome.title === undefined ? {} : { title: outcome.title }),
        reason: outcomeNeedsReason(outcome) ? 'required' : 'optional',
      })),
      priority: task.priority,
      openedAt: task.openedAt,
      dueAt: task.dueAt,
      dueUncertain: task.dueUncertain === true,
      warnAt: warnAtOf(task, compiled),
    };
    if (compiled.spec.form !== undefined) view.form = compiled.spec.form;
    if (task.tier !== undefined) view.tier = task.tier;
    return view;
  }

  raisePriority(task: TaskRecord): TaskRecord {
    const next = priorities[
      Math.min(priorities.indexOf(task.priority) + 1, priorities.length - 1)
    ] as Priority;
    if (next === task.priority) return task;
    this.effects.push({ type: 'updateTask', taskId: task.id, changes: { priority: next } });
    return this.put({ ...task, priority: next });
  }

  calendarFor(department: string): string {
    return this.workflow.catalog.get('department', department)?.calendar ?? this.workflow.defaultCalendar;
  }

  /** Recomputes the deadline and every unfired step's moment, and tells the runtime. */
  private reschedule(task: TaskRecord): TaskRecord {
    const scheduled = this.withSchedule(task);
    this.tasks[task.id] = scheduled;
    if (scheduled.clock !== null) {
      this.effects.push({
        type: 'updateTask',
        taskId: task.id,
        changes: {
          dueAt: scheduled.dueAt,
          dueUncertain: scheduled.dueUncertain === true,
          warnAt: warnAtOf(scheduled, this.definitionOf(scheduled)),
        },
      });
    }
    if (scheduled.status === 'waiting') this.cancelTimers(scheduled);
    else this.pushTimers(scheduled);
    return scheduled;
  }

  private withSchedule(task: TaskRecord): TaskRecord {
    if (task.clock === null) return task;
    const clock = task.clock;
    const dueAt = deadlineOf(clock, this.workflow.calendars);
    return {
      ...task,
      dueAt,
      dueUncertain: deadlineUncertain(clock, this.workflow.calendars, dueAt),
      steps: task.steps.map((step) =>
        step.fired ? step : { ...step, fireAt: instantAt(clock, step.position, this.workflow.calendars) },
      ),
    };
  }

  private pushTimers(task: TaskRecord): void {
    const escalation = this.definitionOf(task).escalation;
    task.steps.forEach((step, index) => {
      if (step.fired || step.fireAt === null) return;
      const action = (escalation[index] as (typeof escalation)[number]).action;
      this.effects.push({
        type: 'scheduleTimer',
        timerId: timerId(task.id, index),
        taskId: task.id,
        fireAt: step.fireAt,
        action,
        step: index,
      });
    });
  }

  private cancelTimers(task: TaskRecord): void {
    task.steps.forEach((step, index) => {
      if (!step.fired) this.effects.push({ type: 'cancelTimer', timerId: timerId(task.id, index) });
    });
  }

  private resolveQueue(compiled: CompiledTask, context: MachineContext): string[] {
    const queue: QueueSpec = compiled.spec.queue;
    const fail = (detail: string): never => {
      throw new EngineError('TB_QUEUE_UNRESOLVED', { task: compiled.stateId, detail });
    };
    let departments: string[];
    if ('department' in queue) departments = [queue.department];
    else if ('matter' in queue) {
      departments =
        queue.matter === 'lead'
          ? context.case.lead === undefined
            ? []
            : [context.case.lead]
          : (context.case.cooperating ?? []);
      if (departments.length === 0) fail(`the case names no ${queue.matter} department`);
    } else {
      const value = evaluate(
        queue.expr,
        { data: context.data, case: context.case, task: null, event: null },
        undefined,
        this.workflow.work.meter,
      );
      departments = (Array.isArray(value) ? value : [value]).filter(
        (item): item is string => typeof item === 'string',
      );
      if (departments.length === 0) fail('the queue expression gave no department');
    }
    for (const department of departments) {
      if (!this.workflow.catalog.has('department', department)) fail(`no department "${department}"`);
    }
    return [...new Set(departments)];
  }
}

function slaScope(context: MachineContext, task: TaskRecord): Record<string, unknown> {
  return {
    data: context.data,
    case: context.case,
    task: { priority: task.priority, department: task.department, stateId: task.stateId },
    event: null,
  };
}

function warnAtOf(task: TaskRecord, compiled: CompiledTask): number | null {
  const index = compiled.escalation.findIndex((step) => step.action === 'warn');
  return index < 0 ? null : (task.steps[index]?.fireAt ?? null);
}

export function needsReason(compiled: CompiledTask, outcome: string): boolean {
  const spec = compiled.outcomes.get(outcome);
  return spec !== undefined && outcomeNeedsReason(spec);
}
