import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['tongban-source'] },
  ssr: { resolve: { conditions: ['tongban-source'] } },
  test: {
    projects: ['engine'],
  },
});
