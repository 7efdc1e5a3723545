/**
 * A finalised judgment and its anonymised copy, from the UI (issue #6), in web mode against the
 * built app and a real sync server (demo accounts linked to the demo court's staff):
 *
 * the presiding judge (thamphan = s-judge-01) logs in, registers this device's signing key, drafts
 * the judgment of one of her cases in the editor, writes a line naming a person the rules do not
 * know, and signs as chủ tọa on behalf of the panel: the judgment is finalised. Its DOCX export
 * holds the typed line. The publication review then uses THAT document's signed content (the
 * dialog says so, with the SHA-256), the judge rejects one proposed line, adds the unknown name,
 * and adds one that is not in the text (listed as "không còn trong văn bản"); the exports are
 * checked: the anonymised DOCX (names reduced, officers kept, the signed hash named, validateDocx),
 * the signed original (signature note with the same hash), and the decisions JSON. The decisions
 * survive closing the dialog and reloading the app.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { initialOf } from '../../shared/anonymise/index.js';
import { validateDocx } from '../../shared/docx/index.js';
import { composeFromTemplate, findDemoCase, goHash, loginToServer } from './support/app.js';
import { docxText } from './support/docx-text.js';
import { startDevServer, type DevServer } from './support/dev-server.js';

test.describe.configure({ timeout: 300_000 });

const COURT_ID = 'tand-kv1-vinhlong';
/** A person no party list knows: only the judge's addition can reduce the name. */
const UNKNOWN = 'Bùi Văn Thử';
const TYPED = `Ghi chú kiểm thử: ông ${UNKNOWN} có mặt tại phiên tòa.`;
/** An addition whose original is nowhere in the judgment: kept, shown as stale, never applied. */
const ABSENT = 'Đoàn Thị Vắng Mặt';
let server: DevServer | undefined;
let serverUrl: string;


test.beforeAll(async () => {
  server = await startDevServer('publication-finalised');
  serverUrl = server.url;
});

test.afterAll(async () => {
  await server?.stop();
});

async function login(page: Page, user: string, password: string): Promise<void> {
  await loginToServer(page, { serverUrl, court: COURT_ID, user, password });
}



function initialForm(name: string): string {
  const words = name.split(/\s+/);
  const given = words.pop() ?? '';
  return [...words, initialOf(given)].join(' ');
}

async function saved(download: Download): Promise<Uint8Array> {
  const path = join(await mkdtemp(join(tmpdir(), 'courtdesk-pubfinal-')), download.suggestedFilename());
  await download.saveAs(path);
  return new Uint8Array(await readFile(path));
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: await saved(download) };
}


const customProperties = (bytes: Uint8Array): string => new TextDecoder().decode(unzipSync(bytes)['docProps/custom.xml'] ?? new Uint8Array());

/** Types an original and takes the form's own proposal (surname + middle name + initial) as its replacement. */
async function addReplacement(dialog: Locator, original: string): Promise<void> {
  await dialog.getByTestId('publication-add-original').fill(original);
  await dialog.getByTestId('publication-add-original').press('Tab');
  await expect(dialog.getByTestId('publication-add-replacement')).toHaveValue(initialForm(original));
  await dialog.getByTestId('publication-add').click();
}

