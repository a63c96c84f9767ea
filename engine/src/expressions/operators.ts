/**
 * The operators of our JSON Logic dialect. Kept in one table so the evaluator, the static analysis and
 * the documentation agree on what exists.
 */
export const operatorNames = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  'and',
  'or',
  '!',
  '!!',
  '==',
  '===',
  '!=',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'in',
  'cat',
  'substr',
  'merge',
  'length',
  'some',
  'all',
  'none',
  'map',
  'filter',
  'reduce',
] as const;

export type OperatorName = (typeof operatorNames)[number];

const known: ReadonlySet<string> = new Set(operatorNames);

export function isOperator(name: string): name is OperatorName {
  return known.has(name);
}

/**
 * Operators whose second argument runs once per array item, with the item as its scope (`reduce`: with
 * `{ current, accumulator }` as its scope).
 */
export const iterating: ReadonlySet<string> = new Set(['some', 'all', 'none', 'map', 'filter', 'reduce']);
