import type { FormError as ErrorObject } from './types.js';
import type { ErrorTranslator, Translator } from '@jsonforms/core';
import { describeAjvErrors, titleText, type LocalizedText } from '@tongban/engine';
import type { Language } from '../i18n/index.js';

/**
 * Text from a form definition in the person's language: a localized object (`{ "zh-CN", "en" }`) or a
 * `"中文 / English"` string (how the library's forms write titles, labels and descriptions); any
 * other string as it is.
 */
export function localize(text: unknown, language: Language): string | undefined {
  const both = titleText(typeof text === 'string' ? (parsedLabel(text) ?? text) : text);
  return both ? both[language] : undefined;
}

/** JSON Forms hands a layout's localized-object label over as its JSON text: read it back. */
function parsedLabel(text: string): unknown {
  if (!text.startsWith('{"')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * JSON Forms' translator: every label, description and choice it derives from the form passes
 * through here with the form's own text as the default, which we localize. JSON Forms also asks
 * for keys without a default (to let a form override an error, say): those we do not have.
 */
export function createFormTranslator(language: Language): Translator {
  const translate = (_id: string, defaultMessage?: unknown): string | undefined => {
    if (defaultMessage === undefined) return undefined;
    return localize(defaultMessage, language) ?? (typeof defaultMessage === 'string' ? defaultMessage : '');
  };
  return translate as Translator;
}

/** What our synthesized errors carry: the sentence in both languages, worded by the engine. */
export interface TongbanErrorParams {
  text: LocalizedText;
}

/** The keyword of errors the form decided to show (see messages.ts). */
export const shownErrorKeyword = 'tongban';

export function isShownError(error: ErrorObject): error is ErrorObject & { params: TongbanErrorParams } {
  const text = (error.params as Partial<TongbanErrorParams> | undefined)?.text;
  return error.keyword === shownErrorKeyword && text !== undefined && typeof text['zh-CN'] === 'string';
}

/**
 * JSON Forms' error translator: our errors carry their sentence; any other ajv error (a renderer
 * set used with JSON Forms' own validation, say) is worded by the engine as the server words it.
 */
export function createErrorTranslator(language: Language): ErrorTranslator {
  return (error) => {
    if (isShownError(error)) return error.params.text[language];
    const [detail] = describeAjvErrors([error]);
    return detail ? detail.message[language] : (error.message ?? error.keyword);
  };
}
