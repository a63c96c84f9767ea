import type { JsonSchema, JsonSchema7, UISchemaElement } from '@jsonforms/core';

/** The kinds of field a generated form cycles through: what real forms hold most. */
const fieldKinds: JsonSchema7[] = [
  { type: 'string', maxLength: 50 },
  { type: 'integer', minimum: 0 },
  { type: 'string', format: 'date' },
  { type: 'boolean' },
  { type: 'string', enum: ['a', 'b', 'c'] },
  { type: 'string', maxLength: 500 },
];

/**
 * A form of `count` fields (text, integer, date, yes/no, a choice, long text in turn), in groups of ten:
 * what the web bench renders and types into (a 100-field form), and a stress page for the renderer set.
 */
export function generatedForm(count: number): { schema: JsonSchema; uischema: UISchemaElement } {
  const properties: Record<string, JsonSchema7> = {};
  const groups: UISchemaElement[] = [];
  for (let index = 1; index <= count; index++) {
    const name = `field${String(index).padStart(3, '0')}`;
    properties[name] = {
      ...fieldKinds[(index - 1) % fieldKinds.length],
      title: `字段 ${index} / Field ${index}`,
    };
    const group = Math.floor((index - 1) / 10);
    groups[group] ??= {
      type: 'Group',
      label: `${group * 10 + 1}-${Math.min(count, group * 10 + 10)}`,
      elements: [],
    } as UISchemaElement;
    (groups[group] as unknown as { elements: UISchemaElement[] }).elements.push({
      type: 'Control',
      scope: `#/properties/${name}`,
      ...(index % fieldKinds.length === 0 ? { options: { multi: true } } : {}),
    } as UISchemaElement);
  }
  return {
    schema: { type: 'object', properties, required: ['field001'] },
    uischema: { type: 'VerticalLayout', elements: groups } as UISchemaElement,
  };
}
