import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/calendar.js';
import { readDefinition } from '../../test/support/definitions.js';
import type { CalendarSpec } from '../calendar/calendar.js';
import {
  deadlineOf,
  elapsedAt,
  pauseClock,
  resizeClock,
  resumeClock,
  startClock,
  stepPosition,
  switchCalendar,
  type CalendarLookup,
} from './clock.js';

const china = new BusinessCalendar(readDefinition<CalendarSpec>('calendars/cn-mainland.json'));
// a department that works 08:00-16:00 without a lunch break
const shifts = new BusinessCalendar({
  ...readDefinition<CalendarSpec>('calendars/cn-mainland.json'),
  workingHours: [{ from: '08:00', to: '16:00' }],
});
const calendars: CalendarLookup = (key) => (key === 'shifts' ? shifts : china);
const at = (local: string) => Date.parse(`${local}+08:00`);
const show = (instant: number | null) =>
  instant === null
    ? 'paused'
    : new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const HOUR = 3_600_000;

describe('SLA clock', () => {
  it('should measure calendar-time SLAs in elapsed time and working-time SLAs on the calendar', () => {
    expect(
      show(deadlineOf(startClock({ duration: 'PT24H' }, at('2026-10-01T10:00'), 'cn', calendars), calendars)),
    ).toBe('2026-10-02 10:00');
    expect(
      show(deadlineOf(startClock({ workingHours: 2 }, at('2026-09-30T17:00'), 'cn', calendars), calendars)),
    ).toBe('2026-10-08 10:30');
  });

  it('should add calendar days on the wall clock of the calendar time zone', () => {
    expect(
      show(deadlineOf(startClock({ duration: 'P3D' }, at('2026-03-09T10:00'), 'cn', calendars), calendars)),
    ).toBe('2026-03-12 10:00');
  });

  it('should not count time while paused and move the deadline by exactly the pause', () => {
    const clock = startClock({ workingDays: 1 }, at('2026-03-09T10:00'), 'cn', calendars);
    const paused = pauseClock(clock, at('2026-03-09T11:00'), calendars);
    expect(deadlineOf(paused, calendars)).toBeNull();
    expect(elapsedAt(paused, at('2026-03-20T11:00'), calendars)).toBe(HOUR);
    const resumed = resumeClock(paused, at('2026-03-11T09:00'));
    // 6 working hours remain: Wednesday 09:00-12:00 and 13:30-16:30
    expect(show(deadlineOf(resumed, calendars))).toBe('2026-03-11 16:30');
    expect(pauseClock(paused, at('2026-03-12T09:00'), calendars)).toBe(paused);
  });

  it('should keep what was counted when moving to a department with other hours, and count the rest there', () => {
    const clock = startClock({ workingHours: 4 }, at('2026-03-09T09:00'), 'cn', calendars);
    // 3 working hours counted by 13:30 (lunch does not count); 1 hour left on the 08:00-16:00 calendar
    const moved = switchCalendar(clock, at('2026-03-09T13:30'), 'shifts', calendars);
    expect(moved.elapsedMs).toBe(3 * HOUR);
    expect(show(deadlineOf(moved, calendars))).toBe('2026-03-09 14:30');
  });

  it('should keep elapsed time when the SLA is resized within the same measure', () => {
    const clock = startClock({ workingDays: 3 }, at('2026-03-09T09:00'), 'cn', calendars);
    const resized = resizeClock(clock, { workingDays: 1 }, at('2026-03-09T12:00'), calendars);
    expect(show(deadlineOf(resized, calendars))).toBe('2026-03-09 17:30');
  });

  it('should carry the used fraction when the SLA changes measure (3 working days to 30 minutes)', () => {
    const clock = startClock({ workingDays: 2 }, at('2026-03-09T09:00'), 'cn', calendars);
    // one of two working days used: half of the new 30 minutes is used too
    const resized = resizeClock(clock, { duration: 'PT30M' }, at('2026-03-09T17:30'), calendars);
    expect(show(deadlineOf(resized, calendars))).toBe('2026-03-09 17:45');
  });

  it('should place escalation steps by fraction and by offset in the SLA measure', () => {
    const clock = startClock({ workingDays: 2 }, at('2026-03-09T09:00'), 'cn', calendars);
    expect(stepPosition({ at: 0.5, action: 'warn' }, clock, calendars)).toBe(7 * HOUR);
    expect(stepPosition({ before: 'PT2H', action: 'warn' }, clock, calendars)).toBe(12 * HOUR);
    expect(stepPosition({ after: 'P1D', action: 'supervise' }, clock, calendars)).toBe(21 * HOUR);
    expect(stepPosition({ before: 'P5D', action: 'warn' }, clock, calendars)).toBe(0);
  });
});

describe('ISO 8601 durations', () => {
  it('should refuse text that merely contains a duration', async () => {
    const { isValidDuration, parseDuration } = await import('../duration/iso-duration.js');
    for (const text of ['P1DX', 'P20WD', 'PT30M ', 'P1D1D', 'P', 'PT', 'P-1D', '30M'])
      expect(isValidDuration(text), text).toBe(false);
    for (const text of ['PT30M', 'PT24H', 'P3D', 'P1W', 'P1Y2M3DT4H5M6S', 'PT0.5H', '-PT2H'])
      expect(isValidDuration(text), text).toBe(true);
    expect(parseDuration('-PT2H')).toMatchObject({ negative: true, exactMs: 7_200_000 });
  });
});
