import type { Expression } from '../expressions/types.js';

/** A fixed SLA: calendar time (ISO 8601) or working time on a business calendar. */
export type FixedSla =
  | { duration: string; calendar?: string }
  | { workingDays: number; calendar?: string }
  | { workingHours: number; calendar?: string }
  | { workingMinutes: number; calendar?: string };

/** Tiers chosen by an expression, e.g. by urgency: immediate 30 min / same day 24 h / 3 working days. */
export interface TieredSla {
  by: Expression;
  tiers: Record<string, FixedSla>;
  /** The tier used when the expression gives a value with no tier. */
  otherwise?: string;
}

export type SlaSpec = FixedSla | TieredSla;

export const escalationActions = [
  'warn',
  'breach',
  'notify',
  'reassign',
  'raisePriority',
  'supervise',
  'escalate',
] as const;
export type EscalationAction = (typeof escalationActions)[number];

/**
 * One rung of an escalation ladder. Its moment is a fraction of the SLA (`at`), or an offset before or
 * after the deadline measured like the SLA itself (working time for a working-time SLA).
 */
export interface EscalationStep {
  at?: number;
  before?: string;
  after?: string;
  action: EscalationAction;
  /** Who is told (notify), where the task goes (reassign), or which department supervises. */
  to?: string;
  /** Response limit of a supervision order opened by this step. */
  respondWithin?: FixedSla;
}

export const defaultEscalation: readonly EscalationStep[] = [
  { at: 0.75, action: 'warn' },
  { at: 1, action: 'breach' },
];

/**
 * The running clock of one SLA, stored in the case snapshot. Positions are measured in the SLA's own
 * measure: elapsed ms for calendar time, working ms on `calendar` for working time.
 */
export interface SlaClock {
  measure: 'elapsed' | 'working';
  calendar: string;
  totalMs: number;
  /** Time counted before `runningSince`. */
  elapsedMs: number;
  /** When the clock last started; null while paused (waiting for the applicant). */
  runningSince: number | null;
}
