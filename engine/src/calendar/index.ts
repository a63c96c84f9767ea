export * from './calendar.js';
export { parseCivilDate, formatCivilDate, isoWeekday, parseClockTime } from './civil-date.js';
