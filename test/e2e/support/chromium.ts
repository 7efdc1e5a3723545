/**
 * How Courtdesk starts Chromium for end-to-end tests and benchmarks: the Debian package, not a
 * Playwright download (this machine has no route to the Playwright CDN; toolchain.md §2d).
 * One module so the test runner (playwright.config.ts) and the bench (bench/node/) cannot drift.
 *
 * `CHROMIUM_PATH` overrides the executable, e.g. on a developer machine with Chrome elsewhere.
 */
import type { LaunchOptions } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep a headless run quiet and deterministic: no sandbox (root in CI), no GPU,
 * and no background traffic (component updates, sync, QUIC) on an offline machine. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS],
};
