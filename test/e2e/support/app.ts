/**
 * Steps every e2e spec against the built app takes the same way: moving to a route, today's date
 * as the app shows it, and logging in to a sync server from Cài đặt → Đồng bộ.
 */
import { expect, type Page } from '@playwright/test';

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
