/**
 * Diacritic folding for Vietnamese search.
 *
 * `normalize('NFD')` plus stripping combining marks handles the tones and ă/â/ê/ô/ơ/ư, but not
 * đ/Đ: U+0111 has no decomposition, so it needs an explicit map (perf-anchors §1.6). The Icelandic
 * eth "Ð" (U+00D0) looks identical to "Đ" and turns up in documents typed with old fonts, so it is
 * folded too. `Intl.Collator('vi')` cannot be used: it keeps d ≠ đ.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const D_WITH_STROKE = /[đĐÐð]/g;

/**
 * Folds a string for search: lower case, no diacritics, đ → d, whitespace collapsed.
 *
 * @example foldVietnamese('Nguyễn Văn Ấn') // 'nguyen van an'
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_WITH_STROKE, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a folded string into search tokens (letters and digits; punctuation separates). */
export function searchTokens(value: string): string[] {
  return foldVietnamese(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}
