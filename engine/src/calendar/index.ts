export * from './calendar.js';
export * from './coverage.js';
export { parseCivilDate, formatCivilDate, isoWeekday, parseClockTime } from './civil-date.js';
