// Builds the bench page (bench/browser) to out/bench. The driver serves it at /bench/ on the
// same origin as the app build (out/web), so the data it loads is the data the app then opens.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'browser'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../out/bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // Readable stacks when a scenario throws inside the page.
    sourcemap: true,
    minify: false,
  },
});
