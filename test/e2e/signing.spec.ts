/**
 * Signing and finalisation end to end, in web mode against the built app and a real sync server
 * (demo accounts linked to the demo court's staff, seeded as `npm start` does):
 *
 * the clerk (thuky = s-clerk-01) registers this device's signing key, creates the 48-DS minutes of
 * a case presided by thamphan (s-judge-01), writes, and signs as thư ký; the presiding judge logs
 * in and signs as chủ tọa: the document is finalised and read-only; verification says "Hợp lệ";
 * the clerk, back, cannot edit, and can only append a correction.
 *
 * The first test runs both signers on one device, one after the other (the key store is per
 * account, so each signs with their own key) and covers corrections and history; the second runs
 * them on two devices (two browser contexts, two replicas): the judge's device gets the document
 * from the court server, and the clerk's open editor turns read-only as the signature arrives.
 */
import { composeFromTemplate, findDemoCase, goHash, loginToServer, openTwoDevices } from './support/app.js';
import { startDevServer, type DevServer } from './support/dev-server.js';
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ timeout: 300_000 });

const COURT_ID = 'tand-kv1-vinhlong';
const MINUTES = 'NQ01-2017/48-DS';
let server: DevServer | undefined;
let serverUrl: string;

test.beforeAll(async () => {
  server = await startDevServer('signing');
  serverUrl = server.url;
});

test.afterAll(async () => {
  await server?.stop();
});

async function login(page: Page, user: string, password: string): Promise<void> {
  await loginToServer(page, { serverUrl, court: COURT_ID, user, password });
}

async function registerKey(page: Page, deviceName: string): Promise<void> {
  const card = page.getByTestId('device-key-card');
  await card.getByTestId('device-key-name').fill(deviceName);
  await card.getByTestId('device-key-register').click();
  await expect(card.getByTestId('device-key-status')).toHaveAttribute('data-registered', 'yes', { timeout: 30_000 });
  await expect(card.getByTestId('device-key-status')).toContainText(deviceName);
}

