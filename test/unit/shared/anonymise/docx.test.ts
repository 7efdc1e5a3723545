// anonymiseDocx: the w:t runs of each paragraph are scanned together; the result is a valid DOCX.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { anonymiseDocx } from '../../../../shared/anonymise/docx.js';
import { buildDocx } from '../../../../shared/docx/build.js';
import type { DocNode } from '../../../../shared/templates/model.js';

const doc: DocNode = {
  type: 'doc',
  attrs: { templateId: 'T', templateVersion: '1' },
  content: [
    {
      type: 'paragraph',
      attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 },
      content: [
        { type: 'text', text: 'Bị cáo ' },
        { type: 'text', text: 'Nguyễn', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' Văn An & đồng phạm, SĐT 0912345678; Thẩm phán Trần Thị Cẩm Anh.' },
      ],
    },
  ],
};

describe('anonymiseDocx', () => {
  it('replaces a name split across runs, masks numbers, keeps officers and escapes XML', async () => {
    const bytes = await buildDocx(doc, { title: 'T', court: 'C' });
    const result = anonymiseDocx(bytes, [
      { name: 'Nguyễn Văn An', role: 'accused' },
      { name: 'Trần Thị Cẩm Anh', role: 'Thẩm phán' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const xml = strFromU8(unzipSync(result.value.bytes)['word/document.xml'] ?? new Uint8Array());
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toBe('Bị cáo Nguyễn Văn A &amp; đồng phạm, SĐT **********; Thẩm phán Trần Thị Cẩm Anh.');
    expect(xml).toMatch(/<w:b\/>.*?<w:t[^>]*>Nguyễn<\/w:t>/s);
    expect(result.value.replacements.map((r) => [r.kind, r.count])).toEqual([
      ['person', 1],
      ['phone', 1],
    ]);
  });

  it('refuses a file that is not a DOCX', () => {
    const result = anonymiseDocx(strToU8('plain text'), []);
    expect(!result.ok && result.error.messageVi).toContain('không phải tệp DOCX');
    const empty = anonymiseDocx(zipSync({ 'a.txt': strToU8('x') }), []);
    expect(!empty.ok && empty.error.code).toBe('anonymise.notDocx');
  });
});
