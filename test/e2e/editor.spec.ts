/**
 * The document editor and the clerk's hearing mode, in web mode against the built app, in
 * Debian Chromium with its real IndexedDB:
 *
 * 1. A clerk opens a case with today's hearing OFFLINE, creates the 48-DS minutes from the case
 *    file, records presence from the checklist, stamps every phase and uses speaker hotkeys and
 *    the quick palette through the hearing, closes it, and the content survives a reload.
 * 2. The crash test: type, wait a second, SIGKILL the browser process, relaunch on the same
 *    profile: the text typed a second before the kill is there (DESIGN: a crash loses ≤ 1 s).
 *
 * Web mode fetches the editor's chunk from the server the first time it is used (the desktop app
 * serves it from disk), so test 1 loads it once before the network goes away.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import { goHash } from './support/app.js';
import { chromiumLaunchOptions } from './support/chromium.js';
import { E2E_BASE_URL } from '../../playwright.config.js';

const DEMO_TIMEOUT = 120_000;
const MINUTES = 'NQ01-2017/48-DS';

test.describe.configure({ timeout: 300_000 });

async function waitForDemo(page: Page): Promise<void> {
  await expect(page.getByTestId('local-status')).toContainText('Dữ liệu trên máy: 300 vụ án', { timeout: DEMO_TIMEOUT });
}


/** Loads the templates and editor chunks while online (the templates card of a case; an unknown document). */
async function warmChunks(page: Page): Promise<void> {
  await goHash(page, '#/cases');
  await page.getByTestId('case-row').first().click();
  await expect(page.getByTestId('case-file')).toBeVisible();
  await page.getByTestId('templates-toggle').click();
  await expect(page.getByTestId('template-item').first()).toBeVisible({ timeout: 30_000 });
  await goHash(page, '#/cases/warm-up/documents/warm-up');
  await expect(page.getByText('Không mở được văn bản')).toBeVisible({ timeout: 30_000 });
}

/** Opens today's civil hearings one by one until a case offers the 48-DS minutes; returns its number. */
async function openCaseWithTodaysCivilHearing(page: Page): Promise<string> {
  await goHash(page, '#/today');
  const items = page.getByTestId('hearing-item').filter({ hasText: 'TLST-DS' });
  await expect(items.first()).toBeVisible({ timeout: 30_000 });
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    await goHash(page, '#/today');
    await page.getByTestId('hearing-item').filter({ hasText: 'TLST-DS' }).nth(i).click();
    await expect(page.getByTestId('case-file')).toBeVisible();
    await page.getByTestId('templates-toggle').click();
    const item = page.locator(`[data-testid="template-item"][data-template-id="${MINUTES}"]`);
    await expect(page.getByTestId('template-item').first()).toBeVisible();
    if ((await item.count()) > 0) return ((await page.getByTestId('case-number').textContent()) ?? '').trim();
  }
  throw new Error('No case with a civil hearing today offers the 48-DS minutes');
}

/** Puts the cursor at the end of the paragraph that contains `text`. */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor-page').locator('p', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