test('the clerk and the presiding judge sign the minutes; the document is final, valid and read-only', async ({ page }) => {
  const { caseId } = findDemoCase<{ caseId: string }>('find-signing-case');

  page.on('pageerror', (error) => console.log(`[page error] ${error.message}\n${error.stack ?? ''}`));
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
  await login(page, 'thuky', 'thuky-demo');
  await registerKey(page, 'Laptop thư ký phòng xử án 2');

  // The clerk creates the minutes and writes a line.
  const editor = await composeFromTemplate(page, caseId, MINUTES);
  const documentHash = await page.evaluate(() => window.location.hash);
  await editor.locator('p', { hasText: 'Hỏi và trả lời tại phiên tòa' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Chủ tọa hỏi: Các đương sự có thỏa thuận được với nhau không?');
  await expect(editor).toContainText('Các đương sự có thỏa thuận được với nhau không?');

  // The clerk signs as thư ký; the chủ tọa has not signed yet.
  const panel = page.getByTestId('signing-panel');
  await expect(panel.locator('[data-testid="signing-signer"][data-capacity="clerk"]')).toHaveAttribute('data-state', 'unsigned');
  await panel.getByTestId('signing-sign').click();
  await expect(panel.locator('[data-testid="signing-signer"][data-capacity="clerk"]')).toHaveAttribute('data-state', 'signed', { timeout: 15_000 });
  await expect(panel.locator('[data-testid="signing-signer"][data-capacity="presidingJudge"]')).toHaveAttribute('data-state', 'unsigned');
  await expect(page.getByTestId('editor-screen')).toHaveAttribute('data-status', 'draft');
  await expect(page.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');

  // The presiding judge logs in on this device, registers a key and signs as chủ tọa.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('sync-logout').click();
  await login(page, 'thamphan', 'thamphan-demo');
  await registerKey(page, 'Máy tính thẩm phán');
  await goHash(page, documentHash);
  await expect(editor).toContainText('Các đương sự có thỏa thuận được với nhau không?', { timeout: 30_000 });
  await expect(panel.locator('[data-testid="signing-signer"][data-capacity="clerk"]')).toHaveAttribute('data-state', 'signed');
  await panel.getByTestId('signing-sign').click();
  await expect(panel.getByTestId('signing-finalised')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('editor-screen')).toHaveAttribute('data-status', 'finalised');
  await expect(editor).toHaveAttribute('contenteditable', 'false');

  // Anyone can verify: "Hợp lệ".
  await panel.getByTestId('signing-tab-verify').click();
  await panel.getByTestId('signing-verify').click();
  await expect(panel.getByTestId('signing-result')).toHaveAttribute('data-status', 'valid', { timeout: 15_000 });
  await expect(panel.getByTestId('signing-result')).toContainText('Hợp lệ');
  await expect(panel.getByTestId('signing-check')).toHaveCount(2);

  // History: created by the editor or not, each signature recorded a version.
  await panel.getByTestId('signing-tab-history').click();
  await expect(panel.locator('[data-testid="history-entry"][data-reason="signed"]')).toHaveCount(2);
  await expect(panel.getByTestId('history-restore')).toHaveCount(0);

  // The clerk, back, cannot edit; a correction is appended, attributed and dated.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('sync-logout').click();
  await login(page, 'thuky', 'thuky-demo');
  await goHash(page, documentHash);
  await expect(page.getByTestId('editor-screen')).toHaveAttribute('data-status', 'finalised', { timeout: 30_000 });
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  const before = await editor.innerText();
  await editor.locator('p', { hasText: 'Các đương sự có thỏa thuận' }).first().click();
  await page.keyboard.type('SỬA TRÁI PHÉP');
  expect(await editor.innerText()).toBe(before);
  await panel.getByTestId('signing-tab-sign').click();
  await expect(panel.getByTestId('signing-sign')).toHaveCount(0);
  await panel.getByTestId('signing-correction-text').fill('Dòng "Các đương sự có thỏa thuận" ghi thiếu: "được với nhau hay không".');
  await panel.getByTestId('signing-add-correction').click();
  await expect(panel.getByTestId('signing-correction')).toHaveCount(1);
  await expect(panel.getByTestId('signing-correction')).toContainText('thuky');

  // Verification still holds: a correction is not a change of the signed content.
  await panel.getByTestId('signing-tab-verify').click();
  await panel.getByTestId('signing-verify').click();
  await expect(panel.getByTestId('signing-result')).toHaveAttribute('data-status', 'valid', { timeout: 15_000 });
  await expect(panel.getByTestId('signing-result')).toContainText('Hợp lệ');
});

test('two devices: the clerk signs on his, the presiding judge on hers; the clerk then cannot edit', async ({ browser }) => {
  const { caseId } = findDemoCase<{ caseId: string }>('find-signing-case');
  const { clerk, judge, close } = await openTwoDevices(browser);
  try {
    await login(clerk, 'thuky', 'thuky-demo');
    await registerKey(clerk, 'Laptop thư ký');
    await login(judge, 'thamphan', 'thamphan-demo');
    await registerKey(judge, 'Máy thẩm phán');

    const clerkEditor = await composeFromTemplate(clerk, caseId, MINUTES);
    const documentHash = await clerk.evaluate(() => window.location.hash);
    await clerkEditor.locator('p', { hasText: 'Hỏi và trả lời tại phiên tòa' }).first().click();
    await clerk.keyboard.press('End');
    await clerk.keyboard.press('Enter');
    await clerk.keyboard.type('Thư ký ghi trên máy của mình.');
    const clerkPanel = clerk.getByTestId('signing-panel');
    await clerkPanel.getByTestId('signing-sign').click();
    await expect(clerkPanel.locator('[data-testid="signing-signer"][data-capacity="clerk"]')).toHaveAttribute('data-state', 'signed', { timeout: 15_000 });
    await expect(clerk.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');

    // The judge's device gets the document from the court server (catch-up), opens and signs it.
    const judgeEditor = judge.getByTestId('editor-page');
    await expect(async () => {
      await goHash(judge, '#/settings');
      await judge.getByTestId('sync-now').click();
      await expect(judge.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', { timeout: 10_000 });
      await goHash(judge, documentHash);
      await expect(judgeEditor).toContainText('Thư ký ghi trên máy của mình.', { timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    const judgePanel = judge.getByTestId('signing-panel');
    await expect(judgePanel.locator('[data-testid="signing-signer"][data-capacity="clerk"]')).toHaveAttribute('data-state', 'signed', { timeout: 15_000 });
    await judgePanel.getByTestId('signing-sign').click();
    await expect(judgePanel.getByTestId('signing-finalised')).toBeVisible({ timeout: 15_000 });
    await judgePanel.getByTestId('signing-tab-verify').click();
    await judgePanel.getByTestId('signing-verify').click();
    await expect(judgePanel.getByTestId('signing-result')).toHaveAttribute('data-status', 'valid', { timeout: 15_000 });

    // The clerk's open editor becomes read-only as the judge's signature arrives.
    await expect(clerk.getByTestId('editor-screen')).toHaveAttribute('data-status', 'finalised', { timeout: 60_000 });
    await expect(clerkEditor).toHaveAttribute('contenteditable', 'false');
    await clerkPanel.getByTestId('signing-tab-verify').click();
    await clerkPanel.getByTestId('signing-verify').click();
    await expect(clerkPanel.getByTestId('signing-result')).toContainText('Hợp lệ', { timeout: 15_000 });
  } finally {
    await close();
  }
});
