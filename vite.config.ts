import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// React Fast Refresh injects an inline preamble in dev only; the built console keeps script-src 'self'.
const devCspForFastRefresh: Plugin = {
  name: 'hvlab-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

// The renderer bundle is the same for the desktop window and the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devCspForFastRefresh],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
