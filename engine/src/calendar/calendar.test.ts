import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BusinessCalendar, type CalendarSpec } from './calendar.js';
import { readDefinition } from '../../test/support/definitions.js';

const china = new BusinessCalendar(readDefinition<CalendarSpec>('calendars/cn-mainland.json'));
/** 2026-01-01T00:00 in Shanghai and one year later, the span the 2026 schedule covers. */
const from2026 = Date.parse('2026-01-01T00:00:00+08:00');
const to2026 = Date.parse('2026-12-31T23:59:00+08:00');
const at = (local: string) => Date.parse(`${local}+08:00`);
const show = (instant: number) =>
  new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const HOUR = 3_600_000;

describe('business calendar: working days', () => {
  it('should treat statutory holidays as rest days', () => {
    for (const date of [
      '2026-01-01',
      '2026-02-16',
      '2026-04-06',
      '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-07',
    ]) {
      expect(china.isWorkingDay(date), date).toBe(false);
    }
  });

  it('should treat 调休 weekend days as working days', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(china.isWorkingDay(date), date).toBe(true);
    }
  });

  it('should treat ordinary weekends as rest days and ordinary weekdays as working days', () => {
    expect(china.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(china.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(china.isWorkingDay('2026-03-09')).toBe(true); // Monday
  });

  it('should refuse a date that does not exist', () => {
    expect(() => china.isWorkingDay('2026-02-30')).toThrowError(/not a date/);
  });
});

describe('business calendar: adding working time', () => {
  it('should keep the time of day when adding whole working days', () => {
    // Monday 10:00 + 3 working days = Thursday 10:00
    expect(show(china.addWorking(at('2026-03-09T10:00'), { days: 3 }))).toBe('2026-03-12 10:00');
  });

  it('should end at the close of the last working day when starting outside working hours', () => {
    // Saturday afternoon: the clock starts Monday 09:00; 3 working days end Wednesday 17:30
    expect(show(china.addWorking(at('2026-03-07T15:00'), { days: 3 }))).toBe('2026-03-11 17:30');
  });

  it('should skip the lunch break', () => {
    expect(show(china.addWorking(at('2026-03-09T11:30'), { hours: 1 }))).toBe('2026-03-09 14:00');
  });

  it('should skip the Spring Festival and count its 调休 Saturdays', () => {
    // Friday 2026-02-13 16:00 + 2 working days: Sat 02-14 is a working day, then 02-15..02-23 are off.
    expect(show(china.addWorking(at('2026-02-13T16:00'), { days: 2 }))).toBe('2026-02-24 16:00');
  });

  it('should cross the National Day holiday and the 调休 Sunday before it', () => {
    // Friday 09-18 10:00 + 1 working day lands on Sunday 09-20, a 调休 working day.
    expect(show(china.addWorking(at('2026-09-18T10:00'), { days: 1 }))).toBe('2026-09-20 10:00');
    expect(show(china.addWorking(at('2026-09-30T17:00'), { hours: 1 }))).toBe('2026-10-08 09:30');
  });

  it('should return the start unchanged for zero working time', () => {
    const start = at('2026-03-07T15:00');
    expect(china.addWorking(start, 0)).toBe(start);
  });
});

describe('business calendar: properties over 2026', () => {
  const instant = fc.integer({ min: from2026, max: to2026 - 40 * 24 * HOUR });
  const minutes = fc.integer({ min: 1, max: 15 * 7 * 60 });

  it('should measure back exactly the working time that was added', () => {
    fc.assert(
      fc.property(instant, minutes, (start, amount) => {
        const end = china.addWorking(start, { minutes: amount });
        expect(china.workingTimeBetween(start, end)).toBe(amount * 60_000);
      }),
      { numRuns: 500 },
    );
  });

  it('should never put a working-time deadline on a holiday or outside working hours', () => {
    fc.assert(
      fc.property(instant, minutes, (start, amount) => {
        const deadline = china.addWorking(start, { minutes: amount });
        expect(china.isWorkingDay(china.dateOf(deadline))).toBe(true);
        const inside = china.periodsOfDayAt(deadline).some(([from, to]) => deadline > from && deadline <= to);
        expect(inside, show(deadline)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('should be additive: adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, a, b) => {
        const stepwise = china.addWorking(china.addWorking(start, { minutes: a }), { minutes: b });
        expect(stepwise).toBe(china.addWorking(start, { minutes: a + b }));
      }),
      { numRuns: 300 },
    );
  });

  it('should never count working time between two instants that are both in the same rest period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 - 1 }), (minute) => {
        const start = at('2026-10-03T00:00');
        expect(china.workingTimeBetween(start, start + minute * 60_000)).toBe(0);
      }),
    );
  });
});

describe('business calendar: time zones and bad data', () => {
  it('should follow daylight saving time in a zone that has it', () => {
    const berlin = new BusinessCalendar({
      timeZone: 'Europe/Berlin',
      weekendDays: [6, 7],
      workingHours: [{ from: '09:00', to: '17:00' }],
      holidays: [],
      workdays: [],
    });
    // Friday 2026-03-27 16:00 CET + 2 working hours = Monday 2026-03-30 10:00 CEST (UTC+2)
    const end = berlin.addWorking(Date.parse('2026-03-27T16:00:00+01:00'), { hours: 2 });
    expect(new Date(end).toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('should refuse a calendar with overlapping or inverted working hours, naming the problem', () => {
    expect(
      () =>
        new BusinessCalendar({
          timeZone: 'Asia/Shanghai',
          weekendDays: [6, 7],
          workingHours: [
            { from: '09:00', to: '12:00' },
            { from: '11:00', to: '10:00' },
          ],
          holidays: [],
          workdays: [],
        }),
    ).toThrowError(/end before they start/);
  });

  it('should refuse an unknown time zone', () => {
    expect(
      () =>
        new BusinessCalendar({
          timeZone: 'Mars/Olympus',
          weekendDays: [],
          workingHours: [{ from: '09:00', to: '17:00' }],
          holidays: [],
          workdays: [],
        }),
    ).toThrowError(/unknown time zone/);
  });

  it('should give up with a clear error on a calendar without any working day', () => {
    const never = new BusinessCalendar({
      timeZone: 'Asia/Shanghai',
      weekendDays: [1, 2, 3, 4, 5, 6, 7],
      workingHours: [{ from: '09:00', to: '17:00' }],
      holidays: [],
      workdays: [],
    });
    expect(() => never.addWorking(from2026, { hours: 1 })).toThrowError(/no working time/);
  });
});
