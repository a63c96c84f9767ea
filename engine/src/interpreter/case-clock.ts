import { deadlineOf, deadlineUncertain, pauseClock, resumeClock, startClock } from '../sla/clock.js';
import type { SlaClock } from '../sla/types.js';
import type { TaskBook } from './tasks.js';
import type { StartInput } from './types.js';

/**
 * The case's own clock: a matter's time limit (办理时限), counted like a task's SLA on the lead
 * department's calendar (the workflow's default calendar without a lead). Started with the case, it
 * tells the runtime the case's deadline.
 */
export function startCaseClock(book: TaskBook, input: StartInput): SlaClock | undefined {
  if (input.timeLimit === undefined) return undefined;
  const lead = input.case.lead;
  const calendar = lead === undefined ? book.workflow.defaultCalendar : book.calendarFor(lead);
  const clock = startClock(input.timeLimit, book.now, calendar, book.workflow.calendars);
  tellDeadline(book, clock);
  return clock;
}

/**
 * Stops the case's clock while the applicant is asked for a supplement and starts it again when it is
 * given, as the asking task's clock does (decision 0008): the deadline moves by the working time the
 * applicant took. Tells the runtime of every change; a clock already as it should be stays (the same
 * object), and nothing is said.
 */
export function followSupplement(
  book: TaskBook,
  clock: SlaClock | undefined,
  waiting: boolean,
): SlaClock | undefined {
  if (clock === undefined) return undefined;
  const next = waiting ? pauseClock(clock, book.now, book.workflow.calendars) : resumeClock(clock, book.now);
  if (next !== clock) tellDeadline(book, next);
  return next;
}

function tellDeadline(book: TaskBook, clock: SlaClock): void {
  const calendars = book.workflow.calendars;
  const dueAt = deadlineOf(clock, calendars);
  book.effects.push({
    type: 'setCaseDeadline',
    dueAt,
    uncertain: deadlineUncertain(clock, calendars, dueAt),
    pausedAt: clock.runningSince === null ? book.now : null,
    at: book.now,
  });
}
