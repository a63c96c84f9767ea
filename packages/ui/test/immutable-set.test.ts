import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { immutableSetters, type LodashParts } from '../build/immutable-set.js';

// lodash is JSON Forms' dependency, not ours: take it (and lodash/fp, the reference) from there
const require = createRequire(createRequire(import.meta.url).resolve('@jsonforms/core'));
const load = (name: string) => require(`lodash/${name}`) as unknown;
const lodash = Object.fromEntries(
  ['set', 'unset', 'clone', 'toPath', 'isFunction', 'isError', 'isWeakMap'].map((name) => [name, load(name)]),
) as unknown as LodashParts;
const reference = {
  set: load('fp/set') as (path: string, value: unknown, object: unknown) => unknown,
  unset: load('fp/unset') as (path: string, object: unknown) => unknown,
};
const { setFp, unsetFp } = immutableSetters(lodash);

describe('immutable set and unset for JSON Forms (the build replaces lodash/fp/set and unset)', () => {
  const cases: [string, unknown, unknown][] = [
    ['name', 'Li', {}],
    ['name', 'Li', { name: 'Wang', age: 3 }],
    ['address.city', 'Hangzhou', { address: { province: 'Zhejiang' } }],
    ['address.city', 'Hangzhou', {}],
    ['items.0.name', 'a', { items: [{ name: 'b' }, { name: 'c' }] }],
    ['items.1', 'x', { items: ['a'] }],
    ['items.2.name', 'x', {}],
    ['a.b.c', 1, { a: null }],
    ['a.b', 1, { a: 'text' }],
    ['list', [1, 2], { list: [3] }],
  ];

  it.each(cases)('sets %s as lodash/fp does, leaving the input as it was', (path, value, object) => {
    const before = structuredClone(object);
    const expected = reference.set(path, value, structuredClone(object));
    expect(setFp(path, value, object)).toEqual(expected);
    expect(object).toEqual(before);
  });

  it.each(cases)('unsets %s as lodash/fp does, leaving the input as it was', (path, _value, object) => {
    const before = structuredClone(object);
    const expected = reference.unset(path, structuredClone(object));
    expect(unsetFp(path, object)).toEqual(expected);
    expect(object).toEqual(before);
  });

  it('shares what is off the path and copies what is on it', () => {
    const object = { a: { b: 1 }, c: { d: 2 } };
    const result = setFp('a.b', 3, object) as typeof object;
    expect(result.c).toBe(object.c);
    expect(result.a).not.toBe(object.a);
    expect(result).not.toBe(object);
  });
});
