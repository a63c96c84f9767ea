import { workingOrCalendar } from './sla-helpers.js';
import type { EscalationStep } from '../sla/types.js';
import type { TaskRecord } from './types.js';
import { parseTimerId, type TaskBook } from './tasks.js';

export interface FiredStep {
  task: TaskRecord;
  step: EscalationStep;
  index: number;
}

/**
 * Checks that a timer is still due: its task is open and running, its step has not fired, and its
 * moment has come. A timer that fails any of these is stale (moved, cancelled or delivered twice) and
 * does nothing: that is what makes firing idempotent.
 */
export function dueStep(book: TaskBook, timerId: string): FiredStep | string {
  const parsed = parseTimerId(timerId);
  if (parsed === null) return `timer ${timerId} is not an SLA timer of this case`;
  const task = book.get(parsed.taskId);
  if (task === undefined) return `task ${parsed.taskId} is already closed`;
  const entry = task.steps[parsed.step];
  const step = book.definitionOf(task).escalation[parsed.step];
  if (entry === undefined || step === undefined)
    return `task ${task.id} has no escalation step ${parsed.step}`;
  if (entry.fired) return `step ${parsed.step} of task ${task.id} has already fired`;
  if (task.status === 'waiting' || entry.fireAt === null) return `the clock of task ${task.id} is paused`;
  if (entry.fireAt > book.now)
    return `step ${parsed.step} of task ${task.id} is not due until ${new Date(entry.fireAt).toISOString()}`;
  return { task, step, index: parsed.step };
}

/** Carries out one escalation step: flags, notices, reassignment, priority, supervision orders. */
export function escalate(book: TaskBook, fired: FiredStep): TaskRecord {
  const { step, index } = fired;
  let task = book.markFired(fired.task, index);
  task = book.put({ ...task, escalationLevel: task.escalationLevel + 1 });
  book.effects.push({
    type: 'escalated',
    taskId: task.id,
    step: index,
    action: step.action,
    at: book.now,
    department: task.department,
  });
  const changes = { escalationLevel: task.escalationLevel };
  switch (step.action) {
    case 'warn':
      task = book.put({ ...task, flag: task.flag === 'red' ? 'red' : 'yellow' });
      book.effects.push({
        type: 'updateTask',
        taskId: task.id,
        changes: { ...changes, flag: task.flag as 'yellow' | 'red' },
      });
      break;
    case 'breach':
      task = book.put({ ...task, flag: 'red' });
      book.effects.push({ type: 'updateTask', taskId: task.id, changes: { ...changes, flag: 'red' } });
      break;
    case 'notify':
      book.effects.push({ type: 'updateTask', taskId: task.id, changes });
      book.effects.push({
        type: 'notify',
        to: step.to ?? 'supervisors',
        template: 'sla.escalation',
        taskId: task.id,
        data: { department: task.department, step: index },
        at: book.now,
      });
      break;
    case 'raisePriority':
      book.effects.push({ type: 'updateTask', taskId: task.id, changes });
      task = book.raisePriority(task);
      break;
    case 'reassign':
      book.effects.push({ type: 'updateTask', taskId: task.id, changes });
      if (step.to === 'supervisor')
        book.effects.push({ type: 'assignTask', taskId: task.id, to: 'supervisor', at: book.now });
      else
        task = moveUp(
          book,
          task,
          step.to === 'parent' || step.to === undefined ? parentOf(book, task) : step.to,
          'reassign',
        );
      break;
    case 'escalate':
      book.effects.push({ type: 'updateTask', taskId: task.id, changes });
      task = moveUp(book, task, step.to ?? parentOf(book, task), 'escalate');
      break;
    case 'supervise': {
      book.effects.push({ type: 'updateTask', taskId: task.id, changes });
      const limit = step.respondWithin ?? { workingDays: 1 };
      book.effects.push({
        type: 'openSupervisionOrder',
        orderId: book.ids(),
        taskId: task.id,
        department: task.department,
        respondBy: workingOrCalendar(book, limit, task.department),
        at: book.now,
      });
      break;
    }
  }
  return task;
}

function parentOf(book: TaskBook, task: TaskRecord): string | undefined {
  return book.workflow.catalog.get('department', task.department)?.parent;
}

/** Moves the task up; at the top of the hierarchy the supervisors are told instead. */
function moveUp(
  book: TaskBook,
  task: TaskRecord,
  to: string | undefined,
  kind: 'reassign' | 'escalate',
): TaskRecord {
  if (to === undefined || to === task.department) {
    book.effects.push({
      type: 'notify',
      to: 'supervisors',
      template: 'sla.escalation.top',
      taskId: task.id,
      data: { department: task.department },
      at: book.now,
    });
    return task;
  }
  return book.move(task, to, kind, { reason: kind === 'escalate' ? 'sla' : 'sla.reassign' });
}
