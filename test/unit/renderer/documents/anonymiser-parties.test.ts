import { describe, expect, it } from 'vitest';
import { anonymiserParties } from '../../../../renderer/documents/anonymiser-parties.js';
import { anonymiseText } from '../../../../shared/anonymise/index.js';
import { PanelMemberSchema, PartySchema, StaffMemberSchema } from '../../../../shared/domain/schemas.js';

const kase = {
  parties: [
    PartySchema.parse({ id: 'd', role: 'defendant', fullName: 'Công ty TNHH Bình Minh', kind: 'organisation', order: 1 }),
    PartySchema.parse({
      id: 'p',
      role: 'plaintiff',
      fullName: 'Nguyễn Văn Ánh',
      address: 'ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long',
      idNumber: '086080001234',
      phone: '',
      order: 0,
    }),
  ],
  panel: [PanelMemberSchema.parse({ id: 'j', role: 'presidingJudge', name: 'Trần Thị Hoa' })],
  judgeId: 'sj',
  clerkId: 'sc',
};
const staff = [
  StaffMemberSchema.parse({ id: 'sj', name: 'Trần Thị Hoa', role: 'judge' }),
  StaffMemberSchema.parse({ id: 'sc', name: 'Lê Văn Bình', role: 'clerk' }),
];

describe('anonymiserParties', () => {
  it('maps parties in order with what can be masked, then officers once each', () => {
    expect(anonymiserParties(kase, staff)).toEqual([
      { name: 'Nguyễn Văn Ánh', role: 'plaintiff', kind: 'person', address: 'ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long', idNumber: '086080001234' },
      { name: 'Công ty TNHH Bình Minh', role: 'defendant', kind: 'organisation' },
      { name: 'Trần Thị Hoa', role: 'presidingJudge', kind: 'person' },
      { name: 'Lê Văn Bình', role: 'clerk', kind: 'person' },
    ]);
  });

  it('gives the anonymiser what it needs: parties hidden, officers kept', () => {
    const text =
      'Nguyên đơn: ông Nguyễn Văn Ánh, CCCD 086080001234, địa chỉ ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long. ' +
      'Bị đơn: Công ty TNHH Bình Minh. Thẩm phán - Chủ tọa phiên tòa: bà Trần Thị Hoa. Thư ký: ông Lê Văn Bình.';
    const { text: out } = anonymiseText(text, anonymiserParties(kase, staff));
    expect(out).not.toContain('Nguyễn Văn Ánh');
    expect(out).toContain('Nguyễn Văn A');
    expect(out).not.toContain('086080001234');
    expect(out).toContain('tỉnh Vĩnh Long');
    expect(out).not.toContain('Phú Thạnh');
    expect(out).toContain('Trần Thị Hoa');
    expect(out).toContain('Lê Văn Bình');
    expect(out).not.toContain('Bình Minh');
  });
});
