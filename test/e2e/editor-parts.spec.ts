/**
 * A long minutes in parts (shared/drafting/body-parts.ts, renderer/editor/document-parts.ts), in
 * web mode against the built app in Debian Chromium with its real IndexedDB:
 *
 * the clerk composes the 48-DS minutes and records speaker turns with Alt+1 until the minutes
 * outgrow one part: the next turn starts a second part, and the form's closing sections after
 * the caret go into the body's tail, read last (reading order unchanged). The caret crosses the
 * seam with the arrow keys and Backspace as if the page were one; the minutes reopen in the same
 * parts after a reload with the same text; the DOCX export holds the text of every part in
 * order; when the second part is full in its turn, the next turn starts a third part and moves
 * nothing (the tail keeps its blocks); and Ctrl+Z takes back that last turn alone, and an edit
 * made in one part from another (one undo history for the page), the caret following it. (The signed content of a body in parts is the same
 * bytes as the same blocks in one: unit tests, test/unit/shared/drafting/body-parts.test.ts.)
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { composeFromTemplate, findDemoCase, openApp } from './support/app.js';

test.describe.configure({ timeout: 300_000 });

const MINUTES = 'NQ01-2017/48-DS';
/** More turns than any minutes needs to outgrow one part (BODY_PART_BLOCKS = 100 blocks). */
const MAX_TURNS = 140;

