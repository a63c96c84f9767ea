import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Localize } from 'ajv-i18n/localize/types.js';
import { describeAjvErrors as describe, type FormErrorContext } from '@tongban/engine';
import type { ErrorDetail } from '../errors/api-error.js';

export type ErrorContext = Omit<FormErrorContext, 'chineseMessage'>;

/** ajv-i18n's Chinese, for keywords the engine does not word (a CommonJS module: its default is the function). */
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as Localize;

function chinese(error: ErrorObject): string {
  const copy = { ...error };
  localizeZh([copy]);
  return copy.message ?? error.keyword;
}

/**
 * ajv's errors as details a person can read, in zh-CN and en. The wording is the engine's
 * (engine/src/forms/form-errors.ts), shared with the web renderers so both sides say the same;
 * the server adds ajv-i18n's Chinese for the rare keyword the engine does not word itself.
 */
export function describeAjvErrors(errors: readonly ErrorObject[], context: ErrorContext = {}): ErrorDetail[] {
  return describe(errors, { ...context, chineseMessage: chinese });
}
