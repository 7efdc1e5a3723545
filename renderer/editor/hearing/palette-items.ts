/**
 * The quick palette's entries (Ctrl+Shift+Space): every speaker × hỏi / trả lời / trình bày,
 * then the quick phrases, filtered by what the clerk types. Matching ignores diacritics and
 * case, and every typed word must start a word of the entry ("ksv hoi" finds "Kiểm sát viên
 * hỏi:" through the initials too), so a few keystrokes pick any turn.
 */
import { foldVietnamese } from '../../../shared/text/fold.js';
import { paletteTurns, type Speaker, type SpeakerVerb } from '../../../shared/drafting/hearing-speakers.js';

export type PaletteItem =
  | { readonly kind: 'turn'; readonly speaker: Speaker; readonly verb: SpeakerVerb; readonly text: string }
  | { readonly kind: 'phrase'; readonly text: string };

export function paletteItems(speakers: readonly Speaker[], phrases: readonly string[]): PaletteItem[] {
  return [...paletteTurns(speakers).map((t) => ({ kind: 'turn' as const, ...t })), ...phrases.map((text) => ({ kind: 'phrase' as const, text }))];
}

function words(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** True when every query token starts a word of `text`, or matches the initials of its words. */
export function matchesQuery(text: string, query: string): boolean {
  const tokens = words(query);
  if (tokens.length === 0) return true;
  const textWords = words(text);
  const initials = textWords.map((w) => w[0]).join('');
  return tokens.every((token) => textWords.some((w) => w.startsWith(token)) || initials.includes(token));
}

export function filterPalette(items: readonly PaletteItem[], query: string): PaletteItem[] {
  return items.filter((item) => matchesQuery(item.text, query));
}
