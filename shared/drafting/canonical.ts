/**
 * The canonical content of a document: what a signature covers. It must come out byte-identical
 * in the renderer, in Node and on any later day, whatever order Yjs happened to merge concurrent
 * edits in, so it is derived from the *visible* content only (never from Yjs ids or clocks):
 *
 * - the meta fields that give the document its legal identity (ids, kind, template id and
 *   version, official number), and
 * - the body: every text block (paragraph, heading, …) in document order, each with its type, its
 *   attributes, the container chain it sits in (table › tableRow › tableCell) and its text as runs
 *   of equal marks. A `field` node counts as the text of its resolved value (the reader sees the
 *   value, not the path), so freezing fields at signing changes nothing signed.
 *
 * Every string is NFC-normalised: a body typed with decomposed Vietnamese (NFD, as some Mac and
 * IME paths produce) canonicalises equal to the same body in NFC.
 *
 * Serialised with `canonicalJson` (sorted keys, no whitespace) and hashed with SHA-256 in
 * signing.ts. `CANONICAL_VERSION` is part of the content: changing this function's output for an
 * existing document means a new version, never a silent change.
 */
import * as Y from 'yjs';
import { canonicalJson } from '../templates/canonical-json.js';
import { bodyPartFragments } from './body-parts.js';
import { DOCUMENT_ROOT, type DocumentMeta } from './document-doc.js';

export const CANONICAL_VERSION = 1;

/** Text with the same marks. `marks` are sorted mark keys (`bold`, `link={"href":…}`, `field=path`). */
export interface CanonicalRun {
  readonly text: string;
  readonly marks?: readonly string[];
}

/** One text block of the body in document order. */
export interface CanonicalBlock {
  readonly type: string;
  /** Container chain, outermost first (`table>tableRow>tableCell`); '' at the top level. */
  readonly within: string;
  /** Element attributes, NFC, sorted by canonicalJson; absent when the element has none. */
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly runs: readonly CanonicalRun[];
}

/** The meta fields a signature covers (status, timestamps and the panel are not content). */
export interface CanonicalMeta {
  readonly documentId: string;
  readonly caseId: string;
  readonly courtId: string;
  readonly kind: string;
  readonly templateId: string;
  readonly templateVersion: string;
  readonly number: string;
}

export interface CanonicalContent {
  readonly v: typeof CANONICAL_VERSION;
  readonly meta: CanonicalMeta;
  readonly blocks: readonly CanonicalBlock[];
}

/** Inline node types: inside a text block they become runs, never blocks. */
const INLINE_ELEMENTS = new Set(['field', 'hardBreak', 'image', 'mention']);
/** Text blocks even when empty (an empty paragraph is content: it is a blank line on paper). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * @example
 *   const content = canonicalContent(doc);
 *   canonicalJson(content); // the exact bytes signing.ts hashes
 */
export function canonicalContent(doc: Y.Doc): CanonicalContent {
  const meta = doc.getMap<unknown>(DOCUMENT_ROOT.meta);
  const str = (key: keyof DocumentMeta): string => {
    const value = meta.get(key);
    return typeof value === 'string' ? nfc(value) : '';
  };
  const blocks: CanonicalBlock[] = [];
  // All parts in order, as one sequence of blocks: the split of a long body is not content, so
  // the same blocks hash the same however they are split (body-parts.ts).
  for (const part of bodyPartFragments(doc)) collectBlocks(part, [], blocks);
  return {
    v: CANONICAL_VERSION,
    meta: {
      documentId: str('documentId'),
      caseId: str('caseId'),
      courtId: str('courtId'),
      kind: str('kind'),
      templateId: str('templateId'),
      templateVersion: str('templateVersion'),
      number: str('number'),
    },
    blocks,
  };
}

/** The canonical bytes' text (UTF-8 of this string is what gets hashed). */
export function canonicalText(content: CanonicalContent): string {
  return canonicalJson(content);
}

/** The plain text of a block (runs joined), for diffs and the history view. */
export function blockText(block: CanonicalBlock): string {
  return block.runs.map((run) => run.text).join('');
}

function nfc(text: string): string {
  return text.normalize('NFC');
}

