import { defineProject } from 'vitest/config';

/** Node-side tests of the web packages: the typed client against the runtime, the drift of its types. */
export const packagesProject = defineProject({
  resolve: { conditions: ['tongban-source'] },
  ssr: { resolve: { conditions: ['tongban-source'] } },
  test: {
    name: 'packages',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    // each file starts a runtime on an in-memory PGlite (seconds to migrate)
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default packagesProject;
