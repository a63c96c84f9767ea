import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isControl,
  resolveSchema,
  type ControlElement,
  type JsonSchema,
  type RankedTester,
  type UISchemaElement,
} from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { renderers } from '../src/form/renderers.js';
import { booleanControlTester } from '../src/features/controls/boolean.control.js';
import { dateTimeControlTester } from '../src/features/controls/date-time.control.js';
import { enumControlTester, oneOfEnumControlTester } from '../src/features/controls/enum.control.js';
import { multiEnumControlTester } from '../src/features/controls/multi-enum.control.js';
import { numberControlTester } from '../src/features/controls/number.control.js';
import { textControlTester } from '../src/features/controls/text.control.js';
import { arrayLayoutTester } from '../src/features/arrays/array.layout.js';
import { objectControlTester } from '../src/features/controls/object.control.js';
import { groupLayoutTester } from '../src/features/layouts/group.layout.js';
import { horizontalLayoutTester } from '../src/features/layouts/horizontal.layout.js';
import { verticalLayoutTester } from '../src/features/layouts/vertical.layout.js';

interface LibraryForm {
  key: string;
  schema: JsonSchema;
  uischema: UISchemaElement;
}

const formsDir = join(import.meta.dirname, '../../../definitions/forms');
const forms = readdirSync(formsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(formsDir, name), 'utf8')) as LibraryForm);

/** The tester JSON Forms would pick for an element: the highest rank wins. */
function winner(element: UISchemaElement, rootSchema: JsonSchema): { tester: RankedTester; rank: number } {
  let best = { tester: renderers[0]!.tester, rank: -1 };
  for (const { tester } of renderers) {
    const rank = tester(element, rootSchema, { rootSchema, config: {} });
    if (rank > best.rank) best = { tester, rank };
  }
  return best;
}

function controlsOf(element: UISchemaElement): ControlElement[] {
  if (isControl(element)) return [element];
  const children = (element as { elements?: UISchemaElement[] }).elements ?? [];
  return children.flatMap(controlsOf);
}

/** Which of our own testers a field should get, unless a special control (rank 10+) claims it. */
function expectedFor(schema: JsonSchema & Record<string, unknown>): RankedTester {
  if (schema.type === 'array') {
    const items = schema.items as JsonSchema | undefined;
    if (schema.uniqueItems === true && items && (items.enum || items.oneOf)) return multiEnumControlTester;
    return arrayLayoutTester;
  }
  if (Array.isArray(schema.oneOf)) return oneOfEnumControlTester;
  if (Array.isArray(schema.enum)) return enumControlTester;
  if (schema.type === 'boolean') return booleanControlTester;
  if (schema.type === 'number' || schema.type === 'integer') return numberControlTester;
  if (schema.format === 'date' || schema.format === 'time' || schema.format === 'date-time')
    return dateTimeControlTester;
  if (schema.type === 'object') return objectControlTester;
  return textControlTester;
}

describe('every field of the library’s forms gets the renderer meant for it', () => {
  for (const form of forms) {
    it(`should rank a renderer first for each field of ${form.key}`, () => {
      const controls = controlsOf(form.uischema);
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) {
        const schema = resolveSchema(form.schema, control.scope, form.schema) as JsonSchema &
          Record<string, unknown>;
        const { tester, rank } = winner(control, form.schema);
        const expected = expectedFor(schema);
        const where = `${form.key} ${control.scope}`;
        expect(rank, where).toBeGreaterThan(0);
        // the special controls (ID number, phone, address, upload) rank 10 and more, above all of ours
        if (rank < 10) expect(tester, where).toBe(expected);
      }
    });
  }
});

describe('the ranks between our own renderers', () => {
  const root = (properties: Record<string, JsonSchema>): JsonSchema =>
    ({ type: 'object', properties }) as JsonSchema;
  const control = (name: string, options?: Record<string, unknown>): UISchemaElement =>
    ({ type: 'Control', scope: `#/properties/${name}`, options }) as UISchemaElement;

  it('should choose the date input over the text input for a date', () => {
    const schema = root({ day: { type: 'string', format: 'date' } });
    expect(winner(control('day'), schema).tester).toBe(dateTimeControlTester);
  });

  it('should choose the choice over the text input for an enum, and titled choices for oneOf consts', () => {
    const schema = root({
      sex: { type: 'string', enum: ['male', 'female'] },
      kind: {
        type: 'string',
        oneOf: [
          { const: 'a', title: 'A' },
          { const: 'b', title: 'B' },
        ],
      },
    });
    expect(winner(control('sex'), schema).tester).toBe(enumControlTester);
    expect(winner(control('kind'), schema).tester).toBe(oneOfEnumControlTester);
  });

  it('should choose checkboxes over cards for a list of distinct choices, and cards for other lists', () => {
    const schema = root({
      tags: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } },
      children: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      names: { type: 'array', items: { type: 'string' } },
      grid: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
    });
    expect(winner(control('tags'), schema).tester).toBe(multiEnumControlTester);
    expect(winner(control('children'), schema).tester).toBe(arrayLayoutTester);
    expect(winner(control('names'), schema).tester).toBe(arrayLayoutTester);
    expect(winner(control('grid'), schema).tester).toBe(arrayLayoutTester);
  });

  it('should render the layouts by their type', () => {
    const schema = root({});
    expect(winner({ type: 'VerticalLayout', elements: [] } as UISchemaElement, schema).tester).toBe(
      verticalLayoutTester,
    );
    expect(winner({ type: 'HorizontalLayout', elements: [] } as UISchemaElement, schema).tester).toBe(
      horizontalLayoutTester,
    );
    expect(winner({ type: 'Group', elements: [] } as UISchemaElement, schema).tester).toBe(groupLayoutTester);
  });
});
