import { describe, expect, it } from 'vitest';
import { validate } from './validate.js';
import { readAllDefinitions } from '../../test/support/definitions.js';

/**
 * Issue 12, point 1: validating one form must never change how any other is judged. Ajv keeps every
 * `$id` it meets inside its instance; a checker that shares one instance across definitions lets one
 * form remove the meta-schema (every form after it "no schema with key or ref ...draft-07/schema"),
 * or lend its nested `$id`s to the next form's `$ref`s.
 */
const title = { 'zh-CN': '测试', en: 'Test' };
const form = (key: string, schema: Record<string, unknown>) => ({
  kind: 'form',
  key,
  version: 1,
  title,
  schema: { type: 'object', ...schema },
});
const text = { type: 'string' };

/** Forms written to disturb a validator's shared state, each valid or not on its own. */
const hostile = [
  form('meta-id', { $id: 'http://json-schema.org/draft-07/schema#', properties: { a: text } }),
  form('meta-id-bare', { $id: 'http://json-schema.org/draft-07/schema', properties: { a: text } }),
  form('meta-alias', { $id: 'http://json-schema.org/schema', properties: { a: text } }),
  form('meta-nested', {
    properties: { a: { $id: 'http://json-schema.org/draft-07/schema#', type: 'string' } },
  }),
  form('meta-schema-key', {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'http://json-schema.org/draft-07/schema#',
    properties: { a: text },
  }),
  form('lends-nested-id', { properties: { x: { $id: 'https://example.org/lent', type: 'string' } } }),
  form('borrows-nested-id', {
    properties: { x: { type: 'number' }, y: { $ref: 'https://example.org/lent' } },
  }),
  form('same-id-one', { $id: 'https://example.org/same', properties: { a: text } }),
  form('same-id-two', {
    $id: 'https://example.org/same',
    definitions: { b: { type: 'number' } },
    properties: { b: { $ref: '#/definitions/b' } },
  }),
  form('own-id-as-meta', { $schema: 'https://example.org/same', properties: { a: text } }),
  form('urn-without-nid', { $id: 'urn:x', properties: { a: text } }),
];

const libraryForms = readAllDefinitions().filter(
  (definition) => (definition as { kind?: string }).kind === 'form',
);

const verdict = (definition: unknown) =>
  validate(definition)
    .problems.map((problem) => `${problem.path} ${problem.code}`)
    .sort();

describe('validating a form changes nothing for the next one (issue 12, point 1)', () => {
  it('should keep every library form valid after one form takes the meta-schema’s $id', () => {
    // given: a library that validates
    expect(libraryForms.length).toBeGreaterThan(10);
    for (const definition of libraryForms) expect(verdict(definition)).toEqual([]);
    // when: one dry run of a form that claims the meta-schema's $id
    validate(hostile[0]);
    // then: the library still validates, every form of it
    const broken = libraryForms
      .map((definition) => ({ key: (definition as { key: string }).key, problems: verdict(definition) }))
      .filter((result) => result.problems.length > 0);
    expect(broken).toEqual([]);
  });

  it('should give every form the same verdict whatever was validated before it', () => {
    // given: each form's verdict when it is the first of its kind to be checked
    const first = new Map(hostile.map((definition) => [definition.key, verdict(definition)]));
    // when: every hostile form has been validated, twice over, in both orders
    for (const definition of [...hostile, ...hostile.slice().reverse()]) validate(definition);
    // then: each one and each library form is judged as before
    for (const definition of hostile)
      expect(verdict(definition), definition.key).toEqual(first.get(definition.key));
    for (const definition of libraryForms) expect(verdict(definition)).toEqual([]);
  });

  it('should refuse a $ref to an $id that only another form declares', () => {
    // given: a form that declares a nested $id has been validated
    validate(hostile.find((definition) => definition.key === 'lends-nested-id'));
    // when: a second form refers to that $id
    const result = validate(hostile.find((definition) => definition.key === 'borrows-nested-id'));
    // then: it is refused, as it is when validated alone (and as the browser's ajv would refuse it)
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatchObject({ path: '/schema', code: 'form-schema-invalid' });
    expect(result.problems[0]?.message.en).toContain('https://example.org/lent');
  });

  it('should name the JSON Schema version a form declares when it is not draft-07, what to write instead', () => {
    for (const dialect of [
      'https://json-schema.org/draft/2020-12/schema',
      'http://json-schema.org/draft-04/schema#',
      'https://example.org/same',
    ]) {
      const result = validate(form('other-dialect', { $schema: dialect, properties: { a: text } }));
      expect(
        result.problems.map((found) => [found.path, found.code]),
        dialect,
      ).toEqual([['/schema/$schema', 'form-schema-dialect']]);
      expect(result.problems[0]?.message.en).toContain('draft-07');
    }
    for (const dialect of [
      'http://json-schema.org/draft-07/schema#',
      'http://json-schema.org/draft-07/schema',
    ])
      expect(validate(form('draft-07', { $schema: dialect, properties: { a: text } })).problems).toEqual([]);
  });
});
