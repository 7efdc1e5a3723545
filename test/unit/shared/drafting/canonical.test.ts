import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { blockText, canonicalContent, canonicalText } from '../../../../shared/drafting/canonical.js';
import { diffContent } from '../../../../shared/drafting/content-diff.js';
import { contentHash } from '../../../../shared/drafting/signing.js';
import { DOCUMENT_ROOT } from '../../../../shared/drafting/document-doc.js';
import { newDocumentDoc, textOfBlock, type Block } from './fixtures.js';

const BLOCKS: Block[] = [
  { type: 'heading', attrs: { level: 1, align: 'center' }, content: ['BIÊN BẢN PHIÊN TÒA SƠ THẨM'] },
  { content: ['Nguyên đơn: ', { field: 'parties.byRole.plaintiff.0.fullName', value: 'Nguyễn Văn Được' }, ', có mặt.'] },
  { content: ['Chủ tọa hỏi: ', { text: 'Bị đơn có đồng ý không?', marks: { bold: {} } }, { hardBreak: true }, 'Bị đơn trả lời: Không đồng ý.'] },
  { content: [] },
];

describe('canonical content', () => {
  it('resolves fields to their values, keeps marks, hard breaks and empty paragraphs', () => {
    const content = canonicalContent(newDocumentDoc(BLOCKS));
    expect(content.meta).toMatchObject({ documentId: 'd-0001', kind: 'hearingMinutes', templateId: 'NQ01-2017/48-DS', templateVersion: '1.0.0', number: '' });
    expect(content.blocks.map(blockText)).toEqual([
      'BIÊN BẢN PHIÊN TÒA SƠ THẨM',
      'Nguyên đơn: Nguyễn Văn Được, có mặt.',
      'Chủ tọa hỏi: Bị đơn có đồng ý không?\nBị đơn trả lời: Không đồng ý.',
      '',
    ]);
    expect(content.blocks[2]!.runs[1]).toEqual({ text: 'Bị đơn có đồng ý không?', marks: ['bold'] });
    expect(content.blocks[1]!.runs[1]!.marks).toEqual(['field="parties.byRole.plaintiff.0.fullName"']);
    expect(content.blocks[0]!.attrs).toEqual({ level: 1, align: 'center' });
  });

  it('canonicalises NFD and NFC input to the same bytes and hash', async () => {
    const nfd = BLOCKS.map((b) => ({ ...b, content: b.content.map((i) => (typeof i === 'string' ? i.normalize('NFD') : 'field' in i ? { ...i, value: i.value.normalize('NFD') } : i)) }));
    const a = canonicalContent(newDocumentDoc(BLOCKS));
    const b = canonicalContent(newDocumentDoc(nfd, { title: 'Biên bản phiên tòa'.normalize('NFD') }));
    expect(JSON.stringify(nfd)).not.toBe(JSON.stringify(BLOCKS));
    expect(canonicalText(b)).toBe(canonicalText(a));
    expect(await contentHash(b)).toBe(await contentHash(a));
  });

  it('is the same whatever order concurrent edits merged in, and ignores status, title and frozen fields', async () => {
    const base = newDocumentDoc(BLOCKS);
    const left = new Y.Doc({ gc: false });
    const right = new Y.Doc({ gc: false });
    Y.applyUpdate(left, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(base));
    textOfBlock(left, 2, 'last').insert(0, 'Thư ký ghi: ');
    textOfBlock(right, 2, 'last').insert(0, 'Phiên tòa kết thúc. ');
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    expect(canonicalText(canonicalContent(left))).toBe(canonicalText(canonicalContent(right)));

    const before = await contentHash(canonicalContent(left));
    left.transact(() => {
      left.getMap(DOCUMENT_ROOT.meta).set('status', 'finalised');
      left.getMap(DOCUMENT_ROOT.meta).set('title', 'Tên khác');
      ((left.getXmlFragment(DOCUMENT_ROOT.body).get(1) as Y.XmlElement).get(1) as Y.XmlElement).setAttribute('frozen', true as unknown as string);
    });
    expect(await contentHash(canonicalContent(left))).toBe(before);
  });

  it('a one-character change changes the hash and the diff names the paragraph', async () => {
    const doc = newDocumentDoc(BLOCKS);
    const signed = canonicalContent(doc);
    const last = textOfBlock(doc, 2, 'last');
    last.delete(last.length - 2, 1); // 'đồng ý.' becomes 'đồng .'
    const now = canonicalContent(doc);
    expect(await contentHash(now)).not.toBe(await contentHash(signed));
    expect(diffContent(signed, now)).toEqual([
      {
        kind: 'changed',
        beforeIndex: 3,
        afterIndex: 3,
        before: 'Chủ tọa hỏi: Bị đơn có đồng ý không?\nBị đơn trả lời: Không đồng ý.',
        after: 'Chủ tọa hỏi: Bị đơn có đồng ý không?\nBị đơn trả lời: Không đồng .',
        formatOnly: false,
      },
    ]);
  });

  it('the diff tells added, removed, re-formatted paragraphs and meta changes apart', () => {
    const doc = newDocumentDoc(BLOCKS);
    const signed = canonicalContent(doc);
    const body = doc.getXmlFragment(DOCUMENT_ROOT.body);
    doc.transact(() => {
      body.delete(0, 1);
      textOfBlock(doc, 0).format(0, 4, { italic: {} });
      doc.getMap(DOCUMENT_ROOT.meta).set('number', '34/2025/DS-ST');
    });
    const extra = new Y.XmlElement('paragraph');
    body.push([extra]);
    (extra as Y.XmlElement).insert(0, [new Y.XmlText('Đoạn mới.')]);
    const changes = diffContent(signed, canonicalContent(doc));
    expect(changes).toEqual([
      { kind: 'meta', field: 'number', before: '', after: '34/2025/DS-ST' },
      { kind: 'changed', beforeIndex: 2, afterIndex: 1, formatOnly: true, before: 'Nguyên đơn: Nguyễn Văn Được, có mặt.', after: 'Nguyên đơn: Nguyễn Văn Được, có mặt.' },
      { kind: 'removed', index: 1, before: 'BIÊN BẢN PHIÊN TÒA SƠ THẨM' },
      { kind: 'added', index: 4, after: 'Đoạn mới.' },
    ]);
  });
});
