import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';

/**
 * A definition as written (decision 0018): its text, which is what is stored, compiled and exported, and
 * the value that text parses to. JSON.parse keeps the order of keys as written, and that order is
 * meaning: a parallel state's regions are entered, and its tasks opened, in the order of its `states`.
 */
export interface DefinitionSource {
  text: string;
  body: unknown;
  /** The file it was read from, to name it in what is reported. */
  file?: string;
}

/** A definition given as a value (a responsibility list row, a test): written as two-space JSON. */
export function sourceOf(body: unknown, file?: string): DefinitionSource {
  return { text: `${JSON.stringify(body, null, 2)}\n`, body, ...(file === undefined ? {} : { file }) };
}

/** A definition given as text. Throws a SyntaxError when the text is not JSON. */
export function parseSource(text: string, file?: string): DefinitionSource {
  return { text, body: JSON.parse(text) as unknown, ...(file === undefined ? {} : { file }) };
}

/** A stored version as written, or, for one stored before its text was kept, as jsonb gave it back. */
export function storedText(row: { source: string | null; body: unknown }): string {
  return row.source ?? `${JSON.stringify(row.body, null, 2)}\n`;
}

/** The value of a stored version, with its keys in the order they were written. */
export function storedBody(row: { source: string | null; body: unknown }): unknown {
  return row.source === null ? row.body : (JSON.parse(row.source) as unknown);
}

/** Two writings of one definition that differ in white space only (same values, same key order). */
export function sameWriting(stored: { source: string | null; body: unknown }, body: unknown): boolean {
  return JSON.stringify(storedBody(stored)) === JSON.stringify(body);
}

/** Where a definition lives in a folder laid out as definitions/ is: `<kind>s/<key>.json`. */
export function definitionPath(kind: string, key: string, version?: number): string {
  return `${kind}s/${key}${version === undefined ? '' : `@${version}`}.json`;
}

/** A hash of a definition's values, whatever their order and white space (canonical JSON). */
export function contentHash(definition: unknown): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/** `kind:key@version`, as problems and results name a definition. */
export function describeDefinition(body: unknown): string {
  const envelope = (body ?? {}) as { kind?: unknown; key?: unknown; version?: unknown };
  return `${String(envelope.kind)}:${String(envelope.key)}@${String(envelope.version)}`;
}
