import type { JsonSchema } from '@jsonforms/core';
import type { Language } from '../../i18n/index.js';
import { localize } from '../../form/translator.js';

/** The words a value is shown with that are not in the data (yes, no, the list separator). */
export interface ValueWords {
  yes: string;
  no: string;
  separator: string;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** A choice's title (`oneOf` of `const`s), localized; else the value itself. */
function choiceTitle(schema: JsonSchema | undefined, value: unknown, language: Language): string | undefined {
  const options = schema?.oneOf ?? schema?.anyOf;
  if (!Array.isArray(options)) return undefined;
  const option = options.find((candidate) => candidate.const === value);
  return option ? localize(option.title, language) : undefined;
}

function dateText(value: string, language: Language, kind: 'date' | 'date-time'): string {
  const at = new Date(kind === 'date' ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) return value;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    ...(kind === 'date' ? { timeZone: 'UTC' } : { timeStyle: 'short' }),
  }).format(at);
}

/**
 * A value as a person reads it: dates in words of their language, yes or no, a choice by its title,
 * a list joined, an address or a file by its name; undefined when there is no answer.
 */
export function formatValue(
  value: unknown,
  schema: JsonSchema | undefined,
  language: Language,
  words: ValueWords,
): string | undefined {
  // an unticked box was answered "no", not left unanswered
  if (value === undefined && schema?.type === 'boolean') return words.no;
  if (isEmpty(value)) return undefined;
  if (Array.isArray(value)) {
    const items = schema?.items && !Array.isArray(schema.items) ? (schema.items as JsonSchema) : undefined;
    return value
      .map((item) => formatValue(item, items, language, words))
      .filter((text): text is string => text !== undefined)
      .join(words.separator);
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // a file reference by its name; an address (province, city, district, detail) as one line
    if (typeof record.name === 'string' && typeof record.id === 'string') return record.name;
    return Object.values(record)
      .filter((part) => typeof part === 'string' || typeof part === 'number')
      .join(' ');
  }
  const text = String(value);
  const title = choiceTitle(schema, value, language);
  if (title !== undefined) return title;
  if (schema?.format === 'date') return dateText(text, language, 'date');
  if (schema?.format === 'date-time') return dateText(text, language, 'date-time');
  if (schema?.format === 'time') return text.slice(0, 5);
  return text;
}

/**
 * A sensitive answer masked as Chinese services print them: enough of its ends to recognise it,
 * the middle hidden (110***********1234, 138****5678).
 */
export function maskText(text: string): string {
  const characters = [...text];
  const { length } = characters;
  if (length <= 4) return '*'.repeat(length);
  const [head, tail] = length >= 11 ? [3, 4] : [1, 1];
  return (
    characters.slice(0, head).join('') + '*'.repeat(length - head - tail) + characters.slice(-tail).join('')
  );
}
