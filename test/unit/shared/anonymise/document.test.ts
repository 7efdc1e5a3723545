// anonymiseDoc: replaces inside text and field nodes, keeps marks, freezes changed fields.
import { describe, expect, it } from 'vitest';
import { anonymiseDoc } from '../../../../shared/anonymise/document.js';
import type { DocNode, FieldNode, InlineNode } from '../../../../shared/templates/model.js';
import { docToText } from '../../../../shared/templates/text.js';

const field = (path: string, value: string): FieldNode => ({ type: 'field', attrs: { path, label: path, value, status: 'filled', frozen: false } });
const para = (...content: InlineNode[]) => ({ type: 'paragraph' as const, attrs: { align: 'justify' as const, indentFirstLine: true, spacingBefore: 0 }, content });

const doc: DocNode = {
  type: 'doc',
  attrs: { templateId: 'NQ05-2017/27-HS', templateVersion: '1.0.0' },
  content: [
    para({ type: 'text', text: 'Bị cáo ' }, field('parties.byRole.accused.0.fullName', 'Nguyễn Văn An'), { type: 'text', text: '; nơi cư trú: ' }, field('parties.byRole.accused.0.address', 'ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long')),
    // A name split across two text nodes with different marks.
    para({ type: 'text', text: 'Tuyên bố bị cáo ' }, { type: 'text', text: 'Nguyễn Văn', marks: [{ type: 'bold' }] }, { type: 'text', text: ' An phạm tội.' }),
    {
      type: 'signatureBlock',
      content: [
        { type: 'column', content: [para({ type: 'text', text: 'Nơi nhận:' }), para({ type: 'text', text: '- Bị cáo Nguyễn Văn An;' })] },
        { type: 'column', content: [para(field('panel.presiding.name', 'Trần Thị Cẩm Anh'))] },
      ],
    },
  ],
};

describe('anonymiseDoc', () => {
  const parties = [
    { name: 'Nguyễn Văn An', role: 'accused', address: 'ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long' },
    { name: 'Trần Thị Cẩm Anh', role: 'presidingJudge' },
  ];
  const { doc: out, replacements } = anonymiseDoc(doc, parties);

  it('replaces in fields and text, everywhere, and keeps the officer', () => {
    const text = docToText(out);
    expect(text).toContain('Bị cáo Nguyễn Văn A; nơi cư trú: ấp P, xã T, tỉnh Vĩnh Long');
    expect(text).toContain('Tuyên bố bị cáo Nguyễn Văn A phạm tội.');
    expect(text).toContain('- Bị cáo Nguyễn Văn A;');
    expect(text).toContain('Trần Thị Cẩm Anh');
    expect(text).not.toContain('Nguyễn Văn An');
  });

  it('keeps marks and freezes the fields it changed', () => {
    const [first, second] = out.content;
    const name = first?.type === 'paragraph' ? first.content?.[1] : undefined;
    expect(name).toMatchObject({ type: 'field', attrs: { value: 'Nguyễn Văn A', frozen: true, path: 'parties.byRole.accused.0.fullName' } });
    const nodes = second?.type === 'paragraph' ? second.content : [];
    expect(nodes?.[1]).toEqual({ type: 'text', text: 'Nguyễn Văn', marks: [{ type: 'bold' }] });
    expect(nodes?.[2]).toEqual({ type: 'text', text: ' A phạm tội.' });
  });

  it('reports each replacement with the block it is in', () => {
    const person = replacements.find((r) => r.kind === 'person');
    expect(person?.count).toBe(3);
    expect(person?.positions.map((p) => p.at)).toEqual(['content.0', 'content.1', 'content.2.content.0.content.1']);
    expect(replacements.find((r) => r.kind === 'address')).toMatchObject({ replacement: 'ấp P, xã T, tỉnh Vĩnh Long', count: 1 });
  });

  it('leaves the input document untouched', () => {
    expect(docToText(doc)).toContain('Nguyễn Văn An');
  });
});
