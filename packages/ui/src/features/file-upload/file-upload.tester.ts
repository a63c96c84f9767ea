import { and, isControl, rankWith, schemaMatches, type JsonSchema } from '@jsonforms/core';

/** Above the generic array renderer. */
export const fileUploadRank = 10;

/**
 * An upload field: an array whose items are attachment references ({ id, name, type, size }), or one
 * that says which types it takes (`x-accept`), or `options.format: "attachments"` in the uischema.
 * Not an `x-element`: data elements are remembered for the next application and asked once across a
 * bundle, and a file is neither.
 */
export function isFileUploadSchema(schema: JsonSchema): boolean {
  if (schema.type !== 'array') return false;
  if (Array.isArray((schema as { 'x-accept'?: unknown })['x-accept'])) return true;
  const items = schema.items;
  if (!items || Array.isArray(items) || typeof items !== 'object') return false;
  const properties = (items as JsonSchema).properties ?? {};
  return (
    ['id', 'name', 'type', 'size'].every((key) => key in properties) && Object.keys(properties).length === 4
  );
}

export const fileUploadTester = rankWith(
  fileUploadRank,
  and(
    isControl,
    (uischema, schema, context) =>
      (uischema.options as { format?: unknown } | undefined)?.format === 'attachments' ||
      schemaMatches(isFileUploadSchema)(uischema, schema, context),
  ),
);
