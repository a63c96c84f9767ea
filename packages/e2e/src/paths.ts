import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's root (packages/e2e/src/ is three levels below it). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The web apps the runtime serves, by the path they are served under, with their package folder. */
export const webApps = {
  portal: join(repoRoot, 'packages/portal'),
  workbench: join(repoRoot, 'packages/workbench'),
  designer: join(repoRoot, 'designer'),
} as const;

export type WebApp = keyof typeof webApps;
