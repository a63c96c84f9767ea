import {
  Resolve,
  createLabelDescriptionFrom,
  getCombinedErrorMessage,
  getControlPath,
  getI18nKey,
  type ControlElement,
  type ErrorTranslator,
  type JsonSchema,
  type Translator,
} from '@jsonforms/core';
import type { FieldErrors, FormError } from './steps.js';

/** One line of an error summary: which answer, what is wrong, where it is. */
export interface Problem {
  /** Data path of the answer the error is about (inside the step's field for objects and lists). */
  path: string;
  label: string;
  message: string;
  /** The step the answer is on. */
  step: number;
}

export interface ProblemInput {
  schema: JsonSchema;
  rootSchema: JsonSchema;
  t: Translator;
  translateError: ErrorTranslator;
}

/**
 * The summary's lines for the errors of a step's fields: one per answer in error, labelled and
 * worded as the field itself words them (JSON Forms' error translator and i18n keys).
 */
export function problemsOf(step: number, found: FieldErrors[], input: ProblemInput): Problem[] {
  const problems: Problem[] = [];
  for (const { field, errors } of found) {
    const byPath = new Map<string, FormError[]>();
    for (const error of errors) {
      const path = getControlPath(error);
      byPath.set(path, [...(byPath.get(path) ?? []), error]);
    }
    const fieldSchema = Resolve.schema(input.schema, field.control.scope, input.rootSchema) ?? {};
    for (const [path, own] of byPath) {
      const { schema, label } = answerAt(field.control, field.path, fieldSchema, path, input);
      const message = getCombinedErrorMessage(own, input.translateError, input.t, schema, undefined, path);
      problems.push({ path, label, message, step });
    }
  }
  return problems;
}

/** The schema and label of the answer at `path`, which is `fieldPath` itself or inside it. */
function answerAt(
  control: ControlElement,
  fieldPath: string,
  fieldSchema: JsonSchema,
  path: string,
  input: ProblemInput,
): { schema: JsonSchema; label: string } {
  const fieldLabel = input.t(
    getI18nKey(fieldSchema, control, fieldPath, 'label'),
    createLabelDescriptionFrom(control, fieldSchema).text,
  );
  if (path === fieldPath) return { schema: fieldSchema, label: fieldLabel };
  // deeper: follow the rest of the path through properties and items, naming the innermost property
  let schema = fieldSchema;
  let label = fieldLabel;
  const rest = path.slice(fieldPath.length + 1).split('.');
  let at = fieldPath;
  for (const segment of rest) {
    at = at === '' ? segment : `${at}.${segment}`;
    if (/^\d+$/.test(segment)) {
      schema = Resolve.schema(schema, '#/items', input.rootSchema) ?? {};
      continue;
    }
    const scope = `#/properties/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    schema = Resolve.schema(schema, scope, input.rootSchema) ?? {};
    const own = input.t(
      getI18nKey(schema, undefined, at, 'label'),
      createLabelDescriptionFrom({ type: 'Control', scope }, schema).text,
    );
    label = `${fieldLabel} · ${own}`;
  }
  return { schema, label };
}
