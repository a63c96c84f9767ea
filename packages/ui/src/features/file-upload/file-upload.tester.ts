import { and, isControl, rankWith, schemaMatches, type JsonSchema } from '@jsonforms/core';

/** Above the generic array renderer. */
export const fileUploadRank = 10;

/**
 * An upload field: an array the form marks as attachments (`x-element: "attachments"` or
 * `"<something>.attachments"`, or `options.format: "attachments"` in the uischema), or whose items are
 * attachment references ({ id, name, type, size }).
 */
export function isFileUploadSchema(schema: JsonSchema): boolean {
  if (schema.type !== 'array') return false;
  const element = (schema as { 'x-element'?: unknown })['x-element'];
  if (typeof element === 'string' && /(^|\.)attachments$/.test(element)) return true;
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
