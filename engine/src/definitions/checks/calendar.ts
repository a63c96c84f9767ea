import { isValidTimeZone } from '../../calendar/calendar.js';
import { parseCivilDate, parseClockTime } from '../../calendar/civil-date.js';
import { calendarCoverage } from '../../calendar/coverage.js';
import { pointer } from '../problems.js';
import type { CalendarDefinition } from '../types.js';
import type { CheckContext } from './context.js';

export function checkCalendar(context: CheckContext, calendar: CalendarDefinition): void {
  if (!isValidTimeZone(calendar.timeZone)) {
    context.report('/timeZone', 'calendar-invalid', {
      detail: {
        'zh-CN': `不认识的时区“${calendar.timeZone}”（请使用 IANA 名称，例如 Asia/Shanghai）`,
        en: `unknown time zone "${calendar.timeZone}" (use an IANA name such as Asia/Shanghai)`,
      },
    });
  }
  const periods: Array<{ from: number; to: number; index: number }> = [];
  calendar.workingHours.forEach((period, index) => {
    const from = parseClockTime(period.from);
    const to = parseClockTime(period.to);
    if (from === null || to === null) return; // the schema reported the format
    if (from >= to) {
      context.report(pointer('/workingHours', index), 'calendar-invalid', {
        detail: {
          'zh-CN': `${period.from}-${period.to} 的结束时间不晚于开始时间`,
          en: `${period.from}-${period.to} ends before it starts`,
        },
      });
    } else periods.push({ from, to, index });
  });
  periods.sort((a, b) => a.from - b.from);
  for (let i = 1; i < periods.length; i++) {
    const previous = periods[i - 1] as (typeof periods)[number];
    const current = periods[i] as (typeof periods)[number];
    if (current.from < previous.to) {
      context.report(pointer('/workingHours', current.index), 'calendar-invalid', {
        detail: { 'zh-CN': '工作时段相互重叠', en: 'working periods overlap' },
      });
    }
  }
  calendar.holidays.forEach((holiday, index) => {
    const from = parseCivilDate(holiday.from);
    if (from === null)
      context.report(pointer('/holidays', index, 'from'), 'date-invalid', { value: holiday.from });
    if (holiday.to === undefined) return;
    const to = parseCivilDate(holiday.to);
    if (to === null) context.report(pointer('/holidays', index, 'to'), 'date-invalid', { value: holiday.to });
    else if (from !== null && to < from) {
      context.report(pointer('/holidays', index, 'to'), 'calendar-invalid', {
        detail: {
          'zh-CN': `假期的结束日期（${holiday.to}）早于开始日期（${holiday.from}）`,
          en: `the holiday ends (${holiday.to}) before it starts (${holiday.from})`,
        },
      });
    }
  });
  calendar.workdays.forEach((workday, index) => {
    if (parseCivilDate(workday.date) === null)
      context.report(pointer('/workdays', index, 'date'), 'date-invalid', { value: workday.date });
  });
  checkYears(context, calendar);
}

/**
 * The years a calendar covers: stated, consistent with its dates, and not about to run out. A calendar
 * that runs out counts the next year's holidays as working days (a 60-working-day limit set in late
 * December runs through the Spring Festival), so an administrator is warned `warnWithinDays` ahead.
 */
function checkYears(context: CheckContext, calendar: CalendarDefinition): void {
  const years = calendar.years;
  if (years === undefined) {
    context.warn('/years', 'calendar-years-missing');
    return;
  }
  if (years.to < years.from) {
    context.report('/years/to', 'calendar-invalid', {
      detail: {
        'zh-CN': `收录年份的结束（${years.to}）早于开始（${years.from}）`,
        en: `the covered years end (${years.to}) before they start (${years.from})`,
      },
    });
    return;
  }
  const yearOf = (date: string) => Number(date.slice(0, 4));
  const outside = (path: string, date: string) => {
    if (parseCivilDate(date) === null) return;
    const year = yearOf(date);
    if (year < years.from || year > years.to)
      context.warn(path, 'calendar-date-outside-years', { date, from: years.from, to: years.to });
  };
  const listed = new Set<number>();
  calendar.holidays.forEach((holiday, index) => {
    outside(pointer('/holidays', index, 'from'), holiday.from);
    if (holiday.to !== undefined) outside(pointer('/holidays', index, 'to'), holiday.to);
    if (parseCivilDate(holiday.from) !== null) listed.add(yearOf(holiday.from));
  });
  calendar.workdays.forEach((workday, index) => outside(pointer('/workdays', index, 'date'), workday.date));
  // a calendar with holidays in some years but none in a year it claims claims too much; one with no
  // holidays at all (every weekday worked) is left alone
  if (listed.size > 0) {
    const missing: string[] = [];
    for (let year = years.from; year <= years.to; year++) {
      if (listed.has(year)) continue;
      let end = year;
      while (end < years.to && !listed.has(end + 1)) end++;
      missing.push(end === year ? String(year) : `${year}-${end}`);
      year = end;
    }
    if (missing.length > 0)
      context.warn('/years', 'calendar-year-without-holidays', { years: missing.join(', ') });
  }
  const now = context.options.now;
  if (now === undefined) return;
  const coverage = calendarCoverage(calendar, now, context.options.warnWithinDays);
  if (!coverage.runsOut || coverage.daysLeft === null) return;
  const endsOn = coverage.endsOn as string;
  if (coverage.daysLeft <= 0) context.warn('/years/to', 'calendar-ran-out', { to: years.to, endsOn });
  else context.warn('/years/to', 'calendar-runs-out', { to: years.to, days: coverage.daysLeft, endsOn });
}
