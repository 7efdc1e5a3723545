/**
 * "Chỉ các văn bản chưa đồng bộ" in web mode with Chromium's real IndexedDB: the button sits next
 * to the full export, saves a `-chua-dong-bo.zip` bundle holding every case doc and only the
 * bodies the server has not acknowledged (the demo replica never synced, so all of its bodies),
 * says so to the clerk, and the bundle states the scope in its manifest.
 */
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test.describe.configure({ timeout: 240_000 });

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
}

test('the unsynced-only export holds every case file and the unsynced documents', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await openDemo(page);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('backup-card')).toContainText('chỉ các văn bản chưa có trên máy chủ của tòa');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('backup-export-pending').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^courtdesk-saoluu-.+-\d{8}-\d{4}-chua-dong-bo\.zip$/);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-e2e-backup-scope-'));
  try {
    const bundlePath = path.join(folder, 'saoluu.zip');
    await download.saveAs(bundlePath);
    await expect(page.getByTestId('backup-exported')).toContainText(/Đã lưu bản sao lưu gồm 300 hồ sơ và \d+ văn bản chưa đồng bộ \(0 văn bản đã có trên máy chủ của tòa không nằm trong tệp\)/);

    const entries = unzipSync(new Uint8Array(fs.readFileSync(bundlePath)));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { counts: Record<string, number>; docs: { docId: string }[] };
    expect(manifest.counts['cases']).toBe(300);
    // Never synced: nothing is on the server, so nothing was left out.
    expect(manifest.counts['documentsOnServer']).toBe(0);
    expect(manifest.docs.filter((d) => d.docId.startsWith('case:'))).toHaveLength(300);
    expect(manifest.docs.filter((d) => d.docId.startsWith('doc:'))).toHaveLength(manifest.counts['documents']!);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
    await context.close();
  }
});
