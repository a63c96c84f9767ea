import { describe, expect, it } from 'vitest';
import { readDefinition } from '../../test/support/definitions.js';
import type { CalendarDefinition } from './types.js';
import { validate } from './validate.js';

const library = readDefinition<CalendarDefinition>('calendars/cn-mainland.json');
const at = (local: string) => Date.parse(`${local}+08:00`);
const codes = (problems: Array<{ path: string; code: string }>) =>
  problems.map((problem) => [problem.path, problem.code]);

describe('validator: the years a calendar covers', () => {
  it('should find the library calendar valid, with nothing to warn of in March 2026', () => {
    expect(validate(library, undefined, { now: at('2026-03-09T09:00') })).toEqual({
      valid: true,
      problems: [],
      warnings: [],
    });
  });

  it('should warn, and still find it valid, when its covered years end within 90 days', () => {
    const result = validate(library, undefined, { now: at('2026-11-01T09:00') });
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      {
        path: '/years/to',
        code: 'calendar-runs-out',
        severity: 'warning',
        message: {
          'zh-CN':
            '工作日历只收录到 2026 年，61 天后（2026-12-31）用完；请在此之前发布新版本，补上下一年的法定节假日和调休上班日',
          en: "The calendar lists holidays up to 2026 only and runs out in 61 day(s), after 2026-12-31; publish a version with the next year's statutory holidays and make-up workdays before then",
        },
      },
    ]);
    // the window is the caller's to choose
    expect(
      validate(library, undefined, { now: at('2026-11-01T09:00'), warnWithinDays: 30 }).warnings,
    ).toEqual([]);
  });

  it('should warn that it has run out once its years are over', () => {
    expect(codes(validate(library, undefined, { now: at('2027-01-04T09:00') }).warnings)).toEqual([
      ['/years/to', 'calendar-ran-out'],
    ]);
  });

  it('should warn of a calendar that does not say which years it covers, without a clock too', () => {
    const { years: _years, ...silent } = library;
    const result = validate(silent);
    expect(result.valid).toBe(true);
    expect(codes(result.warnings)).toEqual([['/years', 'calendar-years-missing']]);
  });

  it('should warn of dates outside the covered years and of covered years without holidays', () => {
    const result = validate({
      ...library,
      years: { from: 2026, to: 2028 },
      holidays: [...library.holidays, { from: '2025-12-31', to: '2026-01-01' }],
      workdays: [...library.workdays, { date: '2029-01-01' }],
    });
    expect(result.valid).toBe(true);
    expect(codes(result.warnings)).toEqual([
      [`/holidays/${library.holidays.length}/from`, 'calendar-date-outside-years'],
      [`/workdays/${library.workdays.length}/date`, 'calendar-date-outside-years'],
      ['/years', 'calendar-year-without-holidays'],
    ]);
    expect(result.warnings[2]?.message.en).toContain('2027-2028');
  });

  it('should refuse covered years that end before they start, or are not years', () => {
    expect(codes(validate({ ...library, years: { from: 2026, to: 2025 } }).problems)).toEqual([
      ['/years/to', 'calendar-invalid'],
    ]);
    const bad = validate({ ...library, years: { from: 2026 } });
    expect(bad.valid).toBe(false);
    expect(codes(bad.problems)).toEqual([['/years/to', 'schema.required']]);
  });
});
