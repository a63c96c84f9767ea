import { analyzeExpression } from '../../expressions/analyze.js';
import { choicesOf } from '../../forms/choices.js';
import type { JsonSchemaObject } from '../types.js';
import type { CheckContext } from './context.js';
import type { FieldScope } from './expression.js';

/**
 * A queue expression is worked out when its task opens (the runtime passes `task` and `event` as
 * null), from the case data and the case: reading anything else leaves the task with no department.
 * When it takes a form answer as the department itself (`{ "var": "data.community" }`), every answer
 * the form allows must be a department, or a case with that answer has nowhere to go.
 */
export function checkQueueExpression(
  context: CheckContext,
  expression: unknown,
  path: string,
  fields: FieldScope,
): void {
  for (const variable of analyzeExpression(expression).variables) {
    const [root] = variable.split('.');
    if (root === 'task' || root === 'event') context.report(path, 'queue-reads-unset', { name: variable });
  }
  const catalog = context.catalog;
  const field = answerTaken(expression);
  if (catalog === undefined || field === undefined) return;
  for (const [form, schema] of fields.formsByKey ?? []) {
    const choices = choicesOf(propertyAt(schema, field)) ?? [];
    for (const value of choices)
      if (typeof value !== 'string' || !catalog.has('department', value))
        context.report(path, 'queue-value-not-department', {
          form,
          field: `data.${field.join('.')}`,
          value: String(value),
        });
  }
}

/** The data path an expression gives as it is (`{ "var": "data.a.b" }`, with or without a default). */
function answerTaken(expression: unknown): string[] | undefined {
  if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) return undefined;
  const entries = Object.entries(expression);
  if (entries.length !== 1 || entries[0]?.[0] !== 'var') return undefined;
  const operand = entries[0][1];
  const name = Array.isArray(operand) ? operand[0] : operand;
  if (typeof name !== 'string' || !name.startsWith('data.')) return undefined;
  return name.slice('data.'.length).split('.');
}

function propertyAt(schema: JsonSchemaObject, segments: string[]): JsonSchemaObject | undefined {
  let current: JsonSchemaObject | undefined = schema;
  for (const segment of segments) {
    const properties = current?.properties as Record<string, JsonSchemaObject> | undefined;
    if (properties === undefined || !Object.hasOwn(properties, segment)) return undefined;
    current = properties[segment];
  }
  return current;
}
