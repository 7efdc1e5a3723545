/**
 * The DOM attributes of the document page, shared by the app's editor (document-parts.ts) and
 * the bench (bench/browser/editor.ts), so the bench types into the page the clerk types into.
 *
 * The page (`.cd-page`, the A4 sheet) holds one editing host per part of the body
 * (shared/drafting/body-parts.ts): a short document has one part, a long minutes several, and
 * the sheet reads as one printed form either way. Each part has spell checking off (Chromium
 * has no Vietnamese dictionary here, and its idle checker re-reads the text around the caret
 * after every key) and the Vietnamese language.
 */
export const EDITOR_PAGE_ATTRIBUTES: Readonly<Record<string, string>> = {
  class: 'cd-page',
  'data-testid': 'editor-page',
  lang: 'vi',
};

/** One part's editing host (ProseMirror's root) inside the page. */
export const EDITOR_PART_ATTRIBUTES: Readonly<Record<string, string>> = {
  class: 'cd-part',
  'data-testid': 'editor-part',
  lang: 'vi',
  spellcheck: 'false',
  'aria-label': 'Nội dung văn bản',
};
