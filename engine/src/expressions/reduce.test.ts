import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error.js';
import { analyzeExpression } from './analyze.js';
import { evaluate } from './evaluate.js';
import { defaultLimits, type Expression, type ExpressionScope } from './types.js';

const scope: ExpressionScope = {
  data: {
    fees: [120, 80, 45.5],
    household: [
      { name: '王芳', income: 3000 },
      { name: '小明', income: 0 },
      { name: '王强', income: 1800 },
    ],
    documents: ['id-card', 'hukou'],
    base: 10,
  },
  case: { lead: 'd1.minzheng' },
};

const run = (expression: Expression, at: ExpressionScope = scope): unknown => evaluate(expression, at);

function engineErrorOf(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError, but nothing was thrown');
}

const sum: Expression = { '+': [{ var: 'current' }, { var: 'accumulator' }] };

describe('reduce', () => {
  it('should fold an array with current and accumulator, as JSON Logic does', () => {
    expect(run({ reduce: [{ var: 'data.fees' }, sum, 0] })).toBe(245.5);
    expect(run({ reduce: [[1, 2, 3, 4], { '*': [{ var: 'current' }, { var: 'accumulator' }] }, 1] })).toBe(
      24,
    );
  });

  it('should sum a field of object items (a household income)', () => {
    const income: Expression = {
      reduce: [{ var: 'data.household' }, { '+': [{ var: 'current.income' }, { var: 'accumulator' }] }, 0],
    };
    expect(run(income)).toBe(4800);
    expect(run({ '<': [{ '/': [income, { length: { var: 'data.household' } }] }, 2000] })).toBe(true);
  });

  it('should evaluate the initial value in the outer scope', () => {
    expect(run({ reduce: [{ var: 'data.fees' }, sum, { var: 'data.base' }] })).toBe(255.5);
  });

  it('should give the initial value for an empty or non-array input, and null without one', () => {
    expect(run({ reduce: [[], sum, 7] })).toBe(7);
    expect(run({ reduce: [{ var: 'data.missing' }, sum, 7] })).toBe(7);
    expect(run({ reduce: [{ var: 'case.lead' }, sum, 7] })).toBe(7);
    expect(run({ reduce: [[], sum] })).toBeNull();
  });

  it('should not see the outer scope inside the body', () => {
    expect(run({ reduce: [[1, 2], { var: ['data.base', 'hidden'] }, 0] })).toBe('hidden');
  });

  it('should build strings and lists, within the string and array limits', () => {
    expect(
      run({
        reduce: [{ var: 'data.documents' }, { cat: [{ var: 'accumulator' }, '/', { var: 'current' }] }, ''],
      }),
    ).toBe('/id-card/hukou');
    expect(
      run({ reduce: [[[1], [2, 3]], { merge: [{ var: 'accumulator' }, { var: 'current' }] }, []] }),
    ).toEqual([1, 2, 3]);
    const doubling: Expression = { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] };
    const error = engineErrorOf(() => run({ reduce: [Array.from({ length: 20 }, () => 0), doubling, 'xx'] }));
    expect(error.code).toBe('TB_EXPRESSION_LIMIT');
    expect(error.message).toContain('characters');
  });

  it('should refuse to walk arrays over the item limit, like map and filter', () => {
    const big = { items: Array.from({ length: defaultLimits.maxArrayLength + 1 }, (_, index) => index) };
    const error = engineErrorOf(() => run({ reduce: [{ var: 'items' }, 0, 0] }, big));
    expect(error.code).toBe('TB_EXPRESSION_LIMIT');
    expect(error.message).toContain(`${defaultLimits.maxArrayLength} items`);
  });

  it('should count the operations run for every item', () => {
    const perItem: Expression = { reduce: [{ var: 'items' }, { var: 'current' }, 0] };
    const items = (count: number) => ({ items: Array.from({ length: count }, (_, index) => index) });
    expect(run(perItem, items(1000))).toBe(999);
    const error = engineErrorOf(() => run(perItem, items(defaultLimits.maxNodes)));
    expect(error.code).toBe('TB_EXPRESSION_LIMIT');
    expect(error.message).toContain('operations');
  });

  it('should list only the outer variables: the array and the initial value, not the body', () => {
    const expression: Expression = {
      reduce: [
        { var: 'data.household' },
        { '+': [{ var: 'current.income' }, { var: 'accumulator' }] },
        { var: 'data.base' },
      ],
    };
    expect(analyzeExpression(expression)).toEqual({ issues: [], variables: ['data.household', 'data.base'] });
  });
});

describe('var ""', () => {
  it('should be the whole data of the current scope even when it has a key ""', () => {
    const withEmptyKey = { '': 'not me', a: 1 };
    expect(run({ var: '' }, withEmptyKey)).toBe(withEmptyKey);
    expect(run({ var: [''] }, withEmptyKey)).toBe(withEmptyKey);
    expect(run({ var: null }, withEmptyKey)).toBe(withEmptyKey);
  });

  it('should be the item itself inside map, filter and some, whatever keys the item has', () => {
    const items = [{ '': 5, b: 1 }, { b: 2 }];
    expect(run({ map: [{ var: 'items' }, { var: '' }] }, { items })).toEqual(items);
    expect(run({ filter: [{ var: 'items' }, { '==': [{ var: 'b' }, 2] }] }, { items })).toEqual([{ b: 2 }]);
  });

  it('should still be a plain item itself, and read nothing below it', () => {
    expect(run({ map: [[1, 2, 3], { '*': [{ var: '' }, 2] }] })).toEqual([2, 4, 6]);
    expect(run({ map: [['ab', 'c'], { var: 'length' }] })).toEqual([null, null]);
    expect(run({ map: [[1, null], { missing: [''] }] })).toEqual([[], ['']]);
  });
});
