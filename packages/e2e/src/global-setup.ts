import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { chromiumPath, startTongban } from './harness.js';
import { buildWebAppsIfStale } from './web-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The one embedded runtime every browser test file shares (apps and API on one origin). */
    tongbanUrl: string;
  }
}

/**
 * The `browser` project's set-up: fails loudly without Debian's chromium, builds the web apps once
 * (unless fresh), starts ONE embedded runtime for all browser test files and hands its address on.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `The browser tests need Debian's chromium at ${chromiumPath} (apt-get install -y chromium fonts-noto-cjk); it is missing`,
    );
  buildWebAppsIfStale();
  const tongban = await startTongban();
  project.provide('tongbanUrl', tongban.url);
  return () => tongban.stop();
}
