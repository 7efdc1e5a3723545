/**
 * The clerk's day, in web mode against the built app and a real sync server (seeded as `npm start`
 * seeds it): the clerk logs in and syncs, prepares the hearing-day pack from the calendar for a
 * day with hearings, goes offline (context.setOffline), prepares again: every hearing of the day
 * is "Sẵn sàng ngoại tuyến" and opens, offline, with its minutes template previewed from the case.
 * Then the reminders show on Hôm nay (and go through the notification path once), and the
 * caseload page (Số liệu) draws its charts and exports a CSV whose rows are the table's.
 */
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseCsv } from './support/csv.js';
import { startDevServer, type DevServer } from './support/dev-server.js';
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ timeout: 300_000 });

const COURT_ID = 'tand-kv1-vinhlong';
let server: DevServer | undefined;
let serverUrl: string;


test.beforeAll(async () => {
  server = await startDevServer('dayplan');
  serverUrl = server.url;
});

test.afterAll(async () => {
  await server?.stop();
});

async function openAndLogin(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('nav-settings').click();
  const form = page.getByTestId('sync-login');
  await form.getByTestId('sync-server-url').fill(serverUrl);
  await form.getByTestId('sync-court').fill(COURT_ID);
  await form.getByTestId('sync-user').fill('thuky');
  await form.getByTestId('sync-password').fill('thuky-demo');
  await form.getByTestId('sync-login-submit').click();
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-phase', 'synced', { timeout: 120_000 });
  await expect(status).toHaveAttribute('data-pending', '0');
}

/**
 * Prepares the pack for the given days (checkboxes of the calendar's week) and waits for the
 * verdicts. The panel offers only today and later days, so on a Sunday none of this week's days
 * is offered: then nothing is prepared and the answer is false.
 */
async function preparePack(page: Page, days: readonly string[]): Promise<boolean> {
  const panel = page.getByTestId('dayplan');
  let picked = 0;
  for (const box of await panel.locator('input[type="checkbox"]').all()) {
    const testId = (await box.getAttribute('data-testid')) ?? '';
    const wanted = days.includes(testId.replace('dayplan-day-', ''));
    if ((await box.isChecked()) !== wanted) await box.click();
    if (wanted) picked++;
  }
  if (picked === 0) return false;
  await panel.getByTestId('dayplan-prepare').click();
  await expect(panel.getByTestId('dayplan-summary')).toBeVisible({ timeout: 120_000 });
  return true;
}

async function openPanel(page: Page, week: string): Promise<void> {
  await page.evaluate((w) => {
    window.location.hash = `#/calendar?week=${w}`;
  }, week);
  await page.getByTestId('dayplan-launch').click();
  await expect(page.getByTestId('dayplan')).toBeVisible();
}


function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function mondayOf(date: Date): Date {
  const monday = new Date(date);
  monday.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return monday;
}

