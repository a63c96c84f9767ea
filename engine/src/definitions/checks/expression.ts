import { analyzeExpression } from '../../expressions/analyze.js';
import { caseFields } from '../../interpreter/scope.js';
import type { JsonSchemaObject } from '../types.js';
import type { CheckContext } from './context.js';

/**
 * What an expression may read. `data` is checked against the forms' fields when `forms` is known;
 * `extraData` holds fields written by `set` actions, which exist even if no form asks for them.
 */
export interface FieldScope {
  roots: ReadonlySet<string>;
  forms: JsonSchemaObject[] | null;
  extraData: ReadonlySet<string>;
  /** Sensitive places of the forms that write the case data (JSON pointers, `*` for array items). */
  sensitive: string[];
  /** The forms that write the case data, by key (application forms of the workflow and its matters, task forms). */
  formsByKey?: ReadonlyMap<string, JsonSchemaObject>;
}

export const caseRoots: ReadonlySet<string> = new Set(['data', 'task', 'event', 'case']);

export function checkExpression(
  context: CheckContext,
  expression: unknown,
  path: string,
  fields: FieldScope,
): void {
  const analysis = analyzeExpression(expression);
  for (const issue of analysis.issues)
    context.report(path + issue.path, 'expression-invalid', { detail: issue.detail });
  for (const variable of analysis.variables) {
    const [root, ...rest] = variable.split('.');
    if (root === undefined || !fields.roots.has(root)) {
      // what XState keeps in context is the case data here
      if (root === 'context' && rest.length > 0)
        context.report(path, 'xstate.context-variable', {
          name: variable,
          instead: `data.${rest.join('.')}`,
        });
      else context.report(path, 'unknown-variable', { name: variable });
      continue;
    }
    if (root === 'data' && rest.length > 0 && fields.forms !== null && !hasField(fields, rest)) {
      context.report(path, 'unknown-field', { field: variable });
    }
    // a case knows what the runtime starts it with, nothing else: any other case.* is always empty
    if (root === 'case' && rest[0] !== undefined && !caseFields.has(rest[0]))
      context.report(path, 'unknown-case-field', { field: variable, known: [...caseFields].join(', ') });
  }
}

function hasField(fields: FieldScope, segments: string[]): boolean {
  if (fields.extraData.has(segments[0] as string)) return true;
  return (fields.forms ?? []).some((schema) => schemaHasPath(schema, segments));
}

/** Does a JSON Schema describe this property path? Free-form objects accept anything below them. */
export function schemaHasPath(schema: JsonSchemaObject, segments: string[]): boolean {
  let current: JsonSchemaObject | undefined = schema;
  for (const segment of segments) {
    if (current === undefined) return false;
    if (current.type === 'array' || current.items !== undefined) {
      if (!/^\d+$/.test(segment)) return false;
      current = current.items as JsonSchemaObject | undefined;
      continue;
    }
    const properties = current.properties as Record<string, JsonSchemaObject> | undefined;
    if (properties === undefined) return current.type === 'object' || current.type === undefined;
    if (!Object.hasOwn(properties, segment)) return false;
    current = properties[segment];
  }
  return true;
}
