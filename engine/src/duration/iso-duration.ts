import { parse as parseIso, type Duration } from 'tinyduration';
import { add } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { EngineError } from '../errors/engine-error.js';

/** A parsed ISO 8601 duration. `exactMs` is set when it has no days, weeks, months or years. */
export interface IsoDuration {
  text: string;
  negative: boolean;
  parts: Required<Omit<Duration, 'negative'>>;
  /** Fixed length in ms when the duration has only hours, minutes and seconds. */
  exactMs: number | null;
}

const cache = new Map<string, IsoDuration>();

/**
 * The whole text must be one ISO 8601 duration: tinyduration alone finds one anywhere in the text, so it
 * would read "P1DX" as P1D and "P20WD" as P20W.
 */
const number = String.raw`\d+([.,]\d+)?`;
const durationShape = new RegExp(
  `^-?P(?!$)(${number}Y)?(${number}M)?(${number}W)?(${number}D)?(T(?!$)(${number}H)?(${number}M)?(${number}S)?)?$`,
);

export function parseDuration(text: string): IsoDuration {
  const cached = cache.get(text);
  if (cached) return cached;
  let parsed: Duration;
  try {
    if (!durationShape.test(text)) throw new Error('not one ISO 8601 duration');
    parsed = parseIso(text);
  } catch {
    throw new EngineError('TB_DURATION_INVALID', { value: text });
  }
  const parts = {
    years: parsed.years ?? 0,
    months: parsed.months ?? 0,
    weeks: parsed.weeks ?? 0,
    days: parsed.days ?? 0,
    hours: parsed.hours ?? 0,
    minutes: parsed.minutes ?? 0,
    seconds: parsed.seconds ?? 0,
  };
  const wallClock = parts.years + parts.months + parts.weeks + parts.days !== 0;
  const exactMs = wallClock ? null : ((parts.hours * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
  const duration: IsoDuration = { text, negative: parsed.negative === true, parts, exactMs };
  if (cache.size < 10_000) cache.set(text, duration);
  return duration;
}

export function isValidDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds a calendar-time duration to an instant. Days, weeks, months and years follow the wall clock of
 * `timeZone` (a day is not always 24 hours where there is daylight saving time); hours and smaller are
 * exact.
 */
export function addDuration(instantMs: number, duration: IsoDuration, timeZone: string): number {
  const sign = duration.negative ? -1 : 1;
  if (duration.exactMs !== null) return instantMs + sign * duration.exactMs;
  const p = duration.parts;
  const shifted = add(new TZDate(instantMs, timeZone), {
    years: sign * p.years,
    months: sign * p.months,
    weeks: sign * p.weeks,
    days: sign * p.days,
    hours: sign * p.hours,
    minutes: sign * p.minutes,
    seconds: sign * p.seconds,
  });
  return shifted.getTime();
}
