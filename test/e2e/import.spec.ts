/**
 * Bad input in Cài đặt: a corrupt file and a foreign JSON file are refused with a Vietnamese
 * message, and the replica keeps every case it had (DESIGN: "never loses data").
 */
import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 150_000 });

test('a corrupt or foreign court file is refused in Vietnamese and nothing is lost', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('nav-settings').click();
  const info = page.getByTestId('replica-info');
  await expect(info).toContainText('300');

  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "courtdesk.court", "cases": [') });
  await expect(page.getByText('Tệp này không phải JSON hợp lệ.')).toBeVisible();

  await fileInput.setInputFiles({
    name: 'khac.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'other.app', formatVersion: 7, cases: [] })),
  });
  await expect(page.getByText(/Không nhập được tệp: .*Không phải tệp dữ liệu Tòa án của Courtdesk/)).toBeVisible();

  // Still every case, and the register still opens them.
  await expect(info).toContainText('300');
  await page.reload();
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  await expect(page.getByText('300 vụ án').first()).toBeVisible();
});
