import { addDuration, parseDuration } from '../duration/iso-duration.js';
import type { BusinessCalendar } from '../calendar/calendar.js';
import { EngineError } from '../errors/engine-error.js';
import type { EscalationStep, FixedSla, SlaClock } from './types.js';

/** Looks up business calendars by key; the interpreter passes the catalog's. */
export type CalendarLookup = (key: string) => BusinessCalendar;

/** The measure and length of a fixed SLA, started at `start`. */
export function measureSla(
  sla: FixedSla,
  start: number,
  calendarKey: string,
  calendars: CalendarLookup,
): Pick<SlaClock, 'measure' | 'calendar' | 'totalMs'> {
  const calendar = sla.calendar ?? calendarKey;
  if ('duration' in sla) {
    const duration = parseDuration(sla.duration);
    const totalMs = addDuration(start, duration, calendars(calendar).timeZone) - start;
    return { measure: 'elapsed', calendar, totalMs };
  }
  const amount =
    'workingDays' in sla
      ? { days: sla.workingDays }
      : 'workingHours' in sla
        ? { hours: sla.workingHours }
        : { minutes: sla.workingMinutes };
  return { measure: 'working', calendar, totalMs: calendars(calendar).toMs(amount) };
}

export function startClock(
  sla: FixedSla,
  now: number,
  calendarKey: string,
  calendars: CalendarLookup,
): SlaClock {
  return { ...measureSla(sla, now, calendarKey, calendars), elapsedMs: 0, runningSince: now };
}

/** Time counted on the clock at `now`. */
export function elapsedAt(clock: SlaClock, now: number, calendars: CalendarLookup): number {
  if (clock.runningSince === null) return clock.elapsedMs;
  const since = clock.runningSince;
  const counted =
    clock.measure === 'elapsed' ? now - since : calendars(clock.calendar).workingTimeBetween(since, now);
  return clock.elapsedMs + Math.max(0, counted);
}

/** Stops counting (e.g. while the applicant supplies missing material). Pausing twice changes nothing. */
export function pauseClock(clock: SlaClock, now: number, calendars: CalendarLookup): SlaClock {
  if (clock.runningSince === null) return clock;
  return { ...clock, elapsedMs: elapsedAt(clock, now, calendars), runningSince: null };
}

export function resumeClock(clock: SlaClock, now: number): SlaClock {
  if (clock.runningSince !== null) return clock;
  return { ...clock, runningSince: now };
}

/**
 * Moves the clock to another calendar (a task transferred to a department that keeps other hours):
 * what was counted stays counted, the rest is counted on the new calendar.
 */
export function switchCalendar(
  clock: SlaClock,
  now: number,
  calendar: string,
  calendars: CalendarLookup,
): SlaClock {
  if (clock.calendar === calendar) return clock;
  const paused = pauseClock(clock, now, calendars);
  return { ...paused, calendar, runningSince: clock.runningSince === null ? null : now };
}

/** Re-sizes the clock to a new SLA (a priority change picked another tier); time already counted stays. */
export function resizeClock(
  clock: SlaClock,
  sla: FixedSla,
  now: number,
  calendars: CalendarLookup,
): SlaClock {
  const measured = measureSla(sla, now, clock.calendar, calendars);
  if (measured.measure === clock.measure && measured.calendar === clock.calendar)
    return { ...clock, totalMs: measured.totalMs };
  // The measure changed (e.g. 3 working days -> 30 minutes): carry the fraction used, not the raw ms.
  const used = clock.totalMs > 0 ? elapsedAt(clock, now, calendars) / clock.totalMs : 0;
  return {
    ...measured,
    elapsedMs: Math.min(used, 1) * measured.totalMs,
    runningSince: clock.runningSince === null ? null : now,
  };
}

/** The instant at which the clock reaches `position`; null while paused. */
export function instantAt(clock: SlaClock, position: number, calendars: CalendarLookup): number | null {
  if (clock.runningSince === null) return null;
  const remaining = position - clock.elapsedMs;
  if (remaining <= 0) return clock.runningSince;
  return clock.measure === 'elapsed'
    ? clock.runningSince + remaining
    : calendars(clock.calendar).addWorking(clock.runningSince, remaining);
}

export function deadlineOf(clock: SlaClock, calendars: CalendarLookup): number | null {
  return instantAt(clock, clock.totalMs, calendars);
}

/**
 * Whether the clock's deadline (`dueAt`, as `deadlineOf` gives it) was counted over days whose holidays
 * its calendar does not know (past the years it covers): those days were counted as working days, so the
 * deadline may be too early. Never for calendar time, nor while paused.
 */
export function deadlineUncertain(
  clock: SlaClock,
  calendars: CalendarLookup,
  dueAt: number | null = deadlineOf(clock, calendars),
): boolean {
  if (clock.measure !== 'working' || clock.runningSince === null || dueAt === null) return false;
  return !calendars(clock.calendar).covers(clock.runningSince, dueAt);
}

/** Where on the clock an escalation step falls, in the clock's measure. */
export function stepPosition(step: EscalationStep, clock: SlaClock, calendars: CalendarLookup): number {
  if (step.at !== undefined) return step.at * clock.totalMs;
  const offset = step.after ?? step.before;
  if (offset === undefined) return clock.totalMs;
  const ms = offsetMs(offset, clock, calendars);
  return step.after !== undefined ? clock.totalMs + ms : Math.max(0, clock.totalMs - ms);
}

function offsetMs(text: string, clock: SlaClock, calendars: CalendarLookup): number {
  const duration = parseDuration(text);
  const p = duration.parts;
  if (p.years !== 0 || p.months !== 0) {
    throw new EngineError('TB_DURATION_INVALID', { value: text });
  }
  const dayMs = clock.measure === 'working' ? calendars(clock.calendar).workingDayMs : 86_400_000;
  const weekDays = clock.measure === 'working' ? 5 : 7;
  return (p.weeks * weekDays + p.days) * dayMs + ((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000;
}
