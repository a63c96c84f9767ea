import { useMemo } from 'react';
import { useLanguage } from '@tongban/ui';

export interface Dates {
  /** A day, as a promise or a date sent is said: 2026年12月9日 / December 9, 2026. */
  day(iso: string): string;
  /** A moment of a timeline: the day and the time. */
  moment(iso: string): string;
}

/** Dates in the person's language, one way across the portal's pages. */
export function useDates(): Dates {
  const language = useLanguage();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    const moment = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return { day: (iso) => day.format(new Date(iso)), moment: (iso) => moment.format(new Date(iso)) };
  }, [language]);
}
