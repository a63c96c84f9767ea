import { describeAjvErrors, type JsonSchemaObject, type LocalizedText } from '@tongban/engine';
import { isWithin, pointerToPath, valueAt } from './paths.js';
import { shownErrorKeyword, type TongbanErrorParams } from './translator.js';
import type { FormError } from './types.js';

/** One problem with an answer, as the person is told it: where, what, and who found it. */
export interface FieldMessage {
  /** JSON Forms' dotted data path of the field ('' for the form as a whole). */
  path: string;
  message: LocalizedText;
  /** `check`: the browser's validation (the same as the server's); `server`: returned by the server. */
  source: 'check' | 'server';
}

/** An error detail as the API returns it (docs/errors.md): a JSON pointer and a sentence. */
export interface ServerErrorDetail {
  path: string;
  message: LocalizedText | string;
}

/** The browser's validation errors as the engine words them (the server's very sentences). */
export function checkMessages(errors: readonly FormError[], schema: JsonSchemaObject): FieldMessage[] {
  return describeAjvErrors(errors, { schema }).map((detail) => ({
    path: pointerToPath(detail.path === '/' ? '' : detail.path),
    message: detail.message,
    source: 'check',
  }));
}

/**
 * The details of an error the server returned, for the fields they name. `prefix` is what the server
 * put before the form's own pointers (`/body/data` for a request body's `data`, say); details outside
 * it are not about the form's fields and are left out.
 */
export function serverMessages(details: readonly ServerErrorDetail[], prefix = ''): FieldMessage[] {
  const messages: FieldMessage[] = [];
  for (const detail of details) {
    if (prefix !== '' && detail.path !== prefix && !detail.path.startsWith(`${prefix}/`)) continue;
    const pointer = detail.path.slice(prefix.length);
    const message =
      typeof detail.message === 'string' ? { 'zh-CN': detail.message, en: detail.message } : detail.message;
    messages.push({ path: pointerToPath(pointer === '/' ? '' : pointer), message, source: 'server' });
  }
  return messages;
}

/** Which fields the person has been shown the errors of. */
export interface Disclosure {
  /** Fields the person has left (blurred) or changed, by dotted path. */
  touched: ReadonlySet<string>;
  /** Parts of the form revealed as a whole (after Continue on a step: its fields); '' is every field. */
  revealed: readonly string[];
}

/**
 * The messages the person sees now: a check's message once its field was touched or revealed (never
 * before: a form does not open red); the server's always, until the answer it was about changes.
 */
export function visibleMessages(
  checks: readonly FieldMessage[],
  server: ReadonlyArray<FieldMessage & { answered: unknown }>,
  disclosure: Disclosure,
  data: unknown,
): FieldMessage[] {
  const shown = checks.filter((message) => isDisclosed(message.path, disclosure));
  for (const message of server) {
    if (sameValue(valueAt(data, message.path), message.answered)) shown.push(message);
  }
  return shown;
}

function isDisclosed(path: string, { touched, revealed }: Disclosure): boolean {
  if (revealed.some((prefix) => isWithin(path, prefix))) return true;
  if (touched.has(path)) return true;
  // a problem with a group or list (too few items, say) shows once a field inside it was touched
  for (const field of touched) if (path === '' ? false : isWithin(field, path)) return true;
  return false;
}

const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The messages as the errors JSON Forms hands to each control (`additionalErrors`): one per message,
 * at its field's path, with the sentence in both languages for our error translator.
 */
export function asFormErrors(messages: readonly FieldMessage[]): FormError[] {
  return messages.map((message) => {
    const params: TongbanErrorParams = { text: message.message };
    return {
      keyword: shownErrorKeyword,
      instancePath: message.path === '' ? '' : `/${message.path.split('.').join('/')}`,
      schemaPath: '',
      params,
      message: message.message.en,
    };
  });
}
