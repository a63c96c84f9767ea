import { defineProject } from 'vitest/config';

/** Node-side tests of the portal's pure parts (the wizard's steps, search, supplements, resume codes); the browser proof is packages/e2e's. */
export const portalProject = defineProject({
  resolve: { conditions: ['tongban-source'] },
  ssr: { resolve: { conditions: ['tongban-source'] } },
  test: {
    name: 'portal',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
  },
});

export default portalProject;
