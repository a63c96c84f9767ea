import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error.js';
import { evaluate, evaluateCondition, lookup, truthy } from './evaluate.js';
import { operatorNames } from './operators.js';
import { defaultLimits, type Expression, type ExpressionScope } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// frozen, so any attempt to write into the scope would throw in strict mode
const scope: ExpressionScope = deepFreeze({
  data: {
    urgency: 'immediate',
    amount: 12000,
    income: '4800',
    household: 3,
    notes: '',
    remark: null,
    disabled: false,
    arrears: 0,
    submittedOn: '2026-03-09',
    applicant: { name: '王芳', idType: 'resident', district: '朝阳区' },
    children: [
      { name: '小明', age: 3 },
      { name: '小红', age: 7 },
    ],
    documents: ['id-card', 'hukou', 'income-proof'],
    attachments: [],
  },
  case: {
    id: 'TB-2026-0001',
    matter: 'minimum-living-allowance',
    lead: 'd1.minzheng',
    cooperating: ['d2.renshe', 'd3.zhujian'],
  },
  task: null,
  event: { type: 'submit', by: 'applicant' },
});

const run = (expression: Expression, at: ExpressionScope = scope): unknown => evaluate(expression, at);

/** Runs the expression and returns the EngineError it throws; anything else fails the test. */
function engineErrorOf(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError, but nothing was thrown');
}

/** `{ "!": { "!": ... true } }` with `levels` operators. */
function nestedNots(levels: number): Expression {
  let expression: Expression = true;
  for (let i = 0; i < levels; i++) expression = { '!': expression };
  return expression;
}

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
});

