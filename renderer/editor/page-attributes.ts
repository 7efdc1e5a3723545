/**
 * The DOM attributes of the editable page. One constant for the app's editor (DocumentEditor)
 * and the bench (bench/browser/editor.ts), so the bench types into the page the clerk types
 * into: spell checking off (Chromium has no Vietnamese dictionary here, and its idle checker
 * re-reads the text around the caret after every key of a 100-page document), Vietnamese
 * language, and the A4 page class (editor.css).
 */
export const EDITOR_PAGE_ATTRIBUTES: Readonly<Record<string, string>> = {
  class: 'cd-page',
  'data-testid': 'editor-page',
  lang: 'vi',
  spellcheck: 'false',
  'aria-label': 'Nội dung văn bản',
};
