import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tongbanUiBuild } from '../ui/build/vite-plugin.js';

// Served by the runtime under /portal/ (one origin with the API under /api).
export default defineConfig({
  base: '/portal/',
  plugins: [react(), tongbanUiBuild()],
  resolve: { conditions: ['tongban-source'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
