/**
 * Opening a document renders and lays it out ONCE (renderer/editor/create-editor.ts), in web mode
 * against the built app in Debian Chromium with its real IndexedDB:
 *
 * a judgment is composed from its template, written in, closed and opened again from the case
 * file. While it opens, a MutationObserver counts the blocks ProseMirror removes from the page:
 * the old mount (`@tiptap/react`'s EditorContent) rendered the document, then threw every block
 * away and rendered it again, and TipTap's stylesheet was injected after the first layout, so
 * the whole page was laid out a second time. The page must also keep the style TipTap's sheet
 * gave it (now in editor.css), so nothing looks different.
 *
 * Online, the live room appears right after the open: the colleague's caret must show, and the
 * editor must not be built a second time for it (the carets join the running editor).
 */
import { expect, test, type Page } from '@playwright/test';
import { composeFromTemplate, findDemoCase, goHash, loginToServer, openTwoDevices } from './support/app.js';
import { startDevServer, type DevServer } from './support/dev-server.js';

test.describe.configure({ timeout: 240_000 });

interface Seen {
  removedBlocks: number;
  removedPages: number;
}

/** From now on, counts the blocks removed from the editor page and the pages removed whole. */
async function watchEditorPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Seen = { removedBlocks: 0, removedPages: 0 };
    (window as unknown as { __openSeen: Seen }).__openSeen = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        // Blocks live in the page's parts (one editing host per part of the body, document-parts.ts).
        if (record.target instanceof HTMLElement && record.target.dataset['testid'] === 'editor-part') seen.removedBlocks += record.removedNodes.length;
        for (const node of record.removedNodes) if (node instanceof HTMLElement && node.querySelector('[data-testid="editor-page"]')) seen.removedPages += 1;
        for (const node of record.removedNodes) if (node instanceof HTMLElement && node.dataset['testid'] === 'editor-page') seen.removedPages += 1;
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function seenOnEditorPage(page: Page): Promise<Seen> {
  return page.evaluate(() => ({ ...(window as unknown as { __openSeen: Seen }).__openSeen }));
}

test('a judgment opens with one render of its blocks and TipTap\'s page style from editor.css', async ({ page }) => {
  const { caseId, templateId } = findDemoCase<{ caseId: string; templateId: string }>('find-judgment-case');

  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto('/');
  await expect(page.getByTestId('local-status')).toContainText('Dữ liệu trên máy: 300 vụ án', { timeout: 120_000 });

  const editor = await composeFromTemplate(page, caseId, templateId);
  const documentId = await page.getByTestId('editor-screen').getAttribute('data-document-id');
  expect(documentId).toBeTruthy();
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Đã mở lại.');
  await expect(editor).toContainText('Đã mở lại.');

  // Back to the case file, then open the document again with the observer in place.
  await goHash(page, `#/cases/${caseId}`);
  await expect(page.getByTestId('case-file')).toBeVisible();
  await watchEditorPage(page);
  await page.locator(`[data-testid="document-link"][data-document-id="${documentId}"]`).click();
  await expect(editor).toContainText('Đã mở lại.', { timeout: 30_000 });
  // Let everything the screen does after the open (field refresh, signing panel) happen.
  await page.waitForTimeout(1000);
  // The judgment is one part (short documents stay in `body`): its editing host holds the blocks.
  const part = editor.getByTestId('editor-part');
  await expect(part).toHaveCount(1);
  const blocks = await part.evaluate((el) => el.childElementCount);
  expect(blocks).toBeGreaterThan(10);
  // ProseMirror replaces the empty paragraph it starts with by the stored body: one removal.
  const seen = await seenOnEditorPage(page);
  expect(seen.removedBlocks).toBeLessThanOrEqual(1);
  expect(seen.removedPages).toBe(0);

  // No stylesheet injected at run time; the page has TipTap's rules from editor.css.
  await expect(page.locator('style[data-tiptap-style]')).toHaveCount(0);
  const style = await part.evaluate((el) => {
    const computed = getComputedStyle(el);
    return { whiteSpace: computed.whiteSpace, ligatures: computed.fontVariantLigatures, position: computed.position };
  });
  expect(style).toEqual({ whiteSpace: 'break-spaces', ligatures: 'none', position: 'relative' });
});

const COURT_ID = 'tand-kv1-vinhlong';
const MINUTES = 'NQ01-2017/48-DS';

test.describe('online', () => {
  let server: DevServer | undefined;
  test.beforeAll(async () => {
    server = await startDevServer('editor-open');
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('the live room adds the colleague\'s caret without building the editor again', async ({ browser }) => {
    const { caseId } = findDemoCase<{ caseId: string }>('find-signing-case');
    const { clerk, judge, close } = await openTwoDevices(browser);
    try {
      const serverUrl = server!.url;
      await loginToServer(clerk, { serverUrl, court: COURT_ID, user: 'thuky', password: 'thuky-demo' });
      await loginToServer(judge, { serverUrl, court: COURT_ID, user: 'thamphan', password: 'thamphan-demo' });

      const clerkEditor = await composeFromTemplate(clerk, caseId, MINUTES);
      const documentHash = await clerk.evaluate(() => window.location.hash);
      await clerkEditor.locator('p', { hasText: 'Hỏi và trả lời tại phiên tòa' }).first().click();
      await clerk.keyboard.press('End');
      await clerk.keyboard.type(' Thư ký đang ghi.');
      await expect(clerk.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');

      // The judge's device gets the document (catch-up), then opens it with the observer in place.
      const judgeEditor = judge.getByTestId('editor-page');
      await expect(async () => {
        await goHash(judge, '#/settings');
        await judge.getByTestId('sync-now').click();
        await expect(judge.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', { timeout: 10_000 });
        await goHash(judge, `#/cases/${caseId}`);
        await expect(judge.getByTestId('case-file')).toBeVisible();
        await watchEditorPage(judge);
        await goHash(judge, documentHash);
        await expect(judgeEditor).toContainText('Thư ký đang ghi.', { timeout: 5_000 });
      }).toPass({ timeout: 90_000 });

      // The clerk's caret (with the account's name) shows on the judge's page once both are in the room.
      await clerkEditor.locator('p', { hasText: 'Thư ký đang ghi.' }).first().click();
      await clerk.keyboard.press('End');
      await clerk.keyboard.type(' Tiếp.');
      const caret = judgeEditor.locator('.collaboration-carets__caret');
      await expect(caret).toHaveCount(1, { timeout: 30_000 });
      await expect(caret).toContainText('thuky');
      const seen = await seenOnEditorPage(judge);
      expect(seen.removedPages).toBe(0);
      expect(seen.removedBlocks).toBeLessThanOrEqual(1);

      // Ctrl+Z still undoes the judge's own typing once the carets are attached (attaching them
      // rebuilds the editor's plugin views, and the undo plugin's view used to destroy its undo
      // manager with it), and leaves the clerk's text alone.
      await judgeEditor.locator('p', { hasText: 'Tiếp.' }).first().click();
      await judge.keyboard.press('End');
      await judge.keyboard.type(' Thẩm phán sửa.');
      await expect(judgeEditor).toContainText('Thẩm phán sửa.');
      await judge.keyboard.press('Control+z');
      await expect(judgeEditor).not.toContainText('Thẩm phán sửa.');
      await expect(judgeEditor).toContainText('Thư ký đang ghi. Tiếp.');
    } finally {
      await close();
    }
  });
});
