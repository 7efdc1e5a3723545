// The sentence around each mention, as the review screen shows it.
import { describe, expect, it } from 'vitest';
import { anonymiseDoc, blockTextAt, mentionContexts, sentenceAround } from '../../../../shared/anonymise/index.js';
import type { DocNode } from '../../../../shared/templates/model.js';

const attrs = { align: 'justify' as const, indentFirstLine: true, spacingBefore: 0 };

describe('sentenceAround', () => {
  it('cuts at sentence ends on both sides', () => {
    const text = 'Phiên tòa mở. Bị đơn ông Lê Văn Cường vắng mặt; Tòa xét xử vắng mặt.';
    const start = text.indexOf('Lê Văn Cường');
    expect(sentenceAround(text, start, start + 'Lê Văn Cường'.length)).toEqual({ before: 'Bị đơn ông ', mention: 'Lê Văn Cường', after: ' vắng mặt;' });
  });

  it('marks a cut with an ellipsis when no boundary is near', () => {
    const text = `${'x '.repeat(80)}Lê Văn Cường ${'y '.repeat(80)}`;
    const start = text.indexOf('Lê');
    const around = sentenceAround(text, start, start + 12);
    expect(around.before.startsWith('…')).toBe(true);
    expect(around.after.endsWith('…')).toBe(true);
    expect(around.before.length).toBeLessThan(95);
  });
});

describe('mentionContexts', () => {
  const doc: DocNode = {
    type: 'doc',
    attrs: { templateId: 't', templateVersion: '1' },
    content: [
      { type: 'paragraph', attrs, content: [{ type: 'text', text: 'Nguyên đơn: bà ' }, { type: 'field', attrs: { path: 'p', label: 'p', value: 'Trần Thị Bích', status: 'filled', frozen: false } }, { type: 'text', text: '.' }] },
      {
        type: 'signatureBlock',
        content: [
          { type: 'column', content: [{ type: 'paragraph', attrs, content: [{ type: 'text', text: '- Bà Trần Thị Bích;' }] }] },
          { type: 'column', content: [] },
        ],
      },
    ],
  };

  it('finds nested blocks by path and returns each mention in its sentence', () => {
    expect(blockTextAt(doc, 'content.1.content.0.content.0')).toBe('- Bà Trần Thị Bích;');
    expect(blockTextAt(doc, 'content.9')).toBeUndefined();
    const { replacements } = anonymiseDoc(doc, [{ name: 'Trần Thị Bích', role: 'plaintiff' }]);
    const contexts = mentionContexts(doc, replacements[0]?.positions ?? []);
    expect(contexts.map((c) => `${c.before}[${c.mention}]${c.after}`)).toEqual(['Nguyên đơn: bà [Trần Thị Bích].', '- Bà [Trần Thị Bích];']);
  });
});
