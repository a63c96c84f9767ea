import type { JsonSchemaObject } from '../definitions/types.js';

/**
 * The answers a form field allows when it lists them: `const`, `enum`, or a `oneOf` / `anyOf` of
 * `const`s (JSON Forms shows those as a choice with titles); `undefined` when any answer of its type
 * goes. A list field (`type: array`) gives the choices of its items.
 */
export function choicesOf(schema: JsonSchemaObject | undefined): unknown[] | undefined {
  if (schema === undefined || schema === null || typeof schema !== 'object') return undefined;
  if (Object.hasOwn(schema, 'const')) return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = schema[keyword];
    if (
      Array.isArray(options) &&
      options.length > 0 &&
      options.every(
        (option) => option !== null && typeof option === 'object' && Object.hasOwn(option, 'const'),
      )
    )
      return options.map((option) => (option as { const: unknown }).const);
  }
  if (schema.type === 'array' && schema.items !== null && typeof schema.items === 'object')
    return choicesOf(schema.items as JsonSchemaObject);
  return undefined;
}
