/**
 * Organisations that appear in a regional court's files: lenders that sue over loans, enterprises
 * in commercial and labour disputes, the People's Committees and departments sued in
 * administrative cases, and the law offices that represent people. Lenders keep their registered
 * names (they are the usual plaintiffs of credit disputes in any court's register); enterprises and
 * law offices are invented from common trade-name words, so no real business is named as a debtor.
 */
import type { Rng } from './prng.js';
import { weightedTable } from './prng.js';

const LENDERS = weightedTable<string>([
  ['Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam', 8],
  ['Ngân hàng TMCP Công Thương Việt Nam', 4],
  ['Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', 4],
  ['Ngân hàng TMCP Ngoại thương Việt Nam', 3],
  ['Ngân hàng TMCP Sài Gòn Thương Tín', 4],
  ['Ngân hàng TMCP Á Châu', 2],
  ['Ngân hàng TMCP Kỹ thương Việt Nam', 2],
  ['Ngân hàng TMCP Phương Đông', 1],
  ['Ngân hàng TMCP Việt Nam Thịnh Vượng', 2],
  ['Công ty Tài chính TNHH MTV Home Credit Việt Nam', 3],
  ['Công ty Tài chính TNHH Ngân hàng Việt Nam Thịnh Vượng SMBC', 3],
  ['Quỹ tín dụng nhân dân xã Long Hồ', 1],
]);

const COMPANY_FORMS = weightedTable<string>([
  ['Công ty TNHH', 10],
  ['Công ty TNHH MTV', 5],
  ['Công ty cổ phần', 4],
  ['Doanh nghiệp tư nhân', 3],
  ['Hợp tác xã', 1],
]);
const TRADES = [
  'Thương mại', 'Thương mại Dịch vụ', 'Xây dựng', 'Vận tải', 'Thủy sản', 'Nông sản', 'Chế biến lương thực',
  'Vật liệu xây dựng', 'Cơ khí', 'Gạch ngói', 'Xuất nhập khẩu', 'Thức ăn chăn nuôi', 'Dệt may', 'Điện máy',
];
const TRADE_NAMES = [
  'Hoàng Phát', 'Thành Đạt', 'Minh Khang', 'Phú Lộc', 'Tân Thịnh', 'Mekong Xanh', 'Cửu Long', 'Hưng Thịnh', 'Phước An',
  'Thiên Ân', 'Kim Ngân', 'Đại Phúc', 'Trường Thịnh', 'Bảo Long', 'Nhật Minh', 'An Khang', 'Vĩnh Tiến', 'Tín Nghĩa',
  'Sông Hậu', 'Cổ Chiên', 'Mỹ Thuận', 'Quang Vinh', 'Hòa Bình', 'Thuận Phát',
];

export function lenderName(rng: Rng): string {
  return rng.weighted(LENDERS);
}

/**
 * An invented enterprise name, e.g. "Công ty TNHH Thủy sản Sông Hậu".
 *
 * @example companyName(rng) // 'Doanh nghiệp tư nhân Gạch ngói Phước An'
 */
export function companyName(rng: Rng): string {
  const form = rng.weighted(COMPANY_FORMS);
  if (form === 'Hợp tác xã') return `Hợp tác xã Nông nghiệp ${rng.pick(TRADE_NAMES)}`;
  return `${form} ${rng.pick(TRADES)} ${rng.pick(TRADE_NAMES)}`;
}

/** Respondents of administrative cases, for the commune `commune` ("xã Cái Nhum") or the province. */
export function administrativeRespondent(rng: Rng, commune: string, province: string): string {
  const options: Array<readonly [string, number]> = [
    [`Ủy ban nhân dân ${commune}`, 5],
    [`Chủ tịch Ủy ban nhân dân ${commune}`, 4],
    [`Ủy ban nhân dân ${province}`, 1],
    [`Chủ tịch Ủy ban nhân dân ${province}`, 2],
    [`Sở Nông nghiệp và Môi trường ${province}`, 1],
  ];
  return rng.weighted(weightedTable(options));
}

const LAW_OFFICE_NAMES = ['Công Lý', 'Chánh Tâm', 'Phúc Minh', 'Trí Việt', 'Nam Sông Hậu', 'Bảo Tín', 'An Phát', 'Hồng Đức'];

/** Where a lawyer or legal-aid officer works; `occupation` is what the case file calls them. */
export function counselAffiliation(rng: Rng): { organisation: string; occupation: string } {
  const roll = rng.next();
  if (roll < 0.3) {
    return { organisation: 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh Vĩnh Long', occupation: 'Trợ giúp viên pháp lý' };
  }
  if (roll < 0.8) {
    return {
      organisation: `Văn phòng Luật sư ${rng.pick(LAW_OFFICE_NAMES)}, Đoàn Luật sư tỉnh Vĩnh Long`,
      occupation: 'Luật sư',
    };
  }
  const bar = rng.chance(0.5) ? 'Đoàn Luật sư Thành phố Hồ Chí Minh' : 'Đoàn Luật sư thành phố Cần Thơ';
  return { organisation: `Công ty Luật TNHH ${rng.pick(LAW_OFFICE_NAMES)}, ${bar}`, occupation: 'Luật sư' };
}

/** The post an organisation's representative holds, as the case file writes it. */
export function representativePost(rng: Rng, organisation: string): string {
  if (organisation.startsWith('Ngân hàng') || organisation.startsWith('Công ty Tài chính') || organisation.startsWith('Quỹ')) {
    return rng.pick(['Chuyên viên xử lý nợ', 'Phó Giám đốc chi nhánh', 'Chuyên viên pháp chế', 'Cán bộ tín dụng']);
  }
  if (organisation.startsWith('Sở')) return rng.pick(['Phó Giám đốc Sở', 'Trưởng phòng Pháp chế']);
  if (organisation.startsWith('Ủy ban') || organisation.startsWith('Chủ tịch')) {
    return rng.pick(['Phó Chủ tịch Ủy ban nhân dân', 'Công chức địa chính - xây dựng', 'Trưởng phòng Kinh tế']);
  }
  return rng.pick(['Giám đốc', 'Phó Giám đốc', 'Trưởng phòng Hành chính - Nhân sự', 'Kế toán trưởng', 'Chủ doanh nghiệp']);
}

/** Where lay assessors work; a minor's trial needs one who is a teacher or a Youth Union officer. */
export const ASSESSOR_ORGANISATIONS = [
  'Hội Liên hiệp Phụ nữ tỉnh Vĩnh Long',
  'Hội Nông dân tỉnh Vĩnh Long',
  'Hội Cựu chiến binh tỉnh Vĩnh Long',
  'Liên đoàn Lao động tỉnh Vĩnh Long',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Long',
  'Hội Luật gia tỉnh Vĩnh Long',
  'Cán bộ hưu trí',
] as const;
export const YOUTH_ASSESSOR_ORGANISATIONS = ['Tỉnh Đoàn Vĩnh Long', 'Trường Trung học phổ thông Lưu Văn Liệt'] as const;
