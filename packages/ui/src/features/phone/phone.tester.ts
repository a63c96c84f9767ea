import { and, isControl, rankWith, schemaMatches, type JsonSchema } from '@jsonforms/core';

/** The shapes the library's forms give a mobile number (definitions/forms: `^1[0-9]{10}$`). */
const mobilePatterns = new Set(['^1[0-9]{10}$', '^1[3-9][0-9]{9}$', '^1\\d{10}$', '^1[3-9]\\d{9}$']);

/** Above the plain text control. */
export const phoneRank = 10;

export function isMobilePhoneSchema(schema: JsonSchema): boolean {
  if (schema.type !== 'string') return false;
  const element = (schema as { 'x-element'?: unknown })['x-element'];
  if (schema.format === 'mobile-phone') return true;
  if (typeof schema.pattern === 'string') return mobilePatterns.has(schema.pattern);
  // a phone element with no pattern; one whose pattern also takes landlines stays a text field
  return typeof element === 'string' && /(^|\.)phone$/i.test(element);
}

export const phoneTester = rankWith(
  phoneRank,
  and(
    isControl,
    (uischema, schema, context) =>
      (uischema.options as { format?: unknown } | undefined)?.format === 'mobile-phone' ||
      schemaMatches(isMobilePhoneSchema)(uischema, schema, context),
  ),
);
