import { measureJson } from '../definitions/size.js';
import type { JsonSchemaObject } from '../definitions/types.js';
import type { LocalizedText } from '../i18n/text.js';
import { formPatternProblem } from './form-regexp.js';
import { escapePointer, isSchema, resolveLocalRef } from './schema-walk.js';

/**
 * What checking a form's answers may cost, known before any answer arrives (decision 0015).
 *
 * Compiling a schema takes time in proportion to its size, so a schema is refused beyond
 * `maxSchemaUnits` (keys and list entries) or `maxSchemaDepth` levels, before anything compiles it.
 *
 * Checking an answer costs, at each of its values, the keywords of every subschema that applies to it
 * (`anyOf`, `allOf`, `$ref` and the other applicators counted as many times as ajv runs them). The
 * unit is one check: one keyword on one value, as dear as when it fails and ajv builds an error for
 * it (a few hundred nanoseconds). A schema's cost is a pair: checks per value of an answer (each
 * value and each key of an object counts one), and checks per character (patterns, formats and
 * lengths read the text; most keywords do not). A `$ref` that comes back to the same value without
 * going into a property or an item would never end: it is refused. One that does (a tree) is bounded
 * by the depth an answer may have.
 *
 * The runtime refuses an answer when its work (values times the one, characters times the other) is
 * over `maxWork`, or when it is nested deeper than `maxDataDepth`, before ajv sees it (form-work.ts).
 * All figures are counts: the same schema and answer get the same verdict on any machine.
 */
export interface FormLimits {
  /** Most keys and list entries in a form's schema (JSON Forms' largest example has 1,179). */
  maxSchemaUnits: number;
  /** Deepest nesting of a form's schema. */
  maxSchemaDepth: number;
  /** Most checks per value of an answer a schema may ask for. */
  maxValueCost: number;
  /** Most checks per character of an answer a schema may ask for. */
  maxCharCost: number;
  /** Deepest nesting of an answer. */
  maxDataDepth: number;
  /**
   * Most values (and keys) in one answer, whatever its form: past the check, an answer is stored,
   * masked and written to the audit trail, each a cost per value (PGlite's, in this very thread).
   */
  maxDataValues: number;
  /** Most checks one answer may take. */
  maxWork: number;
}

export const formLimits: FormLimits = {
  maxSchemaUnits: 2_000,
  maxSchemaDepth: 64,
  maxValueCost: 1_000,
  maxCharCost: 20,
  maxDataDepth: 32,
  maxDataValues: 3_000,
  maxWork: 500_000,
};

/** Checks per value and per character. */
export interface Cost {
  value: number;
  char: number;
}

/** What a keyword costs beyond its one check per value, per character of the text it reads. */
const charCosts: Record<string, number> = {
  pattern: 0.2,
  format: 0.2,
  minLength: 0.01,
  maxLength: 0.01,
  uniqueItems: 0.01,
};
/** `format: regex`, per character: ajv-formats compiles the answer as a regular expression. */
const regexFormatCost = 2;
/** An `enum` entry or a `const` value compared with a value: a fraction of a check each. */
const comparisonCost = 0.05;
/** `uniqueItems`: a text per item, built from every value of the item. */
const uniqueCost = 2;

export type FormCostProblemCode =
  | 'form-schema-too-large'
  | 'form-schema-too-deep'
  | 'form-schema-recursive'
  | 'form-schema-too-costly'
  | 'form-pattern-unsupported';

export interface FormCostProblem {
  /** JSON pointer inside the schema ('' is the schema itself). */
  path: string;
  code: FormCostProblemCode;
  params: Record<string, string | number | LocalizedText>;
}

export interface FormCost {
  problems: FormCostProblem[];
  /** Keys and list entries of the schema. */
  units: number;
  /** The most an answer's check can cost (infinite when a problem leaves it unbounded). */
  cost: Cost;
}

const unbounded: Cost = { value: Infinity, char: Infinity };

/** Keywords whose value is a schema that applies to the same value. */
const sameValueOne = ['not', 'if', 'then', 'else'] as const;
const sameValueList = ['allOf', 'anyOf', 'oneOf'] as const;

