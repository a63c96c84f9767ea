import type { JsonSchemaObject } from '../definitions/types.js';
import type { Expression } from '../expressions/types.js';

type Literal = null | boolean | number | string;

/**
 * A bundle's `when` as a JSON Schema condition over the combined data, so that the form shows a
 * matter's section by the same rule the server uses to include the matter: JSON Forms rules and the
 * schema's `if`/`then` both take a schema. Covers what inclusion conditions say: a field is true
 * (`{ "var": "data.x" }`), equals / differs from / is one of given values, compares with a number, and
 * `and` / `or` / `!` of those. Anything else gives null, and the validator reports it.
 */
export function conditionSchema(expression: Expression): JsonSchemaObject | null {
  if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) return null;
  const entries = Object.entries(expression);
  if (entries.length !== 1) return null;
  const [operator, args] = entries[0] as [string, Expression];
  const list = Array.isArray(args) ? args : [args];
  switch (operator) {
    case 'var': {
      const path = dataPath(expression);
      return path === null ? null : at(path, { const: true });
    }
    case '!': {
      const inner = conditionSchema(list[0] as Expression);
      return inner === null ? null : { not: inner };
    }
    case 'and':
    case 'or': {
      const parts = list.map((part) => conditionSchema(part));
      if (parts.length === 0 || parts.some((part) => part === null)) return null;
      return operator === 'and' ? { allOf: parts } : { anyOf: parts };
    }
    case '==':
    case '===':
    case '!=':
    case '!==': {
      const compared = comparison(list);
      if (compared === null) return null;
      const equal = at(compared.path, { const: compared.value });
      return operator.startsWith('!') ? { not: equal } : equal;
    }
    case 'in': {
      const path = dataPath(list[0] as Expression);
      const options = list[1];
      if (path === null || !Array.isArray(options) || !options.every(isLiteral)) return null;
      return at(path, { enum: options });
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const compared = comparison(list);
      if (compared === null || typeof compared.value !== 'number') return null;
      const keyword = bound(operator, compared.flipped);
      return at(compared.path, { type: 'number', [keyword]: compared.value });
    }
    default:
      return null;
  }
}

/** `data.a.b` of a `{ "var": ... }`, as ['a', 'b']; null for anything but the data. */
function dataPath(expression: Expression): string[] | null {
  if (expression === null || typeof expression !== 'object' || Array.isArray(expression)) return null;
  const name = (expression as { var?: Expression }).var;
  const path = Array.isArray(name) ? name[0] : name;
  if (typeof path !== 'string' || !path.startsWith('data.')) return null;
  const segments = path.slice('data.'.length).split('.');
  return segments.every((segment) => segment.length > 0) ? segments : null;
}

function comparison(list: Expression[]): { path: string[]; value: Literal; flipped: boolean } | null {
  if (list.length !== 2) return null;
  const [left, right] = list as [Expression, Expression];
  const leftPath = dataPath(left);
  if (leftPath !== null && isLiteral(right)) return { path: leftPath, value: right, flipped: false };
  const rightPath = dataPath(right);
  if (rightPath !== null && isLiteral(left)) return { path: rightPath, value: left, flipped: true };
  return null;
}

function bound(operator: '<' | '<=' | '>' | '>=', flipped: boolean): string {
  // `5 < data.x` reads as `data.x > 5`
  const effective = flipped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const)[operator] : operator;
  return { '<': 'exclusiveMaximum', '<=': 'maximum', '>': 'exclusiveMinimum', '>=': 'minimum' }[effective];
}

function isLiteral(value: unknown): value is Literal {
  return value === null || ['boolean', 'number', 'string'].includes(typeof value);
}

/** `schema` for the value at `path`, which must be there. */
function at(path: string[], schema: JsonSchemaObject): JsonSchemaObject {
  const [head, ...rest] = path as [string, ...string[]];
  return {
    required: [head],
    properties: { [head]: rest.length === 0 ? schema : at(rest, schema) },
  };
}
