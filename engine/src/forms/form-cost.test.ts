import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { libraryCatalog } from '../../test/support/library.js';
import { Catalog } from '../definitions/catalog.js';
import { definitionKinds, type Definition } from '../definitions/types.js';
import { validate } from '../definitions/validate.js';
import { analyzeFormSchema, formLimits } from './form-cost.js';
import { createFormAjv } from './form-ajv.js';
import { formDataWork } from './form-work.js';

const formsDir = new URL('../../../definitions/forms/', import.meta.url);
const libraryForms = readdirSync(formsDir).map(
  (file) => JSON.parse(readFileSync(new URL(file, formsDir), 'utf8')) as { key: string; schema: object },
);
const codes = (schema: unknown) =>
  analyzeFormSchema(schema).problems.map((found) => `${found.code} ${found.path}`);

describe('what checking a form may cost, known before any answer (decision 0015)', () => {
  it('should find every library form bounded, well within the limits', () => {
    for (const form of libraryForms) {
      const { problems, cost, units } = analyzeFormSchema(form.schema);
      expect(problems, form.key).toEqual([]);
      expect(units, form.key).toBeLessThan(formLimits.maxSchemaUnits / 5);
      expect(cost.value, form.key).toBeLessThan(formLimits.maxValueCost / 10);
    }
  });

  it('should refuse a $ref back to the same value, naming the $ref', () => {
    expect(codes({ type: 'object', $ref: '#', properties: {} })).toEqual(['form-schema-recursive /$ref']);
    expect(
      codes({
        type: 'object',
        definitions: { a: { $ref: '#/definitions/b' }, b: { allOf: [{ $ref: '#/definitions/a' }] } },
        properties: { x: { $ref: '#/definitions/a' } },
      }),
    ).toEqual(['form-schema-recursive /definitions/b/allOf/0/$ref']);
  });

  it('should take a tree (a $ref back through a property or an item), bounded by the depth of answers', () => {
    const tree = {
      type: 'object',
      definitions: {
        node: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/definitions/node' } },
          },
        },
      },
      properties: { root: { $ref: '#/definitions/node' } },
    };
    const { problems, cost } = analyzeFormSchema(tree);
    expect(problems).toEqual([]);
    expect(Number.isFinite(cost.value)).toBe(true);
  });

  it('should count a subschema as often as it is reached: doubling $refs are too costly', () => {
    const definitions: Record<string, object> = { d0: { type: 'string', minLength: 2 } };
    for (let level = 1; level <= 30; level++)
      definitions[`d${level}`] = {
        anyOf: [{ $ref: `#/definitions/d${level - 1}` }, { $ref: `#/definitions/d${level - 1}` }],
      };
    const found = analyzeFormSchema({
      type: 'object',
      definitions,
      properties: { x: { $ref: '#/definitions/d30' } },
    });
    expect(found.problems.map((problem) => problem.code)).toEqual(['form-schema-too-costly']);
    expect(found.problems[0]?.params.cost).toBeGreaterThan(2 ** 30);
  });

  it('should refuse a schema too large or too deep to compile, before walking it', () => {
    expect(
      codes({ type: 'object', properties: { s: { enum: Array.from({ length: 3000 }, (_, i) => i) } } }),
    ).toEqual(['form-schema-too-large ']);
    let nested: object = { type: 'string' };
    for (let level = 0; level < 50_000; level++) nested = { type: 'object', properties: { a: nested } };
    const deep = codes(nested);
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^form-schema-too-(deep|large) /);
    let shallowDeep: object = { type: 'string' };
    for (let level = 0; level < 40; level++) shallowDeep = { properties: { a: shallowDeep } };
    expect(codes({ type: 'object', ...shallowDeep })[0]).toMatch(
      /^form-schema-too-deep \/properties\/a\/properties\/a\//,
    );
  });

  it('should refuse patterns the linear-time engine cannot run, at their path', () => {
    expect(
      codes({
        type: 'object',
        properties: {
          code: { type: 'string', pattern: '^(a)\\1$' },
          tags: { type: 'object', patternProperties: { '^(?=x)a/b$': { type: 'string' } } },
        },
      }),
    ).toEqual([
      'form-pattern-unsupported /properties/code/pattern',
      'form-pattern-unsupported /properties/tags/patternProperties/^(?=x)a~1b$',
    ]);
  });
});

