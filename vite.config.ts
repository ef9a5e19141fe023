import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle is the same for the desktop window and the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
