import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const definitionsDir = fileURLToPath(new URL('../../../definitions/', import.meta.url));

/** Reads one JSON file from the repository's definitions library. */
export function readDefinition<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(definitionsDir, relativePath), 'utf8')) as T;
}

/** Every JSON definition in the library, for tests that check the whole of it. */
export function readAllDefinitions(dir = definitionsDir): unknown[] {
  const found: unknown[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) found.push(...readAllDefinitions(path));
    else if (name.endsWith('.json') && name !== 'package.json')
      found.push(JSON.parse(readFileSync(path, 'utf8')));
  }
  return found;
}
