/**
 * Letters of the Vietnamese alphabet for initials (CV 144: "dùng chữ cái tiếng Việt"): the tone
 * mark goes (Ánh → A) but the letter's own diacritic stays (Đức → Đ, Ước → Ư, Ấn → Â), as published
 * judgments write "thị trấn Đ".
 */

/** Combining tone marks: grave, acute, tilde, hook above, dot below. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The upper-case initial of a word without its tone mark; digits stay as they are. */
export function initialOf(word: string): string {
  const first = [...word.normalize('NFC')][0] ?? '';
  return first.normalize('NFD').replace(TONES, '').normalize('NFC').toLocaleUpperCase('vi');
}

/** True when the text has letters and none of them is lower case ("NGUYỄN VĂN AN"). */
export function isUpper(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching the words of `text` with any run of white space (line breaks included) between them. */
export function flexibleWords(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/,/g, '\\s*,'))
    .join('\\s+');
}

/** Not inside a word: letters, combining marks and digits count as word characters. */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

/** A pattern for a word whose first letter may be either case ("[Xx]ã"). */
export function eitherCase(word: string): string {
  const [first = '', ...rest] = [...word];
  const lower = first.toLocaleLowerCase('vi');
  const upper = first.toLocaleUpperCase('vi');
  return (lower === upper ? escapeRegExp(first) : `[${lower}${upper}]`) + escapeRegExp(rest.join(''));
}
