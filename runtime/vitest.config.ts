import { randomBytes } from 'node:crypto';
import { defineProject } from 'vitest/config';

/**
 * The audit key of a test run: generated here, held in memory and handed to every test (and the
 * processes tests start) through the environment, so no key file is ever written.
 */
const auditKey = process.env.TONGBAN_AUDIT_KEY ?? randomBytes(32).toString('hex');

/** The runtime suite, run once per database driver (see the root vitest config). */
export function runtimeProject(driver: 'pglite' | 'postgres') {
  return defineProject({
    resolve: { conditions: ['tongban-source'] },
    ssr: { resolve: { conditions: ['tongban-source'] } },
    test: {
      name: `runtime-${driver}`,
      root: import.meta.dirname,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // the fault tests kill real processes of the scaled mode (PostgreSQL, Redis), and the *-scaled tests
      // run BullMQ on Redis beside PostgreSQL: the postgres project's; `tongban start` is the embedded
      // mode, PGlite's: its process tests run in the pglite project
      exclude:
        driver === 'pglite' ? ['test/faults/**', 'test/**/*-scaled.test.ts'] : ['test/cli/start.test.ts'],
      env: { TONGBAN_TEST_DB: driver, TONGBAN_AUDIT_KEY: auditKey },
      // PGlite takes seconds to start and each file migrates its own database
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
}

export default runtimeProject('pglite');
