import type { JsonSchemaObject } from '../definitions/types.js';
import { formRegExp } from './form-regexp.js';

/**
 * The subschemas that describe the same instance as `schema` does: itself, its applicators
 * (`allOf`, `anyOf`, `oneOf`, `if` / `then` / `else`) and local `$ref`s, each once. A bundle's combined
 * form declares its sections under `then`, so a property declared in any branch is declared.
 */
export function sameInstanceSchemas(schema: JsonSchemaObject, root: JsonSchemaObject): JsonSchemaObject[] {
  const found: JsonSchemaObject[] = [];
  const seen = new Set<JsonSchemaObject>();
  const visit = (candidate: unknown): void => {
    if (!isSchema(candidate) || seen.has(candidate)) return;
    seen.add(candidate);
    found.push(candidate);
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = candidate[keyword];
      if (Array.isArray(list)) list.forEach(visit);
    }
    visit(candidate.if);
    visit(candidate.then);
    visit(candidate.else);
    if (typeof candidate.$ref === 'string') visit(resolveLocalRef(root, candidate.$ref));
  };
  visit(schema);
  return found;
}

/** `#/definitions/x` or `#/$defs/x` inside the same schema; anything else is not followed. */
export function resolveLocalRef(root: JsonSchemaObject, ref: string): JsonSchemaObject | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isSchema(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return isSchema(current) ? current : undefined;
}

/** The schemas a property of this instance is described by, across every branch that declares it. */
export function propertySchemas(
  branches: JsonSchemaObject[],
  name: string,
): { declared: boolean; schemas: JsonSchemaObject[] } {
  let declared = false;
  const schemas: JsonSchemaObject[] = [];
  for (const branch of branches) {
    const properties = branch.properties;
    if (isSchema(properties) && Object.hasOwn(properties, name)) {
      declared = true;
      const property = properties[name];
      if (isSchema(property)) schemas.push(property);
    }
    const patterns = branch.patternProperties;
    if (isSchema(patterns)) {
      for (const [pattern, property] of Object.entries(patterns)) {
        if (safeTest(pattern, name)) {
          declared = true;
          if (isSchema(property)) schemas.push(property);
        }
      }
    }
  }
  return { declared, schemas };
}

/** Whether an object described by these branches takes properties it does not name. */
export function acceptsAnyProperty(branches: JsonSchemaObject[]): JsonSchemaObject[] | 'none' {
  const open: JsonSchemaObject[] = [];
  for (const branch of branches) {
    const additional = branch.additionalProperties;
    if (additional === true || isSchema(additional)) open.push(isSchema(additional) ? additional : {});
  }
  return open.length > 0 ? open : 'none';
}

/** The schemas of an array's items (one schema for all, or a tuple's schema at `index`). */
export function itemSchemas(branches: JsonSchemaObject[], index: number): JsonSchemaObject[] {
  const schemas: JsonSchemaObject[] = [];
  for (const branch of branches) {
    const items = branch.items;
    if (Array.isArray(items)) {
      const item = items[index] ?? branch.additionalItems;
      if (isSchema(item)) schemas.push(item);
    } else if (isSchema(items)) schemas.push(items);
  }
  return schemas;
}

export function isSchema(value: unknown): value is JsonSchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A `patternProperties` key tested as ajv tests it: on the linear-time engine (decision 0015). */
function safeTest(pattern: string, name: string): boolean {
  try {
    return formRegExp(pattern, 'u').test(name);
  } catch {
    return false;
  }
}

/** A JSON pointer segment, escaped as RFC 6901 says. */
export function escapePointer(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}
