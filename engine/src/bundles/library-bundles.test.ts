import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../definitions/catalog.js';
import type { BundleDefinition, Definition, FormDefinition, JsonSchemaObject } from '../definitions/types.js';
import { validate } from '../definitions/validate.js';
import { libraryCatalog } from '../../test/support/library.js';
import { combineForms, sectionKey, type CombinedForm } from './combined-form.js';

/** The combined forms of the library's three one-thing bundles, as a resident would get them. */
const library = libraryCatalog();
const bundleOf = (key: string) => library.get('bundle', key) as BundleDefinition;
const ajv = new Ajv({ allErrors: true, strict: false });

const controlsOf = (form: CombinedForm): string[] =>
  [...JSON.stringify(form.uischema).matchAll(/"scope":"([^"]+)"/g)].map((match) => match[1] as string);
const scopeOf = (path: string[]) => `#/${path.map((segment) => `properties/${segment}`).join('/')}`;
const groups = (form: CombinedForm) => form.uischema.elements as Array<Record<string, unknown>>;

describe.each([
  {
    bundle: 'd1.senior-services',
    elements: 7,
    shared: 5,
    conditional: ['d1.senior-bus-card', 'd1.senior-health-check'],
  },
  { bundle: 'd1.newborn', elements: 12, shared: 9, conditional: ['d1.social-security-card'] },
  { bundle: 'd1.open-restaurant', elements: 8, shared: 7, conditional: ['d1.signboard-permit'] },
])('combined form of $bundle', ({ bundle, elements, shared, conditional }) => {
  const form = combineForms(bundleOf(bundle), library);

  it(`should ask ${shared} shared data elements once each, of ${elements} in all`, () => {
    expect(form.problems).toEqual([]);
    expect(form.elements).toHaveLength(elements);
    expect(form.elements.filter((element) => element.shared)).toHaveLength(shared);
    // every element is one control, however many forms ask for it
    const controls = controlsOf(form);
    for (const element of form.elements)
      expect(
        controls.filter((scope) => scope === scopeOf(element.path)),
        element.element,
      ).toHaveLength(1);
    // and far fewer questions than the forms ask one by one
    const separately = form.sections.reduce((sum, section) => sum + section.fields.length, 0);
    expect(controls.length).toBeLessThan(separately);
  });

  it('should show the sections of conditional matters only when their condition holds', () => {
    const withRule = groups(form)
      .filter((group) => group.rule !== undefined)
      .map((group) => group.label);
    const titles = conditional.map((key) => {
      const title = library.get('matter', key)?.title;
      return `${title?.['zh-CN']} / ${title?.en}`;
    });
    expect(withRule).toEqual(titles);
    // the schema requires a conditional matter's own section only under the same condition
    const allOf = (form.schema.allOf ?? []) as JsonSchemaObject[];
    for (const key of conditional) {
      expect(form.schema.required).not.toContain(sectionKey(key));
      if ((form.schema.properties as JsonSchemaObject)[sectionKey(key)] !== undefined)
        expect(allOf).toContainEqual(expect.objectContaining({ then: { required: [sectionKey(key)] } }));
    }
  });

  it('should carry every form notice and require consent', () => {
    expect(form.notice['zh-CN'].length).toBeGreaterThan(0);
    expect(form.notice.en.length).toBeGreaterThan(0);
    expect(form.schema.required).toContain('consent');
    expect(ajv.compile(form.schema)({})).toBe(false);
  });
});

describe('a contradiction in a bundle of the library', () => {
  it('should be reported with its path when the bundle is validated, naming both forms', () => {
    // given the medical insurance form of the newborn bundle asking for the mother's ID in another shape
    const bundle = bundleOf('d1.newborn');
    const index = bundle.matters.findIndex((item) => item.matter === 'd1.newborn-medical-insurance');
    const formKey = library.get('matter', 'd1.newborn-medical-insurance')?.form as string;
    const original = library.get('form', formKey) as FormDefinition;
    const properties = original.schema.properties as Record<string, JsonSchemaObject>;
    const field = Object.keys(properties).find(
      (name) => properties[name]?.['x-element'] === 'mother.idNumber',
    );
    expect(field).toBeDefined();
    const changed: FormDefinition = {
      ...original,
      schema: {
        ...original.schema,
        properties: {
          ...properties,
          [field as string]: { ...properties[field as string], pattern: '^[0-9]{15}$' },
        },
      },
    };
    const catalog = new Catalog([...allOf(library), changed]);

    // when the bundle is validated
    const result = validate(bundle, catalog);

    // then the contradiction is reported at the matter that brings it
    expect(result.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['bundle-element-contradiction', `/matters/${index}/matter`],
    ]);
    expect(result.problems[0]?.message.en).toContain('"mother.idNumber"');
    expect(result.problems[0]?.message.en).toContain(`form "${formKey}" (field "${field}") says pattern`);
  });
});

function allOf(catalog: Catalog): Definition[] {
  return (['department', 'calendar', 'matter', 'form', 'workflow', 'bundle'] as const).flatMap((kind) =>
    catalog.all(kind),
  );
}
