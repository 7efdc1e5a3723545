/**
 * Editor operations beyond typing: insert a paragraph after the one the cursor is in (speaker
 * turns, time stamps, the attendance report), the next numbered paragraph ("[3] …" in NHẬN ĐỊNH
 * CỦA TÒA ÁN), and the refresh of case-data fields. Each is one ProseMirror transaction, so it
 * reaches the Y.Doc (and IndexedDB) as one update and undoes as one step.
 */
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorJson } from '../../shared/drafting/editor-json.js';
import type { FieldAttrs } from '../../shared/templates/model.js';

/** Where a new block goes: after the textblock holding the cursor (in its column or cell). */
function insertionPoint(state: EditorState): { pos: number; replaceEmpty: { from: number; to: number } | undefined } {
  const { $from } = state.selection;
  let depth = $from.depth;
  while (depth > 0 && !$from.node(depth).isTextblock) depth -= 1;
  if (depth === 0) return { pos: state.selection.to, replaceEmpty: undefined };
  const block = $from.node(depth);
  // An empty paragraph where the cursor sits (the clerk pressed Enter first) is reused, not left blank.
  const empty = block.type.name === 'paragraph' && block.content.size === 0;
  return { pos: $from.after(depth), replaceEmpty: empty ? { from: $from.before(depth), to: $from.after(depth) } : undefined };
}

/**
 * The transaction that inserts blocks after the cursor's paragraph (reusing an empty one) and
 * puts the cursor at the end of the last block. Pure: no view needed.
 */
export function insertBlocksTransaction(state: EditorState, blocks: readonly EditorJson[]): Transaction {
  const nodes = blocks.map((b) => state.schema.nodeFromJSON(b));
  const { pos, replaceEmpty } = insertionPoint(state);
  const tr = state.tr;
  let at = pos;
  if (replaceEmpty) {
    tr.delete(replaceEmpty.from, replaceEmpty.to);
    at = replaceEmpty.from;
  }
  tr.insert(at, nodes);
  const end = at + nodes.reduce((size, n) => size + n.nodeSize, 0) - 1;
  return tr.setSelection(TextSelection.create(tr.doc, end)).scrollIntoView();
}

/**
 * Inserts blocks after the cursor's paragraph and puts the cursor at the end of the last one.
 *
 * @example insertBlocksAfterCursor(editor, [turnParagraph(speaker, 'hỏi')]) // cursor after "Chủ tọa hỏi: "
 */
export function insertBlocksAfterCursor(editor: Editor, blocks: readonly EditorJson[]): boolean {
  if (!editor.isEditable || blocks.length === 0) return false;
  editor.view.dispatch(insertBlocksTransaction(editor.state, blocks));
  editor.view.focus();
  return true;
}

/** The position at the end of the first textblock containing `anchor`, if any. */
export function endOfTextblockWith(doc: PmNode, anchor: string): number | undefined {
  let target: number | undefined;
  doc.descendants((node, pos) => {
    if (target !== undefined) return false;
    if (node.isTextblock && node.textContent.includes(anchor)) {
      target = pos + node.nodeSize - 1;
      return false;
    }
    return true;
  });
  return target;
}

/** Inserts blocks after the first paragraph whose text contains `anchor`, else after the cursor. */
export function insertBlocksAfterText(editor: Editor, anchor: string, blocks: readonly EditorJson[]): boolean {
  const target = endOfTextblockWith(editor.state.doc, anchor);
  if (target !== undefined) editor.commands.setTextSelection(target);
  return insertBlocksAfterCursor(editor, blocks);
}

/** Inserts plain text at the cursor (a quick phrase). */
export function insertTextAtCursor(editor: Editor, text: string): boolean {
  if (!editor.isEditable) return false;
  return editor.chain().focus().insertContent({ type: 'text', text }).run();
}

const NUMBERED = /^\[(\d+)\]/;

/** The number after the last "[n]" paragraph before `pos` (1 when there is none). */
export function nextParagraphNumber(doc: PmNode, pos: number): number {
  let last = 0;
  doc.nodesBetween(0, Math.min(pos, doc.content.size), (node) => {
    if (node.type.name === 'heading') last = 0; // numbering restarts in each section
    if (node.type.name === 'paragraph') {
      const match = NUMBERED.exec(node.textContent);
      if (match) last = Number(match[1]);
    }
    return !node.isTextblock;
  });
  return last + 1;
}

/** A new numbered paragraph "[n] " after the cursor's paragraph. */
export function insertNumberedParagraph(editor: Editor): boolean {
  const n = nextParagraphNumber(editor.state.doc, editor.state.selection.from);
  return insertBlocksAfterCursor(editor, [
    { type: 'paragraph', attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 }, content: [{ type: 'text', text: `[${n}] ` }] },
  ]);
}

/**
 * Re-resolves every non-frozen field (shared/templates/refresh.ts semantics) in one transaction;
 * does nothing when no value changed, so opening a draft does not write. Returns how many changed.
 */
export function refreshEditorFields(editor: Editor, resolve: (path: string) => FieldAttrs): number {
  if (!editor.isEditable) return 0;
  const { tr, changed } = refreshFieldsTransaction(editor.state, resolve);
  if (changed > 0) editor.view.dispatch(tr);
  return changed;
}

/** The field refresh as a transaction (pure), with how many fields it changes. */
export function refreshFieldsTransaction(state: EditorState, resolve: (path: string) => FieldAttrs): { tr: Transaction; changed: number } {
  const tr = state.tr;
  let changed = 0;
  state.doc.descendants((node, pos) => {
    if (node.type.name !== 'field' || node.attrs['frozen'] === true) return true;
    const next = resolve(String(node.attrs['path']));
    if (next.value === node.attrs['value'] && next.status === node.attrs['status']) return true;
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, value: next.value, status: next.status, label: next.label || node.attrs['label'] });
    changed += 1;
    return true;
  });
  // Not the clerk's edit: Ctrl+Z must not bring back a stale value.
  return { tr: tr.setMeta('addToHistory', false), changed };
}