function collectBlocks(parent: Y.XmlFragment | Y.XmlElement, within: readonly string[], out: CanonicalBlock[]): void {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      // Text directly in a container (not a ProseMirror schema shape, but Yjs allows it): its own block.
      out.push(block('text', within, undefined, runsOf([child])));
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue; // XmlHook: not used by the editor
    const children = child.toArray();
    const isTextBlock = TEXT_BLOCKS.has(child.nodeName) || children.some((c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && INLINE_ELEMENTS.has(c.nodeName)));
    if (isTextBlock || children.length === 0) {
      out.push(block(child.nodeName, within, attrsOf(child), runsOf(children)));
    } else {
      collectBlocks(child, [...within, child.nodeName], out);
    }
  }
}

function block(type: string, within: readonly string[], attrs: Record<string, unknown> | undefined, runs: CanonicalRun[]): CanonicalBlock {
  return { type, within: within.join('>'), ...(attrs === undefined ? {} : { attrs }), runs };
}

function attrsOf(element: Y.XmlElement): Record<string, unknown> | undefined {
  const raw = element.getAttributes() as Record<string, unknown>;
  const keys = Object.keys(raw).filter((key) => raw[key] !== undefined && raw[key] !== null);
  if (keys.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = normaliseValue(raw[key]);
  return out;
}

function normaliseValue(value: unknown): unknown {
  if (typeof value === 'string') return nfc(value);
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = normaliseValue(v);
    return out;
  }
  return value;
}

function markKeys(attributes: Record<string, unknown> | undefined): string[] {
  if (!attributes) return [];
  return Object.keys(attributes)
    .filter((key) => attributes[key] !== null && attributes[key] !== undefined)
    .map((key) => {
      const value = normaliseValue(attributes[key]);
      const isPlain = value === true || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
      return isPlain ? key : `${key}=${canonicalJson(value)}`;
    })
    .sort();
}

function runsOf(children: readonly unknown[]): CanonicalRun[] {
  const raw: { text: string; marks: string[] }[] = [];
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        const marks = markKeys(op.attributes);
        if (typeof op.insert === 'string') raw.push({ text: op.insert, marks });
        else raw.push({ text: '\uFFFC', marks: [...marks, `embed=${canonicalJson(normaliseValue(op.insert))}`].sort() });
      }
    } else if (child instanceof Y.XmlElement) {
      raw.push(inlineRun(child));
    }
  }
  // Merge neighbours with equal marks first, then normalise: a combining mark typed as its own
  // Yjs item still composes with its base letter.
  const merged: { text: string; marks: string[] }[] = [];
  for (const run of raw) {
    const last = merged.at(-1);
    if (last && last.marks.join('\u0000') === run.marks.join('\u0000')) last.text += run.text;
    else merged.push({ text: run.text, marks: run.marks });
  }
  return merged
    .map((run) => ({ text: nfc(run.text), marks: run.marks }))
    .filter((run) => run.text.length > 0)
    .map((run) => (run.marks.length === 0 ? { text: run.text } : { text: run.text, marks: run.marks }));
}

function inlineRun(element: Y.XmlElement): { text: string; marks: string[] } {
  const attrs = element.getAttributes() as Record<string, unknown>;
  if (element.nodeName === 'hardBreak') return { text: '\n', marks: [] };
  if (element.nodeName === 'field') {
    const value = typeof attrs.value === 'string' ? attrs.value : '';
    const label = typeof attrs.label === 'string' ? attrs.label : '';
    const path = typeof attrs.path === 'string' ? attrs.path : '';
    // A missing value signs as its visible placeholder, so filling it in later is a change.
    return { text: value !== '' ? value : `[${label}]`, marks: [`field=${canonicalJson(nfc(path))}`, ...markKeys(marksAttr(attrs.marks))].sort() };
  }
  const text = element.toArray().map((c) => (c instanceof Y.XmlText ? c.toString() : '')).join('');
  return { text: text || '\uFFFC', marks: [`${element.nodeName}=${canonicalJson(normaliseValue(attrs))}`] };
}

/** y-prosemirror keeps the marks of an inline atom in a `marks` attribute (array of {type, attrs}). */
function marksAttr(value: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const mark of value as { type?: unknown; attrs?: unknown }[]) {
    if (typeof mark?.type === 'string') out[mark.type] = mark.attrs ?? true;
  }
  return out;
}
