import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { attributedBlocks, registerAuthor } from '../../../../shared/drafting/authors.js';
import { blockText, canonicalContent } from '../../../../shared/drafting/canonical.js';
import { appendCorrection, correctionsOf, isReadOnly } from '../../../../shared/drafting/finalisation.js';
import { contentAtVersion, recordVersion, restoreVersion, versionsOf } from '../../../../shared/drafting/versions.js';
import { newDocumentDoc, textOfBlock } from './fixtures.js';

describe('versions, authors and corrections', () => {
  it('records versions, rebuilds any of them, and restores one as a new edit that keeps history', () => {
    const doc = newDocumentDoc([{ content: ['Bản nháp đầu tiên.'] }]);
    const created = recordVersion(doc, 'created', 'thuky', undefined, '2025-11-28T08:00:00.000Z');
    textOfBlock(doc, 0).delete(0, 3);
    textOfBlock(doc, 0).insert(0, 'Văn');
    const edited = recordVersion(doc, 'manual', 'thuky');
    expect(versionsOf(doc).map((v) => v.reason)).toEqual(['created', 'manual']);
    expect(created.label).toBe('Tạo văn bản');
    expect(contentAtVersion(doc, created)!.blocks.map(blockText)).toEqual(['Bản nháp đầu tiên.']);
    expect(contentAtVersion(doc, edited)!.blocks.map(blockText)).toEqual(['Văn nháp đầu tiên.']);

    const restored = restoreVersion(doc, created, 'thamphan')!;
    expect(restored.reason).toBe('restored');
    expect(canonicalContent(doc).blocks.map(blockText)).toEqual(['Bản nháp đầu tiên.']);
    // The edited version is still there to look at: nothing was deleted from history.
    expect(contentAtVersion(doc, edited)!.blocks.map(blockText)).toEqual(['Văn nháp đầu tiên.']);
    // And the restore travels to other replicas as an ordinary update.
    const other = new Y.Doc({ gc: false });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(canonicalContent(other).blocks.map(blockText)).toEqual(['Bản nháp đầu tiên.']);
  });

  it('refuses to record versions of a garbage-collected doc', () => {
    expect(() => recordVersion(new Y.Doc(), 'manual', 'thuky')).toThrow(/gc: false/);
  });

  it('attributes text to the accounts that typed it', () => {
    const clerk = newDocumentDoc([{ content: [] }]);
    registerAuthor(clerk, 'thuky');
    const para = clerk.getXmlFragment('body').get(0) as Y.XmlElement;
    para.insert(0, [new Y.XmlText('Thư ký ghi. ')]);
    const judge = new Y.Doc({ gc: false });
    Y.applyUpdate(judge, Y.encodeStateAsUpdate(clerk));
    registerAuthor(judge, 'thamphan');
    textOfBlock(judge, 0).insert(textOfBlock(judge, 0).length, 'Thẩm phán sửa.');
    Y.applyUpdate(clerk, Y.encodeStateAsUpdate(judge));
    expect(attributedBlocks(clerk)).toEqual([
      { type: 'paragraph', runs: [{ text: 'Thư ký ghi. ', author: 'thuky' }, { text: 'Thẩm phán sửa.', author: 'thamphan' }] },
    ]);
  });

  it('appends corrections only to a finalised document, attributed and dated; registering an author then writes nothing', () => {
    const doc = newDocumentDoc([{ content: ['Nội dung.'] }]);
    const early = appendCorrection(doc, { text: 'Sửa', by: 'thuky', at: '2025-11-28T11:00:00.000Z' });
    expect(!early.ok && early.error.code).toBe('signing.correctionBeforeFinal');
    doc.getMap('meta').set('status', 'finalised');
    expect(isReadOnly(doc)).toBe(true);
    const empty = appendCorrection(doc, { text: '   ', by: 'thuky', at: '2025-11-28T11:00:00.000Z' });
    expect(!empty.ok && empty.error.code).toBe('signing.correctionEmpty');
    const text = 'Dòng 3 trang 2 ghi nhầm "Ấp Tân Hưng"\nsửa thành "Ấp Tân Hòa".'.normalize('NFD');
    const done = appendCorrection(doc, { text, by: 'thuky', at: '2025-11-28T11:00:00.000Z' });
    expect(done.ok).toBe(true);
    expect(correctionsOf(doc)).toEqual([expect.objectContaining({ text: text.normalize('NFC'), by: 'thuky', at: '2025-11-28T11:00:00.000Z' })]);
    const before = Y.encodeStateVector(doc);
    registerAuthor(doc, 'thamphan');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
