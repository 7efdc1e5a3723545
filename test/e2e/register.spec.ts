/**
 * The clerk's core path in web mode, against the built app (out/web) in real Chromium:
 * first start loads the demo court → find a case by a party's name typed without diacritics →
 * correct that party's address offline → reload → the correction is still there. Plus: search by
 * case number, a refused edit keeps the dialog and the input, and the week's hearing calendar.
 *
 * Every test gets a fresh browser context, hence an empty IndexedDB and a fresh demo load.
 */
import { expect, test, type Page } from '@playwright/test';
import { foldVietnamese } from '../../shared/text/fold.js';

const DEMO_TIMEOUT = 90_000;

// The first start imports the 300-case demo into real IndexedDB: allow for it on a 2-core machine.
test.describe.configure({ timeout: 150_000 });

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toContainText(
    'Đã nạp dữ liệu mẫu của Tòa án nhân dân khu vực 1 - Vĩnh Long (300 vụ án) để dùng thử.',
    { timeout: DEMO_TIMEOUT },
  );
  await expect(page.getByTestId('local-status')).toContainText('Dữ liệu trên máy: 300 vụ án');
}

async function openRegister(page: Page): Promise<void> {
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-row').first()).toBeVisible();
}

/** A principal party's name that carries diacritics, from the register's visible rows. */
async function pickAccentedPartyName(page: Page): Promise<string> {
  const summaries = await page.getByTestId('case-row').locator('.parties').allTextContents();
  for (const summary of summaries) {
    for (const name of summary.split(/\s+[–-]\s+/)) {
      const trimmed = name.replace(/\s*\(.*\)$/, '').trim();
      if (trimmed.split(' ').length >= 2 && foldVietnamese(trimmed) !== trimmed.toLowerCase()) return trimmed;
    }
  }
  throw new Error(`No accented party name among ${summaries.length} rows`);
}

function partyCard(page: Page, name: string) {
  return page.getByTestId('party').filter({ has: page.getByTestId('party-name').getByText(name, { exact: true }) }).first();
}

test('find a case by a party name without diacritics, correct the address, and keep it after a reload', async ({ page }) => {
  await openApp(page);
  await openRegister(page);
  const name = await pickAccentedPartyName(page);
  const folded = foldVietnamese(name);
  expect(folded).not.toBe(name);

  const search = page.getByTestId('case-search');
  await expect(search).toHaveAttribute('placeholder', 'Tìm theo số thụ lý, đương sự, nội dung…');
  await search.fill(folded);
  await expect(page).toHaveURL(/q=/);
  const row = page.getByTestId('case-row').filter({ hasText: name }).first();
  await expect(row).toBeVisible();
  await expect(page.getByTestId('match-count')).toContainText('vụ án');
  const rowCount = await page.getByTestId('case-row').count();
  expect(rowCount).toBeLessThan(300);

  await row.click();
  await expect(page.getByTestId('case-file')).toBeVisible();
  const card = partyCard(page, name);
  await expect(card).toBeVisible();
  await card.getByTestId('party-edit').click();

  const dialog = page.getByTestId('party-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Họ và tên', { exact: true })).toHaveValue(name);
  const newAddress = `Số 27 đường Phạm Thái Bường, Phường 4, tỉnh Vĩnh Long (sửa ${Date.now()})`;
  await dialog.getByLabel('Địa chỉ', { exact: true }).fill(newAddress);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('party-address')).toHaveText(newAddress);

  const caseUrl = page.url();
  await page.reload();
  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByTestId('case-file')).toBeVisible({ timeout: DEMO_TIMEOUT });
  await expect(partyCard(page, name).getByTestId('party-address')).toHaveText(newAddress);
  // The reload reopened the same replica: no second demo import.
  await expect(page.getByTestId('local-status')).toContainText('Dữ liệu trên máy: 300 vụ án');

  // Back (Esc) returns to the register with the search still applied.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('case-search')).toHaveValue(folded);
});

test('search by case number finds exactly that case', async ({ page }) => {
  await openApp(page);
  await openRegister(page);
  const number = (await page.getByTestId('case-row').nth(3).locator('.case-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^\d+\/\d{4}\/TL/);
  await page.keyboard.press('/');
  await expect(page.getByTestId('case-search')).toBeFocused();
  await page.keyboard.type(number);
  await expect(page.getByTestId('case-row').first().locator('.case-number')).toHaveText(number);
  await expect(page.getByTestId('match-count')).toHaveText('1 vụ án');
  // Enter in the search box opens the first match: keyboard only.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-number')).toHaveText(number);
});

test('an empty name is refused in Vietnamese and the dialog keeps what was typed', async ({ page }) => {
  await openApp(page);
  await openRegister(page);
  await page.getByTestId('case-row').first().click();
  await expect(page.getByTestId('case-file')).toBeVisible();
  // A person (shown with a year of birth), so the form also has the "Năm sinh" field.
  const card = page.getByTestId('party').filter({ hasText: 'Sinh năm' }).first();
  const originalAddress = (await card.getByTestId('party-address').textContent()) ?? '';
  const originalName = (await card.getByTestId('party-name').textContent()) ?? '';
  await card.getByTestId('party-edit').click();

  const dialog = page.getByTestId('party-dialog');
  const address = 'Ấp Phước Hanh, xã Long Hồ, tỉnh Vĩnh Long';
  await dialog.getByLabel('Địa chỉ', { exact: true }).fill(address);
  await dialog.getByLabel('Họ và tên', { exact: true }).fill('');
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(dialog.getByTestId('form-error')).toContainText('không được để trống');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Địa chỉ', { exact: true })).toHaveValue(address);

  await dialog.getByLabel('Họ và tên', { exact: true }).fill(originalName);
  await dialog.getByLabel('Năm sinh', { exact: true }).fill('19x5');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByTestId('form-error')).toContainText('Năm sinh phải là một số');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Họ và tên', { exact: true })).toHaveValue(originalName);

  // Esc cancels without saving: the case keeps its original data.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('party-address')).toHaveText(originalAddress);
});

test("the calendar shows this week's hearings and opens a case from one", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Alt+3');
  await expect(page).toHaveURL(/#\/calendar/);
  const grid = page.getByTestId('week-grid');
  await expect(grid).toBeVisible();
  await expect(grid.locator('section')).toHaveCount(6);
  await expect(grid.locator('h2').first()).toContainText('Thứ Hai');
  await expect(grid.locator('h2').last()).toContainText('Thứ Bảy');
  await expect(page.getByTestId('calendar-range')).toContainText('phiên tòa, phiên họp trong tuần');
  const items = page.getByTestId('hearing-item');
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  await expect(page.getByTestId('calendar-range')).toContainText(`${count} phiên tòa, phiên họp trong tuần`);

  const number = (await items.first().locator('.hearing-number').textContent())?.trim().split(' ')[0] ?? '';
  await items.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-number')).toHaveText(number);

  // Back returns to the same week.
  await page.goBack();
  await expect(page.getByTestId('week-grid')).toBeVisible();
});
