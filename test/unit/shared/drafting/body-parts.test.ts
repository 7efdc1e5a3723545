/**
 * A long body in parts (shared/drafting/body-parts.ts): the layout merges when two offline
 * clients add parts, and every reader (canonical form for signing, authors, history restore)
 * reads all parts in order, so the split is invisible to what is signed.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { attributedBlocks, registerAuthor } from '../../../../shared/drafting/authors.js';
import { addBodyPart, addBodyTail, BODY_PART_BLOCKS, BODY_TAIL_FIELD, bodyBlocks, bodyNumberedFields, bodyPartField, bodyPartFields, bodyPartIndexes, hasBodyTail } from '../../../../shared/drafting/body-parts.js';
import { blockText, canonicalContent, canonicalText } from '../../../../shared/drafting/canonical.js';
import { DOCUMENT_ROOT } from '../../../../shared/drafting/document-doc.js';
import { contentHash } from '../../../../shared/drafting/signing.js';
import { contentAtVersion, recordVersion, restoreVersion } from '../../../../shared/drafting/versions.js';
import { newDocumentDoc, toElement, type Block } from './fixtures.js';

const turn = (n: number): Block => ({ content: [{ text: 'Chủ tọa hỏi:', marks: { bold: {} } }, ` Câu hỏi số ${n}.`] });
const turns = (from: number, count: number): Block[] => Array.from({ length: count }, (_, i) => turn(from + i));

/** The same blocks as `newDocumentDoc(blocks)`, but laid out in parts of `size` blocks. */
function docInParts(blocks: Block[], size: number): Y.Doc {
  const doc = newDocumentDoc(blocks.slice(0, size));
  doc.transact(() => {
    for (let at = size; at < blocks.length; at += size) doc.getXmlFragment(addBodyPart(doc)).insert(0, blocks.slice(at, at + size).map(toElement));
  });
  return doc;
}

