import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../test/support/definitions.js';
import { deadlineUncertain, startClock, deadlineOf } from '../sla/clock.js';
import { BusinessCalendar, calendarProblems, type CalendarSpec } from './calendar.js';
import { calendarCoverage } from './coverage.js';

const spec = readDefinition<CalendarSpec>('calendars/cn-mainland.json');
const china = new BusinessCalendar(spec);
const at = (local: string) => Date.parse(`${local}+08:00`);
const calendars = () => china;

describe('business calendar: the years it covers', () => {
  it('should say the library calendar covers 2026 only: its holidays are 2026 holidays', () => {
    expect(china.years).toEqual({ from: 2026, to: 2026 });
    expect(china.covers(at('2026-01-01T00:00'), at('2026-12-31T23:59'))).toBe(true);
    // in the calendar's own zone: 08:00 on 1 January 2027 in Shanghai is 2026 in UTC, and still not covered
    expect(china.covers(at('2026-12-31T10:00'), at('2027-01-01T08:00'))).toBe(false);
    expect(china.covers(at('2025-12-31T10:00'), at('2026-01-05T10:00'))).toBe(false);
  });

  it('should count the 2027 Spring Festival as working days, and mark such a deadline uncertain', () => {
    // given 60 working days set in late 2026
    const clock = startClock({ workingDays: 60 }, at('2026-12-01T09:00'), 'cn-mainland', calendars);
    const due = deadlineOf(clock, calendars) as number;
    // then it runs into 2027 (past the Spring Festival of mid-February, counted as working days) ...
    expect(new Date(due).getUTCFullYear()).toBe(2027);
    // ... and says it may be too early
    expect(deadlineUncertain(clock, calendars, due)).toBe(true);
    // while one inside 2026 is certain, and so is calendar time (holidays do not move it)
    expect(
      deadlineUncertain(
        startClock({ workingDays: 20 }, at('2026-03-09T09:00'), 'cn-mainland', calendars),
        calendars,
      ),
    ).toBe(false);
    expect(
      deadlineUncertain(
        startClock({ duration: 'P90D' }, at('2026-12-01T09:00'), 'cn-mainland', calendars),
        calendars,
      ),
    ).toBe(false);
  });

  it('should mark nothing on a calendar that does not say which years it covers', () => {
    const { years: _years, ...silent } = spec;
    const unsaid = new BusinessCalendar(silent);
    expect(unsaid.years).toBeNull();
    expect(unsaid.covers(at('2026-12-01T09:00'), at('2031-01-01T09:00'))).toBe(true);
  });

  it('should refuse covered years that end before they start', () => {
    expect(calendarProblems({ ...spec, years: { from: 2026, to: 2025 } })).toEqual([
      'covered years 2026-2025 end before they start',
    ]);
  });
});

describe('calendar coverage', () => {
  it('should count the days left to the first day it does not cover, in its own time zone', () => {
    expect(calendarCoverage(spec, at('2026-03-09T09:00'))).toEqual({
      years: { from: 2026, to: 2026 },
      endsOn: '2026-12-31',
      daysLeft: 298,
      runsOut: false,
    });
    expect(calendarCoverage(spec, at('2026-11-01T09:00'))).toMatchObject({ daysLeft: 61, runsOut: true });
    // the last covered day, early in the morning in Shanghai (still 30 December in UTC)
    expect(calendarCoverage(spec, at('2026-12-31T01:00'))).toMatchObject({ daysLeft: 1, runsOut: true });
    expect(calendarCoverage(spec, at('2027-01-01T01:00'))).toMatchObject({ daysLeft: 0, runsOut: true });
    // the warning window is the caller's to choose
    expect(calendarCoverage(spec, at('2026-11-01T09:00'), 30).runsOut).toBe(false);
  });

  it('should say nothing of a calendar that does not say which years it covers', () => {
    const { years: _years, ...silent } = spec;
    expect(calendarCoverage(silent, at('2026-11-01T09:00'))).toEqual({
      years: null,
      endsOn: null,
      daysLeft: null,
      runsOut: false,
    });
  });
});
