import type { StateValue } from 'xstate';
import type { LocalizedText } from '../i18n/text.js';
import type { Priority } from '../definitions/types.js';
import type { EscalationAction, FixedSla, SlaClock } from '../sla/types.js';

/** Produces fresh unique ids (the runtime passes UUIDs, tests a counter): the engine has no randomness. */
export type IdSource = () => string;

/**
 * Facts about the case that expressions can read as `case.*`: exactly what the runtime sets when it
 * starts a case (`CaseService.planStart`). The validator knows these fields (`caseFields`) and reports
 * an expression that reads any other, which would always be empty.
 */
export interface CaseInfo {
  id: string;
  matter?: string;
  /** Lead department from the responsibility list. */
  lead?: string;
  /** Cooperating departments from the responsibility list. */
  cooperating?: string[];
  applicant?: string;
}

export interface StartInput {
  case: CaseInfo;
  data?: Record<string, unknown>;
  /**
   * The case's own time limit (a matter's 办理时限), counted on the lead department's calendar and
   * paused while the applicant is asked for a supplement.
   */
  timeLimit?: FixedSla;
}

export type TaskStatus = 'open' | 'waiting';

/** An open task as the engine keeps it inside the snapshot. Closed tasks live in the runtime's tables. */
export interface TaskRecord {
  id: string;
  stateId: string;
  department: string;
  priority: Priority;
  status: TaskStatus;
  openedAt: number;
  /** The SLA tier chosen, when the task's SLA has tiers. */
  tier?: string;
  clock: SlaClock | null;
  dueAt: number | null;
  /** The deadline was counted past the years its calendar knows the holidays of (see `deadlineUncertain`). */
  dueUncertain?: boolean;
  /** One entry per escalation step: where it falls on the clock and whether it has fired. */
  steps: Array<{ position: number; fired: boolean; fireAt: number | null }>;
  flag: 'none' | 'yellow' | 'red';
  escalationLevel: number;
}

/** Outcomes collected while a task state waits for all of its departments. */
export interface JoinRecord {
  outcomes: Array<{ taskId: string; department: string; outcome: string; reason?: string }>;
}

export interface SupplementRequest {
  taskId: string;
  department: string;
  items: string[];
  reason: string;
  requestedAt: number;
}

/** Everything the engine needs to continue a case: plain JSON, stored as is. */
export interface CaseSnapshot {
  format: 1;
  status: 'active' | 'done' | 'cancelled';
  result?: string;
  value: StateValue;
  context: { data: Record<string, unknown>; case: CaseInfo };
  tasks: Record<string, TaskRecord>;
  joins: Record<string, JoinRecord>;
  supplement: SupplementRequest | null;
  supplementsUsed: number;
  /**
   * The case's own clock, when it has a time limit (StartInput.timeLimit): it stops while a supplement
   * is asked for and runs again when it is given, like the asking task's.
   */
  clock?: SlaClock;
}

export interface OutcomeView {
  key: string;
  title?: LocalizedText;
  reason: 'required' | 'optional';
}

/** A task as the runtime stores it and a person sees it. */
export interface TaskView {
  id: string;
  stateId: string;
  title: LocalizedText;
  department: string;
  form?: string;
  outcomes: OutcomeView[];
  priority: Priority;
  openedAt: number;
  dueAt: number | null;
  /** The deadline was counted past the years its calendar knows the holidays of. */
  dueUncertain: boolean;
  warnAt: number | null;
  tier?: string;
}

export type Effect =
  | { type: 'openTask'; task: TaskView }
  | {
      type: 'closeTask';
      taskId: string;
      stateId: string;
      department: string;
      status: 'completed' | 'cancelled';
      outcome?: string;
      reason?: string;
      actor?: string;
      at: number;
    }
  | {
      type: 'moveTask';
      taskId: string;
      from: string;
      to: string;
      kind: 'transfer' | 'reassign' | 'escalate';
      reason?: string;
      actor?: string;
      at: number;
    }
  | {
      type: 'updateTask';
      taskId: string;
      changes: Partial<{
        status: TaskStatus;
        priority: Priority;
        dueAt: number | null;
        dueUncertain: boolean;
        warnAt: number | null;
        flag: 'yellow' | 'red';
        escalationLevel: number;
        tier: string;
      }>;
    }
  | { type: 'assignTask'; taskId: string; to: 'supervisor'; at: number }
  | {
      type: 'scheduleTimer';
      timerId: string;
      taskId: string;
      fireAt: number;
      action: EscalationAction;
      step: number;
    }
  | { type: 'cancelTimer'; timerId: string }
  | {
      type: 'escalated';
      taskId: string;
      step: number;
      action: EscalationAction;
      at: number;
      department: string;
    }
  | {
      type: 'notify';
      to: string;
      template: string;
      taskId?: string;
      data: Record<string, unknown>;
      at: number;
    }
  | {
      type: 'requestSupplement';
      taskId: string;
      department: string;
      items: string[];
      reason: string;
      at: number;
    }
  | { type: 'supplementProvided'; taskId: string; at: number }
  | {
      type: 'openSupervisionOrder';
      orderId: string;
      taskId: string;
      department: string;
      respondBy: number;
      at: number;
    }
  | {
      type: 'startChildCase';
      childId: string;
      stateId: string;
      workflow: string;
      data: Record<string, unknown>;
    }
  | { type: 'completeCase'; result: string; at: number }
  /**
   * The case's own deadline changed: set when it starts, gone (null, `pausedAt` set) while the applicant
   * is asked for a supplement, moved by the working time that took when it is given.
   */
  | {
      type: 'setCaseDeadline';
      dueAt: number | null;
      uncertain: boolean;
      pausedAt: number | null;
      at: number;
    };

/** Events the engine understands; any other event type is passed to the workflow as a custom event. */
export type EngineEvent =
  | {
      type: 'task.outcome';
      taskId: string;
      outcome: string;
      reason?: string;
      data?: Record<string, unknown>;
      /** For `transfer`: the department the task goes to. */
      toDepartment?: string;
      /** For `requestSupplement`: exactly what the applicant must supply. */
      items?: string[];
      actor?: string;
    }
  | { type: 'task.setPriority'; taskId: string; priority: Priority; actor?: string }
  | { type: 'supplement.provided'; data?: Record<string, unknown>; actor?: string }
  | { type: 'timer.fired'; timerId: string }
  | { type: 'case.cancel'; reason: string; actor?: string }
  /** Staff correct the application's own fields, with a reason: the data changes, the route taken does not. */
  | { type: 'case.dataCorrected'; data: Record<string, unknown>; reason: string; actor?: string }
  | { type: string; [field: string]: unknown };

export interface StepResult {
  snapshot: CaseSnapshot;
  effects: Effect[];
  /** Set when the event was accepted but changed nothing (a stale or repeated timer). */
  ignored?: string;
}

export type { FixedSla };
