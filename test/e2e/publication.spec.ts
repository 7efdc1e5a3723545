/**
 * The publication review and record, in web mode against the built app: from a civil case, open
 * the judgment's publication copy, reject one proposed replacement (its original text comes back
 * in the copy), add one from a selection in the original (applied everywhere), export the DOCX
 * (a download) and read word/document.xml: the added replacement is there, the replaced names are
 * not. Then record the legal-effect date (the 30-day limit shows) and a decision not to publish
 * with its reason, and find both on the case after a reload.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { initialOf } from '../../shared/anonymise/index.js';
import { validateDocx } from '../../shared/docx/index.js';
import { docxText } from './support/docx-text.js';

const DEMO_TIMEOUT = 90_000;
const JUDGMENT = 'NQ01-2017/52-DS';

test.describe.configure({ timeout: 240_000 });

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('local-status')).toContainText('Dữ liệu trên máy: 300 vụ án', { timeout: DEMO_TIMEOUT });
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.evaluate((id) => {
    window.location.hash = `#/cases/${encodeURIComponent(id)}`;
  }, caseId);
  await expect(page.getByTestId('case-file')).toBeVisible();
}

function initialForm(name: string): string {
  const words = name.split(/\s+/);
  const given = words.pop() ?? '';
  return [...words, initialOf(given)].join(' ');
}


/** A civil case whose judgment names a natural-person party and a panel member (for the addition). */
async function pickCase(page: Page): Promise<{ id: string; officer: string }> {
  await page.evaluate(() => {
    window.location.hash = '#/cases?type=DS';
  });
  const rows = page.getByTestId('case-row').filter({ hasText: 'TLST-DS' });
  await expect(rows.first()).toBeVisible();
  const ids = (await Promise.all((await rows.all()).slice(0, 25).map((r) => r.getAttribute('data-case-id')))).filter((id): id is string => !!id);
  for (const id of ids) {
    await openCase(page, id);
    const people = await page.getByTestId('party').filter({ hasText: 'Sinh năm' }).count();
    const officers = (await page.getByTestId('panel').locator('dd').allTextContents()).map((n) => n.trim()).filter((n) => n.split(/\s+/).length >= 3);
    if (people > 0 && officers[0]) return { id, officer: officers[0] };
  }
  throw new Error('no civil case with a natural-person party and a panel among the first 25');
}

