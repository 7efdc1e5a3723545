/**
 * Editor operations on a ProseMirror state of the editor schema (no view needed): a turn or a
 * stamp goes after the cursor's paragraph (reusing an empty one) with the cursor at its end, the
 * next "[n]" number restarts per section, and the field refresh changes only what changed and
 * leaves frozen fields alone.
 */
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { EditorJson } from '../../../../shared/drafting/editor-json.js';
import { turnParagraph } from '../../../../shared/drafting/hearing-speakers.js';
import { momentParagraph } from '../../../../shared/drafting/hearing-phases.js';
import { endOfTextblockWith, insertBlocksTransaction, nextParagraphNumber, refreshFieldsTransaction } from '../../../../renderer/editor/commands.js';
import { editorSchema } from '../../../../renderer/editor/schema/index.js';

const P = (text: string): EditorJson => ({ type: 'paragraph', attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 }, ...(text ? { content: [{ type: 'text', text }] } : {}) });
const H = (text: string): EditorJson => ({ type: 'heading', attrs: { level: 2, align: 'left' }, content: [{ type: 'text', text }] });
const field = (path: string, value: string, frozen = false): EditorJson => ({ type: 'field', attrs: { path, label: path, value, status: value ? 'filled' : 'missing', frozen } });

function stateOf(blocks: EditorJson[], cursorAfter?: string): EditorState {
  const doc = editorSchema().nodeFromJSON({ type: 'doc', content: blocks });
  let state = EditorState.create({ schema: editorSchema(), doc });
  if (cursorAfter !== undefined) {
    const pos = endOfTextblockWith(doc, cursorAfter);
    if (pos === undefined) throw new Error(`no paragraph with ${cursorAfter}`);
    state = state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
  }
  return state;
}

const texts = (state: EditorState) => {
  const out: string[] = [];
  state.doc.forEach((node) => out.push(node.textContent));
  return out;
};

describe('inserting turns and stamps', () => {
  it('puts a turn after the cursor\'s paragraph with the cursor after the lead-in', () => {
    const state = stateOf([P('IV. Phần tranh tụng'), P('Hỏi và trả lời tại phiên tòa: ……'), P('Tranh luận')], 'Hỏi và trả lời');
    const next = state.apply(insertBlocksTransaction(state, [turnParagraph({ label: 'Chủ tọa' }, 'hỏi')]));
    expect(texts(next)).toEqual(['IV. Phần tranh tụng', 'Hỏi và trả lời tại phiên tòa: ……', 'Chủ tọa hỏi: ', 'Tranh luận']);
    const typed = next.apply(next.tr.insertText('Bị đơn có mặt không?'));
    expect(texts(typed)[2]).toBe('Chủ tọa hỏi: Bị đơn có mặt không?');
    expect(typed.doc.child(2).child(0).marks.map((m) => m.type.name)).toEqual(['bold']);
    expect(typed.doc.child(2).child(1).marks).toEqual([]);
  });

  it('reuses the empty paragraph the cursor is in instead of leaving a blank line', () => {
    const state = stateOf([P('Trước'), P(''), P('Sau')]);
    const inEmpty = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.doc.child(0).nodeSize + 1)));
    const next = inEmpty.apply(insertBlocksTransaction(inEmpty, [momentParagraph('recess', 'DS', new Date(2026, 0, 5, 9, 30))]));
    expect(texts(next)).toEqual(['Trước', 'Phiên tòa tạm nghỉ lúc 09 giờ 30 phút.', 'Sau']);
  });

  it('inserts several blocks in order (the attendance report)', () => {
    const state = stateOf([P('Thư ký phiên tòa báo cáo về sự có mặt, vắng mặt: ……'), P('Tiếp')], 'sự có mặt, vắng mặt');
    const next = state.apply(insertBlocksTransaction(state, [P('- A: có mặt.'), P('- B: vắng mặt.')]));
    expect(texts(next)).toEqual(['Thư ký phiên tòa báo cáo về sự có mặt, vắng mặt: ……', '- A: có mặt.', '- B: vắng mặt.', 'Tiếp']);
    expect(next.selection.from).toBe(next.doc.content.size - next.doc.child(3).nodeSize - 1);
  });

  it('numbers paragraphs after the last [n] of the same section', () => {
    const doc = stateOf([H('NHẬN ĐỊNH CỦA TÒA ÁN:'), P('[1] Về thủ tục tố tụng.'), P('[2] Về nội dung.'), P('Xét thấy'), H('QUYẾT ĐỊNH:'), P('')]).doc;
    const endOfThird = doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize + doc.child(3).nodeSize - 1;
    expect(nextParagraphNumber(doc, endOfThird)).toBe(3);
    expect(nextParagraphNumber(doc, doc.content.size)).toBe(1);
  });
});

describe('refreshing fields', () => {
  const state = stateOf([{ type: 'paragraph', attrs: { align: 'justify', indentFirstLine: false, spacingBefore: 0 }, content: [field('a', 'cũ'), { type: 'text', text: ' ' }, field('b', 'giữ'), { type: 'text', text: ' ' }, field('c', '', true)] }]);
  const resolve = (path: string) => ({ path, label: `nhãn ${path}`, value: path === 'a' ? 'mới' : path === 'b' ? 'giữ' : 'đổi', status: 'filled' as const, frozen: false });

  it('updates the changed non-frozen fields in one transaction', () => {
    const { tr, changed } = refreshFieldsTransaction(state, resolve);
    expect(changed).toBe(1);
    const next = state.apply(tr);
    const values: unknown[] = [];
    next.doc.descendants((node) => {
      if (node.type.name === 'field') values.push([node.attrs['value'], node.attrs['status']]);
    });
    expect(values).toEqual([
      ['mới', 'filled'],
      ['giữ', 'filled'],
      ['', 'missing'],
    ]);
    expect(tr.getMeta('addToHistory')).toBe(false);
  });

  it('writes nothing when the case did not change the values', () => {
    const once = state.apply(refreshFieldsTransaction(state, resolve).tr);
    expect(refreshFieldsTransaction(once, resolve).changed).toBe(0);
  });
});
