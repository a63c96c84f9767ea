import { defineConfig } from 'vitest/config';
import { runtimeProject } from './runtime/vitest.config.js';
import { browserProject } from './packages/e2e/vitest.config.js';
import { packagesProject } from './packages/client/vitest.config.js';
import { uiProject } from './packages/ui/vitest.config.js';
import { portalProject } from './packages/portal/vitest.config.js';

export default defineConfig({
  resolve: { conditions: ['tongban-source'] },
  ssr: { resolve: { conditions: ['tongban-source'] } },
  test: {
    projects: [
      'engine',
      runtimeProject('pglite'),
      runtimeProject('postgres'),
      browserProject,
      packagesProject,
      uiProject,
      portalProject,
    ],
  },
});
