// The desktop build (`npm run build:desktop`): main, preload and renderer from our top-level zone
// folders, each entry explicit (electron-vite's defaults expect src/…). Builds without the Electron
// binary (toolchain.md §2e).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const ROOT = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      // Runtime `dependencies` (electron-updater) stay external and ship in app.asar; everything
      // else (zod, shared/) is bundled.
      externalizeDeps: true,
      outDir: resolve(ROOT, 'out/main'),
      rolldownOptions: { input: { index: resolve(ROOT, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron` and a few built-ins: bundle everything into
      // ONE CommonJS file (a sandboxed preload cannot be ESM).
      externalizeDeps: false,
      outDir: resolve(ROOT, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(ROOT, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(ROOT, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(ROOT, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { index: resolve(ROOT, 'renderer/index.html') } },
    },
  },
});
