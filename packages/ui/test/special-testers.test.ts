import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema, TesterContext, UISchemaElement } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { addressTester } from '../src/features/address/address.tester.js';
import { idNumberTester } from '../src/features/id-number/id-number.tester.js';
import { phoneTester } from '../src/features/phone/phone.tester.js';

interface LibraryForm {
  key: string;
  schema: JsonSchema & { properties: Record<string, JsonSchema & { 'x-element'?: string }> };
}

const formsDir = join(import.meta.dirname, '../../../definitions/forms');
const forms: LibraryForm[] = readdirSync(formsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(formsDir, name), 'utf8')) as LibraryForm);

function rankOf(
  tester: typeof idNumberTester,
  rootSchema: JsonSchema,
  property: string,
  options?: Record<string, unknown>,
): number {
  const uischema = { type: 'Control', scope: `#/properties/${property}`, options } as UISchemaElement;
  const context: TesterContext = { rootSchema, config: {} };
  return tester(uischema, rootSchema, context);
}

function propertiesWhere(
  test: (element: string | undefined, name: string) => boolean,
): [LibraryForm, string][] {
  return forms.flatMap((form) =>
    Object.entries(form.schema.properties ?? {})
      .filter(([name, schema]) => test(schema['x-element'], name))
      .map(([name]): [LibraryForm, string] => [form, name]),
  );
}

describe('the special controls are chosen for the library forms’ fields', () => {
  it('should render every ID number of the library with the ID number control, and nothing else with it', () => {
    const idNumbers = propertiesWhere((element) => element?.endsWith('dNumber') === true);
    expect(idNumbers.length).toBeGreaterThan(5);
    for (const [form, property] of idNumbers) {
      expect(rankOf(idNumberTester, form.schema, property), `${form.key} ${property}`).toBe(10);
    }
    for (const [form, property] of propertiesWhere((element) => element?.endsWith('.name') === true)) {
      expect(rankOf(idNumberTester, form.schema, property), `${form.key} ${property}`).toBe(-1);
    }
  });

  it('should render every mobile number of the library with the phone control, and a number that may be a landline as text', () => {
    const phones = propertiesWhere((element, name) => element === 'person.phone' || /phone$/i.test(name));
    const mobile = (form: LibraryForm, property: string): boolean =>
      form.schema.properties[property]?.pattern === '^1[0-9]{10}$';
    expect(phones.filter(([form, property]) => mobile(form, property)).length).toBeGreaterThan(15);
    for (const [form, property] of phones) {
      // a number that may be a landline (`^[0-9-]{7,20}$`) stays a plain text field
      expect(rankOf(phoneTester, form.schema, property), `${form.key} ${property}`).toBe(
        mobile(form, property) ? 10 : -1,
      );
    }
  });

  it('should render the library’s home, business and household addresses with the address control', () => {
    const addresses = propertiesWhere((element) =>
      ['address.residential', 'business.address', 'household.registeredAddress'].includes(element ?? ''),
    );
    expect(addresses.length).toBeGreaterThan(10);
    for (const [form, property] of addresses) {
      expect(rankOf(addressTester, form.schema, property), `${form.key} ${property}`).toBe(10);
    }
    for (const [form, property] of propertiesWhere(
      (element) => element?.startsWith('address.event') === true,
    )) {
      expect(rankOf(addressTester, form.schema, property), `${form.key} ${property}`).toBe(-1);
    }
  });

  it('should take a form that asks by format or by the control’s options', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { a: { type: 'string', format: 'id-number' }, b: { type: 'string' } },
    };
    expect(rankOf(idNumberTester, schema, 'a')).toBe(10);
    expect(rankOf(idNumberTester, schema, 'b')).toBe(-1);
    expect(rankOf(idNumberTester, schema, 'b', { format: 'id-number' })).toBe(10);
    expect(rankOf(phoneTester, schema, 'b', { format: 'mobile-phone' })).toBe(10);
  });
});