/** Measures a form's schema: its size, its patterns, its `$ref`s and the most an answer can cost. */
export function analyzeFormSchema(schema: unknown, limits: FormLimits = formLimits): FormCost {
  const problems: FormCostProblem[] = [];
  const size = measureJson(schema, limits.maxSchemaUnits, limits.maxSchemaDepth);
  if (size.units > limits.maxSchemaUnits) {
    problems.push({
      path: '',
      code: 'form-schema-too-large',
      params: { limit: limits.maxSchemaUnits },
    });
  }
  if (size.tooDeep !== undefined) {
    problems.push({
      path: size.tooDeep,
      code: 'form-schema-too-deep',
      params: { limit: limits.maxSchemaDepth },
    });
  }
  // what is too large or too deep is not walked any further
  if (problems.length > 0 || !isSchema(schema)) return { problems, units: size.units, cost: unbounded };

  const paths = schemaPaths(schema);
  for (const [node, path] of paths) {
    if (typeof node.pattern === 'string') {
      const reason = formPatternProblem(node.pattern);
      if (reason !== undefined)
        problems.push({
          path: `${path}/pattern`,
          code: 'form-pattern-unsupported',
          params: { pattern: node.pattern, reason },
        });
    }
    if (isSchema(node.patternProperties)) {
      for (const pattern of Object.keys(node.patternProperties)) {
        const reason = formPatternProblem(pattern);
        if (reason !== undefined)
          problems.push({
            path: `${path}/patternProperties/${escapePointer(pattern)}`,
            code: 'form-pattern-unsupported',
            params: { pattern, reason },
          });
      }
    }
  }

  const cost = costOf(schema, paths, limits, problems);
  const finite = Number.isFinite(cost.value) && Number.isFinite(cost.char);
  if (finite && (cost.value > limits.maxValueCost || cost.char > limits.maxCharCost))
    problems.push({
      path: '',
      code: 'form-schema-too-costly',
      params: {
        cost: Math.round(cost.value),
        limit: limits.maxValueCost,
        charCost: Math.round(cost.char * 100) / 100,
        charLimit: limits.maxCharCost,
      },
    });
  return { problems, units: size.units, cost: finite ? cost : unbounded };
}

/** Every subschema (in a place where a schema is expected) with its JSON pointer, the root first. */
function schemaPaths(root: JsonSchemaObject): Map<JsonSchemaObject, string> {
  const paths = new Map<JsonSchemaObject, string>();
  const visit = (node: unknown, path: string): void => {
    if (!isSchema(node) || paths.has(node)) return;
    paths.set(node, path);
    for (const [keyword, value] of Object.entries(node)) {
      const at = `${path}/${escapePointer(keyword)}`;
      switch (keyword) {
        case 'properties':
        case 'patternProperties':
        case 'definitions':
        case '$defs':
        case 'dependencies':
        case 'dependentSchemas':
          if (isSchema(value))
            for (const [name, child] of Object.entries(value)) visit(child, `${at}/${escapePointer(name)}`);
          break;
        case 'items':
        case 'prefixItems':
        case 'allOf':
        case 'anyOf':
        case 'oneOf':
          if (Array.isArray(value)) value.forEach((child, index) => visit(child, `${at}/${index}`));
          else visit(value, at);
          break;
        case 'additionalItems':
        case 'additionalProperties':
        case 'contains':
        case 'propertyNames':
        case 'not':
        case 'if':
        case 'then':
        case 'else':
        case 'unevaluatedItems':
        case 'unevaluatedProperties':
          visit(value, at);
          break;
        default:
      }
    }
  };
  visit(root, '');
  return paths;
}

/**
 * The most an answer's check can cost: at `depth` levels left, a subschema costs its own keywords,
 * plus every subschema applying to the same value (as many times as it is reached), plus the
 * costliest that can apply to one of its properties or items (one level less).
 */