test('a prepared day works offline: every hearing ready, each opens with its minutes template', async ({ page, context }) => {
  await openAndLogin(page);

  // Find a court day with hearings that are all ready, this week or the next (the demo court lays
  // hearings out around today; a BPXLHC trial or an HC dialogue has no built-in minutes form and is
  // rightly "not ready", so a day with one of those is not the day this test drives).
  let chosen: { day: string; week: string; cases: string[] } | undefined;
  for (const offset of [0, 7, 14]) {
    const monday = mondayOf(new Date());
    monday.setDate(monday.getDate() + offset);
    const week = isoDay(monday);
    const days = Array.from({ length: 6 }, (_, i) => {
      const d = new Date(monday);
      d.setDate(monday.getDate() + i);
      return isoDay(d);
    });
    await openPanel(page, week);
    if (!(await preparePack(page, days))) continue;
    await expect(page.getByTestId('dayplan-sync')).toHaveAttribute('data-sync', 'synced');
    const items = page.getByTestId('dayplan-hearing');
    const byDay = new Map<string, { ready: boolean; caseId: string }[]>();
    for (const item of await items.all()) {
      const day = (await item.getAttribute('data-day')) ?? '';
      const list = byDay.get(day) ?? [];
      list.push({ ready: (await item.getAttribute('data-ready')) === 'true', caseId: (await item.getAttribute('data-case-id')) ?? '' });
      byDay.set(day, list);
    }
    const best = [...byDay].filter(([, list]) => list.length >= 2 && list.every((h) => h.ready)).sort((a, b) => b[1].length - a[1].length)[0];
    if (best) {
      chosen = { day: best[0], week, cases: best[1].map((h) => h.caseId) };
      break;
    }
  }
  expect(chosen, 'a day with at least two hearings, all ready, in the next three weeks').toBeDefined();
  const { day, week, cases } = chosen!;

  // The clerk prepares that day, then the network goes away.
  await openPanel(page, week);
  expect(await preparePack(page, [day])).toBe(true);
  await expect(page.getByTestId('dayplan-summary')).toHaveAttribute('data-total', String(cases.length));
  await context.setOffline(true);
  try {
    await page.getByTestId('dayplan-prepare').click();
    await expect(page.getByTestId('dayplan-sync')).toHaveAttribute('data-sync', 'skipped', { timeout: 60_000 });
    await expect(page.getByTestId('dayplan-sync')).toContainText('Đang ngoại tuyến');
    const summary = page.getByTestId('dayplan-summary');
    await expect(summary).toHaveAttribute('data-ready', String(cases.length));
    await expect(summary).toContainText(`${cases.length}/${cases.length} phiên sẵn sàng ngoại tuyến`);
    const items = page.getByTestId('dayplan-hearing');
    await expect(items).toHaveCount(cases.length);
    for (const item of await items.all()) {
      await expect(item.getByTestId('dayplan-verdict')).toHaveText('Sẵn sàng ngoại tuyến');
      await expect(item.getByTestId('dayplan-issue').and(item.locator('[data-severity="blocking"]'))).toHaveCount(0);
    }
    const templates = await items.getByTestId('dayplan-template').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-template-id') ?? ''));
    const caseIds = await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-case-id') ?? ''));

    // Every hearing opens offline, with its minutes template in "Soạn văn bản từ mẫu".
    for (let i = 0; i < caseIds.length; i += 1) {
      const templateId = templates[i]!;
      expect(templateId).not.toBe('');
      await page.evaluate((id) => {
        window.location.hash = `#/cases/${encodeURIComponent(id)}`;
      }, caseIds[i]!);
      await expect(page.getByTestId('case-file')).toBeVisible();
      await page.getByTestId('templates-toggle').click();
      const item = page.locator(`[data-testid="template-item"][data-template-id="${templateId}"]`);
      await expect(item).toBeVisible();
      await item.getByTestId('template-preview').click();
      const preview = page.getByTestId('document-preview');
      await expect(preview).toBeVisible();
      await expect(preview.getByTestId('preview-doc')).toContainText('BIÊN BẢN');
      await page.keyboard.press('Escape');
      await expect(preview).toBeHidden();
    }
  } finally {
    await context.setOffline(false);
  }
});

test('reminders show on Hôm nay with a count in the navigation, and are notified once; Số liệu draws charts and exports a CSV equal to its table', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await page.goto('/');
  await expect(page.getByTestId('local-status')).toContainText('300 vụ án', { timeout: 120_000 });

  // Reminders: computed from the local replica a few seconds after start.
  const panel = page.getByTestId('reminders');
  await expect(panel).toHaveAttribute('data-computed', 'true', { timeout: 60_000 });
  const total = Number(await panel.getAttribute('data-count'));
  await expect(panel.getByTestId('reminder')).toHaveCount(total);
  if (total > 0) await expect(page.getByTestId('reminder-count')).toHaveText(String(total));
  // Every current reminder went through the notification path once (remembered by id).
  const notified = await page.evaluate(() => JSON.parse(localStorage.getItem('courtdesk.reminders.notified') ?? '[]') as string[]);
  expect(notified).toHaveLength(total);
  await page.getByTestId('nav-caseload').click();
  await expect(page.getByTestId('caseload-open')).toBeVisible({ timeout: 60_000 });
  expect(Number((await page.getByTestId('caseload-open').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
  for (const chart of ['chart-open', 'chart-week']) {
    const canvas = page.getByTestId(chart).locator('canvas');
    await expect(canvas).toBeVisible();
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(50);
  }

  const card = page.getByTestId('caseload-table-open-cases');
  const domRows = await card.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())));
  const downloading = page.waitForEvent('download');
  await card.getByTestId('caseload-csv-open-cases').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Vụ án đang giải quyết theo loại và giai đoạn - Cả Tòa án - \d{4}-\d{2}-\d{2}\.csv$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-csv-')), download.suggestedFilename());
  await download.saveAs(file);
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvRows = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(csvRows).toEqual(domRows);
  expect(csvRows[0]?.[0]).toBe('Loại vụ án');
  expect(csvRows.at(-1)?.[0]).toBe('Tổng');
  await expect(page.getByTestId('caseload-status')).toContainText(`Đã xuất tệp ${download.suggestedFilename()}`);

  // The XLSX workbook downloads too (its content is checked by the unit and LibreOffice tests).
  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('caseload-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});
