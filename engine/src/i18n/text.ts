/** Every user-facing string exists in Simplified Chinese first and English second. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export type Locale = keyof LocalizedText;

export const locales: readonly Locale[] = ['zh-CN', 'en'];

/** A parameter is the same in every locale, or given per locale (e.g. a type name). */
export type MessageParams = Record<string, string | number | LocalizedText>;

/** A message template per locale; `{name}` placeholders are filled from params. */
export type MessageTemplate = LocalizedText;

export function format(template: MessageTemplate, params: MessageParams = {}): LocalizedText {
  return { 'zh-CN': fill(template['zh-CN'], params, 'zh-CN'), en: fill(template.en, params, 'en') };
}

function fill(template: string, params: MessageParams, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!Object.hasOwn(params, name)) return match;
    const value = params[name] as MessageParams[string];
    return typeof value === 'object' ? value[locale] : String(value);
  });
}

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
