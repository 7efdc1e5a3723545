/** Speakers of a hearing, their order (the Alt+n hotkeys), the turn paragraph and the palette. */
import { describe, expect, it } from 'vitest';
import { CaseSchema, type CaseInput } from '../../../../shared/domain/schemas.js';
import { hearingSpeakers, paletteTurns, turnLeadIn, turnParagraph } from '../../../../shared/drafting/hearing-speakers.js';

const base: CaseInput = {
  id: 'c1',
  courtId: 'tand',
  type: 'HS',
  level: 'ST',
  acceptanceNumber: '12/2025/TLST-HS',
  acceptanceDate: '2025-03-01',
  subject: 'Trộm cắp tài sản',
  createdAt: '2025-03-01T00:00:00Z',
  updatedAt: '2025-03-01T00:00:00Z',
  panel: [
    { id: 'm3', role: 'assessor', name: 'Lê Thị Hoa', order: 2 },
    { id: 'm1', role: 'presidingJudge', name: 'Trần Văn Bình', order: 0 },
    { id: 'm4', role: 'clerk', name: 'Phạm Thu', order: 4 },
    { id: 'm5', role: 'prosecutor', name: 'Võ Minh', order: 5 },
    { id: 'm2', role: 'assessor', name: 'Đỗ Văn Cường', order: 1 },
  ],
  parties: [
    { id: 'w1', role: 'witness', fullName: 'Bùi Thị Yến', order: 0 },
    { id: 'l1', role: 'defenceCounsel', fullName: 'Hoàng Quốc Sơn', order: 0 },
    { id: 'v1', role: 'victim', fullName: 'Đặng Thị Lan', order: 0 },
    { id: 'a2', role: 'accused', fullName: 'Nguyễn Văn B', order: 1 },
    { id: 'a1', role: 'accused', fullName: 'Nguyễn Văn A', order: 0 },
  ],
};

describe('hearing speakers', () => {
  const speakers = hearingSpeakers(CaseSchema.parse(base));

  it('puts officers first (chủ tọa, hội thẩm, kiểm sát viên), then parties, counsel, witnesses; never the clerk', () => {
    expect(speakers.map((s) => s.label)).toEqual([
      'Chủ tọa',
      'Hội thẩm nhân dân Đỗ Văn Cường',
      'Hội thẩm nhân dân Lê Thị Hoa',
      'Kiểm sát viên',
      'Bị cáo Nguyễn Văn A',
      'Bị cáo Nguyễn Văn B',
      'Bị hại Đặng Thị Lan',
      'Người bào chữa Hoàng Quốc Sơn',
      'Người làm chứng Bùi Thị Yến',
    ]);
  });

  it('officers and counsel ask, parties and witnesses answer', () => {
    const verbs = Object.fromEntries(speakers.map((s) => [s.label, s.defaultVerb]));
    expect(verbs['Chủ tọa']).toBe('hỏi');
    expect(verbs['Kiểm sát viên']).toBe('hỏi');
    expect(verbs['Người bào chữa Hoàng Quốc Sơn']).toBe('hỏi');
    expect(verbs['Bị cáo Nguyễn Văn A']).toBe('trả lời');
    expect(verbs['Người làm chứng Bùi Thị Yến']).toBe('trả lời');
  });

  it('names each prosecutor when there are several', () => {
    const two = hearingSpeakers(CaseSchema.parse({ ...base, panel: [...(base.panel ?? []), { id: 'm6', role: 'prosecutor', name: 'Lý Hà', order: 6 }] }));
    expect(two.filter((s) => s.label.startsWith('Kiểm sát viên')).map((s) => s.label)).toEqual(['Kiểm sát viên Võ Minh', 'Kiểm sát viên Lý Hà']);
  });

  it('writes the turn as the forms do: the lead-in in bold, then a space to type in', () => {
    expect(turnLeadIn({ label: 'Bị cáo Nguyễn Văn A' }, 'trả lời')).toBe('Bị cáo Nguyễn Văn A trả lời:');
    expect(turnParagraph({ label: 'Chủ tọa' }, 'hỏi')).toEqual({
      type: 'paragraph',
      attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 },
      content: [
        { type: 'text', text: 'Chủ tọa hỏi:', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' ' },
      ],
    });
  });

  it('offers every speaker with each verb in the palette, the usual verb first', () => {
    const turns = paletteTurns(speakers);
    expect(turns).toHaveLength(speakers.length * 3);
    expect(turns.slice(0, 3).map((t) => t.text)).toEqual(['Chủ tọa hỏi:', 'Chủ tọa trả lời:', 'Chủ tọa trình bày:']);
    expect(turns.find((t) => t.speaker.label === 'Bị cáo Nguyễn Văn A')?.verb).toBe('trả lời');
  });
});
