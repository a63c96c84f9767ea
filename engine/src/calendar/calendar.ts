import { tzOffset } from '@date-fns/tz';
import { EngineError } from '../errors/engine-error.js';
import { DAY_MS, formatCivilDate, isoWeekday, parseCivilDate, parseClockTime } from './civil-date.js';

/** The data a business calendar is built from (the `calendar` definition without its envelope). */
export interface CalendarSpec {
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone: string;
  /** ISO weekdays that are normally not worked: 6 = Saturday, 7 = Sunday. */
  weekendDays: number[];
  /** Working periods of a working day, e.g. 09:00-12:00 and 13:30-17:30. */
  workingHours: { from: string; to: string }[];
  /** Public holidays: single days or inclusive ranges. */
  holidays: { from: string; to?: string }[];
  /** Weekend days that become working days (调休). */
  workdays: { date: string }[];
  /**
   * The years (inclusive) whose holidays and make-up workdays the calendar lists. Working time counted
   * outside them treats every weekday as a working day: a deadline counted there is uncertain.
   * Absent: the calendar does not say (nothing is marked).
   */
  years?: CalendarYears;
}

/** The years a calendar covers, inclusive: { from: 2026, to: 2026 } is the year 2026. */
export interface CalendarYears {
  from: number;
  to: number;
}

export interface WorkingAmount {
  days?: number;
  hours?: number;
  minutes?: number;
}

interface DayPlan {
  working: boolean;
  /** UTC instants [start, end) of each working period of the day. */
  periods: Array<readonly [number, number]>;
}

const MINUTE_MS = 60_000;
/** No real calendar goes ten years without a working minute; past that the data is wrong. */
const SEARCH_LIMIT_DAYS = 3660;

/**
 * Working time on a calendar. All instants are epoch milliseconds; civil dates and clock times are
 * read in the calendar's time zone. Day plans are computed once and cached, so SLA math in a hot path
 * costs a few map lookups per day it crosses.
 */
export class BusinessCalendar {
  readonly timeZone: string;
  /** Length of a standard working day in ms (the sum of the working periods). */
  readonly workingDayMs: number;
  /** The years whose holidays the calendar knows; null when it does not say. */
  readonly years: CalendarYears | null;
  private readonly weekend: ReadonlySet<number>;
  private readonly periodsMinutes: Array<readonly [number, number]>;
  private readonly holidays: ReadonlySet<number>;
  private readonly workdays: ReadonlySet<number>;
  private readonly plans = new Map<number, DayPlan>();
  private readonly offsets = new Map<number, number>();

  constructor(spec: CalendarSpec) {
    const problems = calendarProblems(spec);
    if (problems.length > 0) throw new EngineError('TB_CALENDAR_INVALID', { detail: problems.join('; ') });
    this.timeZone = spec.timeZone;
    this.years = spec.years === undefined ? null : { from: spec.years.from, to: spec.years.to };
    this.weekend = new Set(spec.weekendDays);
    this.periodsMinutes = spec.workingHours
      .map((period) => [parseClockTime(period.from) as number, parseClockTime(period.to) as number] as const)
      .sort((a, b) => a[0] - b[0]);
    this.workingDayMs = this.periodsMinutes.reduce((sum, [from, to]) => sum + (to - from) * MINUTE_MS, 0);
    const holidays = new Set<number>();
    for (const holiday of spec.holidays) {
      const from = parseCivilDate(holiday.from) as number;
      const to = holiday.to === undefined ? from : (parseCivilDate(holiday.to) as number);
      for (let day = from; day <= to; day++) holidays.add(day);
    }
    this.holidays = holidays;
    this.workdays = new Set(spec.workdays.map((workday) => parseCivilDate(workday.date) as number));
  }

  /** Is this civil date (YYYY-MM-DD) a working day? Adjusted workdays win over holidays and weekends. */
  isWorkingDay(date: string): boolean {
    const day = parseCivilDate(date);
    if (day === null)
      throw new EngineError('TB_CALENDAR_INVALID', { detail: `"${date}" is not a date (YYYY-MM-DD)` });
    return this.isWorkingDayNumber(day);
  }

  /** Is the instant inside a working period (start inclusive, end exclusive)? */
  isWorkingTime(instant: number): boolean {
    return this.plan(this.localDay(instant)).periods.some(
      ([start, end]) => instant >= start && instant < end,
    );
  }

  /** The working periods of the civil day that contains the instant, as UTC instants. */
  periodsOfDayAt(instant: number): Array<readonly [number, number]> {
    return this.plan(this.localDay(instant)).periods;
  }

  /** The civil date (YYYY-MM-DD) of an instant in this calendar's time zone. */
  dateOf(instant: number): string {
    return formatCivilDate(this.localDay(instant));
  }

  /**
   * Does the calendar know the holidays of every civil day from `from` to `to` (instants, inclusive)?
   * True when it does not say which years it covers.
   */
  covers(from: number, to: number): boolean {
    if (this.years === null) return true;
    const first = yearOf(this.localDay(Math.min(from, to)));
    const last = yearOf(this.localDay(Math.max(from, to)));
    return first >= this.years.from && last <= this.years.to;
  }

