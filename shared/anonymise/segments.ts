/**
 * Edits on text that is stored in pieces: the inline nodes of a document paragraph (text and field
 * nodes, each with its marks) or the `w:t` runs of a DOCX paragraph. A name may be split across
 * pieces ("Nguyễn " bold + "Văn An" plain): the whole paragraph is scanned as one text, then each
 * edit is written back into the pieces it covers: its new text goes into the first editable piece
 * it touches, the rest of the covered characters are removed, so every piece keeps its marks.
 */
import type { Edit } from './model.js';

export interface Segment {
  readonly text: string;
  /** False for pieces that only stand for structure (a line break, a missing field's marker). */
  readonly editable: boolean;
}

interface LocalEdit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** The new text of every segment after the edits (sorted, non-overlapping, on the joined text). */
export function applyToSegments(segments: readonly Segment[], edits: readonly Edit[]): string[] {
  const starts: number[] = [];
  let offset = 0;
  for (const s of segments) {
    starts.push(offset);
    offset += s.text.length;
  }
  const local: LocalEdit[][] = segments.map(() => []);
  for (const edit of edits) {
    let placed = false;
    segments.forEach((segment, i) => {
      const begin = starts[i] ?? 0;
      const end = begin + segment.text.length;
      const overlaps = edit.start < end && edit.end > begin;
      const insertsHere = edit.start === edit.end && edit.start >= begin && edit.start <= end;
      if (!segment.editable || !(overlaps || insertsHere)) return;
      const from = Math.max(edit.start, begin) - begin;
      const to = Math.min(edit.end, end) - begin;
      local[i]?.push({ from, to, text: placed ? '' : edit.text });
      placed = true;
    });
  }
  return segments.map((segment, i) => {
    let text = segment.text;
    const ops = local[i] ?? [];
    for (let k = ops.length - 1; k >= 0; k -= 1) {
      const op = ops[k];
      if (op) text = text.slice(0, op.from) + op.text + text.slice(op.to);
    }
    return text;
  });
}
