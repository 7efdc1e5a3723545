/**
 * Case-data fields stay live in a draft until the document is finalised, when they freeze.
 * `refreshFields` re-resolves every non-frozen field node of a document against a new context
 * (the case was edited: a party's address corrected, the panel changed); `freezeFields` marks
 * them all frozen at finalisation. Both return new trees and leave the input untouched.
 *
 * The shape of the document (how many parties a repeat produced) is fixed at render time: a party
 * added after the draft was made is not inserted by a refresh (the editor offers a re-render).
 */
import type { DocNode, InlineNode } from './model.js';
import type { ContextValue } from './paths.js';
import { resolveField } from './render.js';

/** Any document node as JSON: blocks, columns, rows, cells or inline nodes. */
interface AnyNode {
  readonly type: string;
  readonly content?: readonly AnyNode[];
  readonly [key: string]: unknown;
}

function mapInline(node: AnyNode, change: (inline: InlineNode) => InlineNode): AnyNode {
  if (node.type === 'field' || node.type === 'text' || node.type === 'hardBreak') return change(node as unknown as InlineNode) as unknown as AnyNode;
  if (!node.content) return node;
  return { ...node, content: node.content.map((child) => mapInline(child, change)) };
}

function mapDoc(doc: DocNode, change: (inline: InlineNode) => InlineNode): DocNode {
  return mapInline(doc as unknown as AnyNode, change) as unknown as DocNode;
}

export interface RefreshResult {
  readonly doc: DocNode;
  /** How many field values changed (filled, emptied or edited). */
  readonly changed: number;
}

/** Re-resolves every non-frozen field against `context`. */
export function refreshFields(doc: DocNode, context: ContextValue): RefreshResult {
  let changed = 0;
  const next = mapDoc(doc, (node) => {
    if (node.type !== 'field' || node.attrs.frozen) return node;
    const attrs = resolveField(node.attrs.path, context);
    if (attrs.value === node.attrs.value && attrs.status === node.attrs.status) return node;
    changed += 1;
    return { ...node, attrs };
  });
  return { doc: next, changed };
}

/** Freezes every field (finalisation): their values no longer follow the case data. */
export function freezeFields(doc: DocNode): DocNode {
  return mapDoc(doc, (node) => (node.type === 'field' && !node.attrs.frozen ? { ...node, attrs: { ...node.attrs, frozen: true } } : node));
}

/** Every field node of a document, in order (for "N trường còn thiếu" in the editor). */
export function collectFields(doc: DocNode): Extract<InlineNode, { type: 'field' }>[] {
  const found: Extract<InlineNode, { type: 'field' }>[] = [];
  mapDoc(doc, (node) => {
    if (node.type === 'field') found.push(node);
    return node;
  });
  return found;
}
