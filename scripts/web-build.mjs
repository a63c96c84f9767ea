// Builds the web apps whose dist/ is missing or older than their sources (vite build, then the brotli
// and gzip files beside each asset), so `pnpm start` on a fresh clone or after a pull serves current apps.
// Usage: node scripts/web-build.mjs [--all]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressDir } from './compress-web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The apps the runtime serves (runtime/src/config webAppNames), by name, with their package folder. */
export const webAppFolders = {
  portal: join(root, 'packages/portal'),
  workbench: join(root, 'packages/workbench'),
  designer: join(root, 'designer'),
};

/** What every app bundles besides its own folder. */
const sharedSources = ['packages/ui/src', 'packages/client/src', 'engine/src'].map((dir) => join(root, dir));
const ownSources = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestIn(join(path, entry)));
  }
  return newest;
}

/** Why an app needs building (missing, stale), or null when its build is current. */
export function whyBuild(folder) {
  const built = join(folder, 'dist', 'index.html');
  if (!existsSync(built)) return 'not built yet';
  const sources = Math.max(
    ...sharedSources.map(newestIn),
    ...ownSources.map((name) => newestIn(join(folder, name))),
  );
  return sources > statSync(built).mtimeMs ? 'sources changed since its last build' : null;
}

/**
 * Builds each app that needs it with its own Vite (no pnpm needed), then compresses its dist. Returns
 * the apps that failed to build: the caller decides whether that stops it.
 */
export async function buildWebApps({ all = false, log = console.log } = {}) {
  const failed = [];
  for (const [name, folder] of Object.entries(webAppFolders)) {
    const reason = all ? 'asked for' : whyBuild(folder);
    if (!reason) continue;
    log(`Building the ${name} web app (${reason}): vite build in ${folder}`);
    const started = Date.now();
    const vite = join(folder, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: folder,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      log(`  the ${name} build failed (exit code ${result.status}); its old build, if any, is served`);
      failed.push(name);
      continue;
    }
    const { brotli, gzip } = await compressDir(join(folder, 'dist'));
    const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
    log(
      `  built in ${((Date.now() - started) / 1000).toFixed(1)} s (brotli ${kb(brotli)}, gzip ${kb(gzip)})`,
    );
  }
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failed = await buildWebApps({ all: process.argv.includes('--all') });
  if (failed.length > 0) process.exit(1);
}
