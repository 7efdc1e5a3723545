/**
 * Signed packs from court IT reach the clerk's app: against a real sync server (demo court and
 * accounts, as `npm start`), the clerk logs in and adds court IT's public key in Settings; court IT
 * publishes a newer judgment template with `npm run templates -- publish`; on the next sync the
 * app installs it and the case file offers the new version. Then a pack with one flipped byte
 * appears on the server (stored behind the server's back): the app refuses it with the Vietnamese
 * reason shown in Settings and keeps the pack it has.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startDevServer, type DevServer } from './support/dev-server.js';
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ timeout: 240_000, mode: 'serial' });

const COURT_ID = 'tand-kv1-vinhlong';
const JUDGMENT = 'NQ01-2017/52-DS';
const PACK_NAME = 'Bộ mẫu TAND khu vực 1 - Vĩnh Long';
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
let server: DevServer | undefined;
let serverUrl: string;
let dataDir: string;
let keysDir: string;
let page: Page;


function run(script: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, script, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: stdout, err: stderr });
    });
  });
}

test.beforeAll(async ({ browser }) => {
  server = await startDevServer('packs', async (folder) => {
    keysDir = path.join(folder, 'court-it');
    const made = await run('test/e2e/support/make-packs.ts', 'keys', keysDir);
    expect(made.code, made.err).toBe(0);
    // The server trusts court IT's key through the data folder's pack-keys/ (docs/TEMPLATES.md §7).
    fs.mkdirSync(path.join(folder, 'pack-keys'));
    fs.copyFileSync(path.join(keysDir, 'key.pub'), path.join(folder, 'pack-keys', 'court-it.pub'));
  });
  serverUrl = server.url;
  dataDir = server.dataDir;
  page = await (await browser.newContext()).newPage();
});

test.afterAll(async () => {
  await page?.context().close();
  await server?.stop();
});

async function syncNow(): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', { timeout: 60_000 });
}

/** The judgment of the first civil case, as the templates card offers it. */
async function offeredJudgment() {
  await page.evaluate(() => {
    window.location.hash = '#/cases?type=DS';
  });
  const row = page.getByTestId('case-row').filter({ hasText: 'TLST-DS' }).first();
  await expect(row).toBeVisible();
  const caseId = (await row.getAttribute('data-case-id')) ?? '';
  await page.evaluate((id) => {
    window.location.hash = `#/cases/${encodeURIComponent(id)}`;
  }, caseId);
  await expect(page.getByTestId('case-file')).toBeVisible();
  await page.getByTestId('templates-toggle').click();
  const items = page.getByTestId('template-item').and(page.locator(`[data-template-id="${JUDGMENT}"]`));
  await expect(items).toHaveCount(1);
  return items;
}

test('a newer pack published on the server reaches the app on the next sync and is offered for the case', async () => {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('nav-settings').click();
  const form = page.getByTestId('sync-login');
  await form.getByTestId('sync-server-url').fill(serverUrl);
  await form.getByTestId('sync-court').fill(COURT_ID);
  await form.getByTestId('sync-user').fill('thuky');
  await form.getByTestId('sync-password').fill('thuky-demo');
  await form.getByTestId('sync-login-submit').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', { timeout: 90_000 });

  // Before: the built-in judgment, no key trusted yet.
  const packs = page.getByTestId('packs-settings');
  await expect(packs.getByTestId('packs-none')).toBeVisible({ timeout: 30_000 });
  await expect(packs.getByTestId('packs-no-keys')).toBeVisible();
  await packs.getByTestId('packs-key-input').fill(fs.readFileSync(path.join(keysDir, 'key.pub'), 'utf8'));
  await packs.getByTestId('packs-key-add').click();
  await expect(packs.getByTestId('packs-keys')).toBeVisible();
  await expect(await offeredJudgment()).toContainText('phiên bản 1.0.0');

  // Court IT publishes with the CLI, as an admin account.
  const published = await run('scripts/templates.ts', 'publish', '--pack', path.join(keysDir, 'pack.json'), '--server', serverUrl, '--court', COURT_ID, '--user', 'quantri', '--password', 'quantri-demo');
  expect(published.code, published.err).toBe(0);

  await syncNow();
  const row = page.getByTestId('pack-row').and(page.locator('[data-version="2026.1"]'));
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(PACK_NAME);
  await expect(row).toContainText(serverUrl);
  await expect(page.getByTestId('packs-last-check')).toContainText(`đã cài ${PACK_NAME} 2026.1`);

  const judgment = await offeredJudgment();
  await expect(judgment).toContainText('phiên bản 2.0.0');
  // The new version's text is what the preview shows.
  await judgment.getByTestId('template-preview').click();
  await expect(page.getByText('Phiên tòa được ghi âm, ghi hình theo quy định.')).toBeVisible();
});

test('a tampered pack on the server is refused with the reason shown, and the installed pack stays', async () => {
  const tampered = await run('test/e2e/support/make-packs.ts', 'tamper', keysDir, dataDir, COURT_ID);
  expect(tampered.code, tampered.err).toBe(0);

  await page.goto('/');
  await syncNow();
  const refusal = page.getByTestId('packs-refused');
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(refusal).toContainText(`${PACK_NAME} 2026.2: Bộ mẫu bị từ chối`);
  await expect(refusal).toContainText('Các gói đang dùng vẫn được giữ nguyên.');
  await expect(page.getByTestId('pack-row')).toHaveCount(1);
  await expect(page.getByTestId('pack-row')).toHaveAttribute('data-version', '2026.1');
  await expect(await offeredJudgment()).toContainText('phiên bản 2.0.0');
});