async function openPublication(page: Page, caseId: string, templateId: string) {
  await goHash(page, `#/cases/${caseId}`);
  await expect(page.getByTestId('case-file')).toBeVisible({ timeout: 60_000 });
  const toggle = page.getByTestId('templates-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator(`[data-testid="template-item"][data-template-id="${templateId}"]`).getByTestId('template-publication').click();
  const dialog = page.getByTestId('publication-dialog');
  await expect(dialog.getByTestId('publication-anonymised')).toBeVisible({ timeout: 30_000 });
  return dialog;
}

test('the signed judgment, its anonymised copy and the review decisions kept on the case', async ({ page }) => {
  const { caseId, templateId, persons, presiding } = findDemoCase<{ caseId: string; templateId: string; persons: string[]; presiding: string }>('find-judgment-case');

  page.on('pageerror', (error) => console.log(`[page error] ${error.message}\n${error.stack ?? ''}`));
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
  await login(page, 'thamphan', 'thamphan-demo');
  const card = page.getByTestId('device-key-card');
  await card.getByTestId('device-key-name').fill('Máy tính thẩm phán');
  await card.getByTestId('device-key-register').click();
  await expect(card.getByTestId('device-key-status')).toHaveAttribute('data-registered', 'yes', { timeout: 30_000 });

  // Draft the judgment from the case and write a line only the drafted document has.
  const editor = await composeFromTemplate(page, caseId, templateId);
  await editor.locator('p', { hasText: 'Vì các lẽ trên' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(TYPED);
  await expect(editor).toContainText(TYPED);

  // The chủ tọa signs on behalf of the panel: the judgment is finalised.
  const panel = page.getByTestId('signing-panel');
  await panel.getByTestId('signing-sign').click();
  await expect(panel.getByTestId('signing-finalised')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('editor-screen')).toHaveAttribute('data-status', 'finalised');
  await expect(page.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');

  // Its DOCX from the editor: the drafted text, a valid package, the signature note (hash below).
  const exported = await downloadOf(page, () => page.getByTestId('editor-export').click());
  expect(validateDocx(exported.bytes).ok).toBe(true);
  expect(docxText(exported.bytes)).toContain(TYPED);
  expect(docxText(exported.bytes)).toContain('Văn bản đã hoàn tất và được ký:');

  // The publication review uses the signed judgment, and says so.
  let dialog = await openPublication(page, caseId, templateId);
  const source = dialog.getByTestId('publication-source');
  await expect(source).toHaveAttribute('data-kind', 'document');
  await expect(source).toHaveAttribute('data-status', 'finalised');
  const hash = (await source.getAttribute('data-hash')) ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(source).toContainText(hash);
  expect(docxText(exported.bytes)).toContain(`Mã băm SHA-256 của nội dung đã ký: ${hash}`);
  expect(customProperties(exported.bytes)).toContain(hash);
  const anonymised = dialog.getByTestId('publication-anonymised');
  await expect(anonymised).toContainText(`ông ${UNKNOWN} có mặt`);

  // Reject one proposed line (a non-person line when there is one, else the last person line).
  const rows = dialog.getByTestId('replacement-row');
  await expect(rows.first()).toBeVisible();
  const others = rows.and(page.locator(':not([data-kind="person"])'));
  const rejected = (await others.count()) > 0 ? others.first() : rows.and(page.locator('[data-kind="person"]')).last();
  const rejectedOriginal = (await rejected.getAttribute('data-original')) ?? '';
  expect(rejectedOriginal).not.toBe('');
  await rejected.getByTestId('replacement-toggle').uncheck();
  await expect(rows.and(page.locator(`[data-original="${rejectedOriginal}"]`))).toHaveAttribute('data-status', 'rejected');

  // Add the unknown name, and one that is not in the text.
  await addReplacement(dialog, UNKNOWN);
  await addReplacement(dialog, ABSENT);
  await expect(rows.and(page.locator('[data-status="added"]'))).toHaveAttribute('data-original', UNKNOWN);
  await expect(rows.and(page.locator('[data-status="stale"]'))).toHaveAttribute('data-original', ABSENT);
  await expect(anonymised).toContainText(`ông ${initialForm(UNKNOWN)} có mặt`);
  await expect(dialog.getByTestId('publication-review-saved')).toHaveAttribute('data-error', 'no');
  await expect(dialog.getByTestId('publication-review-saved')).toContainText('thamphan');

  // The anonymised DOCX: names reduced, officers kept, the signed content named by its hash.
  const copy = await downloadOf(page, () => dialog.getByTestId('publication-export').click());
  expect(copy.name).toMatch(/-cong-bo\.docx$/);
  expect(validateDocx(copy.bytes).ok).toBe(true);
  const copyText = docxText(copy.bytes);
  expect(copyText).toContain(`ông ${initialForm(UNKNOWN)} có mặt`);
  expect(copyText).not.toContain(UNKNOWN);
  expect(copyText).toContain(rejectedOriginal);
  expect(copyText).toContain(presiding);
  expect(copyText).toContain(`Mã băm SHA-256 của nội dung đã ký: ${hash}`);
  expect(copyText).toContain('được tạo từ văn bản đã ký');
  expect(customProperties(copy.bytes)).toContain(hash);

  // The signed original: the typed line, the signature note and the same hash.
  const original = await downloadOf(page, () => dialog.getByTestId('publication-export-signed').click());
  expect(validateDocx(original.bytes).ok).toBe(true);
  const originalText = docxText(original.bytes);
  expect(originalText).toContain(TYPED);
  expect(originalText).toContain('Văn bản đã hoàn tất và được ký:');
  expect(originalText).toContain(presiding);
  expect(originalText).toContain(`Mã băm SHA-256 của nội dung đã ký: ${hash}`);

  const mentioned = persons.filter((name) => originalText.includes(name) && name !== rejectedOriginal);
  expect(mentioned.length, `a party of ${persons.join(', ')} in the judgment`).toBeGreaterThan(0);
  for (const name of mentioned) {
    expect(copyText).not.toContain(name);
    expect(copyText).toContain(initialForm(name));
  }

  // The decisions as JSON, the shape `npm run anonymize -- --decisions` reads.
  const json = await downloadOf(page, () => dialog.getByTestId('publication-export-decisions').click());
  expect(json.name).toMatch(/-cong-bo-quyet-dinh\.json$/);
  const file = JSON.parse(new TextDecoder().decode(json.bytes)) as { format: string; source: { contentHash: string }; rejected: { original: string }[]; added: { original: string }[] };
  expect(file.format).toBe('courtdesk.publication-decisions');
  expect(file.source.contentHash).toBe(hash);
  expect(file.rejected.map((r) => r.original)).toContain(rejectedOriginal);
  expect(file.added.map((a) => a.original)).toEqual([UNKNOWN, ABSENT]);

  // Close and reopen: the decisions are still there.
  const expectDecisions = async () => {
    const again = page.getByTestId('publication-dialog');
    const lines = again.getByTestId('replacement-row');
    await expect(lines.and(page.locator(`[data-original="${rejectedOriginal}"]`))).toHaveAttribute('data-status', 'rejected');
    await expect(lines.and(page.locator('[data-status="added"]'))).toHaveAttribute('data-original', UNKNOWN);
    await expect(lines.and(page.locator('[data-status="stale"]'))).toHaveAttribute('data-original', ABSENT);
    await expect(again.getByTestId('publication-anonymised')).toContainText(`ông ${initialForm(UNKNOWN)} có mặt`);
  };
  await dialog.getByRole('button', { name: 'Đóng', exact: true }).first().click();
  await expect(dialog).toBeHidden();
  dialog = await openPublication(page, caseId, templateId);
  await expectDecisions();

  // Removing the stale decision is saved too.
  await dialog.locator('[data-testid="replacement-row"][data-status="stale"]').getByTestId('replacement-remove-stale').click();
  await expect(dialog.locator('[data-testid="replacement-row"][data-status="stale"]')).toHaveCount(0);
  await addReplacement(dialog, ABSENT);
  await expect(dialog.locator('[data-testid="replacement-row"][data-status="stale"]')).toHaveCount(1);

  // Reload: still there.
  await page.reload();
  await openPublication(page, caseId, templateId);
  await expect(page.getByTestId('publication-source')).toHaveAttribute('data-hash', hash);
  await expectDecisions();
});
