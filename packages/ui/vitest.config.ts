import { defineProject } from 'vitest/config';

/**
 * Node-side tests of packages/ui: the pure parts (translator, error mapping, tester ranking, theme,
 * i18n) and every library form rendered to HTML with the renderer set. The browser proof is the
 * `browser` project's (packages/e2e).
 */
export const uiProject = defineProject({
  resolve: { conditions: ['tongban-source'] },
  ssr: { resolve: { conditions: ['tongban-source'] } },
  test: {
    name: 'ui',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
  },
});

export default uiProject;
