import { fileURLToPath } from 'node:url';

/**
 * The build settings every web app takes from @tongban/ui (its renderer set is what they share):
 * `plugins: [react(), tongbanUiBuild()]` in the app's vite.config.ts.
 *
 * Types are written out here rather than taken from Vite: this folder is no app and has no Vite of
 * its own; Vite checks the shape where the app's config uses it.
 */
interface ResolvedId {
  id: string;
}
interface ResolveContext {
  resolve(source: string, importer?: string, options?: { skipSelf?: boolean }): Promise<ResolvedId | null>;
}
export interface TongbanUiBuildPlugin {
  name: string;
  apply: 'build';
  enforce: 'pre';
  resolveId(this: ResolveContext, source: string, importer?: string): Promise<string | null> | string | null;
  load(id: string): string | null;
}

const virtualPrefix = '\0tongban-lodash-fp:';
const immutableSetFile = fileURLToPath(new URL('./immutable-set.ts', import.meta.url));
/** The lodash functions immutable-set.ts takes, by the name it takes them. */
const lodashParts = ['set', 'unset', 'clone', 'toPath', 'isFunction', 'isError', 'isWeakMap'];

/**
 * `lodash/fp/set` and `lodash/fp/unset` (JSON Forms' reducer) are replaced by immutable-set.ts over
 * lodash's plain functions: the same results, without lodash/fp's currying machinery, which cost
 * about 9 KB gz of the form chunk. Only in builds: the dev server's pre-bundling keeps lodash/fp.
 */
export function tongbanUiBuild(): TongbanUiBuildPlugin {
  // where lodash is found: beside the package that asked for lodash/fp (pnpm keeps it private there)
  let lodashImporter: string | undefined;
  return {
    name: 'tongban-ui-build',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const fp = /^lodash\/fp\/(set|unset)(\.js)?$/.exec(source);
      if (fp && importer) {
        lodashImporter ??= importer;
        return `${virtualPrefix}${fp[1]}`;
      }
      if (importer?.startsWith(virtualPrefix)) {
        if (source === 'tongban:immutable-set') return immutableSetFile;
        if (source.startsWith('lodash/') && lodashImporter)
          return this.resolve(source, lodashImporter, { skipSelf: true }).then((found) => found?.id ?? null);
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(virtualPrefix)) return null;
      const name = id.slice(virtualPrefix.length) === 'set' ? 'setFp' : 'unsetFp';
      return [
        ...lodashParts.map((part) => `import ${part} from 'lodash/${part}';`),
        `import { immutableSetters } from 'tongban:immutable-set';`,
        `export default immutableSetters({ ${lodashParts.join(', ')} }).${name};`,
      ].join('\n');
    },
  };
}
