// Plain Vite for the renderer alone: web mode (`npm run web`), `npm run dev` (hot reload while
// working on the UI), the end-to-end tests and the benchmarks use it. The desktop build
// (electron.vite.config.ts) builds the same renderer.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import packageJson from './package.json' with { type: 'json' };

/**
 * The dev server injects React Refresh's inline preamble, which the page's strict CSP
 * (`script-src 'self'`) rightly blocks. Only while serving for development, drop the CSP meta;
 * every build keeps it.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'courtdesk:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  // The app's version, shown in Cài đặt (web mode has no main process to ask).
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version) },
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5179, strictPort: true },
});
