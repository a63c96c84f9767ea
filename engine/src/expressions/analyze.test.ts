import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error.js';
import { analyzeExpression, isExpression, type ExpressionIssue } from './analyze.js';
import { evaluate } from './evaluate.js';
import { iterating } from './operators.js';
import { defaultLimits, type Expression } from './types.js';

/** Follows an RFC 6901 JSON pointer through own properties; `undefined` when it does not resolve. */
function resolvePointer(document: unknown, pointer: string): { found: boolean; value: unknown } {
  if (pointer === '') return { found: true, value: document };
  if (!pointer.startsWith('/')) return { found: false, value: undefined };
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

const pathsOf = (issues: ExpressionIssue[]): string[] => issues.map((issue) => issue.path);

/** `{ "!": { "!": ... true } }` with `levels` operators. */
function nestedNots(levels: number): Expression {
  let expression: Expression = true;
  for (let i = 0; i < levels; i++) expression = { '!': expression };
  return expression;
}

describe('analyzeExpression', () => {
  describe('variables', () => {
    it('should list the var paths read from the outer scope, once each, in order of first use', () => {
      const expression: Expression = {
        and: [
          { '==': [{ var: 'data.urgency' }, 'immediate'] },
          { '>': [{ var: 'data.amount' }, 10000] },
          { in: ['minzheng', { var: 'case.lead' }] },
          { '!=': [{ var: 'data.urgency' }, 'normal'] },
        ],
      };
      expect(analyzeExpression(expression)).toEqual({
        issues: [],
        variables: ['data.urgency', 'data.amount', 'case.lead'],
      });
    });

    it('should list var paths written without the array, and paths in defaults', () => {
      expect(analyzeExpression({ var: 'event.type' }).variables).toEqual(['event.type']);
      expect(analyzeExpression({ var: ['data.nickname', { var: 'data.applicant.name' }] }).variables).toEqual(
        ['data.nickname', 'data.applicant.name'],
      );
    });

    it('should list numeric paths as text and skip the empty path', () => {
      expect(analyzeExpression({ var: 0 }).variables).toEqual(['0']);
      expect(analyzeExpression({ var: '' }).variables).toEqual([]);
      expect(analyzeExpression({ var: [] }).variables).toEqual([]);
    });

    it('should list the variables a computed path reads, but not the computed path', () => {
      const expression: Expression = { var: { cat: ['data.allowance.', { var: 'case.matter' }] } };
      expect(analyzeExpression(expression)).toEqual({ issues: [], variables: ['case.matter'] });
    });

    it('should list the paths checked by missing and missing_some', () => {
      expect(analyzeExpression({ missing: ['data.phone', 'data.applicant.name'] }).variables).toEqual([
        'data.phone',
        'data.applicant.name',
      ]);
      expect(analyzeExpression({ missing: 'data.phone' }).variables).toEqual(['data.phone']);
      expect(analyzeExpression({ missing: [['data.phone', 'data.email']] }).variables).toEqual([
        'data.phone',
        'data.email',
      ]);
      expect(analyzeExpression({ missing_some: [1, ['data.phone', 'data.email']] }).variables).toEqual([
        'data.phone',
        'data.email',
      ]);
    });

    it('should list the variables of operators that compute the paths for missing', () => {
      const expression: Expression = {
        missing: { if: [{ var: 'data.married' }, ['data.spouse.name'], []] },
      };
      expect(analyzeExpression(expression).variables).toEqual(['data.married']);
    });

    it.each([...iterating])('should not list the item paths read inside a %s body', (operator) => {
      const expression: Expression = {
        [operator]: [{ var: 'data.children' }, { '<': [{ var: 'age' }, { var: 'data.limit' }] }],
      };
      expect(analyzeExpression(expression)).toEqual({ issues: [], variables: ['data.children'] });
    });

    it('should not list missing paths inside an item body', () => {
      const expression: Expression = { some: [{ var: 'data.children' }, { missing: ['name', 'age'] }] };
      expect(analyzeExpression(expression).variables).toEqual(['data.children']);
    });

    it('should treat the array of a nested iteration as part of the item', () => {
      const expression: Expression = {
        filter: [{ var: 'data.households' }, { some: [{ var: 'members' }, { '<': [{ var: 'age' }, 6] }] }],
      };
      expect(analyzeExpression(expression).variables).toEqual(['data.households']);
    });

    it('should list outer variables next to an iteration', () => {
      const expression: Expression = {
        and: [
          { all: [{ var: 'data.children' }, { '<': [{ var: 'age' }, 18] }] },
          { '==': [{ var: 'case.lead' }, 'd1.minzheng'] },
        ],
      };
      expect(analyzeExpression(expression).variables).toEqual(['data.children', 'case.lead']);
    });
  });

  describe('issues', () => {
    it('should report nothing for well-formed expressions', () => {
      const expression: Expression = {
        if: [
          { '<=': [0, { var: 'data.children.0.age' }, 6] },
          { cat: ['学前：', { var: 'data.applicant.name' }] },
          { substr: [{ var: 'case.id' }, -4] },
        ],
      };
      expect(analyzeExpression(expression).issues).toEqual([]);
      expect(analyzeExpression(null).issues).toEqual([]);
      expect(analyzeExpression('d1.minzheng').issues).toEqual([]);
      expect(analyzeExpression([1, [true, { var: 'x' }]]).issues).toEqual([]);
    });

    it('should point at the unknown operator inside the expression', () => {
      const expression = { and: [{ '==': [1, 1] }, { matches: ['^d1', { var: 'case.lead' }] }] };
      const { issues } = analyzeExpression(expression);
      expect(issues).toEqual([{ path: '/and/1/matches', detail: 'unknown operator "matches"' }]);
      // the pointer ends at the operator's key, so its parent is the offending operator object
      expect(resolvePointer(expression, '/and/1').value).toEqual({ matches: ['^d1', { var: 'case.lead' }] });
      expect(resolvePointer(expression, issues[0]?.path ?? '').found).toBe(true);
    });

    it('should point at an unknown operator at the top', () => {
      expect(pathsOf(analyzeExpression({ eval: 'process.exit()' }).issues)).toEqual(['/eval']);
    });

    it('should point into argument lists by index', () => {
      const expression = { if: [true, { '+': [1, { nope: [] }] }, false] };
      expect(pathsOf(analyzeExpression(expression).issues)).toEqual(['/if/1/+/1/nope']);
    });

    it('should point at a lone argument written without the array at the operator itself', () => {
      expect(pathsOf(analyzeExpression({ '!': { nope: 1 } }).issues)).toEqual(['/!/nope']);
      expect(pathsOf(analyzeExpression({ var: { nope: 1 } }).issues)).toEqual(['/var/nope']);
      expect(pathsOf(analyzeExpression({ some: { nope: 1 } }).issues)).toEqual(['/some/nope']);
      expect(pathsOf(analyzeExpression({ missing: { nope: 1 } }).issues)).toEqual(['/missing/nope']);
    });

    it('should point into var defaults and computed paths by index', () => {
      expect(pathsOf(analyzeExpression({ var: [{ nope: 1 }] }).issues)).toEqual(['/var/0/nope']);
      expect(pathsOf(analyzeExpression({ var: ['data.x', { nope: 1 }] }).issues)).toEqual(['/var/1/nope']);
    });

    it('should point into the array and the body of iterations', () => {
      const expression = { map: [{ nope: 1 }, { cat: [{ var: 'name' }, { alsoNope: 2 }] }] };
      expect(pathsOf(analyzeExpression(expression).issues)).toEqual(['/map/0/nope', '/map/1/cat/1/alsoNope']);
    });

    it('should escape ~ and / in operator names', () => {
      const expression = { 'a/b~c': 1 };
      const { issues } = analyzeExpression(expression);
      expect(pathsOf(issues)).toEqual(['/a~1b~0c']);
      expect(resolvePointer(expression, '/a~1b~0c')).toEqual({ found: true, value: 1 });
    });

    it('should point at objects without exactly one key and name their keys', () => {
      const twoKeys = analyzeExpression({ and: [true, { '==': [1, 1], '!=': [1, 2] }] });
      expect(twoKeys.issues).toEqual([
        { path: '/and/1', detail: 'an operator object must have exactly one key, found 2 (==, !=)' },
      ]);
      expect(analyzeExpression({}).issues).toEqual([
        { path: '', detail: 'an operator object must have exactly one key, found 0 (none)' },
      ]);
    });

    it('should report every issue, not only the first', () => {
      const expression = { or: [{ one: 1 }, { two: 2 }, { '!': { three: 3 } }] };
      expect(pathsOf(analyzeExpression(expression).issues)).toEqual([
        '/or/0/one',
        '/or/1/two',
        '/or/2/!/three',
      ]);
    });

    it('should report prototype keys as unknown operators', () => {
      const expression: unknown = JSON.parse('{"and": [{"__proto__": {"var": "x"}}, {"constructor": []}]}');
      expect(analyzeExpression(expression).issues).toEqual([
        { path: '/and/0/__proto__', detail: 'unknown operator "__proto__"' },
        { path: '/and/1/constructor', detail: 'unknown operator "constructor"' },
      ]);
      expect(({} as Record<string, unknown>).var).toBeUndefined();
    });

    it('should report numbers that are not finite', () => {
      expect(analyzeExpression({ '+': [1, Number.NaN, { '*': [Infinity] }] }).issues).toEqual([
        { path: '/+/1', detail: 'numbers must be finite' },
        { path: '/+/2/*/0', detail: 'numbers must be finite' },
      ]);
    });

    it('should report nesting deeper than 32 exactly when evaluation refuses it', () => {
      for (const levels of [31, 32, 33, 34]) {
        const expression = nestedNots(levels);
        const deep = analyzeExpression(expression).issues.filter((issue) => issue.detail.includes('nesting'));
        let refused = false;
        try {
          evaluate(expression, {});
        } catch (error) {
          refused = error instanceof EngineError && error.code === 'TB_EXPRESSION_LIMIT';
        }
        expect(deep.length > 0).toBe(refused);
        expect(refused).toBe(levels > 32);
      }
    });

    it('should point at the place where the nesting gets too deep', () => {
      const expression = nestedNots(40);
      const { issues } = analyzeExpression(expression);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.detail).toBe('nesting deeper than 32');
      expect(issues[0]?.path).toBe('/!'.repeat(33));
      expect(resolvePointer(expression, issues[0]?.path ?? '').found).toBe(true);
    });

    it('should report more than 2000 operations once', () => {
      const reads = (count: number): Expression => ({
        '+': Array.from({ length: count }, (): Expression => ({ var: 'data.household' })),
      });
      expect(analyzeExpression(reads(1999)).issues).toEqual([]);
      const { issues, variables } = analyzeExpression(reads(2500));
      expect(issues).toEqual([{ path: '/+/1999/var', detail: 'more than 2000 operations' }]);
      expect(variables).toEqual(['data.household']);
    });

    it('should use the limits it is given', () => {
      const shallow = { ...defaultLimits, maxDepth: 2 };
      expect(analyzeExpression(nestedNots(3), shallow).issues).toEqual([
        { path: '/!/!/!', detail: 'nesting deeper than 2' },
      ]);
      const small = { ...defaultLimits, maxNodes: 2 };
      expect(analyzeExpression({ and: [{ var: 'a' }, { var: 'b' }] }, small).issues).toEqual([
        { path: '/and/1/var', detail: 'more than 2 operations' },
      ]);
    });
  });

  describe('isExpression', () => {
    it('should accept well-formed expressions and refuse the rest', () => {
      expect(isExpression({ '==': [{ var: 'data.urgency' }, 'immediate'] })).toBe(true);
      expect(isExpression([1, 'two', null])).toBe(true);
      expect(isExpression({ '==': [1, 1], '!=': [1, 2] })).toBe(false);
      expect(isExpression({ regex: ['^d1', 'd1.minzheng'] })).toBe(false);
      expect(isExpression({ '+': [Infinity] })).toBe(false);
      expect(isExpression(nestedNots(33))).toBe(false);
    });
  });

  describe('properties', () => {
    const garbage = fc.anything({
      withBoxedValues: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withBigInt: true,
    });

    it('should never throw on garbage, and point every issue inside the input', () => {
      fc.assert(
        fc.property(garbage, (input) => {
          const analysis = analyzeExpression(input);
          for (const issue of analysis.issues) {
            expect(typeof issue.detail).toBe('string');
            expect(resolvePointer(input, issue.path).found).toBe(true);
          }
          for (const variable of analysis.variables) expect(typeof variable).toBe('string');
          expect(new Set(analysis.variables).size).toBe(analysis.variables.length);
        }),
        { numRuns: 2000 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('should never throw on expression-shaped garbage', () => {
      const names = fc.constantFrom(
        'var',
        'missing',
        'missing_some',
        'some',
        'map',
        'and',
        'if',
        'cat',
        'nope',
      );
      const { node } = fc.letrec<{ node: unknown }>((tie) => ({
        node: fc.oneof(
          { depthSize: 'small' },
          garbage,
          fc
            .tuple(names, fc.oneof(tie('node'), fc.array(tie('node'), { maxLength: 4 })))
            .map(([name, args]) => ({
              [name]: args,
            })),
        ),
      }));
      fc.assert(
        fc.property(node, (input) => {
          for (const issue of analyzeExpression(input).issues)
            expect(resolvePointer(input, issue.path).found).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('should accept every JSON value the evaluator accepts as well-formed', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (input) => {
          if (analyzeExpression(input).issues.length > 0) return;
          try {
            evaluate(input as Expression, { data: {} });
          } catch (error) {
            expect(error).toBeInstanceOf(EngineError);
            expect((error as EngineError).code).not.toBe('TB_EXPRESSION_INVALID');
          }
        }),
        { numRuns: 1000 },
      );
    });
  });
});
