import type { JsonSchema } from '@jsonforms/core';

/**
 * The browser's autofill name for a field the form marks with a data element (`x-element`), so a
 * phone fills in the person's own name or number: less typing for an elderly resident.
 */
const autoCompleteByElement: Record<string, string> = {
  'person.name': 'name',
  'person.phone': 'tel',
  'person.email': 'email',
  'address.residential': 'street-address',
  'address.postal': 'street-address',
};

export function autoCompleteOf(schema: JsonSchema): string | undefined {
  const element = (schema as { 'x-element'?: unknown })['x-element'];
  if (typeof element === 'string' && Object.hasOwn(autoCompleteByElement, element))
    return autoCompleteByElement[element];
  if (schema.format === 'email') return 'email';
  return undefined;
}
