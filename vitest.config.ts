import { defineConfig } from 'vitest/config';
import { runtimeProject } from './runtime/vitest.config.js';

export default defineConfig({
  resolve: { conditions: ['tongban-source'] },
  ssr: { resolve: { conditions: ['tongban-source'] } },
  test: {
    projects: ['engine', runtimeProject('pglite'), runtimeProject('postgres')],
  },
});
