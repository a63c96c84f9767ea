/** Civil (local) dates as day numbers since 1970-01-01, so that date arithmetic is integer arithmetic. */
const DAY_MS = 86_400_000;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function parseCivilDate(text: string): number | null {
  const match = datePattern.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return ms / DAY_MS;
}

export function formatCivilDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Minutes after midnight for `HH:MM` (24:00 allowed as the end of a day). */
export function parseClockTime(text: string): number | null {
  const match = timePattern.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 24 * 60 ? null : minutes;
}

export { DAY_MS };