const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('body parts: layout', () => {
  it('has part 0 (`body`) alone until parts are added, then reads them in numeric order', () => {
    const doc = newDocumentDoc([turn(1)]);
    expect(bodyPartIndexes(doc)).toEqual([0]);
    expect(bodyPartFields(doc)).toEqual(['body']);
    for (let i = 0; i < 10; i++) addBodyPart(doc);
    // "10" after "9" (numbers, not strings), and keys that are not part numbers are ignored.
    doc.getMap(DOCUMENT_ROOT.bodyParts).set('x', true);
    doc.getMap(DOCUMENT_ROOT.bodyParts).set('01', true);
    expect(bodyPartIndexes(doc)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(bodyPartField(10)).toBe('body/10');
  });

  it('merges two offline clients that both add the next part: one part holding both turns, nothing hidden', () => {
    const clerk = docInParts(turns(1, 5), 3);
    const judge = new Y.Doc({ gc: false });
    Y.applyUpdate(judge, Y.encodeStateAsUpdate(clerk));
    expect(bodyPartIndexes(judge)).toEqual([0, 1]);

    // Offline, each adds "part 2" and writes a turn into it; the judge also adds part 3.
    clerk.transact(() => clerk.getXmlFragment(addBodyPart(clerk)).insert(0, [toElement(turn(100))]));
    judge.transact(() => judge.getXmlFragment(addBodyPart(judge)).insert(0, [toElement(turn(200))]));
    judge.transact(() => judge.getXmlFragment(addBodyPart(judge)).insert(0, [toElement(turn(300))]));
    sync(clerk, judge);

    for (const doc of [clerk, judge]) {
      expect(bodyPartIndexes(doc)).toEqual([0, 1, 2, 3]);
      const texts = canonicalContent(doc).blocks.map(blockText);
      expect(texts).toHaveLength(8);
      expect(texts.slice(0, 5)).toEqual(turns(1, 5).map((_, i) => `Chủ tọa hỏi: Câu hỏi số ${i + 1}.`));
      // Both turns written into part 2 are there (in Yjs's order for concurrent inserts), then part 3.
      expect(texts.slice(5, 7).sort()).toEqual(['Chủ tọa hỏi: Câu hỏi số 100.', 'Chủ tọa hỏi: Câu hỏi số 200.']);
      expect(texts[7]).toBe('Chủ tọa hỏi: Câu hỏi số 300.');
    }
    expect(canonicalText(canonicalContent(clerk))).toBe(canonicalText(canonicalContent(judge)));
  });
});

describe('body parts: the tail', () => {
  const closing = (text: string): Block => ({ content: [text] });
  const texts = (doc: Y.Doc) => canonicalContent(doc).blocks.map(blockText);

  it('is read after every numbered part, including parts added after it', () => {
    const doc = newDocumentDoc(turns(1, 2));
    expect(hasBodyTail(doc)).toBe(false);
    doc.transact(() => {
      doc.getXmlFragment(addBodyTail(doc)).insert(0, [toElement(closing('Phiên tòa kết thúc.'))]);
      doc.getXmlFragment(addBodyPart(doc)).insert(0, [toElement(turn(3))]);
    });
    doc.getXmlFragment(addBodyPart(doc)).insert(0, [toElement(turn(4))]);
    expect(hasBodyTail(doc)).toBe(true);
    expect(bodyPartFields(doc)).toEqual(['body', 'body/1', 'body/2', BODY_TAIL_FIELD]);
    expect(bodyNumberedFields(doc)).toEqual(['body', 'body/1', 'body/2']);
    // The tail is not a numbered part: the next part is still body/3.
    expect(bodyPartIndexes(doc)).toEqual([0, 1, 2]);
    expect(texts(doc)).toEqual(['Chủ tọa hỏi: Câu hỏi số 1.', 'Chủ tọa hỏi: Câu hỏi số 2.', 'Chủ tọa hỏi: Câu hỏi số 3.', 'Chủ tọa hỏi: Câu hỏi số 4.', 'Phiên tòa kết thúc.']);
  });

  it('merges two offline clients that both add it: one tail, both writes kept', () => {
    const clerk = newDocumentDoc(turns(1, 1));
    const judge = new Y.Doc({ gc: false });
    Y.applyUpdate(judge, Y.encodeStateAsUpdate(clerk));
    clerk.transact(() => clerk.getXmlFragment(addBodyTail(clerk)).insert(0, [toElement(closing('Thư ký'))]));
    judge.transact(() => judge.getXmlFragment(addBodyTail(judge)).insert(0, [toElement(closing('Chủ tọa'))]));
    sync(clerk, judge);
    for (const doc of [clerk, judge]) {
      expect(bodyPartFields(doc)).toEqual(['body', BODY_TAIL_FIELD]);
      expect(texts(doc).slice(1).sort()).toEqual(['Chủ tọa', 'Thư ký']);
    }
    expect(texts(clerk)).toEqual(texts(judge));
  });

  it('restores a long version into numbered parts only, the tail emptied: the order stays the old one', () => {
    const doc = newDocumentDoc(turns(1, 2 * BODY_PART_BLOCKS + 5));
    const version = recordVersion(doc, 'manual', 'thuky', undefined, '2025-11-28T09:00:00.000Z');
    const old = texts(doc);
    // Since the version: the body cut short, and a tail with the closing sections.
    const body = doc.getXmlFragment(DOCUMENT_ROOT.body);
    doc.transact(() => {
      body.delete(1, body.length - 1);
      doc.getXmlFragment(addBodyTail(doc)).insert(0, [toElement(closing('Phiên tòa kết thúc.'))]);
    });
    restoreVersion(doc, version, 'thuky', '2025-11-28T10:00:00.000Z');
    expect(texts(doc)).toEqual(old);
    expect(bodyPartFields(doc)).toEqual(['body', 'body/1', 'body/2', BODY_TAIL_FIELD]);
    expect(doc.getXmlFragment(BODY_TAIL_FIELD).length).toBe(0);
  });

  it('signs the same bytes with the closing sections in the tail or in the last part', async () => {
    const blocks = [...turns(1, 12), closing('Phiên tòa kết thúc.'), closing('THƯ KÝ PHIÊN TÒA')];
    const one = canonicalContent(newDocumentDoc(blocks));
    const withTail = newDocumentDoc(blocks.slice(0, 5));
    withTail.transact(() => {
      withTail.getXmlFragment(addBodyTail(withTail)).insert(0, blocks.slice(12).map(toElement));
      withTail.getXmlFragment(addBodyPart(withTail)).insert(0, blocks.slice(5, 12).map(toElement));
    });
    expect(await contentHash(canonicalContent(withTail))).toBe(await contentHash(one));
  });
});

describe('body parts: every reader reads all parts', () => {
  const blocks: Block[] = [{ type: 'heading', attrs: { level: 1, align: 'center' }, content: ['BIÊN BẢN PHIÊN TÒA SƠ THẨM'] }, ...turns(1, 2 * BODY_PART_BLOCKS + 17)];

  it('signs the same bytes whatever the split: one body, parts of 100, parts of 7', async () => {
    const one = canonicalContent(newDocumentDoc(blocks));
    expect(one.blocks).toHaveLength(blocks.length);
    for (const size of [BODY_PART_BLOCKS, 7]) {
      const split = docInParts(blocks, size);
      expect(bodyPartIndexes(split).length).toBe(Math.ceil(blocks.length / size));
      const content = canonicalContent(split);
      expect(canonicalText(content)).toBe(canonicalText(one));
      expect(await contentHash(content)).toBe(await contentHash(one));
    }
  });

  it('lists the blocks of all parts in order (bodyBlocks) and attributes text in every part', () => {
    const doc = docInParts(turns(1, 5), 2);
    expect(bodyBlocks(doc)).toHaveLength(5);
    registerAuthor(doc, 'thuky');
    // The judge's replica writes in the last part; the clerk's doc attributes it after the merge.
    const judge = new Y.Doc({ gc: false });
    Y.applyUpdate(judge, Y.encodeStateAsUpdate(doc));
    registerAuthor(judge, 'thamphan');
    const last = judge.getXmlFragment(bodyPartField(2)).get(0) as Y.XmlElement;
    (last.get(1) as Y.XmlText).insert(0, 'Thêm');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(judge));
    const attributed = attributedBlocks(doc);
    expect(attributed).toHaveLength(5);
    expect(attributed[4]!.runs.map((r) => r.text).join('')).toBe('Chủ tọa hỏi:Thêm Câu hỏi số 5.');
    expect(attributed[4]!.runs).toContainEqual({ text: 'Thêm', author: 'thamphan' });
  });

  it('rebuilds and restores a version of a body in parts: every part back, in order', () => {
    const doc = docInParts(turns(1, 2 * BODY_PART_BLOCKS + 5), BODY_PART_BLOCKS);
    const before = canonicalText(canonicalContent(doc));
    const version = recordVersion(doc, 'manual', 'thuky', undefined, '2025-11-28T09:00:00.000Z');
    // Edits in the last part and a wholly new part after the version.
    (doc.getXmlFragment(bodyPartField(2)).get(0) as Y.XmlElement).insert(0, [new Y.XmlText('SỬA ')]);
    doc.getXmlFragment(addBodyPart(doc)).insert(0, [toElement(turn(999))]);
    expect(canonicalText(canonicalContent(doc))).not.toBe(before);
    expect(canonicalText(contentAtVersion(doc, version)!)).toBe(before);

    restoreVersion(doc, version, 'thamphan', '2025-11-28T10:00:00.000Z');
    expect(canonicalText(canonicalContent(doc))).toBe(before);
    // The part added after the version is emptied, not removed: a concurrent writer's part stays readable.
    expect(bodyPartIndexes(doc)).toEqual([0, 1, 2, 3]);
    expect(doc.getXmlFragment(bodyPartField(3)).length).toBe(0);
  });

  it('restores a long version into a body that is short now by adding parts', () => {
    const doc = newDocumentDoc(turns(1, 2 * BODY_PART_BLOCKS + 5));
    const version = recordVersion(doc, 'manual', 'thuky', undefined, '2025-11-28T09:00:00.000Z');
    const body = doc.getXmlFragment(DOCUMENT_ROOT.body);
    body.delete(1, body.length - 1);
    restoreVersion(doc, version, 'thuky', '2025-11-28T10:00:00.000Z');
    expect(bodyPartFields(doc)).toEqual(['body', 'body/1', 'body/2']);
    expect(bodyPartFields(doc).map((f) => doc.getXmlFragment(f).length)).toEqual([BODY_PART_BLOCKS, BODY_PART_BLOCKS, 5]);
    expect(canonicalContent(doc).blocks.map(blockText)).toEqual(turns(1, 2 * BODY_PART_BLOCKS + 5).map((_, i) => `Chủ tọa hỏi: Câu hỏi số ${i + 1}.`));
  });
});
