import { defineProject } from 'vitest/config';

/**
 * The `browser` project: Debian's chromium against one embedded runtime shared by every test file
 * (started by the global set-up, which also builds the web apps when they are stale).
 */
export const browserProject = defineProject({
  resolve: { conditions: ['tongban-source'] },
  ssr: { resolve: { conditions: ['tongban-source'] } },
  test: {
    name: 'browser',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    // one browser page at a time is what two shared cores carry
    fileParallelism: false,
    testTimeout: 120_000,
    // building the apps and the runtime's first start (library import) take minutes on a cold machine
    hookTimeout: 600_000,
  },
});

export default browserProject;
