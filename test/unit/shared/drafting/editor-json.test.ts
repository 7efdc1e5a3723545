/**
 * Template document ↔ editor JSON, without Yjs: what the conversion adds (a field's marks as
 * `styles`, an empty paragraph in an empty column) and removes (empty runs; adjacent runs with
 * the same marks are joined, as ProseMirror joins them). The round trip through the Y.Doc body is
 * in test/unit/renderer/editor/body.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { fromEditorJson, normalizeDocNode, toEditorJson } from '../../../../shared/drafting/editor-json.js';
import type { DocNode } from '../../../../shared/templates/model.js';

const attrs = { align: 'justify', indentFirstLine: false, spacingBefore: 0 } as const;

describe('editor JSON', () => {
  it('joins runs with the same marks and drops empty ones', () => {
    const doc: DocNode = {
      type: 'doc',
      attrs: { templateId: 'T', templateVersion: '1' },
      content: [{ type: 'paragraph', attrs, content: [{ type: 'text', text: '1' }, { type: 'text', text: '' }, { type: 'text', text: '. Ông ' }, { type: 'text', text: 'A', marks: [{ type: 'bold' }] }] }],
    };
    expect(toEditorJson(doc).content?.[0]?.content).toEqual([{ type: 'text', text: '1. Ông ' }, { type: 'text', text: 'A', marks: [{ type: 'bold' }] }]);
    const normal = normalizeDocNode(doc);
    expect(normal.content[0]).toEqual({ type: 'paragraph', attrs, content: [{ type: 'text', text: '1. Ông ' }, { type: 'text', text: 'A', marks: [{ type: 'bold' }] }] });
    expect(normalizeDocNode(normal)).toEqual(normal);
  });

  it('carries a field\'s marks as styles and brings them back', () => {
    const doc: DocNode = {
      type: 'doc',
      attrs: { templateId: 'T', templateVersion: '1' },
      content: [{ type: 'paragraph', attrs, content: [{ type: 'field', attrs: { path: 'court.upperName', label: 'Tên Tòa án', value: 'TÒA ÁN', status: 'filled', frozen: false }, marks: [{ type: 'bold' }] }] }],
    };
    const json = toEditorJson(doc);
    expect(json.content?.[0]?.content?.[0]).toEqual({ type: 'field', attrs: { path: 'court.upperName', label: 'Tên Tòa án', value: 'TÒA ÁN', status: 'filled', frozen: false, styles: ['bold'] } });
    expect(fromEditorJson(json, doc.attrs)).toEqual(doc);
  });

  it('gives an empty column a blank line (the schema needs one block)', () => {
    const doc: DocNode = {
      type: 'doc',
      attrs: { templateId: 'T', templateVersion: '1' },
      content: [{ type: 'signatureBlock', content: [{ type: 'column', content: [] }, { type: 'column', content: [{ type: 'paragraph', attrs, content: [{ type: 'text', text: 'THẨM PHÁN' }] }] }] }],
    };
    const back = normalizeDocNode(doc);
    expect(back.content[0]).toEqual({
      type: 'signatureBlock',
      content: [
        { type: 'column', content: [{ type: 'paragraph', attrs }] },
        { type: 'column', content: [{ type: 'paragraph', attrs, content: [{ type: 'text', text: 'THẨM PHÁN' }] }] },
      ],
    });
  });

  it('reads attributes it does not trust as the defaults', () => {
    const back = fromEditorJson({ type: 'doc', content: [{ type: 'paragraph', attrs: { align: 'diagonal', spacingBefore: -4, indentFirstLine: 'yes' } }, { type: 'heading', attrs: { level: 7 } }] }, { templateId: 'T', templateVersion: '1' });
    expect(back.content).toEqual([
      { type: 'paragraph', attrs: { align: 'justify', indentFirstLine: false, spacingBefore: 0 } },
      { type: 'heading', attrs: { level: 2, align: 'left' } },
    ]);
  });
});