describe('answers bounded before they are checked', () => {
  const form = libraryForms.find((candidate) => candidate.key === 'standard-application') ?? libraryForms[0];
  const { cost } = analyzeFormSchema(form?.schema);

  it('should take an ordinary answer, long text included', () => {
    expect(formDataWork(cost, { applicantName: '张三', note: '长'.repeat(50_000) })).toBeUndefined();
  });

  it('should refuse an answer nested deeper than the limit, naming where, without recursion', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 200_000; level++) deep = { a: deep };
    const found = formDataWork(cost, { note: deep });
    expect(found?.kind).toBe('too-deep');
    expect(found?.path).toBe(`/note${'/a'.repeat(formLimits.maxDataDepth - 1)}`);
  });

  it('should refuse an answer with more values than the limit, or more work than the form allows', () => {
    expect(formDataWork(cost, { list: Array.from({ length: 140_000 }, () => 0) })?.kind).toBe('too-large');
    const costly = { value: formLimits.maxValueCost, char: 0 };
    const rows = Array.from({ length: 1000 }, (_, index) => index);
    expect(formDataWork(costly, { rows })?.kind).toBe('too-large');
    expect(formDataWork({ value: 1, char: 0 }, { rows })).toBeUndefined();
  });
});

describe('uniqueItems in linear time', () => {
  const ajv = createFormAjv();
  const unique = ajv.compile({ type: 'array', uniqueItems: true });

  it('should find duplicates as JSON Schema defines them, with ajv’s error', () => {
    expect(
      unique([
        { a: 1, b: [1, 2] },
        { b: [1, 2], a: 1 },
      ]),
    ).toBe(false);
    expect(unique([1, 1.0])).toBe(false);
    expect(unique([1, '1', [1], { 1: 1 }, null, true])).toBe(true);
    expect(unique(['a', 'b', 'a'])).toBe(false);
    const plain = new Ajv({ allErrors: true }).compile({ type: 'array', uniqueItems: true });
    plain(['a', 'b', 'a']);
    expect(unique.errors?.[0]).toMatchObject({
      keyword: 'uniqueItems',
      instancePath: '',
      params: plain.errors?.[0]?.params,
      message: plain.errors?.[0]?.message,
    });
  });

  it('should check a list of 20,000 objects and a schema with a 1,900-value enum', () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => ({ n: index, t: 'x' }));
    expect(unique(rows)).toBe(true);
    expect(unique([...rows, { t: 'x', n: 7 }])).toBe(false);
    expect(unique.errors?.[0]?.params).toEqual({ i: 20_000, j: 7 });
    // the meta-schema's enum is uniqueItems: with ajv's own keyword this compile is quadratic
    expect(() =>
      createFormAjv().compile({ enum: Array.from({ length: 1_900 }, (_, index) => ({ v: index })) }),
    ).not.toThrow();
  });
});

describe('a bundle’s combined form', () => {
  it('should be checkable within bounds as one form, or the bundle is refused', () => {
    const title = { 'zh-CN': '大', en: 'Large' };
    // three forms of 200 fields each: each within bounds, together over the size of one form
    const forms = ['a', 'b', 'c'].map((key) => ({
      kind: 'form',
      key: `big-${key}`,
      version: 1,
      title,
      schema: {
        type: 'object',
        properties: Object.fromEntries(
          Array.from({ length: 200 }, (_, index) => [`${key}${index}`, { type: 'string', maxLength: 20 }]),
        ),
      },
    }));
    const matters = forms.map((form) => ({
      kind: 'matter',
      key: `m-${form.key}`,
      version: 1,
      title,
      category: 'government-duty',
      lead: 'd1.minzheng',
      cooperating: [],
      timeLimit: { workingDays: 5 },
      legalBasis: [title],
      materials: [],
      form: form.key,
      workflow: 'standard-approval',
    }));
    for (const form of forms) expect(analyzeFormSchema(form.schema).problems).toEqual([]);
    const library = definitionKinds.flatMap((kind) => libraryCatalog().all(kind));
    const catalog = new Catalog([...library, ...forms, ...matters] as Definition[]);
    const bundle = {
      kind: 'bundle',
      key: 'big-bundle',
      version: 1,
      title,
      matters: matters.map((matter) => ({ matter: matter.key })),
      timeLimit: { workingDays: 10 },
    };
    const problems = validate(bundle, catalog).problems.map((found) => `${found.code} ${found.path}`);
    expect(problems).toEqual(['form-schema-too-large /matters']);
  });
});
