import { isValidTimeZone } from '../../calendar/calendar.js';
import { parseCivilDate, parseClockTime } from '../../calendar/civil-date.js';
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
}
