import { deadlineOf, EngineError, startClock, type Catalog, type FixedSla } from '@tongban/engine';

export type { FixedSla };

/**
 * The moment a limit given like an SLA (calendar time or working time) ends, started at `now` on the
 * department's calendar (or the library's default one).
 */
export function addDurationLike(
  limit: FixedSla,
  now: Date,
  catalog: Catalog,
  calendarKey: string | null,
): Date {
  const key = limit.calendar ?? calendarKey ?? catalog.defaultCalendarKey() ?? '';
  const lookup = (name: string) => {
    const calendar = catalog.calendar(name);
    if (!calendar) throw new EngineError('TB_UNKNOWN_DEFINITION', { kind: 'calendar', key: name });
    return calendar;
  };
  const due = deadlineOf(startClock(limit, now.getTime(), key, lookup), lookup);
  return new Date(due ?? now.getTime());
}