describe('evaluate', () => {
  describe('literals', () => {
    it('should return scalars unchanged', () => {
      expect(run(42)).toBe(42);
      expect(run('d1.minzheng')).toBe('d1.minzheng');
      expect(run(true)).toBe(true);
      expect(run(false)).toBe(false);
      expect(run(null)).toBeNull();
    });

    it('should evaluate each item of an array literal', () => {
      expect(run([1, { var: 'data.urgency' }, [{ var: 'case.lead' }]])).toEqual([
        1,
        'immediate',
        ['d1.minzheng'],
      ]);
    });
  });

  describe('var', () => {
    it('should read dotted paths through objects and arrays', () => {
      expect(run({ var: 'data.urgency' })).toBe('immediate');
      expect(run({ var: 'data.applicant.district' })).toBe('朝阳区');
      expect(run({ var: 'data.children.1.age' })).toBe(7);
      expect(run({ var: ['case.lead'] })).toBe('d1.minzheng');
    });

    it('should accept a number as the path into an array item, as JSON Logic does', () => {
      const rows = [
        ['d1.minzheng', 3],
        ['d2.renshe', 5],
      ];
      expect(run({ map: [{ var: 'rows' }, { var: 0 }] }, { rows })).toEqual(['d1.minzheng', 'd2.renshe']);
      expect(run({ map: [{ var: 'rows' }, { var: '1' }] }, { rows })).toEqual([3, 5]);
      expect(run({ map: [{ var: 'rows' }, { var: '' }] }, { rows })).toEqual(rows);
    });

    it('should give null for a path that does not exist and no default is given', () => {
      expect(run({ var: 'data.phone' })).toBeNull();
      expect(run({ var: 'data.applicant.phone.mobile' })).toBeNull();
      expect(run({ var: 'data.children.5.age' })).toBeNull();
      expect(run({ var: 'data.urgency.length' })).toBeNull();
    });

    it('should use the default only when the path does not exist', () => {
      expect(run({ var: ['data.phone', '未填写'] })).toBe('未填写');
      expect(run({ var: ['data.amount', 0] })).toBe(12000);
      expect(run({ var: ['data.arrears', 99] })).toBe(0);
      expect(run({ var: ['data.disabled', true] })).toBe(false);
      expect(run({ var: ['data.notes', 'n/a'] })).toBe('');
      expect(run({ var: ['data.remark', 'n/a'] })).toBeNull();
    });

    it('should evaluate an expression default, and only when it is needed', () => {
      expect(run({ var: ['data.nickname', { var: 'data.applicant.name' }] })).toBe('王芳');
      expect(run({ var: ['data.amount', { unknown: [] }] })).toBe(12000);
    });

    it('should compute the path from an expression', () => {
      expect(run({ var: { cat: ['data.applicant.', 'idType'] } })).toBe('resident');
    });

    it('should return the whole scope for an empty path', () => {
      expect(run({ var: '' })).toBe(scope);
      expect(run({ var: [] })).toBe(scope);
    });
  });

  describe('missing and missing_some', () => {
    it('should list the paths that are absent, null or empty, but not false or 0', () => {
      const expression: Expression = {
        missing: ['data.urgency', 'data.phone', 'data.notes', 'data.remark', 'data.disabled', 'data.arrears'],
      };
      expect(run(expression)).toEqual(['data.phone', 'data.notes', 'data.remark']);
    });

    it('should return an empty, falsy list when nothing is missing', () => {
      const expression: Expression = { missing: ['data.urgency', 'case.lead'] };
      expect(run(expression)).toEqual([]);
      expect(evaluateCondition(expression, scope)).toBe(false);
    });

    it('should accept the paths as one list or from merge', () => {
      expect(run({ missing: [['data.amount', 'data.bankAccount']] })).toEqual(['data.bankAccount']);
      expect(run({ missing: { merge: [['data.phone'], 'data.amount', ['data.email']] } })).toEqual([
        'data.phone',
        'data.email',
      ]);
      expect(run({ missing: 'data.phone' })).toEqual(['data.phone']);
    });

    it('should return nothing when at least the required number of paths is present', () => {
      const contacts = ['data.phone', 'data.email', 'case.lead'];
      expect(run({ missing_some: [1, contacts] })).toEqual([]);
      expect(run({ missing_some: [2, contacts] })).toEqual(['data.phone', 'data.email']);
      expect(run({ missing_some: [0, ['data.phone']] })).toEqual([]);
    });
  });

  describe('truthiness', () => {
    it('should treat empty arrays as false and non-empty arrays as true', () => {
      expect(truthy([])).toBe(false);
      expect(truthy([0])).toBe(true);
      expect(run({ '!!': [[]] })).toBe(false);
      expect(run({ '!!': [{ var: 'data.attachments' }] })).toBe(false);
      expect(run({ '!!': [{ var: 'data.documents' }] })).toBe(true);
      expect(run({ '!': [{ var: 'data.attachments' }] })).toBe(true);
    });

    it('should follow JavaScript truthiness for scalars', () => {
      for (const falsy of [0, '', null, false]) expect(run({ '!!': [falsy] })).toBe(false);
      for (const value of [1, -1, '0', 'false', 'immediate', true]) expect(run({ '!!': [value] })).toBe(true);
      expect(run({ '!!': [{ var: 'data.applicant' }] })).toBe(true);
    });

    it('should accept a lone argument without the array', () => {
      expect(run({ '!': true })).toBe(false);
      expect(run({ '!!': { var: 'data.amount' } })).toBe(true);
      expect(run({ '!': [] })).toBe(true);
    });

    it('should evaluate conditions to booleans', () => {
      expect(evaluateCondition({ var: 'data.documents' }, scope)).toBe(true);
      expect(evaluateCondition({ var: 'data.attachments' }, scope)).toBe(false);
      expect(evaluateCondition({ var: 'data.urgency' }, scope)).toBe(true);
      expect(evaluateCondition({ var: 'data.phone' }, scope)).toBe(false);
    });
  });

  describe('if and ?:', () => {
    const route: Expression = {
      if: [
        { '==': [{ var: 'data.urgency' }, 'immediate'] },
        'same-day',
        { '>': [{ var: 'data.amount' }, 10000] },
        'review',
        'standard',
      ],
    };

    it('should take the first branch whose condition is truthy', () => {
      expect(run(route)).toBe('same-day');
      expect(run(route, { data: { urgency: 'normal', amount: 20000 } })).toBe('review');
    });

    it('should fall back to the else branch', () => {
      expect(run(route, { data: { urgency: 'normal', amount: 500 } })).toBe('standard');
    });

    it('should give null when no condition holds and there is no else', () => {
      expect(run({ if: [{ var: 'data.disabled' }, 'priority'] })).toBeNull();
      expect(run({ if: [false, 'a', { var: 'data.attachments' }, 'b'] })).toBeNull();
      expect(run({ if: [] })).toBeNull();
    });

    it('should return a lone argument as it is', () => {
      expect(run({ if: [{ var: 'case.lead' }] })).toBe('d1.minzheng');
    });

    it('should not evaluate the branches it does not take', () => {
      expect(run({ if: [true, 'taken', { unknown: [] }] })).toBe('taken');
      expect(run({ if: [false, { unknown: [] }, 'else'] })).toBe('else');
    });

    it('should treat ?: like if', () => {
      expect(run({ '?:': [{ var: 'data.disabled' }, 'priority', 'normal'] })).toBe('normal');
      expect(run({ '?:': [{ var: 'data.children' }, 'with-children', 'none'] })).toBe('with-children');
    });
  });

  describe('and, or', () => {
    it('should return the first falsy value of and, or the last value', () => {
      expect(run({ and: [{ var: 'data.urgency' }, { var: 'case.lead' }] })).toBe('d1.minzheng');
      expect(run({ and: [1, 'x', 0, 'y'] })).toBe(0);
      expect(run({ and: [true, { var: 'data.attachments' }] })).toEqual([]);
    });

    it('should return the first truthy value of or, or the last value', () => {
      expect(run({ or: [{ var: 'data.notes' }, { var: 'data.phone' }, { var: 'case.lead' }] })).toBe(
        'd1.minzheng',
      );
      expect(run({ or: [0, '', { var: 'data.attachments' }] })).toEqual([]);
    });

    it('should stop at the value that decides', () => {
      expect(run({ and: [false, { unknown: [] }] })).toBe(false);
      expect(run({ or: [true, { unknown: [] }] })).toBe(true);
    });

    it('should combine into eligibility rules', () => {
      const eligible: Expression = {
        and: [
          { '<': [{ var: 'data.amount' }, 20000] },
          { or: [{ '>=': [{ var: 'data.household' }, 3] }, { '!': { var: 'data.disabled' } }] },
          { '!': { missing: ['data.applicant.name'] } },
        ],
      };
      expect(evaluateCondition(eligible, scope)).toBe(true);
      expect(
        evaluateCondition(eligible, { data: { amount: 25000, household: 4, applicant: { name: 'x' } } }),
      ).toBe(false);
    });
  });

  describe('equality', () => {
    it('should compare loosely with ==', () => {
      expect(run({ '==': [1, '1'] })).toBe(true);
      expect(run({ '==': [{ var: 'data.income' }, 4800] })).toBe(true);
      expect(run({ '==': [{ var: 'data.urgency' }, 'immediate'] })).toBe(true);
      expect(run({ '==': [true, 1] })).toBe(true);
      expect(run({ '==': [false, 0] })).toBe(true);
      expect(run({ '==': ['immediate', 'normal'] })).toBe(false);
    });

    it('should compare strictly with ===', () => {
      expect(run({ '===': [1, '1'] })).toBe(false);
      expect(run({ '===': [{ var: 'data.income' }, 4800] })).toBe(false);
      expect(run({ '===': [{ var: 'data.income' }, '4800'] })).toBe(true);
      expect(run({ '===': [{ var: 'case.lead' }, 'd1.minzheng'] })).toBe(true);
    });

    it('should treat null as equal only to null or a missing value', () => {
      expect(run({ '==': [null, { var: 'data.phone' }] })).toBe(true);
      expect(run({ '==': [null, { var: 'data.remark' }] })).toBe(true);
      expect(run({ '==': [null, 0] })).toBe(false);
      expect(run({ '==': [null, ''] })).toBe(false);
      expect(run({ '==': [null, false] })).toBe(false);
    });

    it('should never consider arrays or objects loosely equal to scalars', () => {
      expect(run({ '==': [{ var: 'data.attachments' }, false] })).toBe(false);
      expect(run({ '==': [{ var: 'data.documents' }, 'id-card,hukou,income-proof'] })).toBe(false);
    });

    it('should negate with != and !==', () => {
      expect(run({ '!=': [{ var: 'data.amount' }, '12000'] })).toBe(false);
      expect(run({ '!==': [{ var: 'data.amount' }, '12000'] })).toBe(true);
      expect(run({ '!=': [{ var: 'case.lead' }, 'd2.renshe'] })).toBe(true);
      expect(run({ '!==': [{ var: 'case.lead' }, 'd1.minzheng'] })).toBe(false);
    });
  });

  describe('comparison', () => {
    it('should compare numbers', () => {
      expect(run({ '>': [{ var: 'data.amount' }, 10000] })).toBe(true);
      expect(run({ '>=': [{ var: 'data.amount' }, 12000] })).toBe(true);
      expect(run({ '<': [{ var: 'data.amount' }, 12000] })).toBe(false);
      expect(run({ '<=': [{ var: 'data.amount' }, 12000] })).toBe(true);
    });

    it('should compare numeric strings as numbers', () => {
      expect(run({ '<': ['9', '10'] })).toBe(true);
      expect(run({ '>': [{ var: 'data.income' }, 500] })).toBe(true);
    });

    it('should compare ISO dates as strings', () => {
      expect(run({ '<': [{ var: 'data.submittedOn' }, '2026-04-01'] })).toBe(true);
      expect(run({ '>=': [{ var: 'data.submittedOn' }, '2026-03-10'] })).toBe(false);
    });

    it('should test an exclusive range with the three-argument form of <', () => {
      expect(run({ '<': [0, { var: 'data.children.0.age' }, 6] })).toBe(true);
      expect(run({ '<': [3, { var: 'data.children.0.age' }, 6] })).toBe(false);
      expect(run({ '<': [1, 3, 3] })).toBe(false);
      expect(run({ '<': [1, 7, 3] })).toBe(false);
    });

    it('should test an inclusive range with the three-argument form of <=', () => {
      expect(run({ '<=': [3, { var: 'data.children.0.age' }, 6] })).toBe(true);
      expect(run({ '<=': [1, 3, 3] })).toBe(true);
      expect(run({ '<=': [4, 3, 6] })).toBe(false);
    });
  });

  describe('arithmetic', () => {
    it('should add and multiply any number of arguments, casting numeric strings', () => {
      expect(run({ '+': [{ var: 'data.amount' }, { var: 'data.income' }, 200] })).toBe(17000);
      expect(run({ '*': [{ var: 'data.income' }, 12, 0.5] })).toBe(28800);
      expect(run({ '+': [] })).toBe(0);
      expect(run({ '*': [] })).toBe(1);
    });

    it('should cast a lone argument to a number with +', () => {
      expect(run({ '+': '3.14' })).toBe(3.14);
      expect(run({ '+': [true] })).toBe(1);
    });

    it('should give NaN for text that is not a number', () => {
      expect(run({ '+': [{ var: 'data.urgency' }, 1] })).toBeNaN();
    });

    it('should subtract, or negate a lone argument', () => {
      expect(run({ '-': [{ var: 'data.amount' }, { var: 'data.income' }] })).toBe(7200);
      expect(run({ '-': { var: 'data.household' } })).toBe(-3);
    });

    it('should divide and take remainders', () => {
      expect(run({ '/': [{ var: 'data.amount' }, { var: 'data.household' }] })).toBe(4000);
      expect(run({ '%': [{ var: 'data.amount' }, 7] })).toBe(12000 % 7);
    });

    it('should take the minimum and maximum', () => {
      expect(run({ min: [{ var: 'data.amount' }, { var: 'data.income' }, 9000] })).toBe(4800);
      expect(run({ max: [{ var: 'data.children.0.age' }, { var: 'data.children.1.age' }] })).toBe(7);
    });

    it('should take the minimum and maximum of very many arguments without overflowing the stack', () => {
      const many = Array.from({ length: 200_000 }, (_, index) => index);
      expect(run({ max: many })).toBe(199_999);
      expect(run({ min: many })).toBe(0);
    });
  });

  describe('in', () => {
    it('should find a substring in a string', () => {
      expect(run({ in: ['minzheng', { var: 'case.lead' }] })).toBe(true);
      expect(run({ in: ['renshe', { var: 'case.lead' }] })).toBe(false);
      expect(run({ in: ['朝阳', { var: 'data.applicant.district' }] })).toBe(true);
    });

    it('should find an item in an array with strict equality', () => {
      expect(run({ in: ['d2.renshe', { var: 'case.cooperating' }] })).toBe(true);
      expect(run({ in: ['d1.minzheng', { var: 'case.cooperating' }] })).toBe(false);
      expect(run({ in: ['1', [1, 2]] })).toBe(false);
      expect(run({ in: [{ var: 'data.urgency' }, ['immediate', 'urgent']] })).toBe(true);
    });

    it('should be false when the haystack is neither a string nor an array', () => {
      expect(run({ in: ['a', { var: 'data.applicant' }] })).toBe(false);
      expect(run({ in: [12000, { var: 'data.amount' }] })).toBe(false);
      expect(run({ in: ['a', { var: 'data.phone' }] })).toBe(false);
    });
  });

  describe('cat, substr, length', () => {
    it('should concatenate values as text, with null and missing values as empty', () => {
      expect(
        run({ cat: ['申请人：', { var: 'data.applicant.name' }, '，金额 ', { var: 'data.amount' }] }),
      ).toBe('申请人：王芳，金额 12000');
      expect(run({ cat: ['[', { var: 'data.phone' }, { var: 'data.remark' }, ']'] })).toBe('[]');
      expect(run({ cat: [{ var: 'case.cooperating' }, ';', true] })).toBe('d2.renshe,d3.zhujian;true');
      expect(run({ cat: 'alone' })).toBe('alone');
    });

    it('should take substrings from the start or, with negative indexes, from the end', () => {
      expect(run({ substr: ['jsonlogic', 4] })).toBe('logic');
      expect(run({ substr: ['jsonlogic', -5] })).toBe('logic');
      expect(run({ substr: ['jsonlogic', 1, 3] })).toBe('son');
      expect(run({ substr: ['jsonlogic', 4, -2] })).toBe('log');
      expect(run({ substr: ['jsonlogic', -5, 3] })).toBe('log');
      expect(run({ substr: ['jsonlogic', -50, 4] })).toBe('json');
      expect(run({ substr: ['jsonlogic', 50] })).toBe('');
    });

    it('should take substrings of scope values', () => {
      expect(run({ substr: [{ var: 'case.id' }, -4] })).toBe('0001');
      expect(run({ substr: [{ var: 'data.applicant.district' }, 0, 2] })).toBe('朝阳');
      expect(run({ substr: [{ var: 'data.amount' }, 0, 2] })).toBe('12');
      expect(run({ substr: [{ var: 'data.phone' }, 0, 2] })).toBe('');
    });

    it('should measure strings and arrays, and give 0 for anything else', () => {
      expect(run({ length: { var: 'case.lead' } })).toBe(11);
      expect(run({ length: { var: 'data.children' } })).toBe(2);
      expect(run({ length: [{ var: 'data.attachments' }] })).toBe(0);
      expect(run({ length: { var: 'data.amount' } })).toBe(0);
      expect(run({ length: { var: 'data.phone' } })).toBe(0);
    });
  });

  describe('merge', () => {
    it('should flatten its arguments by one level', () => {
      expect(run({ merge: [[1, 2], 3, [[4]]] })).toEqual([1, 2, 3, [4]]);
      expect(run({ merge: [{ var: 'case.lead' }, { var: 'case.cooperating' }] })).toEqual([
        'd1.minzheng',
        'd2.renshe',
        'd3.zhujian',
      ]);
      expect(run({ merge: [] })).toEqual([]);
    });

    it('should not modify the arrays it merges', () => {
      const cooperating = ['d2.renshe'];
      expect(run({ merge: [{ var: 'list' }, 'd9.extra'] }, { list: cooperating })).toEqual([
        'd2.renshe',
        'd9.extra',
      ]);
      expect(cooperating).toEqual(['d2.renshe']);
    });
  });

  describe('some, all, none, map, filter', () => {
    const children: Expression = { var: 'data.children' };

    it('should run the body with each item as the scope', () => {
      expect(run({ some: [children, { '<': [{ var: 'age' }, 6] }] })).toBe(true);
      expect(run({ all: [children, { '<': [{ var: 'age' }, 6] }] })).toBe(false);
      expect(run({ all: [children, { '<': [{ var: 'age' }, 18] }] })).toBe(true);
      expect(run({ none: [children, { '>=': [{ var: 'age' }, 18] }] })).toBe(true);
      expect(run({ none: [children, { '==': [{ var: 'name' }, '小红'] }] })).toBe(false);
    });

    it('should map and filter items', () => {
      expect(run({ map: [children, { var: 'name' }] })).toEqual(['小明', '小红']);
      expect(run({ map: [children, { '*': [{ var: 'age' }, 12] }] })).toEqual([36, 84]);
      expect(run({ filter: [children, { '>=': [{ var: 'age' }, 6] }] })).toEqual([{ name: '小红', age: 7 }]);
      expect(run({ filter: [{ var: 'data.documents' }, { in: ['proof', { var: '' }] }] })).toEqual([
        'income-proof',
      ]);
    });

    it('should expose plain items as the empty path', () => {
      expect(run({ map: [{ var: 'data.documents' }, { cat: ['doc:', { var: '' }] }] })).toEqual([
        'doc:id-card',
        'doc:hukou',
        'doc:income-proof',
      ]);
      expect(run({ map: [[1, 2, 3], { '*': [{ var: '' }, 2] }] })).toEqual([2, 4, 6]);
      expect(run({ some: [[null, 0, ''], { var: '' }] })).toBe(false);
    });

    it('should not see the outer scope inside the body', () => {
      expect(run({ map: [children, { var: 'data.amount' }] })).toEqual([null, null]);
      expect(run({ map: [children, { var: ['case.lead', 'hidden'] }] })).toEqual(['hidden', 'hidden']);
    });

    it('should nest, each body seeing its own item', () => {
      const households = [
        { head: '王芳', members: [{ age: 34 }, { age: 3 }] },
        { head: '李强', members: [{ age: 70 }] },
      ];
      const withSmallChild: Expression = {
        filter: [{ var: 'households' }, { some: [{ var: 'members' }, { '<': [{ var: 'age' }, 6] }] }],
      };
      expect(run({ map: [withSmallChild, { var: 'head' }] }, { households })).toEqual(['王芳']);
    });

    it('should follow JSON Logic for empty and non-array inputs', () => {
      for (const input of [{ var: 'data.attachments' }, { var: 'data.phone' }, { var: 'data.urgency' }]) {
        expect(run({ some: [input, true] })).toBe(false);
        expect(run({ all: [input, true] })).toBe(false);
        expect(run({ none: [input, true] })).toBe(true);
        expect(run({ map: [input, true] })).toEqual([]);
        expect(run({ filter: [input, true] })).toEqual([]);
      }
    });

    it('should stop some, all and none at the item that decides', () => {
      expect(run({ some: [[1, 'boom'], { if: [{ '==': [{ var: '' }, 1] }, true, { unknown: [] }] }] })).toBe(
        true,
      );
      expect(run({ all: [[0, 'boom'], { if: [{ '==': [{ var: '' }, 0] }, false, { unknown: [] }] }] })).toBe(
        false,
      );
    });
  });

  it('should know exactly the operators tested here', () => {
    // keep this list in step with operators.ts: a new operator needs its own tests (reduce: reduce.test.ts)
    expect([...operatorNames].sort()).toEqual(
      [
        ...['var', 'missing', 'missing_some', 'if', '?:', 'and', 'or', '!', '!!', '==', '===', '!=', '!=='],
        ...['<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'min', 'max', 'in', 'cat', 'substr', 'merge'],
        ...['length', 'some', 'all', 'none', 'map', 'filter', 'reduce'],
      ].sort(),
    );
  });

  describe('safety', () => {
    it('should never reach prototypes through var', () => {
      expect(run({ var: '__proto__' })).toBeNull();
      expect(run({ var: 'constructor' })).toBeNull();
      expect(run({ var: 'constructor.name' })).toBeNull();
      expect(run({ var: 'data.__proto__.polluted' })).toBeNull();
      expect(run({ var: 'data.constructor.prototype' })).toBeNull();
      expect(run({ var: 'data.toString' })).toBeNull();
      expect(run({ var: 'data.hasOwnProperty' })).toBeNull();
      expect(run({ var: 'data.children.map' })).toBeNull();
      expect(run({ var: 'case.lead.constructor' })).toBeNull();
      expect(run({ var: ['__proto__', 'fallback'] })).toBe('fallback');
    });

    it('should never reach prototypes through item scopes, missing or in', () => {
      const items = { items: [{}, [], 'text', 1] };
      expect(run({ map: [{ var: 'items' }, { var: '__proto__' }] }, items)).toEqual([null, null, null, null]);
      expect(run({ map: [{ var: 'items' }, { var: 'constructor.name' }] }, items)).toEqual([
        null,
        null,
        null,
        null,
      ]);
      expect(run({ missing: ['__proto__', 'data.constructor', 'data.toString'] })).toEqual([
        '__proto__',
        'data.constructor',
        'data.toString',
      ]);
      expect(run({ in: ['toString', { var: '__proto__' }] })).toBe(false);
    });

    it('should refuse own keys named like prototype properties in data', () => {
      const hostile = JSON.parse(
        '{"data": {"__proto__": {"polluted": "yes"}, "prototype": {"polluted": "yes"}}}',
      );
      expect(run({ var: 'data.__proto__.polluted' }, hostile)).toBeNull();
      expect(run({ var: 'data.prototype.polluted' }, hostile)).toBeNull();
      expect(run({ missing: ['data.__proto__', 'data.prototype'] }, hostile)).toEqual([
        'data.__proto__',
        'data.prototype',
      ]);
    });

    it('should not pollute Object.prototype whatever the expression', () => {
      const attempts: Expression[] = [
        { var: '__proto__.polluted' },
        { map: [{ var: 'data.children' }, { var: '__proto__' }] },
        { merge: [{ var: '__proto__' }, ['polluted']] },
        { cat: [{ var: 'constructor.prototype' }, 'polluted'] },
        { filter: [{ var: 'data.children' }, { var: '__proto__.polluted' }] },
      ];
      for (const attempt of attempts) run(attempt);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    });

    it('should turn data objects into text without calling their methods', () => {
      const odd = JSON.parse(
        '{"data": {"form": {"toString": "x", "valueOf": 1}, "list": [{"toString": 1}]}}',
      );
      odd.data.bare = Object.create(null);
      expect(run({ cat: ['form=', { var: 'data.form' }] }, odd)).toBe('form=[object Object]');
      expect(run({ cat: [{ var: 'data.list' }, { var: 'data.bare' }] }, odd)).toBe(
        '[object Object][object Object]',
      );
      expect(run({ in: [{ var: 'data.form' }, 'an [object Object]'] }, odd)).toBe(true);
      expect(run({ substr: [{ var: 'data.bare' }, 0, 7] }, odd)).toBe('[object');
      expect(run({ var: { var: 'data.form' } }, odd)).toBeNull();
      expect(run({ '+': [{ var: 'data.form' }, 1] }, odd)).toBeNaN();
      expect(run({ '<': [{ var: 'data.bare' }, 1] }, odd)).toBe(false);
      expect(run({ missing_some: [{ var: 'data.form' }, ['data.phone']] }, odd)).toEqual(['data.phone']);
      expect(run({ '==': [{ var: 'data.form' }, 'x'] }, odd)).toBe(false);
    });

    it('should reject unknown operators, naming them', () => {
      for (const operator of ['eval', 'Function', 'log', 'method', 'toString', 'constructor', 'valueOf']) {
        const error = engineErrorOf(() => run({ [operator]: ['process.exit()'] }));
        expect(error.code).toBe('TB_EXPRESSION_INVALID');
        expect(error.message).toContain(`"${operator}"`);
        expect(error.isUserError).toBe(true);
      }
    });

    it('should reject an own __proto__ key as an unknown operator', () => {
      const error = engineErrorOf(() => run(JSON.parse('{"__proto__": [1]}')));
      expect(error.code).toBe('TB_EXPRESSION_INVALID');
      expect(error.message).toContain('"__proto__"');
    });

    it('should reject unknown operators nested inside other operators', () => {
      const error = engineErrorOf(() =>
        run({ and: [true, { or: [false, { regex: ['^d1', { var: 'case.lead' }] }] }] }),
      );
      expect(error.code).toBe('TB_EXPRESSION_INVALID');
      expect(error.message).toContain('"regex"');
      expect(error.text['zh-CN']).toContain('regex');
    });

    it('should reject objects that do not have exactly one key, naming the keys', () => {
      const twoKeys = engineErrorOf(() => run({ '==': [1, 1], '!=': [1, 2] }));
      expect(twoKeys.code).toBe('TB_EXPRESSION_INVALID');
      expect(twoKeys.message).toContain('==, !=');
      const none = engineErrorOf(() => run({ if: [{}, 'yes', 'no'] }));
      expect(none.code).toBe('TB_EXPRESSION_INVALID');
      expect(none.message).toContain('found 0');
    });
  });

  describe('limits', () => {
    const limitOf = (action: () => unknown): string => {
      const error = engineErrorOf(action);
      expect(error.code).toBe('TB_EXPRESSION_LIMIT');
      return error.message;
    };

    it('should allow nesting up to 32 levels and refuse deeper', () => {
      expect(run(nestedNots(32))).toBe(true);
      expect(limitOf(() => run(nestedNots(33)))).toContain('nesting deeper than 32');
      expect(limitOf(() => run(nestedNots(500)))).toContain('32');
    });

    it('should count nested array literals towards the depth', () => {
      let deep: Expression = 'leaf';
      for (let i = 0; i < 40; i++) deep = [deep];
      expect(limitOf(() => run({ in: ['leaf', deep] }))).toContain('nesting');
    });

    it('should allow 2000 operations and refuse more', () => {
      const reads = (count: number): Expression => ({
        '+': Array.from({ length: count }, (): Expression => ({ var: 'data.household' })),
      });
      expect(run(reads(1999))).toBe(1999 * 3);
      expect(limitOf(() => run(reads(2000)))).toContain('more than 2000 operations');
    });

    it('should count the operations run for every item of an array', () => {
      const perItem: Expression = { map: [{ var: 'items' }, { var: '' }] };
      expect(run(perItem, { items: Array.from({ length: 1998 }, (_, index) => index) })).toHaveLength(1998);
      expect(
        limitOf(() => run(perItem, { items: Array.from({ length: 1999 }, (_, index) => index) })),
      ).toContain('operations');
    });

    it('should refuse to build strings over 10,000 characters with cat', () => {
      const half = 'x'.repeat(5000);
      expect(run({ cat: [{ var: 'text' }, { var: 'text' }] }, { text: half })).toHaveLength(10_000);
      expect(limitOf(() => run({ cat: [{ var: 'text' }, { var: 'text' }, '!'] }, { text: half }))).toContain(
        'longer than 10000 characters',
      );
    });

    it('should stop an expression that doubles a string at every level', () => {
      let doubling: Expression = { var: 'seed' };
      for (let i = 0; i < 30; i++) doubling = { cat: [doubling, doubling] };
      limitOf(() => run(doubling, { seed: '通办' }));
    });

    it('should refuse arrays over 10,000 items from merge', () => {
      const lists = { a: Array.from({ length: 5000 }, () => 1), b: Array.from({ length: 5001 }, () => 2) };
      expect(run({ merge: [{ var: 'a' }, { var: 'a' }] }, lists)).toHaveLength(10_000);
      expect(limitOf(() => run({ merge: [{ var: 'a' }, { var: 'b' }] }, lists))).toContain(
        'longer than 10000 items',
      );
    });

    it('should refuse to walk arrays over 10,000 items', () => {
      const big = { items: Array.from({ length: 10_001 }, (_, index) => index) };
      for (const operator of ['some', 'all', 'none', 'map', 'filter']) {
        expect(limitOf(() => run({ [operator]: [{ var: 'items' }, true] }, big))).toContain('10000 items');
      }
    });

    it('should use the limits it is given', () => {
      const tight = { ...defaultLimits, maxDepth: 3, maxNodes: 5, maxStringLength: 4, maxArrayLength: 2 };
      expect(evaluate(nestedNots(3), scope, tight)).toBe(false);
      expect(engineErrorOf(() => evaluate(nestedNots(4), scope, tight)).code).toBe('TB_EXPRESSION_LIMIT');
      expect(engineErrorOf(() => evaluate({ cat: ['abc', 'de'] }, scope, tight)).code).toBe(
        'TB_EXPRESSION_LIMIT',
      );
      expect(engineErrorOf(() => evaluate({ merge: [[1, 2], 3] }, scope, tight)).code).toBe(
        'TB_EXPRESSION_LIMIT',
      );
      const sixReads = { and: Array.from({ length: 5 }, (): Expression => ({ var: 'data.amount' })) };
      expect(engineErrorOf(() => evaluate(sixReads, scope, tight)).code).toBe('TB_EXPRESSION_LIMIT');
    });

    it('should start counting afresh for every evaluation', () => {
      const reads: Expression = {
        '+': Array.from({ length: 1500 }, (): Expression => ({ var: 'data.household' })),
      };
      expect(run(reads)).toBe(4500);
      expect(run(reads)).toBe(4500);
    });
  });

  describe('lookup', () => {
    it('should read own properties only', () => {
      expect(lookup({ a: { b: [10, 20] } }, 'a.b.1')).toBe(20);
      expect(lookup({ a: 1 }, 'toString')).toBeUndefined();
      expect(lookup(Object.create({ inherited: 1 }), 'inherited')).toBeUndefined();
      expect(lookup(null, 'a')).toBeUndefined();
      expect(lookup('text', 'length')).toBeUndefined();
    });
  });

  describe('properties', () => {
    const propertyScope: ExpressionScope = deepFreeze({
      data: {
        urgency: 'immediate',
        amount: 12000,
        income: '4800',
        household: 3,
        notes: '',
        flags: [],
        ok: true,
      },
      case: { lead: 'd1.minzheng' },
    });
    const paths = [
      'data.urgency',
      'data.amount',
      'data.income',
      'data.household',
      'data.notes',
      'data.flags',
      'data.ok',
      'data.absent',
      'case.lead',
      '__proto__',
      'constructor.name',
      '',
    ];
    const comparisons = ['==', '===', '!=', '!==', '<', '<=', '>', '>='] as const;

    const { expression } = fc.letrec<{ expression: Expression; leaf: Expression; node: Expression }>(
      (tie) => ({
        expression: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
        leaf: fc.oneof(
          fc.integer({ min: -20_000, max: 20_000 }),
          fc.double({ noNaN: false }),
          fc.boolean(),
          fc.constant(null),
          fc.constantFrom('immediate', '4800', '', 'd1'),
          fc.constantFrom(...paths).map((path): Expression => ({ var: path })),
        ),
        node: fc.oneof(
          fc
            .tuple(fc.constantFrom(...comparisons), tie('expression'), tie('expression'))
            .map(([operator, left, right]): Expression => ({ [operator]: [left, right] })),
          fc
            .tuple(tie('expression'), tie('expression'), tie('expression'))
            .map(([low, middle, high]): Expression => ({ '<': [low, middle, high] })),
          fc.array(tie('expression'), { maxLength: 4 }).map((items): Expression => ({ and: items })),
          fc.array(tie('expression'), { maxLength: 4 }).map((items): Expression => ({ or: items })),
          tie('expression').map((item): Expression => ({ '!': [item] })),
        ),
      }),
    );

    const outcome = (candidate: unknown, at: ExpressionScope = propertyScope): unknown => {
      try {
        return { value: evaluate(candidate as Expression, at) };
      } catch (error) {
        if (error instanceof EngineError) return { code: error.code, message: error.message };
        throw error;
      }
    };

    it('should be deterministic and throw nothing but EngineError on well-formed expressions', () => {
      fc.assert(
        fc.property(expression, (candidate) => {
          const first = outcome(candidate);
          expect(outcome(candidate)).toEqual(first);
          expect(outcome(structuredClone(candidate))).toEqual(first);
        }),
        { numRuns: 1000 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('should give booleans for conditions built from comparisons and !', () => {
      const condition = fc
        .tuple(fc.constantFrom(...comparisons), expression, expression)
        .map(([operator, left, right]): Expression => ({ '!': [{ [operator]: [left, right] }] }));
      fc.assert(
        fc.property(condition, (candidate) => {
          const result = outcome(candidate) as { value?: unknown };
          if ('value' in result) expect(typeof result.value).toBe('boolean');
        }),
      );
    });

    it('should throw nothing but EngineError on arbitrary JSON', () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.jsonValue(), (candidate, data) => {
          outcome(candidate);
          outcome(candidate, { data, case: { lead: 'd1.minzheng' } });
        }),
        { numRuns: 500 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('should throw nothing but EngineError when operators meet arbitrary data', () => {
      const anyOperator = fc.constantFrom(...operatorNames);
      const probe = fc
        .tuple(
          anyOperator,
          fc.array(fc.constantFrom<Expression>({ var: 'data.a' }, { var: 'data.b' }, 1, '', 'x')),
        )
        .map(([operator, args]): Expression => ({ [operator]: args }));
      const hostile = fc.anything({
        withBoxedValues: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
      });
      fc.assert(
        fc.property(probe, hostile, hostile, (candidate, a, b) => {
          outcome(candidate, { data: { a, b } });
        }),
        { numRuns: 1000 },
      );
    });
  });
});
