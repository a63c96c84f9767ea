import { EngineError } from '../errors/engine-error.js';
import { isOperator, iterating, type OperatorName } from './operators.js';
import { defaultLimits, type Expression, type ExpressionLimits, type ExpressionScope } from './types.js';
import { WorkMeter } from './work.js';

const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

interface Run {
  limits: ExpressionLimits;
  nodes: number;
  meter: WorkMeter;
}

/**
 * Evaluates an expression against a scope. Pure and bounded: no code is ever run, only the operators in
 * `operators.ts`; depth, size, strings and arrays are capped; property lookups see own data only; the
 * work done is counted (work.ts) against `limits.maxWork`, or against `meter` when one is given (a
 * workflow step's, shared by all its evaluations).
 */
export function evaluate(
  expression: Expression,
  scope: ExpressionScope,
  limits: ExpressionLimits = defaultLimits,
  meter?: WorkMeter,
): unknown {
  return evalNode(expression, scope, { limits, nodes: 0, meter: meter ?? new WorkMeter(limits.maxWork) }, 0);
}

/** Evaluates to a boolean with JSON Logic truthiness (empty arrays are false). */
export function evaluateCondition(
  expression: Expression,
  scope: ExpressionScope,
  limits?: ExpressionLimits,
  meter?: WorkMeter,
): boolean {
  return truthy(evaluate(expression, scope, limits, meter));
}

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/** `scope` is what `var` reads: the expression's scope, or inside an iteration the item (any value). */
function evalNode(node: Expression, scope: unknown, run: Run, depth: number): unknown {
  if (depth > run.limits.maxDepth) {
    throw new EngineError('TB_EXPRESSION_LIMIT', { detail: `nesting deeper than ${run.limits.maxDepth}` });
  }
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    const list = node.map((item) => evalNode(item, scope, run, depth + 1));
    run.meter.charge(1 + list.length);
    return list;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    throw new EngineError('TB_EXPRESSION_INVALID', {
      detail: `an operator object must have exactly one key, found ${keys.length} (${keys.join(', ') || 'none'})`,
    });
  }
  const operator = keys[0] as string;
  if (!isOperator(operator)) {
    throw new EngineError('TB_EXPRESSION_INVALID', { detail: `unknown operator "${operator}"` });
  }
  run.nodes += 1;
  if (run.nodes > run.limits.maxNodes) {
    throw new EngineError('TB_EXPRESSION_LIMIT', { detail: `more than ${run.limits.maxNodes} operations` });
  }
  const raw = node[operator] as Expression;
  const args: Expression[] = Array.isArray(raw) ? raw : [raw];
  const result = apply(operator, args, scope, run, depth + 1);
  // every operator pays for what it hands on, so every operator's reading is paid for (work.ts)
  run.meter.chargeResult(result);
  return result;
}

function apply(operator: OperatorName, args: Expression[], scope: unknown, run: Run, depth: number): unknown {
  const value = (index: number): unknown =>
    index < args.length ? evalNode(args[index] as Expression, scope, run, depth) : undefined;
  const values = (): unknown[] => args.map((arg) => evalNode(arg, scope, run, depth));

  if (iterating.has(operator)) return iterate(operator, args, scope, run, depth);

  switch (operator) {
    case 'var': {
      const path = value(0);
      const found = lookup(scope, path);
      return found === undefined ? (value(1) ?? null) : found;
    }
    case 'missing': {
      const paths = flatten(values());
      return paths.filter((path) => isMissing(lookup(scope, path)));
    }
    case 'missing_some': {
      const need = toNumber(value(0));
      const paths = toArray(value(1));
      const missing = paths.filter((path) => isMissing(lookup(scope, path)));
      return paths.length - missing.length >= need ? [] : missing;
    }
    case 'if':
    case '?:': {
      let i = 0;
      for (; i + 1 < args.length; i += 2) {
        if (truthy(value(i))) return value(i + 1);
      }
      return i < args.length ? value(i) : null;
    }
    case 'and': {
      let last: unknown = true;
      for (let i = 0; i < args.length; i++) {
        last = value(i);
        if (!truthy(last)) return last;
      }
      return last;
    }
    case 'or': {
      let last: unknown = false;
      for (let i = 0; i < args.length; i++) {
        last = value(i);
        if (truthy(last)) return last;
      }
      return last;
    }
    case '!':
      return !truthy(value(0));
    case '!!':
      return truthy(value(0));
    case '==':
      return looseEquals(value(0), value(1));
    case '!=':
      return !looseEquals(value(0), value(1));
    case '===':
      return value(0) === value(1);
    case '!==':
      return value(0) !== value(1);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const [a, b, c] = values().map(toComparable);
      const compare = comparators[operator];
      if (c !== undefined && (operator === '<' || operator === '<=')) return compare(a, b) && compare(b, c);
      return compare(a, b);
    }
    case '+':
      return values().reduce<number>((sum, item) => sum + toNumber(item), 0);
    case '*':
      return values().reduce<number>((product, item) => product * toNumber(item), 1);
    case '-': {
      const [a, b] = values().map(toNumber);
      return b === undefined ? -(a ?? 0) : (a ?? 0) - b;
    }
    case '/':
      return toNumber(value(0)) / toNumber(value(1));
    case '%':
      return toNumber(value(0)) % toNumber(value(1));
    case 'min':
      return values().reduce<number>((least, item) => Math.min(least, toNumber(item)), Infinity);
    case 'max':
      return values().reduce<number>((most, item) => Math.max(most, toNumber(item)), -Infinity);
    case 'in': {
      const needle = value(0);
      const haystack = value(1);
      if (typeof haystack === 'string') return haystack.includes(toText(needle));
      if (Array.isArray(haystack)) return haystack.includes(needle);
      return false;
    }
    case 'cat':
      return capString(
        values()
          .map((item) => (item === null || item === undefined ? '' : toText(item)))
          .join(''),
        run,
      );
    case 'substr': {
      const text = toText(value(0) ?? '');
      const start = toNumber(value(1));
      const length = args.length > 2 ? toNumber(value(2)) : undefined;
      const from = start < 0 ? Math.max(text.length + start, 0) : start;
      if (length === undefined) return text.slice(from);
      return length < 0 ? text.slice(from, text.length + length) : text.slice(from, from + length);
    }
    case 'merge': {
      const merged = flatten(values());
      capArray(merged.length, run);
      return merged;
    }
    case 'length': {
      const target = value(0);
      if (typeof target === 'string' || Array.isArray(target)) return target.length;
      return 0;
    }
    default:
      // iterating operators were handled above
      throw new EngineError('TB_EXPRESSION_INVALID', { detail: `unknown operator "${operator}"` });
  }
}