  /** Converts an amount of working time to ms; a working day is `workingDayMs` long. */
  toMs(amount: WorkingAmount): number {
    return (
      (amount.days ?? 0) * this.workingDayMs +
      (amount.hours ?? 0) * 60 * MINUTE_MS +
      (amount.minutes ?? 0) * MINUTE_MS
    );
  }

  /** The instant when `amount` of working time has passed after `start`. */
  addWorking(start: number, amount: WorkingAmount | number): number {
    let remaining = typeof amount === 'number' ? amount : this.toMs(amount);
    if (remaining < 0)
      throw new EngineError('TB_CALENDAR_INVALID', { detail: 'cannot add a negative working time' });
    if (remaining === 0) return start;
    let day = this.localDay(start);
    for (let searched = 0; searched < SEARCH_LIMIT_DAYS; searched++, day++) {
      for (const [periodStart, periodEnd] of this.plan(day).periods) {
        if (periodEnd <= start) continue;
        const from = Math.max(periodStart, start);
        const available = periodEnd - from;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
    }
    throw new EngineError('TB_CALENDAR_INVALID', { detail: `no working time in ${SEARCH_LIMIT_DAYS} days` });
  }

  /** Working time in ms between two instants; negative when `to` is before `from`. */
  workingTimeBetween(from: number, to: number): number {
    if (to < from) return -this.workingTimeBetween(to, from);
    let total = 0;
    const lastDay = this.localDay(to);
    for (let day = this.localDay(from); day <= lastDay; day++) {
      for (const [periodStart, periodEnd] of this.plan(day).periods) {
        const start = Math.max(periodStart, from);
        const end = Math.min(periodEnd, to);
        if (end > start) total += end - start;
      }
    }
    return total;
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    return !this.weekend.has(isoWeekday(day));
  }

  private plan(day: number): DayPlan {
    let plan = this.plans.get(day);
    if (plan === undefined) {
      const working = this.isWorkingDayNumber(day);
      const periods = working
        ? this.periodsMinutes.map(
            ([from, to]) => [this.instantOf(day, from), this.instantOf(day, to)] as const,
          )
        : [];
      plan = { working, periods };
      this.plans.set(day, plan);
    }
    return plan;
  }

  /** The UTC instant of a wall-clock time on a civil day in this time zone. */
  private instantOf(day: number, minutes: number): number {
    const wall = day * DAY_MS + minutes * MINUTE_MS;
    const guess = wall - this.offsetAt(wall);
    return wall - this.offsetAt(guess);
  }

  private localDay(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant)) / DAY_MS);
  }

  /** The zone's UTC offset in ms at an instant, cached per quarter hour (zones change offset on such boundaries). */
  private offsetAt(instant: number): number {
    const bucket = Math.floor(instant / 900_000);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = tzOffset(this.timeZone, new Date(bucket * 900_000)) * MINUTE_MS;
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}

/** Everything wrong with a calendar spec, as sentences (empty when it is valid). */
export function calendarProblems(spec: CalendarSpec): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(spec.timeZone)) problems.push(`unknown time zone "${spec.timeZone}"`);
  for (const day of spec.weekendDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7)
      problems.push(`weekend day ${day} is not 1 (Monday) to 7 (Sunday)`);
  }
  const periods: Array<[number, number]> = [];
  for (const period of spec.workingHours) {
    const from = parseClockTime(period.from);
    const to = parseClockTime(period.to);
    if (from === null || to === null)
      problems.push(`working hours ${period.from}-${period.to} are not HH:MM`);
    else if (from >= to) problems.push(`working hours ${period.from}-${period.to} end before they start`);
    else periods.push([from, to]);
  }
  if (spec.workingHours.length === 0) problems.push('a calendar needs at least one working period');
  periods.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < periods.length; i++) {
    if ((periods[i] as [number, number])[0] < (periods[i - 1] as [number, number])[1])
      problems.push('working periods overlap');
  }
  for (const holiday of spec.holidays) {
    const from = parseCivilDate(holiday.from);
    const to = holiday.to === undefined ? from : parseCivilDate(holiday.to);
    if (from === null) problems.push(`holiday date "${holiday.from}" is not a date (YYYY-MM-DD)`);
    if (to === null) problems.push(`holiday date "${holiday.to}" is not a date (YYYY-MM-DD)`);
    if (from !== null && to !== null && to < from)
      problems.push(`holiday ${holiday.from} to ${holiday.to} ends before it starts`);
    if (from !== null && to !== null && to - from > 366)
      problems.push(`holiday ${holiday.from} to ${holiday.to} is longer than a year`);
  }
  for (const workday of spec.workdays) {
    if (parseCivilDate(workday.date) === null)
      problems.push(`workday date "${workday.date}" is not a date (YYYY-MM-DD)`);
  }
  if (spec.years !== undefined) {
    const { from, to } = spec.years;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1900 || to > 9999)
      problems.push(`covered years ${from}-${to} are not years`);
    else if (to < from) problems.push(`covered years ${from}-${to} end before they start`);
  }
  return problems;
}

/** The year of a civil day number. */
function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

const zoneChecks = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  let valid = zoneChecks.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    zoneChecks.set(timeZone, valid);
  }
  return valid;
}
