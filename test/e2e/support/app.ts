/**
 * Steps every e2e spec against the built app takes the same way: moving to a route, today's date
 * as the app shows it, finding the demo case a scenario needs, opening the app on one or two
 * devices, and logging in to a sync server from Cài đặt → Đồng bộ.
 */
import { spawnSync } from 'node:child_process';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** Moves the app to a hash route without reloading it. */
export async function goHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** `YYYY-MM-DD` of the machine's local day (the app's "today"). */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ServerLogin {
  readonly serverUrl: string;
  readonly court: string;
  readonly user: string;
  readonly password: string;
}

/** Logs in from Cài đặt and waits for the identity and the end of the first catch-up. */
export async function loginToServer(page: Page, login: ServerLogin): Promise<void> {
  await page.getByTestId('nav-settings').click();
  const form = page.getByTestId('sync-login');
  await form.getByTestId('sync-server-url').fill(login.serverUrl);
  await form.getByTestId('sync-court').fill(login.court);
  await form.getByTestId('sync-user').fill(login.user);
  await form.getByTestId('sync-password').fill(login.password);
  await form.getByTestId('sync-login-submit').click();
  await expect(page.getByTestId('sync-identity')).toContainText(login.user);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', { timeout: 90_000 });
}

/**
 * Today's demo case for a scenario, found in Node by a script of test/e2e/support that reads the
 * same demo court the app loads: `find-signing-case` (a hearing today, minutes to sign) or
 * `find-judgment-case` (a judgment to draft). Fails the test with the script's error.
 */
export function findDemoCase<T extends { caseId: string }>(script: 'find-signing-case' | 'find-judgment-case'): T {
  const found = spawnSync(process.execPath, ['--import', 'tsx', `test/e2e/support/${script}.ts`, localDay()], { encoding: 'utf8' });
  expect(found.status, found.stderr).toBe(0);
  return JSON.parse(found.stdout) as T;
}

/** Opens the app on a page and waits until the demo court is loaded (the first start). */
export async function openApp(page: Page): Promise<void> {
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
}

/** Two devices (browser contexts), the clerk's and the judge's, each with the app open. */
export async function openTwoDevices(browser: Browser): Promise<{ clerk: Page; judge: Page; close(): Promise<void> }> {
  const clerkContext = await browser.newContext();
  const judgeContext = await browser.newContext();
  const close = async () => {
    await clerkContext.close();
    await judgeContext.close();
  };
  try {
    const clerk = await clerkContext.newPage();
    const judge = await judgeContext.newPage();
    for (const page of [clerk, judge]) await openApp(page);
    return { clerk, judge, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * From the case file, "Soạn văn bản" from a template: the new draft opens in the editor. Answers
 * the editor's page. The case-file check waits out the route change before the toggle is clicked.
 */
export async function composeFromTemplate(page: Page, caseId: string, templateId: string): Promise<Locator> {
  await goHash(page, `#/cases/${caseId}`);
  await expect(page.getByTestId('case-file')).toBeVisible();
  await page.getByTestId('templates-toggle').click();
  await page.locator(`[data-testid="template-item"][data-template-id="${templateId}"]`).getByTestId('template-compose').click();
  const editor = page.getByTestId('editor-page');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  return editor;
}