function iterate(
  operator: OperatorName,
  args: Expression[],
  scope: unknown,
  run: Run,
  depth: number,
): unknown {
  const items = toArray(evalNode(args[0] ?? null, scope, run, depth));
  capArray(items.length, run);
  const body = args[1] ?? null;
  const each = (item: unknown): unknown => evalNode(body, item, run, depth);
  switch (operator) {
    case 'some':
      return items.some((item) => truthy(each(item)));
    case 'all':
      return items.length > 0 && items.every((item) => truthy(each(item)));
    case 'none':
      return !items.some((item) => truthy(each(item)));
    case 'map':
      return items.map(each);
    case 'filter':
      return items.filter((item) => truthy(each(item)));
    case 'reduce': {
      // JSON Logic: the initial value is read in the outer scope; the body sees only current and accumulator
      const initial = args.length > 2 ? evalNode(args[2] as Expression, scope, run, depth) : null;
      return items.reduce<unknown>(
        (accumulator, current) => evalNode(body, { current, accumulator }, run, depth),
        initial,
      );
    }
    default:
      throw new EngineError('TB_EXPRESSION_INVALID', { detail: `unknown operator "${operator}"` });
  }
}

/**
 * Reads `a.b.0.c` from own properties only, so prototypes can never be reached. An empty path is the
 * scope itself, as in JSON Logic: inside some/all/map/filter the scope is the item (so `var 0` reads an
 * array item's first entry and `var ""` a plain item), never the item's property `""`.
 */
export function lookup(scope: unknown, path: unknown): unknown {
  if (path === null || path === undefined || path === '') return scope;
  const segments = typeof path === 'number' ? [String(path)] : toText(path).split('.');
  let current: unknown = scope;
  for (const segment of segments) {
    if (forbiddenKeys.has(segment)) return undefined;
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * `String(value)` without calling anything reachable from the data: an object with a `toString` key or
 * without a prototype would make `String` throw a TypeError. Arrays join like `Array.prototype.join`.
 */
function toText(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item) => (item === null || item === undefined ? '' : toText(item))).join(',');
  }
  if (value !== null && typeof value === 'object') return '[object Object]';
  return String(value);
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function flatten(items: unknown[]): unknown[] {
  return items.flatMap((item) => (Array.isArray(item) ? item : [item]));
}

function toArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === null ? 0 : Number.NaN;
}

function toComparable(value: unknown): number | string {
  if (typeof value === 'string') {
    const n = Number(value);
    // ISO dates and other non-numeric strings compare as strings
    return value.trim() !== '' && !Number.isNaN(n) ? n : value;
  }
  return toNumber(value);
}

const comparators = {
  '<': (a: unknown, b: unknown) => (a as number) < (b as number),
  '<=': (a: unknown, b: unknown) => (a as number) <= (b as number),
  '>': (a: unknown, b: unknown) => (a as number) > (b as number),
  '>=': (a: unknown, b: unknown) => (a as number) >= (b as number),
} as const;

/** JSON Logic's `==`: numbers and numeric strings compare by value, null equals only null/undefined. */
function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' || typeof b === 'object') return false;
  if (typeof a === 'boolean' || typeof b === 'boolean') return toNumber(a) === toNumber(b);
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b);
  return String(a) === String(b);
}

function capString(text: string, run: Run): string {
  if (text.length > run.limits.maxStringLength) {
    throw new EngineError('TB_EXPRESSION_LIMIT', {
      detail: `a string longer than ${run.limits.maxStringLength} characters`,
    });
  }
  return text;
}

function capArray(length: number, run: Run): void {
  if (length > run.limits.maxArrayLength) {
    throw new EngineError('TB_EXPRESSION_LIMIT', {
      detail: `an array longer than ${run.limits.maxArrayLength} items`,
    });
  }
}
