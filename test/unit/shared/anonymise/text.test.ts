// anonymiseText: structured party data first, then patterns; consistent aliases; officers kept.
import { describe, expect, it } from 'vitest';
import type { PartyInput } from '../../../../shared/anonymise/model.js';
import { anonymiseText } from '../../../../shared/anonymise/text.js';

const parties: PartyInput[] = [
  { name: 'Nguyễn Văn An', role: 'accused', address: 'ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long', idNumber: '086080001234' },
  { name: 'Phan Hoài Hải', role: 'victim' },
  { name: 'Phan Hoài Hùng', role: 'Người làm chứng' },
  { name: 'Công ty TNHH Hoàng Bảo', role: 'civilDefendant' },
  { name: 'Trần Thị Cẩm Anh', role: 'presidingJudge' },
  { name: 'Lê Văn Trình', role: 'Kiểm sát viên' },
  { name: 'Hồ Thị Hiền Tiên', role: 'clerk' },
];

describe('anonymiseText', () => {
  it('turns every mention of a party into the same alias and lists it with count and positions', () => {
    const input = 'Bị cáo Nguyễn Văn An khai. Lời khai của Nguyễn Văn An phù hợp. Xử phạt bị cáo Nguyễn Văn An.';
    const { text, replacements } = anonymiseText(input, parties);
    expect(text).toBe('Bị cáo Nguyễn Văn A khai. Lời khai của Nguyễn Văn A phù hợp. Xử phạt bị cáo Nguyễn Văn A.');
    const person = replacements.find((r) => r.kind === 'person');
    expect(person).toMatchObject({ original: 'Nguyễn Văn An', replacement: 'Nguyễn Văn A', count: 3 });
    expect(person?.positions.map((p) => input.slice(p.start, p.end))).toEqual(['Nguyễn Văn An', 'Nguyễn Văn An', 'Nguyễn Văn An']);
  });

  it('numbers colliding aliases (H1, H2), also in short mentions', () => {
    const { text } = anonymiseText('Bị hại Phan Hoài Hải; người làm chứng Phan Hoài Hùng. Anh Hải và anh Hùng có mặt.', parties);
    expect(text).toBe('Bị hại Phan Hoài H1; người làm chứng Phan Hoài H2. Anh H1 và anh H2 có mặt.');
  });

  it('does not take a longer given name for a party (An ≠ Anh)', () => {
    const { text } = anonymiseText('Ông Nguyễn Văn Anh là người khác.', parties);
    expect(text).toBe('Ông Nguyễn Văn Anh là người khác.');
  });

  it('matches NFD input, names in capitals and names split across lines, keeping the layout', () => {
    const input = 'BỊ CÁO NGUYỄN VĂN AN\nbị cáo Nguyễn\nVăn An và Nguyễn  Văn   An.'.normalize('NFD');
    const { text, replacements } = anonymiseText(input, parties);
    expect(text).toBe('BỊ CÁO NGUYỄN VĂN A\nbị cáo Nguyễn\nVăn A và Nguyễn  Văn   A.');
    expect(replacements.find((r) => r.kind === 'person')?.count).toBe(3);
  });

  it('keeps the names of the judge, the prosecutor and the clerk', () => {
    const input = 'Thẩm phán - Chủ tọa phiên tòa: Bà Trần Thị Cẩm Anh. Kiểm sát viên: Ông Lê Văn Trình. Thư ký: Bà Hồ Thị Hiền Tiên.';
    const { text, replacements } = anonymiseText(input, parties);
    expect(text).toBe(input);
    expect(replacements).toEqual([]);
  });

  it('reduces the party address (post-2025 units) and other addresses that end with a province', () => {
    const input = 'Địa chỉ: ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long. Cha bị cáo ở ấp Long Hòa, xã Long\nPhú, tỉnh Vĩnh Long. Trụ sở Tòa án nhân dân thành phố Lạng Sơn, tỉnh Lạng Sơn.';
    const { text, replacements } = anonymiseText(input, parties);
    expect(text).toBe('Địa chỉ: ấp P, xã T, tỉnh Vĩnh Long. Cha bị cáo ở ấp L, xã L, tỉnh Vĩnh Long. Trụ sở Tòa án nhân dân thành phố Lạng Sơn, tỉnh Lạng Sơn.');
    expect(replacements.filter((r) => r.kind === 'address').map((r) => r.replacement)).toEqual(['ấp P, xã T, tỉnh Vĩnh Long', 'ấp L, xã L']);
  });

  it('masks identity, passport, phone, bank account, plate and e-mail', () => {
    const input =
      'CCCD số 086080001234, CMND số 385123456, hộ chiếu số C1234567, điện thoại 0912.345.678 và +84 912 345 679, tài khoản số 1903 5678 9012 tại ngân hàng, xe biển kiểm soát 35B - 010.74 và 51G-123.45, thư điện tử an.nguyen@gmail.com; số tiền 300.000.000 đồng ngày 05.01.2021.';
    const { text, replacements } = anonymiseText(input, parties);
    expect(text).toBe(
      'CCCD số ************, CMND số *********, hộ chiếu số ********, điện thoại ****.***.*** và +** *** *** ***, tài khoản số **** **** **** tại ngân hàng, xe biển kiểm soát *** - ***.** và ***-***.**, thư điện tử **.******@*****.***; số tiền 300.000.000 đồng ngày 05.01.2021.',
    );
    expect(new Set(replacements.map((r) => r.kind))).toEqual(new Set(['idNumber', 'passport', 'phone', 'bankAccount', 'plate', 'email']));
  });

  it('masks a party id number written with spaces, and replaces businesses by their initials', () => {
    const { text } = anonymiseText('Số định danh 086 080 001 234. Bị đơn dân sự CÔNG TY TNHH HOÀNG BẢO và Công ty TNHH Hoàng\nBảo.', parties);
    expect(text).toBe('Số định danh *** *** *** ***. Bị đơn dân sự CÔNG TY TNHH HB và Công ty TNHH HB.');
  });
});
