/**
 * Round trip of every built-in template rendered for a demo case: template document → editor
 * JSON → Y.Doc body (through the editor schema) → editor JSON → template document is the same
 * tree. Plus the model ↔ JSON conversion alone, and what the editor adds that the model lacks.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { editorSchema } from '../../../../renderer/editor/schema/index.js';
import { generateCourt } from '../../../../shared/demo/index.js';
import { builtinTemplates, buildContext, renderTemplate, servesCase } from '../../../../shared/templates/index.js';
import { docToText } from '../../../../shared/templates/index.js';
import { fromEditorJson, normalizeDocNode, toEditorJson } from '../../../../shared/drafting/editor-json.js';
import type { DocNode } from '../../../../shared/templates/model.js';
import { readBody, readBodyJson, writeBody } from '../../../../renderer/editor/body.js';
import { BODY_PART_BLOCKS, bodyPartFields } from '../../../../shared/drafting/body-parts.js';
import { canonicalContent, canonicalText } from '../../../../shared/drafting/canonical.js';
import { DOCUMENT_ROOT } from '../../../../shared/drafting/document-doc.js';

const court = generateCourt({ cases: 40, seed: 7, today: '2025-11-28' });

function renderedDocs(): DocNode[] {
  const out: DocNode[] = [];
  for (const template of builtinTemplates()) {
    const kase = court.cases.find((c) => {
      const context = buildContext({ court: court.court, staff: court.staff, kase: c, today: '2025-11-28', hearingKinds: template.meta.hearingKinds });
      return servesCase(template.meta, c, context);
    });
    if (!kase) continue;
    const context = buildContext({ court: court.court, staff: court.staff, kase, today: '2025-11-28', hearingKinds: template.meta.hearingKinds });
    out.push(renderTemplate(template, context).doc);
  }
  return out;
}

describe('template document ↔ editor body', () => {
  const docs = renderedDocs();

  it('renders a good share of the built-in pack for the demo court', () => {
    expect(docs.length).toBeGreaterThanOrEqual(6);
  });

  it('converts to editor JSON and back: same text, and exact once normalised', () => {
    for (const doc of docs) {
      const back = fromEditorJson(toEditorJson(doc), doc.attrs);
      expect(docToText(back)).toBe(docToText(doc));
      expect(fromEditorJson(toEditorJson(back), doc.attrs)).toEqual(back);
    }
  });

  it('survives the Y.Doc body (editor schema, Yjs encoding, a second replica)', () => {
    for (const doc of docs) {
      const ydoc = new Y.Doc({ gc: false });
      writeBody(ydoc, doc);
      const copy = new Y.Doc({ gc: false });
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
      expect(readBody(copy, doc.attrs), doc.attrs.templateId).toEqual(normalizeDocNode(doc));
    }
  });

  it('keeps fields with their marks, missing ones included', () => {
    const doc: DocNode = {
      type: 'doc',
      attrs: { templateId: 'T', templateVersion: '1.0.0' },
      content: [
        {
          type: 'paragraph',
          attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 6 },
          content: [
            { type: 'text', text: 'Bị cáo ', marks: [{ type: 'bold' }] },
            { type: 'field', attrs: { path: 'p.fullName', label: 'Họ tên bị cáo', value: '', status: 'missing', frozen: false }, marks: [{ type: 'italic' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'sinh năm ', marks: [{ type: 'underline' }] },
            { type: 'field', attrs: { path: 'p.birthYear', label: 'Năm sinh', value: '1990', status: 'filled', frozen: true } },
          ],
        },
        { type: 'heading', attrs: { level: 1, align: 'center' }, content: [{ type: 'text', text: 'BẢN ÁN' }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', attrs: { align: 'left', indentFirstLine: false, spacingBefore: 0 } }] }] }] },
      ],
    };
    const ydoc = new Y.Doc({ gc: false });
    writeBody(ydoc, doc);
    expect(readBody(ydoc, doc.attrs)).toEqual(doc);
  });

  it('prints header cells as cells and keeps the text of nodes it does not know', () => {
    const back = fromEditorJson(
      {
        type: 'doc',
        content: [
          { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }] }] }] },
          { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'trích dẫn' }] }] },
        ],
      },
      { templateId: 'T', templateVersion: '1' },
    );
    expect(back.content[0]).toEqual({
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', attrs: { align: 'justify', indentFirstLine: false, spacingBefore: 0 }, content: [{ type: 'text', text: 'A' }] }] }] }],
    });
    expect(back.content[1]).toEqual({ type: 'paragraph', attrs: { align: 'justify', indentFirstLine: false, spacingBefore: 0 }, content: [{ type: 'text', text: 'trích dẫn' }] });
  });

  it('writes a long body in parts of BODY_PART_BLOCKS and reads it back whole; a short one stays in `body`', () => {
    const paragraph = (n: number): DocNode['content'][number] => ({
      type: 'paragraph',
      attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 },
      content: [{ type: 'text', text: 'Chủ tọa hỏi:', marks: [{ type: 'bold' }] }, { type: 'text', text: ` câu hỏi số ${n}.` }],
    });
    const long: DocNode = { type: 'doc', attrs: { templateId: 'T', templateVersion: '1.0.0' }, content: Array.from({ length: 2 * BODY_PART_BLOCKS + 31 }, (_, i) => paragraph(i + 1)) };
    const ydoc = new Y.Doc({ gc: false });
    writeBody(ydoc, long);
    expect(bodyPartFields(ydoc)).toEqual(['body', 'body/1', 'body/2']);
    expect(bodyPartFields(ydoc).map((field) => ydoc.getXmlFragment(field).length)).toEqual([BODY_PART_BLOCKS, BODY_PART_BLOCKS, 31]);
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    expect(readBody(copy, long.attrs)).toEqual(long);
    expect(readBodyJson(copy).content).toHaveLength(long.content.length);

    // The same blocks in one fragment (as before parts) canonicalise to the same signed bytes.
    const whole = new Y.Doc({ gc: false });
    prosemirrorJSONToYXmlFragment(editorSchema(), toEditorJson(long), whole.getXmlFragment(DOCUMENT_ROOT.body));
    expect(canonicalText(canonicalContent(copy))).toBe(canonicalText(canonicalContent(whole)));

    const short: DocNode = { ...long, content: long.content.slice(0, BODY_PART_BLOCKS) };
    const shortDoc = new Y.Doc({ gc: false });
    writeBody(shortDoc, short);
    expect(bodyPartFields(shortDoc)).toEqual(['body']);
    expect(shortDoc.getMap(DOCUMENT_ROOT.bodyParts).size).toBe(0);
    expect(readBody(shortDoc, short.attrs)).toEqual(short);
  });
});