function costOf(
  root: JsonSchemaObject,
  paths: Map<JsonSchemaObject, string>,
  limits: FormLimits,
  problems: FormCostProblem[],
): Cost {
  const memo = new Map<JsonSchemaObject, Cost[]>();
  const active = new Map<JsonSchemaObject, Set<number>>();
  const reported = new Set<string>();

  const cost = (node: unknown, depth: number, via: string): Cost => {
    if (!isSchema(node)) return { value: 1, char: 0 };
    const known = memo.get(node)?.[depth];
    if (known !== undefined) return known;
    const open = active.get(node) ?? new Set<number>();
    if (open.has(depth)) {
      // back to a subschema of the same value without going into a property or an item
      if (!reported.has(via)) {
        reported.add(via);
        problems.push({ path: via, code: 'form-schema-recursive', params: { ref: refText(via, root) } });
      }
      return unbounded;
    }
    open.add(depth);
    active.set(node, open);
    const path = paths.get(node) ?? via;
    const total = ownCost(node);
    const same = (child: unknown, at: string) => add(total, cost(child, depth, at));
    for (const keyword of sameValueOne)
      if (node[keyword] !== undefined) same(node[keyword], `${path}/${keyword}`);
    for (const keyword of sameValueList) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((child, index) => same(child, `${path}/${keyword}/${index}`));
    }
    for (const keyword of ['dependencies', 'dependentSchemas'] as const) {
      const map = node[keyword];
      if (isSchema(map))
        for (const [name, child] of Object.entries(map))
          if (!Array.isArray(child)) same(child, `${path}/${keyword}/${escapePointer(name)}`);
    }
    if (typeof node.$ref === 'string') {
      const target = resolveLocalRef(root, node.$ref);
      if (target !== undefined) same(target, `${path}/$ref`);
    }
    if (depth > 0) {
      // a value is an object or a list, never both: the dearer of the two
      const inObject = objectChildren(node, depth - 1, path);
      const inList = listChildren(node, depth - 1, path);
      add(total, {
        value: Math.max(inObject.value, inList.value),
        char: Math.max(inObject.char, inList.char),
      });
    }
    open.delete(depth);
    const row = memo.get(node) ?? [];
    row[depth] = total;
    memo.set(node, row);
    return total;
  };

  /** What one property of an object can cost (its key is a value of the answer too). */
  const objectChildren = (node: JsonSchemaObject, depth: number, path: string): Cost => {
    const named: Cost = { value: 0, char: 0 };
    if (isSchema(node.properties))
      for (const [name, child] of Object.entries(node.properties))
        atLeast(named, cost(child, depth, `${path}/properties/${escapePointer(name)}`));
    if (node.additionalProperties !== undefined)
      atLeast(named, cost(node.additionalProperties, depth, `${path}/additionalProperties`));
    const total: Cost = { value: 1 + named.value, char: named.char };
    if (isSchema(node.patternProperties))
      for (const [pattern, child] of Object.entries(node.patternProperties)) {
        add(total, { value: 1, char: charCosts.pattern as number });
        add(total, cost(child, depth, `${path}/patternProperties/${escapePointer(pattern)}`));
      }
    if (node.propertyNames !== undefined)
      add(total, cost(node.propertyNames, depth, `${path}/propertyNames`));
    return total;
  };

  /** What one item of a list can cost. */
  const listChildren = (node: JsonSchemaObject, depth: number, path: string): Cost => {
    const each: Cost = { value: 0, char: 0 };
    for (const keyword of ['items', 'prefixItems'] as const) {
      const items = node[keyword];
      if (Array.isArray(items))
        items.forEach((child, index) => atLeast(each, cost(child, depth, `${path}/${keyword}/${index}`)));
      else if (items !== undefined) atLeast(each, cost(items, depth, `${path}/${keyword}`));
    }
    if (node.additionalItems !== undefined)
      atLeast(each, cost(node.additionalItems, depth, `${path}/additionalItems`));
    if (node.contains !== undefined) add(each, cost(node.contains, depth, `${path}/contains`));
    return each;
  };

  return cost(root, limits.maxDataDepth, '');
}

function add(total: Cost, more: Cost): void {
  total.value += more.value;
  total.char += more.char;
}

function atLeast(most: Cost, candidate: Cost): void {
  most.value = Math.max(most.value, candidate.value);
  most.char = Math.max(most.char, candidate.char);
}

/** A subschema's own keywords: one check each per value, more for those that compare or read text. */
function ownCost(node: JsonSchemaObject): Cost {
  const total: Cost = { value: 1, char: 0 };
  for (const [keyword, value] of Object.entries(node)) {
    total.value += 1;
    // ajv-formats checks `format: regex` by building the expression: ten times a format's cost (a
    // 200 KB answer takes about 45 ms)
    total.char += keyword === 'format' && value === 'regex' ? regexFormatCost : (charCosts[keyword] ?? 0);
    if (keyword === 'enum' && Array.isArray(value))
      total.value += comparisonCost * value.reduce<number>((sum, item) => sum + sizeOf(item), 0);
    else if (keyword === 'const') total.value += comparisonCost * sizeOf(value);
    else if (keyword === 'required' && Array.isArray(value)) total.value += value.length;
    else if (keyword === 'properties' && isSchema(value))
      total.value += comparisonCost * Object.keys(value).length;
    else if (keyword === 'uniqueItems' && value === true) total.value += uniqueCost;
  }
  return total;
}

/** Keys, entries and values of a JSON value. */
function sizeOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + sizeOf(item), 1);
  return Object.values(value).reduce<number>((sum, item) => sum + 1 + sizeOf(item), 1);
}

function refText(path: string, root: JsonSchemaObject): string {
  let current: unknown = root;
  for (const segment of path.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return typeof current === 'string' ? current : '';
}
