import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error.js';
import { evaluate, evaluateCondition } from './evaluate.js';
import { defaultLimits, type Expression } from './types.js';
import { WorkMeter, weigh } from './work.js';

const limitOf = (run: () => unknown): EngineError => {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected TB_EXPRESSION_LIMIT');
};

/** `times` copies of one operation under `or`: 3 × times + 1 operations. */
const repeated = (times: number, operation: (list: Expression) => Expression): Expression => ({
  or: Array.from({ length: times }, () => ({ '==': [operation({ var: 'data.list' }), -1] })),
});

describe('expressions count their work, not their time (decision 0015)', () => {
  const list = Array.from({ length: 140_000 }, (_, index) => index % 10);

  it('should stop a guard of 1,801 operations over a 140,000-item list early, with TB_EXPRESSION_LIMIT', () => {
    const guard = repeated(600, (read) => ({ '+': [read] }));
    const meter = new WorkMeter(defaultLimits.maxWork);
    const error = limitOf(() => evaluateCondition(guard, { data: { list } }, defaultLimits, meter));
    expect(error.code).toBe('TB_EXPRESSION_LIMIT');
    expect(error.message).toContain(`${defaultLimits.maxWork} units of work`);
    // it stopped at the first reading past the limit, not after 600 of them
    expect(meter.used).toBeLessThan(defaultLimits.maxWork + list.length + 10);
  });

  it.each<[string, (read: Expression) => Expression]>([
    ['+ (reads the list as text)', (read) => ({ '+': [read] })],
    ['in (scans it)', (read) => ({ in: ['x', read] })],
    ['missing (looks up every item)', (read) => ({ missing: read })],
    ['substr (writes it out)', (read) => ({ substr: [read, 0, 1] })],
    ['merge (copies it)', (read) => ({ length: { merge: [read] } })],
    ['map (walks it)', (read) => ({ length: { map: [read, 1] } })],
    ['some (walks it)', (read) => ({ some: [read, { '==': [{ var: '' }, -1] }] })],
  ])('should pay for every reading of a long list, whatever the operator: %s', (_name, operation) => {
    const items = Array.from({ length: 9_000 }, (_, index) => `item-${index}-padded-to-be-longer`);
    const error = limitOf(() => evaluate(repeated(200, operation), { data: { list: items } }));
    expect(error.code).toBe('TB_EXPRESSION_LIMIT');
  });

  it('should cost the same on every run: the verdict depends on the data, never the machine', () => {
    const guard = repeated(40, (read) => ({ in: [3, read] }));
    const used = () => {
      const meter = new WorkMeter(10_000_000);
      evaluate(guard, { data: { list: list.slice(0, 5_000) } }, defaultLimits, meter);
      return meter.used;
    };
    expect(used()).toBe(used());
    expect(used()).toBeGreaterThan(40 * 5_000);
  });

  it('should let ordinary expressions over ordinary data through', () => {
    const rows = Array.from({ length: 500 }, (_, index) => ({
      status: index % 3 ? 'open' : 'done',
      amount: index,
    }));
    expect(
      evaluate(
        {
          and: [
            { some: [{ var: 'data.rows' }, { '==': [{ var: 'status' }, 'done'] }] },
            { '>': [{ length: { filter: [{ var: 'data.rows' }, { '>': [{ var: 'amount' }, 10] }] } }, 3] },
            { '==': [{ var: 'data.kind' }, 'urgent'] },
          ],
        },
        { data: { rows, kind: 'urgent' } },
      ),
    ).toBe(true);
  });

  it('should share one meter across the evaluations of a step', () => {
    const meter = new WorkMeter(50_000, 'one step of a case');
    const each: Expression = { in: [3, { var: 'data.list' }] };
    const scope = { data: { list: list.slice(0, 10_000) } };
    for (let index = 0; index < 4; index++) evaluate(each, scope, defaultLimits, meter);
    const error = limitOf(() => {
      for (let index = 0; index < 10; index++) evaluate(each, scope, defaultLimits, meter);
    });
    expect(error.message).toContain('one step of a case');
  });

  it('should weigh a value by its items, keys and text, stopping once past the cap', () => {
    expect(weigh(5, 100)).toBe(0);
    expect(weigh('x'.repeat(160), 100)).toBe(10);
    expect(weigh([1, 2, 3], 100)).toBe(3);
    expect(weigh({ a: [1, 2], b: 'x'.repeat(32) }, 100)).toBe(2 + 2 + 2);
    // a list is weighed whole (as reading it costs), the next one no longer once past the cap
    expect(weigh([list, list, list], 1_000)).toBe(3 + 140_000);
  });
});
