import { pointer } from '../problems.js';
import type { JsonSchemaObject } from '../types.js';
import type { CheckContext } from './context.js';

/**
 * Every `scope` of a UI schema must lead somewhere in the form's JSON Schema, read the way JSON Forms reads
 * it (`resolveSchema` in @jsonforms/core): a JSON pointer into the schema that follows local `$ref`s, may
 * pass through `allOf` / `anyOf` / `oneOf` / `if`-`then`-`else`, and may leave the combinator out
 * (`#/properties/x` finds `x` declared in `allOf/0`). `#` is the whole form. That holds for controls, for
 * the conditions of rules, and inside an `options.detail` layout, whose scopes are relative to one item of
 * the list (or to the object) the control shows.
 */
export function checkScopes(
  context: CheckContext,
  uischema: unknown,
  path: string,
  schema: JsonSchemaObject,
): void {
  new ScopeWalk(context, schema).element(uischema, path, schema, null);
}

class ScopeWalk {
  constructor(
    private readonly context: CheckContext,
    private readonly root: JsonSchemaObject,
  ) {}

  /** `detailOf`: the scope of the control whose `options.detail` this element is inside, if any. */
  element(node: unknown, path: string, base: unknown, detailOf: string | null, depth = 0): void {
    if (depth > 64) return;
    if (Array.isArray(node)) {
      node.forEach((child, index) => this.element(child, pointer(path, index), base, detailOf, depth + 1));
      return;
    }
    if (!isObject(node)) return;
    let target: JsonSchemaObject | undefined;
    if (typeof node.scope === 'string') {
      target = resolveScope(base, node.scope, this.root);
      if (target === undefined)
        this.unknown(pointer(path, 'scope'), node.scope, detailOf, 'form-scope-unknown');
    }
    if (isObject(node.rule) && node.rule.condition !== undefined)
      this.condition(node.rule.condition, pointer(path, 'rule', 'condition'), base, detailOf, depth + 1);
    if (Array.isArray(node.elements))
      this.element(node.elements, pointer(path, 'elements'), base, detailOf, depth + 1);
    const detail = isObject(node.options) ? node.options.detail : undefined;
    if (isObject(detail) && target !== undefined && typeof node.scope === 'string') {
      const inner = detailBase(target, this.root);
      if (inner !== undefined)
        this.element(detail, pointer(path, 'options', 'detail'), inner, node.scope, depth + 1);
    }
  }

  /** A rule's condition: a leaf or schema condition with a scope, or AND / OR of conditions. */
  private condition(
    node: unknown,
    path: string,
    base: unknown,
    detailOf: string | null,
    depth: number,
  ): void {
    if (!isObject(node) || depth > 64) return;
    if (typeof node.scope === 'string' && resolveScope(base, node.scope, this.root) === undefined)
      this.unknown(pointer(path, 'scope'), node.scope, detailOf, 'form-rule-scope-unknown');
    if (Array.isArray(node.conditions))
      node.conditions.forEach((child, index) =>
        this.condition(child, pointer(path, 'conditions', index), base, detailOf, depth + 1),
      );
  }

  private unknown(
    path: string,
    scope: string,
    detailOf: string | null,
    code: 'form-scope-unknown' | 'form-rule-scope-unknown',
  ): void {
    if (detailOf !== null) this.context.report(path, 'form-detail-scope-unknown', { scope, list: detailOf });
    else this.context.report(path, code, { scope });
  }
}

/** What the scopes of a detail layout are relative to: an array's item schema, or the object itself. */
function detailBase(target: JsonSchemaObject, root: JsonSchemaObject): JsonSchemaObject | undefined {
  if (target.type !== 'array' && target.items === undefined) return target;
  const items = resolveScope(target, '#/items', root);
  // a tuple (`items` as a list) has no one item schema to check against
  return items !== undefined && !Array.isArray(target.items) ? items : undefined;
}

/** Most steps one scope may take: combinators are tried one after another and `$ref`s may nest. */
const stepBudget = 10_000;

/**
 * Resolves a UI schema scope against `base` as JSON Forms does (`#/properties/x`, and `/properties/x` as
 * JSON Forms' own examples write it); `undefined` when it leads nowhere. Bounded: a `$ref` that leads
 * back to itself ends the search instead of looping.
 */
export function resolveScope(
  base: unknown,
  scope: string,
  root: JsonSchemaObject,
): JsonSchemaObject | undefined {
  let steps = 0;
  const following = new Set<string>();

  const resolve = (value: unknown, segments: string[]): JsonSchemaObject | undefined => {
    if (++steps > stepBudget || value === null || typeof value !== 'object') return undefined;
    let schema = value as Record<string, unknown>;
    if (!Array.isArray(schema) && typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      if (!ref.startsWith('#') || following.has(ref)) return undefined;
      following.add(ref);
      const target = resolve(root, pointerSegments(ref));
      following.delete(ref);
      if (target === undefined) return undefined;
      schema = target;
    }
    if (segments.length === 0) return Array.isArray(schema) ? undefined : (schema as JsonSchemaObject);
    const [segment, ...rest] = segments as [string, ...string[]];
    if (Object.hasOwn(schema, segment)) {
      const found = resolve(schema[segment], rest);
      if (found !== undefined) return found;
    }
    if (segment === 'properties' || segment === 'items') {
      // JSON Forms also finds what a subschema declares when the scope leaves the combinator out
      for (const key of ['oneOf', 'allOf', 'anyOf', 'then', 'else']) {
        const subschemas = schema[key];
        for (const subschema of Array.isArray(subschemas) ? subschemas : [subschemas]) {
          const found = resolve(subschema, segments);
          if (found !== undefined) return found;
        }
      }
    }
    return undefined;
  };

  return resolve(base, pointerSegments(scope));
}

/** `#/properties/a~1b` → `['properties', 'a/b']`; `#` and empty segments are skipped, as JSON Forms does. */
function pointerSegments(ref: string): string[] {
  return ref
    .split('/')
    .filter((segment) => segment !== '#' && segment !== '')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
