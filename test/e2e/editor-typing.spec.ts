/**
 * The ways a clerk types Vietnamese, each landing once, in order, and stored, in web mode against
 * the built app in Debian Chromium with its real IndexedDB:
 * - plain keys;
 * - Unikey/EVKey-style input (the tools most Vietnamese Windows machines run): the tool erases the
 *   letters it is about to transform with Backspace, then sends the composed letters as typed
 *   characters ("ê", "ệ"), keys Playwright's keyboard cannot send, so they go through CDP's
 *   `Input.dispatchKeyEvent` as the OS delivers them (keydown and keypress carrying the text);
 * - an IME composition (the OS Telex keyboard, IBus): CDP's `Input.imeSetComposition`, then the
 *   committed text;
 * - Ctrl+B then keys (the typed letters are bold), and typing over a selection.
 * ProseMirror reads each of these back from Chromium's own editing; a change of the input path
 * (e.g. inserting typed characters in a keypress handler) must keep this test green.
 */
import { expect, test, type Page } from '@playwright/test';
import { composeFromTemplate, findDemoCase, openApp } from './support/app.js';

test.describe.configure({ timeout: 300_000 });

const MINUTES = 'NQ01-2017/48-DS';

/** A key at a fast typist's cadence (editor-parts.spec.ts says why keys are not sent back to back). */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForTimeout(80);
}

test('Vietnamese typed with keys, the Unikey way and through an IME lands once and is stored', async ({ page }) => {
  const { caseId } = findDemoCase<{ caseId: string }>('find-signing-case');
  await openApp(page);
  const editor = await composeFromTemplate(page, caseId, MINUTES);
  const cdp = await page.context().newCDPSession(page);
  /** A character as a Unikey-style tool sends it: a key event carrying the text (keydown, keypress). */
  const sendCharacter = async (text: string) => {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: text, text, unmodifiedText: text });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: text });
    await page.waitForTimeout(80);
  };

  // A new paragraph after section IV's heading line.
  await editor.locator('p', { hasText: 'Hỏi và trả lời tại phiên tòa' }).first().click();
  await press(page, 'End');
  await press(page, 'Enter');
  await page.keyboard.type('Thu ky: ', { delay: 20 });
  const line = editor.locator('p', { hasText: 'Thu ky:' });
  await expect(line).toHaveText('Thu ky: ');

  // "Việt" typed with Unikey's Telex: V i e e t j. The second e becomes ê (one Backspace, then
  // "ê"); j puts the dot under it (two Backspaces, then "ệ" and "t" again).
  await page.keyboard.type('Vie', { delay: 20 });
  await press(page, 'Backspace');
  await sendCharacter('ê');
  await page.keyboard.type('t');
  await press(page, 'Backspace');
  await press(page, 'Backspace');
  await sendCharacter('ệ');
  await sendCharacter('t');
  await expect(line).toHaveText('Thu ky: Việt');

  // " Nam" through an IME: composing, then committed.
  await page.keyboard.type(' ');
  await cdp.send('Input.imeSetComposition', { text: 'N', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'Na', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: 'Nam' });
  await expect(line).toHaveText('Thu ky: Việt Nam');

  // Bold from Ctrl+B on: the typed letters are in the bold mark.
  await page.keyboard.type(' ');
  await press(page, 'Control+b');
  await page.keyboard.type('ABC', { delay: 20 });
  await press(page, 'Control+b');
  await expect(line).toHaveText('Thu ky: Việt Nam ABC');
  await expect(line.locator('strong')).toHaveText('ABC');

  // Typing over a selection replaces it.
  for (let i = 0; i < 3; i++) await press(page, 'Shift+ArrowLeft');
  await sendCharacter('Đ');
  await expect(line).toHaveText('Thu ky: Việt Nam Đ');

  // Stored: every keystroke is in IndexedDB within a second; the reopened minutes has the line.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(editor.locator('p', { hasText: 'Thu ky:' })).toHaveText('Thu ky: Việt Nam Đ', { timeout: 60_000 });
});
