/**
 * Document bodies travel in backups, in web mode with Chromium's real IndexedDB: a clerk creates
 * the 48-DS minutes on one browser context and types a line (offline work, never synced), exports
 * a bundle; a fresh context (its own demo replica, which has never seen the minutes) reads a plan
 * that counts the document, restores, and opens the minutes with the typed line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { composeFromTemplate, findDemoCase, goHash } from './support/app.js';

test.describe.configure({ timeout: 300_000 });

const MINUTES = 'NQ01-2017/48-DS';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
}

test('the minutes typed on one replica are in its backup and restore into another', async ({ browser }) => {
  const { caseId } = findDemoCase<{ caseId: string }>('find-signing-case');
  const line = `Chủ tọa hỏi: các đương sự có yêu cầu gì khác không? (${Date.now()})`;

  const source = await browser.newContext({ acceptDownloads: true });
  const a = await source.newPage();
  await openDemo(a);
  const editor = await composeFromTemplate(a, caseId, MINUTES);
  const documentHash = await a.evaluate(() => window.location.hash);
  await editor.locator('p', { hasText: 'Hỏi và trả lời tại phiên tòa' }).first().click();
  await a.keyboard.press('End');
  await a.keyboard.press('Enter');
  await a.keyboard.type(line);
  await expect(editor).toContainText(line);
  await expect(a.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');

  await a.getByTestId('nav-settings').click();
  const downloading = a.waitForEvent('download');
  await a.getByTestId('backup-export').click();
  const download = await downloading;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-e2e-backup-bodies-'));
  const bundlePath = path.join(folder, 'saoluu.zip');
  await download.saveAs(bundlePath);
  await expect(a.getByTestId('backup-status')).toContainText(/Đã lưu bản sao lưu gồm 300 hồ sơ và [1-9]\d* văn bản/);
  await source.close();

  const target = await browser.newContext();
  const b = await target.newPage();
  await openDemo(b);
  await b.getByTestId('nav-settings').click();
  const chooser = b.waitForEvent('filechooser');
  await b.getByTestId('backup-restore').click();
  await (await chooser).setFiles(bundlePath);
  // The case gained the document's reference (merge); the minutes themselves are new here.
  await expect(b.getByTestId('backup-plan-cases')).toContainText('1 hồ sơ sẽ được gộp');
  await expect(b.getByTestId('backup-plan-documents')).toContainText(/[1-9]\d* văn bản mới/);
  await b.getByTestId('backup-confirm').click();
  await expect(b.getByTestId('backup-restored')).toContainText(/1 hồ sơ và [1-9]\d* văn bản được thêm mới hoặc gộp/, { timeout: 60_000 });

  await goHash(b, documentHash);
  await expect(b.getByTestId('editor-page')).toBeVisible({ timeout: 60_000 });
  await expect(b.getByTestId('editor-page')).toContainText(line);
  await target.close();
  fs.rmSync(folder, { recursive: true, force: true });
});
