import {
  Resolve,
  createLabelDescriptionFrom,
  deriveLabelForUISchemaElement,
  enumToEnumOptionMapper,
  getI18nKey,
  getI18nKeyPrefix,
  oneOfToEnumOptionMapper,
  type ControlElement,
  type JsonSchema,
  type Translator,
} from '@jsonforms/core';
import { isAttachmentReference } from '../file-upload/attachment-reference.js';
import { maskText } from './mask.js';
import { stepFields, type RuleContext, type WizardStep } from './steps.js';

/** The few words the review page needs besides the form's own, in the person's language. */
export interface ReviewWords {
  notAnswered: string;
  yes: string;
  no: string;
  /** A hidden sensitive value that is not text (an object or a list). */
  hidden: string;
  item: (position: number) => string;
  step: (position: number) => string;
  /** Between the items of a list of choices: '、' in Chinese, ', ' in English. */
  listSeparator: string;
}

export interface ReviewEntry {
  /** Data path in JSON Forms' dotted form: where "change" leads and errors point. */
  path: string;
  label: string;
  /** The answer as the person reads it; absent when the entry is a list of further entries. */
  value?: string;
  answered: boolean;
  /** The answer is sensitive (`x-sensitive`) and shown masked. */
  masked: boolean;
  /** The parts of an object, or the items of a list of objects. */
  entries?: ReviewEntry[];
}

export interface ReviewGroup {
  step: number;
  label: string;
  entries: ReviewEntry[];
}

export interface ReviewInput extends RuleContext {
  steps: WizardStep[];
  visibleSteps: readonly number[];
  /** The schema the Categorization's scopes are relative to, and the root schema its $refs resolve in. */
  schema: JsonSchema;
  rootSchema: JsonSchema;
  t: Translator;
  locale: string;
  words: ReviewWords;
}

type SensitiveSchema = JsonSchema & { 'x-sensitive'?: boolean; i18n?: string };

/**
 * Every answer of the visible steps, grouped by step, labelled and written as the form shows them
 * (JSON Forms' own label, enum and i18n-key rules), sensitive answers masked. Fields hidden by a rule
 * are left out: the person did not see them.
 */
export function reviewOf(input: ReviewInput): ReviewGroup[] {
  const groups: ReviewGroup[] = [];
  for (const step of input.steps) {
    if (!input.visibleSteps.includes(step.index)) continue;
    const entries = stepFields(step, input)
      .filter((field) => field.visible)
      .map((field) => controlEntry(field.control, field.path, input));
    groups.push({
      step: step.index,
      label: deriveLabelForUISchemaElement(step.category, input.t) ?? input.words.step(groups.length + 1),
      entries,
    });
  }
  return groups;
}

function controlEntry(control: ControlElement, path: string, input: ReviewInput): ReviewEntry {
  const schema = Resolve.schema(input.schema, control.scope, input.rootSchema) ?? {};
  const label = createLabelDescriptionFrom(control, schema).text;
  const translated = input.t(getI18nKey(schema, control, path, 'label'), label);
  const i18nPrefix = getI18nKeyPrefix(schema, control, path);
  return entryOf(translated, Resolve.data(input.data, path), schema, path, i18nPrefix, input);
}

function entryOf(
  label: string,
  value: unknown,
  schema: SensitiveSchema,
  path: string,
  i18nPrefix: string,
  input: ReviewInput,
): ReviewEntry {
  const { words } = input;
  const base = { path, label, masked: false };
  if (isEmpty(value)) return { ...base, value: words.notAnswered, answered: false };
  if (schema['x-sensitive'] === true) {
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    return {
      ...base,
      value: text === undefined ? words.hidden : maskText(text),
      answered: true,
      masked: true,
    };
  }
  // uploaded files are named as the person chose them, not as the references the runtime keeps
  const files = Array.isArray(value) ? value : [value];
  if (files.every(isAttachmentReference))
    return { ...base, value: files.map((file) => file.name).join(words.listSeparator), answered: true };
  if (Array.isArray(value)) return listEntry(label, value, schema, path, i18nPrefix, input);
  if (typeof value === 'object' && value !== null) {
    return {
      ...base,
      answered: true,
      entries: objectEntries(value as Record<string, unknown>, schema, path, input),
    };
  }
  return { ...base, value: scalarText(value, schema, i18nPrefix, input), answered: true };
}

function listEntry(
  label: string,
  items: unknown[],
  schema: JsonSchema,
  path: string,
  i18nPrefix: string,
  input: ReviewInput,
): ReviewEntry {
  const itemSchema: SensitiveSchema = Resolve.schema(schema, '#/items', input.rootSchema) ?? {};
  const base = { path, label, masked: false, answered: true };
  const objects = items.some((item) => typeof item === 'object' && item !== null);
  if (!objects) {
    const texts = items.map((item) =>
      itemSchema['x-sensitive'] === true
        ? maskText(String(item))
        : scalarText(item, itemSchema, i18nPrefix, input),
    );
    return {
      ...base,
      value: texts.join(input.words.listSeparator),
      masked: itemSchema['x-sensitive'] === true,
    };
  }
  const entries = items.map((item, index) =>
    entryOf(input.words.item(index + 1), item, itemSchema, `${path}.${index}`, i18nPrefix, input),
  );
  return { ...base, entries };
}

function objectEntries(
  value: Record<string, unknown>,
  schema: JsonSchema,
  path: string,
  input: ReviewInput,
): ReviewEntry[] {
  const declared = Object.keys(schema.properties ?? {});
  // answers the schema does not declare (allowed by additionalProperties) are listed after the declared ones
  const names = [...declared, ...Object.keys(value).filter((name) => !declared.includes(name))];
  return names.map((name) => {
    const scope = `#/properties/${encodeSegment(name)}`;
    const control: ControlElement = { type: 'Control', scope };
    const childSchema = Resolve.schema(schema, scope, input.rootSchema) ?? {};
    const childPath = path === '' ? name : `${path}.${name}`;
    const label = createLabelDescriptionFrom(control, childSchema).text;
    const translated = input.t(getI18nKey(childSchema, undefined, childPath, 'label'), label);
    const prefix = getI18nKeyPrefix(childSchema, undefined, childPath);
    return entryOf(translated, value[name], childSchema, childPath, prefix, input);
  });
}

function scalarText(value: unknown, schema: JsonSchema, i18nPrefix: string, input: ReviewInput): string {
  const { t, locale, words } = input;
  if (schema.enum?.some((option) => option === value))
    return enumToEnumOptionMapper(value, t, i18nPrefix).label;
  const option = schema.oneOf?.find((candidate) => candidate.const === value);
  if (option) return oneOfToEnumOptionMapper(option, t, i18nPrefix).label;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value === 'string') return formattedString(value, schema.format, locale);
  return JSON.stringify(value);
}

function formattedString(value: string, format: string | undefined, locale: string): string {
  if (format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()))
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  if (format === 'date-time') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()))
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

const encodeSegment = (name: string): string => name.replaceAll('~', '~0').replaceAll('/', '~1');