test('a long minutes grows in parts; the caret crosses the seam; reload and export see every part', async ({ page }) => {
  const { caseId } = findDemoCase<{ caseId: string }>('find-signing-case');
  await openApp(page);
  const editor = await composeFromTemplate(page, caseId, MINUTES);
  const parts = editor.getByTestId('editor-part');
  await expect(parts).toHaveCount(1);
  const blocks = (index: number) => parts.nth(index).locator(':scope > *');
  // Keys at a fast typist's cadence (80 ms, as the bench types): sent back to back within a
  // millisecond, a key can reach the page before Chromium's selectionchange for the previous
  // caret move has reached ProseMirror (seen flaky with Home then ArrowLeft), which no person does.
  const press = async (key: string) => {
    await page.keyboard.press(key);
    await page.waitForTimeout(80);
  };
  const lastBlockText = (await blocks(0).last().innerText()).trim();

  // Section IV of the form, then turns (Alt+1: the presiding judge asks) until a second part appears.
  await editor.locator('p', { hasText: 'Hỏi và trả lời tại phiên tòa' }).first().click();
  await page.keyboard.press('End');
  let turns = 0;
  while (turns < MAX_TURNS && (await parts.count()) < 2) {
    turns += 1;
    await page.keyboard.press('Alt+Digit1');
    await page.keyboard.type(`${turns}.`);
  }
  // Part 1, the new part 2 and the tail (the form's end, read last).
  await expect(parts).toHaveCount(3);
  await expect(parts.nth(2)).toHaveAttribute('data-part', 'tail');
  // Part 1 was full (100 blocks) when the turn came: what it keeps plus the closing sections that moved.
  expect((await blocks(0).count()) + (await blocks(2).count())).toBeGreaterThanOrEqual(100);
  // The turn that started part 2 is its only block, the caret after it; the form's end is in the tail.
  await expect(blocks(1)).toHaveCount(1);
  await expect(blocks(1).first()).toHaveText(`Chủ tọa hỏi: ${turns}.`);
  await expect(blocks(2).first()).toContainText('Công bố tài liệu, chứng cứ');
  expect((await blocks(2).last().innerText()).trim()).toBe(lastBlockText);
  await expect(blocks(0).last()).toHaveText(`Chủ tọa hỏi: ${turns - 1}.`);
  const tailBlocks = await blocks(2).count();

  // Across the seam, each key right after a click (within ProseMirror's 200 ms "focus reset"
  // window, where Home at a part's start used to be undone: part-seams.ts `forgetFocusTime`).
  // Backspace and ArrowLeft at the start of part 2 land at the end of part 1, without deleting:
  await blocks(1).first().click();
  await press('Home');
  await press('Backspace');
  await page.keyboard.type('A');
  await blocks(1).first().click();
  await press('Home');
  await press('ArrowLeft');
  await page.keyboard.type('B');
  await expect(blocks(0).last()).toHaveText(`Chủ tọa hỏi: ${turns - 1}.AB`);
  await expect(blocks(1).first()).toHaveText(`Chủ tọa hỏi: ${turns}.`);
  // ArrowRight at the very end of part 1 and ArrowDown on its last line land at the start of part 2.
  await blocks(0).last().click();
  await press('End');
  await press('Backspace');
  await press('Backspace');
  await press('ArrowRight');
  await page.keyboard.type('ẦU ');
  await blocks(0).last().click();
  await press('End');
  await press('ArrowDown');
  await page.keyboard.type('Đ');
  await expect(blocks(1).first()).toHaveText(`ĐẦU Chủ tọa hỏi: ${turns}.`);
  await expect(blocks(0).last()).toHaveText(`Chủ tọa hỏi: ${turns - 1}.`);
  // Every keystroke is in IndexedDB within a second (docs/EDITOR.md): the reload comes after that.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('editor-save')).toHaveAttribute('data-state', 'saved');
  // Each part is brought on screen before its text is read: a part far from the viewport is not
  // laid out (content-visibility: auto, editor.css), and innerText follows the layout.
  const partText = async (index: number) => {
    await parts.nth(index).scrollIntoViewIfNeeded();
    // Laid out at the next rendering update once it is near the viewport.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return parts.nth(index).innerText();
  };
  const partTexts = async () => [await partText(0), await partText(1), await partText(2)];
  const before = await partTexts();

  // Reopened from IndexedDB: the same parts, the same text in each.
  await page.reload();
  await expect(parts).toHaveCount(3, { timeout: 60_000 });
  await expect(blocks(1).first()).toHaveText(`ĐẦU Chủ tọa hỏi: ${turns}.`);
  expect(await partTexts()).toEqual(before);

  // The DOCX export reads every part.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('editor-export').click();
  const download = await downloading;
  const bytes = new Uint8Array(await readFile(await download.path()));
  const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
  expect(xml).toContain('BIÊN BẢN PHIÊN TÒA');
  expect(xml).toContain('ĐẦU Chủ tọa hỏi:');
  // Part 1's text (the form's start, the first turns) comes before part 2's, as on the page.
  expect(xml.indexOf('Hỏi và trả lời tại phiên tòa')).toBeGreaterThan(0);
  expect(xml.indexOf('Hỏi và trả lời tại phiên tòa')).toBeLessThan(xml.indexOf('ĐẦU Chủ tọa hỏi:'));
  expect(xml.indexOf('ĐẦU Chủ tọa hỏi:')).toBeLessThan(xml.indexOf('Công bố tài liệu, chứng cứ'));

  // Turns at the end of part 2 until it is full: the next one starts part 3, and nothing moves
  // (part 2 ends with the turn before it, the tail is as it was).
  await blocks(1).last().click();
  await page.keyboard.press('End');
  let more = 0;
  while (more < MAX_TURNS && (await parts.count()) < 4) {
    more += 1;
    await page.keyboard.press('Alt+Digit1');
    await page.keyboard.type(`${turns + more}.`);
  }
  await expect(parts).toHaveCount(4);
  await expect(parts.nth(3)).toHaveAttribute('data-part', 'tail');
  await expect(blocks(1)).toHaveCount(100);
  await expect(blocks(1).last()).toHaveText(`Chủ tọa hỏi: ${turns + more - 1}.`);
  await expect(blocks(2)).toHaveCount(1);
  await expect(blocks(2).first()).toHaveText(`Chủ tọa hỏi: ${turns + more}.`);
  await expect(blocks(3)).toHaveCount(tailBlocks);
  expect((await blocks(3).last().innerText()).trim()).toBe(lastBlockText);

  // One undo history for the page. Ctrl+Z takes back the last turn, the one that started part 3
  // (its own step however fast the turns came), and not the turns before it:
  await page.keyboard.press('Control+z');
  await expect(parts.nth(2)).not.toContainText(`Chủ tọa hỏi: ${turns + more}.`);
  await expect(blocks(1).last()).toHaveText(`Chủ tọa hỏi: ${turns + more - 1}.`);
  await expect(blocks(1)).toHaveCount(100);
  await expect(blocks(3)).toHaveCount(tailBlocks);
  // and an edit made in one part is undone from another.
  await blocks(1).last().click();
  await press('End');
  await page.keyboard.type(' Sửa lại.');
  await expect(blocks(1).last()).toHaveText(`Chủ tọa hỏi: ${turns + more - 1}. Sửa lại.`);
  await page.waitForTimeout(600);
  const firstBlock = (await blocks(0).first().innerText()).trim();
  await blocks(0).first().click();
  await press('Control+z');
  await expect(blocks(1).last()).toHaveText(`Chủ tọa hỏi: ${turns + more - 1}.`);
  // The caret went to the part the undone edit was in: what is typed next lands there.
  await page.keyboard.type('Z');
  await expect(blocks(1).last()).toContainText('Z');
  expect((await blocks(0).first().innerText()).trim()).toBe(firstBlock);
});
