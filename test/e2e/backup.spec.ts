/**
 * Backup in web mode: one browser context corrects a party's address and exports a bundle (a
 * download); a fresh context (its own demo replica) restores it through the file chooser after
 * reading the plan, keeps its 300 cases, and shows the correction. A damaged copy is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ timeout: 240_000 });

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
}

test('a bundle exported from one replica restores into another without losing anything', async ({ browser }) => {
  const address = `Số 9 đường Sao Lưu, phường Khôi Phục (${Date.now()})`;
  const source = await browser.newContext({ acceptDownloads: true });
  const a = await source.newPage();
  await openDemo(a);
  await a.getByTestId('nav-cases').click();
  await a.getByTestId('case-row').first().click();
  await expect(a.getByTestId('case-file')).toBeVisible();
  const caseUrl = a.url();
  const party = a.getByTestId('party').first();
  await party.getByTestId('party-edit').click();
  const dialog = a.getByTestId('party-dialog');
  await dialog.getByLabel('Địa chỉ', { exact: true }).fill(address);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(party.getByTestId('party-address')).toHaveText(address);

  await a.getByTestId('nav-settings').click();
  const downloading = a.waitForEvent('download');
  await a.getByTestId('backup-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^courtdesk-saoluu-[a-z0-9-]+-\d{8}-\d{4}\.zip$/);
  // Our own temp folder: Playwright's output folder is emptied by any other run on this machine.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-e2e-backup-'));
  const bundlePath = path.join(folder, 'saoluu.zip');
  await download.saveAs(bundlePath);
  await expect(a.getByTestId('backup-status')).toContainText('Đã lưu bản sao lưu gồm 300 hồ sơ');
  await source.close();

  const target = await browser.newContext();
  const b = await target.newPage();
  await openDemo(b);
  await b.getByTestId('nav-settings').click();
  await expect(b.getByTestId('replica-info')).toContainText('300');

  // A damaged copy: refused in Vietnamese, nothing planned.
  const bytes = fs.readFileSync(bundlePath);
  const damaged = Buffer.from(bytes);
  const middle = Math.floor(damaged.length / 2);
  damaged[middle] = damaged[middle]! ^ 0xff;
  let chooser = b.waitForEvent('filechooser');
  await b.getByTestId('backup-restore').click();
  await (await chooser).setFiles({ name: 'hong.zip', mimeType: 'application/zip', buffer: damaged });
  await expect(b.getByTestId('backup-error')).toContainText(/Tệp sao lưu bị hỏng|không phải tệp sao lưu Courtdesk/);
  await expect(b.getByTestId('backup-plan')).toHaveCount(0);

  chooser = b.waitForEvent('filechooser');
  await b.getByTestId('backup-restore').click();
  await (await chooser).setFiles(bundlePath);
  const plan = b.getByTestId('backup-plan');
  await expect(plan).toContainText('0 hồ sơ mới');
  await expect(plan).toContainText('1 hồ sơ sẽ được gộp');
  await expect(plan).toContainText('299 hồ sơ đã có đủ');
  await b.getByTestId('backup-confirm').click();
  await expect(b.getByTestId('backup-restored')).toBeVisible({ timeout: 60_000 });
  await expect(b.getByTestId('replica-info')).toContainText('300');

  await b.goto(caseUrl);
  await expect(b.getByTestId('case-file')).toBeVisible();
  await expect(b.getByTestId('party-address').getByText(address, { exact: true })).toBeVisible();
  await target.close();
  fs.rmSync(folder, { recursive: true, force: true });
});
