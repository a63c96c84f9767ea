import type { Language } from '@tongban/ui';
import type { LocalizedText } from './gallery.api.js';

/** A definition's text in the person's language, else in the other one. */
export function localized(text: LocalizedText | undefined, language: Language): string {
  if (!text) return '';
  return text[language] || text['zh-CN'] || text.en || '';
}
