// The wizard's test page (packages/e2e/test/wizard.test.ts): Vite's dev server, with /api passed on to
// the runtime under test (TONGBAN_API), so that the page and the API share one origin as in the apps.
// TONGBAN_PAGE_CLIENT_ADDRESS (a loopback address, 127.0.0.2...) is where the page's requests come
// from, so each person a test plays is an address of their own, as for the runtime's per-address limits.
// No imports: the config is read from here, where only packages/ui's dependencies resolve.
export default {
  root: import.meta.dirname,
  resolve: { conditions: ['tongban-source'] },
  logLevel: 'warn',
  server: {
    host: '127.0.0.1',
    strictPort: true,
    proxy: {
      '/api': {
        target: process.env.TONGBAN_API,
        changeOrigin: true,
        ...(process.env.TONGBAN_PAGE_CLIENT_ADDRESS
          ? { localAddress: process.env.TONGBAN_PAGE_CLIENT_ADDRESS }
          : {}),
      },
    },
  },
};