test('review the publication copy, export it, and record the decision on the case', async ({ page }) => {
  await openApp(page);
  const { id, officer } = await pickCase(page);

  await page.getByTestId('templates-toggle').click();
  const item = page.getByTestId('template-item').and(page.locator(`[data-template-id="${JUDGMENT}"]`));
  await item.getByTestId('template-publication').click();
  const dialog = page.getByTestId('publication-dialog');
  const anonymised = dialog.getByTestId('publication-anonymised');
  await expect(anonymised).toBeVisible();
  const rows = dialog.getByTestId('replacement-row');
  await expect(rows.first()).toBeVisible();

  // Every line comes with the sentence around each mention.
  await expect(rows.first().getByTestId('replacement-context').first()).toContainText((await rows.first().getAttribute('data-original')) ?? '');

  // Reject one line: a non-person line when there is one, else the last person line.
  const others = rows.and(page.locator(':not([data-kind="person"])'));
  const rejected = (await others.count()) > 0 ? others.first() : rows.and(page.locator('[data-kind="person"]')).last();
  const rejectedOriginal = (await rejected.getAttribute('data-original')) ?? '';
  expect(rejectedOriginal).not.toBe('');
  await rejected.getByTestId('replacement-toggle').uncheck();
  await expect(rejected).toHaveAttribute('data-status', 'rejected');
  await expect(anonymised).toContainText(rejectedOriginal);

  // The names still replaced: every accepted person line.
  const personRows = rows.and(page.locator('[data-kind="person"][data-status="accepted"]'));
  const replacedNames = await Promise.all((await personRows.all()).map(async (r) => (await r.getAttribute('data-original')) ?? ''));
  expect(replacedNames.length).toBeGreaterThan(0);

  // Add one: select the officer's name in the original and take the selection.
  await expect(anonymised).toContainText(officer);
  const selected = await dialog.getByTestId('publication-original').evaluate((root, name) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(name) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + name.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return true;
      }
    }
    return false;
  }, officer);
  expect(selected, `the officer's name "${officer}" in one text node of the original`).toBe(true);
  await dialog.getByTestId('publication-use-selection').click();
  await expect(dialog.getByTestId('publication-add-original')).toHaveValue(officer);
  await expect(dialog.getByTestId('publication-add-replacement')).toHaveValue(initialForm(officer));
  await dialog.getByTestId('publication-add').click();
  const added = rows.and(page.locator('[data-status="added"]'));
  await expect(added).toHaveCount(1);
  await expect(added).toHaveAttribute('data-original', officer);
  await expect(anonymised).not.toContainText(officer);
  await expect(anonymised).toContainText(initialForm(officer));

  // Export: the DOCX follows the decisions.
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('publication-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-cong-bo\.docx$/);
  const path = join(await mkdtemp(join(tmpdir(), 'courtdesk-publication-')), download.suggestedFilename());
  await download.saveAs(path);
  const bytes = new Uint8Array(await readFile(path));
  expect(validateDocx(bytes).ok).toBe(true);
  const text = docxText(bytes);
  expect(text).toContain(initialForm(officer));
  expect(text).not.toContain(officer);
  expect(text).toContain(rejectedOriginal);
  for (const name of replacedNames) {
    expect(text).not.toContain(name);
    expect(text).toContain(initialForm(name));
  }
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).first().click();
  await expect(dialog).toBeHidden();

  // Record the legal-effect date: the 30-day limit shows on the case.
  const section = page.getByTestId('publication-section');
  await expect(section.getByTestId('publication-state')).toHaveAttribute('data-state', 'notDue');
  await section.getByTestId('publication-record').click();
  const record = page.getByTestId('publication-record-dialog');
  await record.getByTestId('publication-legal-effect').fill('2026-01-05');
  await record.getByTestId('publication-decision-pending').check();
  await record.getByTestId('publication-decided-by').fill('Thẩm phán Kiểm Thử');
  await record.getByRole('button', { name: 'Lưu' }).click();
  await expect(record).toBeHidden();
  await expect(section.getByTestId('publication-state')).toHaveAttribute('data-state', 'pending');
  await expect(section.getByTestId('publication-due')).toContainText('04/02/2026');
  await expect(section.getByTestId('publication-due')).toContainText('Nghị quyết 03/2017/NQ-HĐTP');

  // Then decide not to publish, with a reason.
  await section.getByTestId('publication-record').click();
  await record.getByTestId('publication-decision-notToPublish').check();
  await record.getByTestId('publication-reason-BI_MAT_KINH_DOANH').check();
  await record.getByRole('button', { name: 'Lưu' }).click();
  await expect(record).toBeHidden();
  await expect(section.getByTestId('publication-state')).toHaveAttribute('data-state', 'notToPublish');

  // After a reload the decision, its reason, who and the date are still on the case.
  await page.reload();
  await openCase(page, id);
  const after = page.getByTestId('publication-section');
  await expect(after.getByTestId('publication-state')).toHaveAttribute('data-state', 'notToPublish');
  await expect(after.getByTestId('publication-state')).toContainText('Không công bố');
  await expect(after.getByTestId('publication-reasons-shown').locator('[data-reason="BI_MAT_KINH_DOANH"]')).toContainText('bí quyết kinh doanh');
  await expect(after.getByTestId('publication-decided')).toContainText('Thẩm phán Kiểm Thử');
  await expect(after.getByTestId('publication-legal-effect-date')).toContainText('05/01/2026');
});
