// End-to-end tests. The `web` project drives the renderer build (out/web, built by
// `npm test` before Playwright runs) in the Debian Chromium; the `electron` project holds the
// tests that start the desktop app through Playwright's `_electron` and launch it themselves.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/chromium.js';

/**
 * A fixed port: IndexedDB is per origin, and a test that reloads must find its data. The
 * environment may move it (and the served build) so that two checkouts can run e2e side by side.
 */
export const E2E_PORT = Number(process.env.COURTDESK_E2E_PORT ?? 4179);
const E2E_WEB_DIR = process.env.COURTDESK_E2E_WEB_DIR ?? 'out/web';
const RUN_SUFFIX = process.env.COURTDESK_E2E_PORT === undefined ? '' : `-${E2E_PORT}`;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  // Not test-results/ itself: Playwright empties its outputDir, and vitest.json lives there.
  outputDir: `test-results/playwright-artifacts${RUN_SUFFIX}`,
  reporter: [['list'], ['json', { outputFile: `test-results/playwright${RUN_SUFFIX}.json` }]],
  webServer: {
    command: `node scripts/serve-static.mjs ${E2E_WEB_DIR} ${E2E_PORT}`,
    url: `${E2E_BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  projects: [
    {
      name: 'web',
      testIgnore: ['electron/**', 'support/**'],
      use: {
        browserName: 'chromium',
        baseURL: E2E_BASE_URL,
        launchOptions: chromiumLaunchOptions,
        trace: 'retain-on-failure',
      },
    },
    {
      // No browser launch options here: these tests start Electron, not Chromium.
      name: 'electron',
      testMatch: 'electron/**/*.@(spec|test).?(c|m)[jt]s?(x)',
    },
  ],
});