test('a clerk takes the 48-DS minutes of today\'s hearing offline with hearing mode', async ({ page, context }) => {
  await page.goto('/');
  await waitForDemo(page);
  await warmChunks(page);
  await context.setOffline(true);

  const number = await openCaseWithTodaysCivilHearing(page);
  expect(number).toMatch(/TLST-DS$/);
  await page.locator(`[data-testid="template-item"][data-template-id="${MINUTES}"]`).getByTestId('template-compose').click();
  const editor = page.getByTestId('editor-page');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('editor-title')).toHaveText('Biên bản phiên tòa sơ thẩm');
  await expect(editor).toContainText('BIÊN BẢN PHIÊN TÒA SƠ THẨM');
  await expect(editor).toContainText(number);
  await expect(page.getByTestId('hearing-panel')).toBeVisible();

  // Attendance at the opening: the second person summoned is absent, with the reason.
  await page.getByTestId('attendance-open').click();
  const rows = page.getByTestId('attendance-row');
  await expect(rows.first()).toBeVisible();
  const people = await rows.count();
  expect(people).toBeGreaterThanOrEqual(2);
  await rows.nth(1).getByTestId('attendance-present').uncheck();
  await rows.nth(1).getByTestId('attendance-reason').fill('ốm, có giấy xác nhận');
  await page.getByTestId('attendance-save').click();
  await expect(editor).toContainText('vắng mặt (lý do: ốm, có giấy xác nhận).');
  await expect(editor.locator('p', { hasText: ': có mặt.' })).toHaveCount(people - 1);
  await expect(page.getByTestId('hearing-panel')).toContainText(`Đã điểm danh ${people} người`);

  // The hearing, keyboard only, from section IV of the form.
  await cursorAfter(page, 'Hỏi và trả lời tại phiên tòa');
  await page.keyboard.press('Alt+Shift+Digit1');
  await expect(editor).toContainText('Thẩm phán - Chủ tọa phiên tòa khai mạc phiên tòa lúc');
  await page.keyboard.press('Alt+Shift+Digit2');
  await expect(editor).toContainText('Tiến hành phần thủ tục bắt đầu phiên tòa lúc');
  await page.keyboard.press('Alt+Shift+Digit3');
  await expect(editor).toContainText('Tiến hành phần tranh tụng tại phiên tòa lúc');
  await page.keyboard.press('Alt+Digit1');
  await page.keyboard.type('Nguyên đơn có giữ nguyên yêu cầu khởi kiện không?');
  await expect(editor).toContainText('Chủ tọa hỏi: Nguyên đơn có giữ nguyên yêu cầu khởi kiện không?');
  // Still in the editor: Alt+1 did not switch to the Hôm nay screen.
  await expect(page.getByTestId('editor-screen')).toBeVisible();

  // The quick palette: type to filter, Enter inserts the turn.
  await page.keyboard.press('Control+Shift+Space');
  await expect(page.getByTestId('speaker-palette')).toBeVisible();
  await page.getByTestId('palette-input').fill('nguyen don tra loi');
  const firstTurn = ((await page.getByTestId('palette-item').first().textContent()) ?? '').trim();
  expect(firstTurn).toMatch(/^Nguyên đơn .+ trả lời:$/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('speaker-palette')).toBeHidden();
  await page.keyboard.type('Tôi giữ nguyên yêu cầu khởi kiện.');
  await expect(editor).toContainText(`${firstTurn} Tôi giữ nguyên yêu cầu khởi kiện.`);

  // A quick phrase of the clerk's own, through the palette.
  await page.getByTestId('phrase-input').fill('Đương sự xác nhận đã nhận đủ tài liệu.');
  await page.getByTestId('phrase-add').click();
  await cursorAfter(page, 'Tôi giữ nguyên yêu cầu khởi kiện.');
  await page.keyboard.press('Alt+Digit1');
  await page.keyboard.press('Control+Shift+Space');
  await page.getByTestId('palette-input').fill('nhan du tai lieu');
  await page.keyboard.press('Enter');
  await expect(editor).toContainText('Chủ tọa hỏi: Đương sự xác nhận đã nhận đủ tài liệu.');

  for (const [key, sentence] of [
    ['Alt+Shift+Digit8', 'Phiên tòa tạm nghỉ lúc'],
    ['Alt+Shift+Digit9', 'Phiên tòa tiếp tục lúc'],
    ['Alt+Shift+Digit4', 'Tiến hành phần tranh luận lúc'],
    ['Alt+Shift+Digit6', 'Hội đồng xét xử vào phòng nghị án lúc'],
    ['Alt+Shift+Digit7', 'Thẩm phán - Chủ tọa phiên tòa đọc bản án.'],
    ['Alt+Shift+Digit0', 'Phiên tòa kết thúc vào hồi'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(editor).toContainText(sentence);
  }
  await expect(page.getByTestId('hearing-closed')).toBeVisible();
  const stamped = page.locator('[data-testid="moment-button"].cd-stamped');
  await expect(stamped).toHaveCount(9); // every moment of a civil hearing (no "lời nói sau cùng")
  await expect(page.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');

  // Back online, the app restarts: the minutes are there, listed in the case file.
  const before = (await editor.innerText()).trim();
  await page.waitForTimeout(1200);
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('editor-page')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('editor-page')).toContainText('Tôi giữ nguyên yêu cầu khởi kiện.');
  expect((await page.getByTestId('editor-page').innerText()).trim()).toBe(before);
  await expect(page.getByTestId('hearing-closed')).toBeVisible();
  await page.getByRole('button', { name: /Hồ sơ vụ án/ }).click();
  await expect(page.getByTestId('document-link').filter({ hasText: 'Biên bản phiên tòa sơ thẩm' })).toHaveCount(1);
});

/** The pid of the browser process (not its renderers) started with this profile directory. */
function browserPid(userDataDir: string): number {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  for (const line of out.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.includes(`--user-data-dir=${userDataDir}`) || trimmed.includes('--type=')) continue;
    return Number(trimmed.split(/\s+/)[0]);
  }
  throw new Error(`No browser process for ${userDataDir}`);
}

test('a crash mid-typing loses at most the last second', async () => {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-e2e-crash-'));
  try {
    const first = await chromium.launchPersistentContext(userDataDir, { ...chromiumLaunchOptions, baseURL: E2E_BASE_URL });
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto('/');
    await waitForDemo(page);
    await openCaseWithTodaysCivilHearing(page);
    await page.locator(`[data-testid="template-item"][data-template-id="${MINUTES}"]`).getByTestId('template-compose').click();
    const editor = page.getByTestId('editor-page');
    await expect(editor).toBeVisible({ timeout: 30_000 });
    const hash = await page.evaluate(() => window.location.hash);
    await cursorAfter(page, 'Hỏi và trả lời tại phiên tòa');
    await page.keyboard.press('Alt+Digit1');
    const kept = 'Bị đơn có đồng ý trả số tiền vay còn lại cho nguyên đơn không?';
    await page.keyboard.type(kept);
    await page.waitForTimeout(1000);
    // Mid-sentence: these keystrokes are younger than a second when the process dies.
    await page.keyboard.type(' Tôi');
    process.kill(browserPid(userDataDir), 'SIGKILL');
    await first.close().catch(() => undefined);

    const second = await chromium.launchPersistentContext(userDataDir, { ...chromiumLaunchOptions, baseURL: E2E_BASE_URL });
    try {
      const again = second.pages()[0] ?? (await second.newPage());
      await again.goto(`/${hash}`);
      await expect(again.getByTestId('editor-page')).toBeVisible({ timeout: 60_000 });
      await expect(again.getByTestId('editor-page')).toContainText(`Chủ tọa hỏi: ${kept}`);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
