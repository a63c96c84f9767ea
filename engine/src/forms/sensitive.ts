import type { JsonSchemaObject } from '../definitions/types.js';
import { escapePointer, isSchema, itemSchemas, sameInstanceSchemas } from './schema-walk.js';

/**
 * Where a form keeps sensitive data (`"x-sensitive": true`), as JSON pointers into its data at every
 * depth: `/idNumber`, `/applicant/idNumber`, `/children/*\/idNumber` (`*` is any item of an array).
 * A sensitive object or array is sensitive as a whole.
 */
export function sensitivePointers(schema: JsonSchemaObject): string[] {
  const found = new Set<string>();
  const walk = (node: JsonSchemaObject, prefix: string, path: Set<JsonSchemaObject>): void => {
    // a recursive $ref describes the same kinds of data again: once along a path is enough
    if (path.has(node) || path.size > 32) return;
    const next = new Set(path).add(node);
    const branches = sameInstanceSchemas(node, schema);
    for (const branch of branches) {
      const properties = branch.properties;
      if (!isSchema(properties)) continue;
      for (const [name, property] of Object.entries(properties)) {
        if (!isSchema(property)) continue;
        const at = `${prefix}/${escapePointer(name)}`;
        if (sameInstanceSchemas(property, schema).some((part) => part['x-sensitive'] === true)) found.add(at);
        else walk(property, at, next);
      }
    }
    for (const item of itemSchemas(branches, 0)) walk(item, `${prefix}/*`, next);
  };
  walk(schema, '', new Set());
  return [...found];
}

/** The sensitive pointers of several forms that all wrote into one case's data. */
export function sensitivePointersOf(schemas: JsonSchemaObject[]): string[] {
  return [...new Set(schemas.flatMap((schema) => sensitivePointers(schema)))];
}

/** Every place in `data` a pattern from `sensitivePointers` names, as concrete pointers with their values. */
export function sensitiveValues(
  data: unknown,
  patterns: string[],
): Array<{ pointer: string; value: unknown }> {
  const found: Array<{ pointer: string; value: unknown }> = [];
  for (const pattern of patterns) {
    const segments = pattern.split('/').slice(1).map(unescapePointer);
    const visit = (value: unknown, index: number, at: string): void => {
      if (value === undefined) return;
      if (index === segments.length) {
        if (value !== null) found.push({ pointer: at, value });
        return;
      }
      const segment = segments[index] as string;
      if (segment === '*') {
        if (Array.isArray(value)) value.forEach((item, i) => visit(item, index + 1, `${at}/${i}`));
        return;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      if (!Object.hasOwn(value, segment)) return;
      visit((value as Record<string, unknown>)[segment], index + 1, `${at}/${escapePointer(segment)}`);
    };
    visit(data, 0, '');
  }
  return found;
}

export interface MaskedData<T> {
  data: T;
  /** The pointers whose values were masked. */
  masked: string[];
}

/**
 * A copy of `data` with the value at each of `pointers` (concrete, as `sensitiveValues` gives them)
 * replaced by `mask(value)`; `data` itself is left as it was.
 */
export function maskPointers<T>(
  data: T,
  pointers: string[],
  mask: (value: unknown) => unknown,
): MaskedData<T> {
  let copy: unknown = data;
  const masked: string[] = [];
  for (const pointer of pointers) {
    const segments = pointer.split('/').slice(1).map(unescapePointer);
    const replaced = replaceAt(copy, segments, mask);
    if (replaced.changed) {
      copy = replaced.value;
      masked.push(pointer);
    }
  }
  return { data: copy as T, masked };
}

function replaceAt(
  value: unknown,
  segments: string[],
  mask: (value: unknown) => unknown,
): { value: unknown; changed: boolean } {
  if (segments.length === 0) return { value: mask(value), changed: true };
  if (value === null || typeof value !== 'object') return { value, changed: false };
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= value.length) return { value, changed: false };
    const inner = replaceAt(value[index], rest, mask);
    if (!inner.changed) return { value, changed: false };
    const copy = [...value];
    copy[index] = inner.value;
    return { value: copy, changed: true };
  }
  if (!Object.hasOwn(value, head)) return { value, changed: false };
  const inner = replaceAt((value as Record<string, unknown>)[head], rest, mask);
  if (!inner.changed) return { value, changed: false };
  return { value: { ...(value as Record<string, unknown>), [head]: inner.value }, changed: true };
}

/**
 * Whether reading the variable `data.a.b` (segments after `data`) can carry sensitive data: it names
 * a sensitive place, something inside one, or an object that holds one.
 */
export function readsSensitive(patterns: string[], segments: string[]): string | undefined {
  for (const pattern of patterns) {
    const parts = pattern.split('/').slice(1).map(unescapePointer);
    const common = Math.min(parts.length, segments.length);
    let matches = true;
    for (let i = 0; i < common; i += 1) {
      const part = parts[i] as string;
      const segment = segments[i] as string;
      if (part === '*' ? !/^\d+$/.test(segment) : part !== segment) {
        matches = false;
        break;
      }
    }
    if (matches) return pattern;
  }
  return undefined;
}

export function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
