import { and, isControl, rankWith, schemaMatches, type JsonSchema } from '@jsonforms/core';

/** Above the plain text and object controls. */
export const addressRank = 10;

/** The parts an address object may declare; province, city and district are names, detail is typed. */
export const addressPartKeys = ['province', 'city', 'district', 'detail'] as const;

/**
 * Where a person lives or a business is: the library's string fields (address.residential,
 * business.address, household.registeredAddress) and objects with province, city, district and
 * detail. A place within the community (address.event: "by the east gate") stays a text field.
 */
export function isAddressSchema(schema: JsonSchema): boolean {
  const element = (schema as { 'x-element'?: unknown })['x-element'];
  const isAddressElement =
    typeof element === 'string' &&
    /(^|\.)(address|registeredAddress|residential|postal)$/.test(element) &&
    !element.startsWith('address.event');
  if (schema.type === 'string') return isAddressElement || schema.format === 'cn-address';
  if (schema.type === 'object') {
    const properties = schema.properties ?? {};
    const hasParts = addressPartKeys.every((key) => properties[key]?.type === 'string');
    return hasParts && (isAddressElement || schema.format === 'cn-address' || element === 'address');
  }
  return false;
}

export const addressTester = rankWith(
  addressRank,
  and(
    isControl,
    (uischema, schema, context) =>
      (uischema.options as { format?: unknown } | undefined)?.format === 'cn-address' ||
      schemaMatches(isAddressSchema)(uischema, schema, context),
  ),
);
