/**
 * A long body in parts. A 100-page minutes in ONE editing host costs a keystroke 35–50 ms in
 * Chromium (the caret-offset walk over all text before the caret, layout of every top-level
 * block, y-tiptap's diff of every block: docs/EDITOR.md); the same blocks in parts of 100, each
 * its own editor over its own XmlFragment, cost what a one-paragraph page costs. So the body of
 * a document is a sequence of fragments:
 *
 * ```
 * body       part 0 (every document has it; short documents have nothing else)
 * body/1     part 1 ┐ present when bodyParts has the key "1"
 * body/2     part 2 ┘ …
 * body/tail  the tail, read last ┐ present when bodyParts has the key "tail": a minutes' closing
 *                                ┘ sections, set apart once so that growing never moves them again
 * bodyParts  Y.Map   "1" → true, "2" → true, …, "tail" → true
 * ```
 *
 * Existence is a set of keys, not a count: two clerks who both add part 3 offline both set
 * "3" → true, the maps merge to the same key, and both write into the same fragment `body/3`,
 * whose contents Yjs merges like any other edit. A count (last writer wins) could hide a part
 * one of them wrote. A part is never removed (its key stays; an emptied part reads as no
 * blocks), so nothing a concurrent client writes into it can disappear.
 *
 * Every reader of the body (editor, canonical form for signing, history restore, authors,
 * export, publication) reads `bodyPartFragments(doc)` in order: the split is invisible to what
 * is signed, exported or published.
 */
import type * as Y from 'yjs';
import { DOCUMENT_ROOT } from './document-doc.js';

/**
 * Top-level blocks per part: where a long body is split (seeding, restore) and where hearing
 * mode starts a new part. At 100 blocks a keystroke measured at the one-paragraph floor in the
 * bench (docs/EDITOR.md, "Figures"); a judgment of ~50 pages (~430 blocks) gets 5 parts.
 * Documents of up to this many blocks (almost every judgment and decision) stay in one part.
 */
export const BODY_PART_BLOCKS = 100;

/** The shared-type name of part `index`: `body` for 0, `body/<index>` after it. */
export function bodyPartField(index: number): string {
  return index === 0 ? DOCUMENT_ROOT.body : `${DOCUMENT_ROOT.body}/${index}`;
}

/** The shared-type name of the tail part, read after every numbered part. */
export const BODY_TAIL_FIELD = `${DOCUMENT_ROOT.body}/tail`;
const TAIL_KEY = 'tail';

/** The numbered part indexes of `doc` in reading order: 0, then every recorded part, ascending (the tail is not numbered). */
export function bodyPartIndexes(doc: Y.Doc): number[] {
  const recorded: number[] = [];
  for (const key of doc.getMap<unknown>(DOCUMENT_ROOT.bodyParts).keys()) {
    // Keys are written by addBodyPart only; anything else (a foreign or damaged key) is not a part.
    if (/^[1-9][0-9]{0,5}$/.test(key)) recorded.push(Number(key));
  }
  return [0, ...recorded.sort((a, b) => a - b)];
}

/** The shared-type names of the parts in reading order (`body`, `body/1`, …, then `body/tail` if there is one). */
export function bodyPartFields(doc: Y.Doc): string[] {
  return [...bodyNumberedFields(doc), ...(hasBodyTail(doc) ? [BODY_TAIL_FIELD] : [])];
}

/** The numbered parts' names in reading order: every part but the tail (where new blocks are added in parts of 100). */
export function bodyNumberedFields(doc: Y.Doc): string[] {
  return bodyPartIndexes(doc).map(bodyPartField);
}

/** Whether the body has its tail part. */
export function hasBodyTail(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(DOCUMENT_ROOT.bodyParts).has(TAIL_KEY);
}

/**
 * The body's fragments in reading order.
 *
 * @example
 *   for (const fragment of bodyPartFragments(doc)) for (const block of fragment.toArray()) …
 */
export function bodyPartFragments(doc: Y.Doc): Y.XmlFragment[] {
  return bodyPartFields(doc).map((field) => doc.getXmlFragment(field));
}

/** Every top-level block of the body, all parts, in reading order. */
export function bodyBlocks(doc: Y.Doc): (Y.XmlElement | Y.XmlText | Y.XmlHook)[] {
  return bodyPartFragments(doc).flatMap((fragment) => fragment.toArray());
}

/**
 * Records the tail part (in the caller's transaction if any) and answers its field name. Two
 * clients that both add it offline set the same key and write into the same fragment, as with
 * numbered parts.
 */
export function addBodyTail(doc: Y.Doc): string {
  doc.getMap<unknown>(DOCUMENT_ROOT.bodyParts).set(TAIL_KEY, true);
  return BODY_TAIL_FIELD;
}

/**
 * Records a new last numbered part (read before the tail, if there is one) and answers its field
 * name (in the caller's transaction if any). The index is one past the highest this client
 * knows, so two offline clients adding "the next part" pick the same index and merge into one
 * fragment (see above).
 */
export function addBodyPart(doc: Y.Doc): string {
  const indexes = bodyPartIndexes(doc);
  const next = indexes[indexes.length - 1]! + 1;
  doc.getMap<unknown>(DOCUMENT_ROOT.bodyParts).set(String(next), true);
  return bodyPartField(next);
}
