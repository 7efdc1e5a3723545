/**
 * Documents from templates, in web mode against the built app (out/web): open a civil first-instance
 * case, preview the judgment (52-DS), export it as DOCX (a download: a zip that `validateDocx`
 * accepts, with the case's acceptance number and the national motto in word/document.xml), then
 * open the anonymised publication copy and check a natural person's full name became its initial
 * form (surname + middle name + initial) while the original keeps it.
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { validateDocx } from '../../shared/docx/index.js';
import { initialOf } from '../../shared/anonymise/index.js';
import { documentFileName } from '../../renderer/documents/file-name.js';

const DEMO_TIMEOUT = 90_000;
const JUDGMENT = 'NQ01-2017/52-DS';

test.describe.configure({ timeout: 180_000 });

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toContainText(
    'Đã nạp dữ liệu mẫu của Tòa án nhân dân khu vực 1 - Vĩnh Long (300 vụ án) để dùng thử.',
    { timeout: DEMO_TIMEOUT },
  );
  await expect(page.getByTestId('local-status')).toContainText('Dữ liệu trên máy: 300 vụ án');
}

/** The register filtered to civil cases (DS): their first-instance numbers end in TLST-DS. */
async function civilCaseIds(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    window.location.hash = '#/cases?type=DS';
  });
  const rows = page.getByTestId('case-row').filter({ hasText: 'TLST-DS' });
  await expect(rows.first()).toBeVisible();
  const ids: string[] = [];
  for (const row of await rows.all()) ids.push((await row.getAttribute('data-case-id')) ?? '');
  return ids.filter((id) => id !== '');
}

async function openCase(page: Page, caseId: string): Promise<string> {
  await page.evaluate((id) => {
    window.location.hash = `#/cases/${encodeURIComponent(id)}`;
  }, caseId);
  await expect(page.getByTestId('case-file')).toBeVisible();
  return ((await page.getByTestId('case-number').textContent()) ?? '').trim();
}

async function openTemplates(page: Page) {
  await page.getByTestId('templates-toggle').click();
  const item = page.getByTestId('template-item').and(page.locator(`[data-template-id="${JUDGMENT}"]`));
  await expect(item).toBeVisible();
  return item;
}

/** Natural persons of the case file ("Sinh năm" is shown for people only), full names of 3+ words. */
async function personNames(page: Page): Promise<string[]> {
  const names = await page.getByTestId('party').filter({ hasText: 'Sinh năm' }).getByTestId('party-name').allTextContents();
  return names.map((n) => n.trim()).filter((n) => n.split(/\s+/).length >= 3);
}

/** "Nguyễn Văn Ánh" → "Nguyễn Văn A" (docs/DOCX.md, publication copy rule 2). */
function initialForm(name: string): string {
  const words = name.split(/\s+/);
  const given = words.pop() ?? '';
  return [...words, initialOf(given)].join(' ');
}

test('preview and export the civil judgment as a valid court-format DOCX', async ({ page }) => {
  await openApp(page);
  const [caseId] = await civilCaseIds(page);
  expect(caseId).toBeDefined();
  const number = await openCase(page, caseId ?? '');
  expect(number).toMatch(/^\d+\/\d{4}\/TLST-DS$/);

  const item = await openTemplates(page);
  await expect(item).toContainText('Bản án sơ thẩm');
  await expect(item).toContainText(JUDGMENT);
  // Only civil-side templates serve a DS case.
  await expect(page.locator('[data-testid="template-item"][data-template-id$="-HS"]')).toHaveCount(0);

  await item.getByTestId('template-preview').click();
  const preview = page.getByTestId('document-preview');
  await expect(preview).toBeVisible();
  const sheet = preview.getByTestId('preview-doc');
  await expect(sheet.getByTestId('doc-header')).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(sheet).toContainText(number);
  // Section headings are real headings (bold, their own line), as in the printed form.
  await expect(sheet.getByRole('heading', { name: 'NỘI DUNG VỤ ÁN:' })).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'QUYẾT ĐỊNH:' })).toBeVisible();
  await expect(sheet.getByTestId('doc-signature')).toBeVisible();
  // Missing fields are visible markers, counted in the banner.
  const missing = Number(await preview.getByTestId('preview-missing').getAttribute('data-count'));
  await expect(sheet.getByTestId('doc-missing')).toHaveCount(missing);
  if (missing > 0) await expect(sheet.getByTestId('doc-missing').first()).toContainText('[thiếu: ');

  const downloading = page.waitForEvent('download');
  await preview.getByTestId('preview-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(documentFileName(JUDGMENT, number));
  const path = join(await mkdtemp(join(tmpdir(), 'courtdesk-docx-')), download.suggestedFilename());
  await download.saveAs(path);
  await expect(preview.getByTestId('documents-status')).toContainText(`Đã xuất tệp ${download.suggestedFilename()}`);

  const bytes = new Uint8Array(await readFile(path));
  expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
  const check = validateDocx(bytes);
  expect(check.ok, check.ok ? '' : check.error.detail).toBe(true);
  const xmlBytes = unzipSync(bytes)['word/document.xml'];
  expect(xmlBytes).toBeDefined();
  const xml = new TextDecoder().decode(xmlBytes);
  expect(xml).toContain(number);
  expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
});

test('the publication copy hides a party name behind its initials and lists the replacement', async ({ page }) => {
  await openApp(page);
  const ids = await civilCaseIds(page);
  let found: { name: string; number: string } | undefined;
  for (const id of ids.slice(0, 15)) {
    const number = await openCase(page, id);
    const [name] = await personNames(page);
    if (name) {
      found = { name, number };
      break;
    }
  }
  expect(found, 'a civil case with a natural-person party').toBeDefined();
  const { name } = found ?? { name: '' };

  const item = await openTemplates(page);
  await item.getByTestId('template-publication').click();
  const dialog = page.getByTestId('publication-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('publication-deadline')).toContainText('30 ngày kể từ ngày có hiệu lực pháp luật');
  await expect(dialog.getByTestId('publication-deadline')).toContainText('03/2017/NQ-HĐTP');

  const original = dialog.getByTestId('publication-original');
  const anonymised = dialog.getByTestId('publication-anonymised');
  await expect(anonymised).toBeVisible();
  await expect(original).toContainText(name);
  const anonymisedText = (await anonymised.textContent()) ?? '';
  expect(anonymisedText).not.toContain(name);
  expect(anonymisedText).toContain(initialForm(name));
  // The review list names the replacement.
  const row = dialog.getByTestId('replacement-row').filter({ hasText: name }).first();
  await expect(row).toContainText(initialForm(name));
  await expect(row).toHaveAttribute('data-kind', 'person');

  // The exported copy does not carry the name either.
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('publication-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-cong-bo\.docx$/);
  const path = join(await mkdtemp(join(tmpdir(), 'courtdesk-docx-')), download.suggestedFilename());
  await download.saveAs(path);
  const bytes = new Uint8Array(await readFile(path));
  expect(validateDocx(bytes).ok).toBe(true);
  const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
  expect(xml).not.toContain(name);
  expect(xml).toContain(initialForm(name));
});
