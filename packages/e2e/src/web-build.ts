import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, webApps } from './paths.js';

/** What a web app's build is made from: its own source and the workspace source it bundles. */
const sharedSources = ['packages/ui/src', 'packages/client/src', 'engine/src'].map((dir) =>
  join(repoRoot, dir),
);

function newestIn(path: string): number {
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

/** The apps whose dist/ is missing or older than what it is built from. */
export function staleWebApps(): string[] {
  const shared = Math.max(...sharedSources.map(newestIn));
  return Object.entries(webApps)
    .filter(([, dir]) => {
      const built = join(dir, 'dist/index.html');
      if (!existsSync(built)) return true;
      const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((name) =>
        newestIn(join(dir, name)),
      );
      return Math.max(shared, ...sources) > statSync(built).mtimeMs;
    })
    .map(([name]) => name);
}

/** Builds the web apps (`pnpm build:web`) unless every dist/ is newer than its sources. */
export function buildWebAppsIfStale(log: (line: string) => void = console.log): void {
  const stale = staleWebApps();
  if (stale.length === 0) {
    log('web apps: built and fresh');
    return;
  }
  log(`web apps: building (${stale.join(', ')} stale)`);
  const started = Date.now();
  // vitest sets NODE_ENV=test, and Vite would then bundle React's development build (ten times slower)
  const result = spawnSync('pnpm', ['build:web'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`pnpm build:web failed with exit code ${result.status}`);
  log(`web apps: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
