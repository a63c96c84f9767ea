import { and, isControl, rankWith, schemaMatches, type JsonSchema } from '@jsonforms/core';

/** The shape the library's forms give an ID number (definitions/forms: `^[0-9]{17}[0-9X]$`). */
const idNumberPatterns = new Set(['^[0-9]{17}[0-9X]$', '^\\d{17}[\\dX]$', '^[0-9]{17}[0-9Xx]$']);

/** Above the plain text control: an ID number is a string the form marks as one. */
export const idNumberRank = 10;

export function isIdNumberSchema(schema: JsonSchema): boolean {
  if (schema.type !== 'string') return false;
  const element = (schema as { 'x-element'?: unknown })['x-element'];
  return (
    schema.format === 'id-number' ||
    (typeof element === 'string' && /(^|\.)(idNumber|legalPersonIdNumber)$/.test(element)) ||
    (typeof schema.pattern === 'string' && idNumberPatterns.has(schema.pattern))
  );
}

export const idNumberTester = rankWith(
  idNumberRank,
  and(
    isControl,
    (uischema, schema, context) =>
      (uischema.options as { format?: unknown } | undefined)?.format === 'id-number' ||
      schemaMatches(isIdNumberSchema)(uischema, schema, context),
  ),
);
