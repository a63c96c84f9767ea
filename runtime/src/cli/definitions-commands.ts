import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Runtime } from '../runtime.js';
import { readDefinitionFolder } from '../definitions/load-directory.js';
import type { SeedResult } from '../seed/seed.js';

/**
 * `tongban definitions import <dir>`: reads every file, validates every definition against the others
 * and the catalog, and finds every version stored already with other content; reports every problem,
 * each with its file, and imports nothing unless there is none. Gives the exit code.
 */
export async function importDefinitions(runtime: Runtime, dir: string): Promise<number> {
  const { sources, unreadable } = await readDefinitionFolder(dir);
  const result = await runtime.definitions.importSources(sources, null);
  const lines = [
    ...unreadable.map((entry) => `${entry.file}: ${entry.message}`),
    ...result.problems.flatMap((entry) =>
      entry.problems.map(
        (problem) =>
          `${entry.file ?? dir}: ${entry.key} ${problem.path || '/'}: ${problem.message['zh-CN']} / ${problem.message.en}`,
      ),
    ),
    ...result.conflicts.map(
      (conflict) =>
        `${conflict.file ?? dir}: ${conflict.key}: ${conflict.error.text['zh-CN']}，${conflict.reason['zh-CN']} / ${conflict.error.text.en}: ${conflict.reason.en}`,
    ),
  ];
  if (lines.length > 0) {
    for (const line of lines) console.error(line);
    const count = (what: string, n: number) => (n === 0 ? [] : [`${n} ${what}`]);
    console.error(
      `nothing imported: ${[
        ...count('unreadable file(s)', unreadable.length),
        ...count(
          `problem(s) in ${result.problems.length} definition(s)`,
          result.problems.reduce((n, entry) => n + entry.problems.length, 0),
        ),
        ...count('version conflict(s)', result.conflicts.length),
      ].join(', ')}`,
    );
    if (unreadable.length > 0)
      console.error(
        '(a problem that names a definition in a file that could not be read may follow from it)',
      );
    return 1;
  }
  console.log(`published ${result.published.length}, unchanged ${result.unchanged.length}`);
  return 0;
}

/**
 * `tongban definitions export <dir> [--all-versions]`: writes the published catalog as definitions/ is
 * laid out, each file as it was written (decision 0018). Files of the kind folders that the catalog
 * does not hold are left alone and named: an import of the folder would publish them.
 */
export async function exportDefinitions(
  runtime: Runtime,
  dir: string,
  allVersions: boolean,
): Promise<number> {
  const files = await runtime.definitions.exportFiles({ allVersions });
  const written = new Set<string>();
  for (const file of files) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text, 'utf8');
    written.add(path);
  }
  for (const folder of new Set(files.map((file) => dirname(join(dir, file.path))))) {
    for (const name of await readdir(folder)) {
      const path = join(folder, name);
      if (name.endsWith('.json') && !written.has(path))
        console.error(`${relative(process.cwd(), path)}: not in the catalog, left as it was`);
    }
  }
  console.log(`exported ${files.length} definitions to ${dir}`);
  return 0;
}

/** What `tongban seed` and `tongban start` say about the library they imported, or did not. */
export function describeSeed(result: SeedResult): string {
  return result.importedBefore
    ? `definitions library ${result.dir}: unchanged since its import at ${result.importedBefore.toISOString()}, not imported again`
    : `definitions library ${result.dir}: published ${result.published.length}, unchanged ${result.unchanged.length}`;
}
