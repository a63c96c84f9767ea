import { tzOffset } from '@date-fns/tz';
import { isValidTimeZone, type CalendarSpec, type CalendarYears } from './calendar.js';
import { DAY_MS, formatCivilDate, parseCivilDate } from './civil-date.js';

/** How many days ahead of a calendar running out administrators are warned, unless told otherwise. */
export const calendarWarningDays = 90;

/** How long a calendar's holidays last, seen from a given day. */
export interface CalendarCoverage {
  /** The years it says it covers; null when it does not say. */
  years: CalendarYears | null;
  /** Its last covered day (YYYY-MM-DD); null when it does not say. */
  endsOn: string | null;
  /** Days from today (in its time zone) to its first uncovered day: 1 on its last day, 0 or less once run out. */
  daysLeft: number | null;
  /** It runs out within the warning days, or has run out. */
  runsOut: boolean;
}

/**
 * Where a calendar stands at `now` (epoch ms; the engine has no clock, the caller passes it): a
 * calendar runs out after the last day of the last year it covers.
 */
export function calendarCoverage(
  spec: Pick<CalendarSpec, 'timeZone' | 'years'>,
  now: number,
  warnWithinDays: number = calendarWarningDays,
): CalendarCoverage {
  const years = spec.years === undefined ? null : { from: spec.years.from, to: spec.years.to };
  const last = years === null ? null : parseCivilDate(`${String(years.to).padStart(4, '0')}-12-31`);
  if (years === null || last === null) return { years, endsOn: null, daysLeft: null, runsOut: false };
  const offset = isValidTimeZone(spec.timeZone) ? tzOffset(spec.timeZone, new Date(now)) * 60_000 : 0;
  const today = Math.floor((now + offset) / DAY_MS);
  const daysLeft = last + 1 - today;
  return { years, endsOn: formatCivilDate(last), daysLeft, runsOut: daysLeft <= warnWithinDays };
}
