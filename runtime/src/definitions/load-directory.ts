import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every definition in a folder tree: each JSON file holds one definition or a list of them. */
export async function loadDefinitionFiles(dir: string): Promise<Array<{ file: string; body: unknown }>> {
  const found: Array<{ file: string; body: unknown }> = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules')
      found.push(...(await loadDefinitionFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.json') && entry.name !== 'package.json') {
      let body: unknown;
      try {
        body = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw new Error(
          `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
      }
      for (const item of Array.isArray(body) ? body : [body]) found.push({ file: path, body: item });
    }
  }
  return found;
}
