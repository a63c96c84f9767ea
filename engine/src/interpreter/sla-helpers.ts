import { deadlineOf, startClock } from '../sla/clock.js';
import type { FixedSla } from '../sla/types.js';
import type { TaskBook } from './tasks.js';

/** The instant a fixed SLA started now ends, on the department's calendar. */
export function workingOrCalendar(book: TaskBook, sla: FixedSla, department: string): number {
  const clock = startClock(sla, book.now, book.calendarFor(department), book.workflow.calendars);
  return deadlineOf(clock, book.workflow.calendars) as number;
}
