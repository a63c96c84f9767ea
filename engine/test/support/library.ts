import { Catalog } from '../../src/definitions/catalog.js';
import type { Definition, WorkflowDefinition } from '../../src/definitions/types.js';
import { compileWorkflow, type CompiledWorkflow } from '../../src/interpreter/compile.js';
import type { IdSource } from '../../src/interpreter/types.js';
import { readAllDefinitions } from './definitions.js';

let cached: Catalog | undefined;

/** The repository's definitions library as a catalog (read once per test file). */
export function libraryCatalog(): Catalog {
  cached ??= new Catalog(readAllDefinitions() as Definition[]);
  return cached;
}

export function compiled(key: string): CompiledWorkflow {
  const catalog = libraryCatalog();
  const workflow = catalog.get('workflow', key) as WorkflowDefinition;
  return compileWorkflow(workflow, catalog);
}

/** Deterministic ids: t1, t2, ... */
export function counterIds(prefix = 't'): IdSource {
  let next = 0;
  return () => `${prefix}${++next}`;
}

/** Shanghai wall-clock time to epoch ms. */
export const shanghai = (local: string): number => Date.parse(`${local}+08:00`);
export const showShanghai = (instant: number | null | undefined): string =>
  instant === null || instant === undefined
    ? String(instant)
    : new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
