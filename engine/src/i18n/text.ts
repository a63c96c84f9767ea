/** Every user-facing string exists in Simplified Chinese first and English second. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export type Locale = keyof LocalizedText;

export const locales: readonly Locale[] = ['zh-CN', 'en'];

type Params = Record<string, string | number>;

/** A message template per locale; `{name}` placeholders are filled from params. */
export type MessageTemplate = LocalizedText;

export function format(template: MessageTemplate, params: Params = {}): LocalizedText {
  return { 'zh-CN': fill(template['zh-CN'], params), en: fill(template.en, params) };
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
