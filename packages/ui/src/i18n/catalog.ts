/** The languages Tongban speaks: zh-CN first (the default), English second. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** A catalog's messages: strings, nested by topic (`{ summary: { title: '...' } }`). */
export interface Messages {
  [key: string]: string | Messages;
}

/** One feature's text in both languages, kept beside the feature (`features/<name>/locales.ts`). */
export type Catalog = Record<Language, Messages>;

/** `'zh-CN'` for `zh`, `zh-Hans-CN`, `zh-TW`...; `'en'` for any English; undefined for the rest. */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}
