import { defineProject } from 'vitest/config';

/** The runtime suite, run once per database driver (see the root vitest config). */
export function runtimeProject(driver: 'pglite' | 'postgres') {
  return defineProject({
    resolve: { conditions: ['tongban-source'] },
    ssr: { resolve: { conditions: ['tongban-source'] } },
    test: {
      name: `runtime-${driver}`,
      root: import.meta.dirname,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // the fault tests kill real processes of the scaled mode (PostgreSQL, Redis): the postgres project's
      exclude: driver === 'pglite' ? ['test/faults/**'] : [],
      env: { TONGBAN_TEST_DB: driver },
      // PGlite takes seconds to start and each file migrates its own database
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
}

export default runtimeProject('pglite');
