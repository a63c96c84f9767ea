import { pinyin } from 'pinyin-pro';
import type { Catalog, FixedSla, LocalizedText } from '@tongban/engine';
import { addDurationLike } from '../supervision/respond-limit.js';

/**
 * What a resident types to find a service: the first letters of its Chinese title's pinyin
 * (`lnrydz` for 老年人优待证), worked out here once per answer so that the portal's first page does not
 * carry a pinyin dictionary.
 */
export function searchInitials(title: LocalizedText): string {
  return pinyin(title['zh-CN'], { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase();
}

/**
 * The day a time limit promises if the application goes in now: counted on the lead department's
 * calendar as a case's deadline is (decision 0017); null when it cannot be counted (no calendar).
 */
export function promisedIfStartedNow(
  limit: FixedSla | undefined,
  now: Date,
  catalog: Catalog,
  lead: string | undefined,
): string | null {
  if (!limit) return null;
  try {
    const calendar = lead === undefined ? null : (catalog.get('department', lead)?.calendar ?? null);
    return addDurationLike(limit, now, catalog, calendar).toISOString();
  } catch {
    return null;
  }
}
