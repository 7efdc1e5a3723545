/**
 * What the demo cases are about: the legal relation in dispute as a register writes it
 * ("V/v tranh chấp hợp đồng vay tài sản"), or for criminal cases the charge with the article of the
 * Bộ luật Hình sự and the offence class it usually carries. Weights follow the mix of a rural
 * Mekong-delta court: loans, land and divorce dominate the civil side; theft, assault, gambling
 * and drugs the criminal side. `shape` tells the party builder who sues whom.
 */
import type { CaseType, OffenceClass, ProceedingKind } from '../domain/vocabulary.js';
import { weightedTable, type WeightedTable } from './prng.js';

export type PartyShape =
  | 'persons' // person v person
  | 'lender' // a bank or finance company v a borrower
  | 'companies' // enterprise v enterprise
  | 'personVsCompany' // a person v an enterprise (insurance, a member's claim)
  | 'employee' // a worker v the employer
  | 'employer' // the employer v a worker
  | 'spouses' // a divorce suit
  | 'family' // other family disputes between two persons
  | 'spousesPetition' // uncontested divorce: both spouses petition
  | 'civilPetition' // one petitioner, related persons
  | 'admin' // a citizen v a People's Committee or department
  | 'bankruptcy'
  | 'adminMeasure'; // a People's Committee asks for compulsory rehabilitation of a person

export interface SubjectEntry {
  readonly subject: string;
  readonly shape: PartyShape;
  readonly proceeding: ProceedingKind;
  /** The title of the decision that closes a petition ("Quyết định công nhận thuận tình ly hôn …"). */
  readonly decisionTitle?: string;
  /** What the decision or judgment says, in a line. */
  readonly outcomes?: readonly string[];
}

export interface ChargeEntry {
  /** The charge as the judgment quotes it. */
  readonly charge: string;
  /** "khoản 1 Điều 173" */
  readonly provision: string;
  readonly offenceClass: OffenceClass;
  readonly hasVictim: boolean;
  /** Sexual offences against minors are tried in closed session. */
  readonly closed?: boolean;
}

type Row = readonly [subject: string, weight: number, shape: PartyShape, extra?: Partial<SubjectEntry>];

const CIVIL_PETITION = 'Quyết định giải quyết việc dân sự';
const LAWSUIT_OUTCOMES = [
  'Tuyên án: chấp nhận toàn bộ yêu cầu khởi kiện của nguyên đơn',
  'Tuyên án: chấp nhận một phần yêu cầu khởi kiện của nguyên đơn',
  'Tuyên án: không chấp nhận yêu cầu khởi kiện của nguyên đơn',
];
const DIVORCE_OUTCOMES = [
  'Tuyên án: cho nguyên đơn được ly hôn với bị đơn',
  'Tuyên án: cho ly hôn; giao con chung cho nguyên đơn trực tiếp trông nom, nuôi dưỡng',
  'Tuyên án: cho ly hôn; giao con chung cho bị đơn trực tiếp nuôi dưỡng, nguyên đơn cấp dưỡng nuôi con',
  'Tuyên án: cho ly hôn; chia tài sản chung theo quy định',
];
const PETITION_OUTCOMES = [
  'Chấp nhận đơn yêu cầu của người yêu cầu',
  'Chấp nhận một phần đơn yêu cầu của người yêu cầu',
  'Không chấp nhận đơn yêu cầu của người yêu cầu',
];
const ADMIN_OUTCOMES = [
  'Tuyên án: bác yêu cầu khởi kiện của người khởi kiện',
  'Tuyên án: chấp nhận yêu cầu khởi kiện, hủy quyết định hành chính bị kiện',
  'Tuyên án: chấp nhận một phần yêu cầu khởi kiện của người khởi kiện',
];

const ROWS: Record<CaseType, readonly Row[]> = {
  DS: [
    ['V/v tranh chấp hợp đồng vay tài sản', 20, 'persons'],
    ['V/v tranh chấp quyền sử dụng đất', 12, 'persons'],
    ['V/v tranh chấp hợp đồng chuyển nhượng quyền sử dụng đất', 8, 'persons'],
    ['V/v tranh chấp về thừa kế tài sản', 7, 'persons'],
    ['V/v tranh chấp hợp đồng tín dụng', 6, 'lender'],
    ['V/v tranh chấp hợp đồng góp hụi', 5, 'persons'],
    ['V/v yêu cầu bồi thường thiệt hại ngoài hợp đồng', 5, 'persons'],
    ['V/v tranh chấp ranh giới quyền sử dụng đất', 4, 'persons'],
    ['V/v tranh chấp hợp đồng mua bán tài sản', 4, 'persons'],
    ['V/v tranh chấp hợp đồng đặt cọc', 3, 'persons'],
    ['V/v đòi lại tài sản', 3, 'persons'],
    ['V/v tranh chấp lối đi qua', 2, 'persons'],
    ['V/v yêu cầu bồi thường thiệt hại do sức khỏe bị xâm phạm', 2, 'persons'],
    ['V/v tranh chấp hợp đồng thuê tài sản', 2, 'persons'],
    ['V/v tranh chấp hợp đồng thuê quyền sử dụng đất', 2, 'persons'],
    ['V/v tranh chấp hợp đồng tặng cho quyền sử dụng đất', 2, 'persons'],
    ['V/v tranh chấp quyền sở hữu tài sản', 2, 'persons'],
    ['V/v yêu cầu hủy giấy chứng nhận quyền sử dụng đất', 2, 'persons'],
    ['V/v tranh chấp chia tài sản chung', 2, 'persons'],
    ['V/v tranh chấp hợp đồng thế chấp quyền sử dụng đất', 1, 'persons'],
    ['V/v tranh chấp hợp đồng mua bán nhà ở', 1, 'persons'],
    ['V/v tranh chấp hợp đồng dịch vụ', 1, 'persons'],
    ['V/v tranh chấp hợp đồng bảo hiểm', 1, 'personVsCompany'],
    ['V/v yêu cầu công nhận kết quả hòa giải thành ngoài Tòa án', 2, 'civilPetition', { proceeding: 'petition', decisionTitle: 'Quyết định công nhận kết quả hòa giải thành ngoài Tòa án' }],
    ['V/v yêu cầu tuyên bố một người mất tích', 1, 'civilPetition', { proceeding: 'petition', decisionTitle: CIVIL_PETITION }],
    ['V/v yêu cầu tuyên bố một người đã chết', 1, 'civilPetition', { proceeding: 'petition', decisionTitle: CIVIL_PETITION }],
    ['V/v yêu cầu tuyên bố một người mất năng lực hành vi dân sự', 1, 'civilPetition', { proceeding: 'petition', decisionTitle: CIVIL_PETITION }],
    ['V/v yêu cầu tuyên bố văn bản công chứng vô hiệu', 1, 'civilPetition', { proceeding: 'petition', decisionTitle: CIVIL_PETITION }],
  ],
  HNGĐ: [
    ['V/v ly hôn', 20, 'spouses', { outcomes: DIVORCE_OUTCOMES }],
    ['V/v ly hôn, tranh chấp nuôi con', 14, 'spouses', { outcomes: DIVORCE_OUTCOMES }],
    ['V/v ly hôn, tranh chấp nuôi con, chia tài sản chung', 6, 'spouses', { outcomes: DIVORCE_OUTCOMES }],
    ['V/v ly hôn, tranh chấp nuôi con, cấp dưỡng nuôi con', 4, 'spouses', { outcomes: DIVORCE_OUTCOMES }],
    ['V/v ly hôn, chia tài sản chung và nợ chung', 3, 'spouses', { outcomes: DIVORCE_OUTCOMES }],
    ['V/v tranh chấp thay đổi người trực tiếp nuôi con sau ly hôn', 3, 'family'],
    ['V/v yêu cầu cấp dưỡng nuôi con', 2, 'family'],
    ['V/v tranh chấp chia tài sản sau ly hôn', 2, 'family'],
    ['V/v yêu cầu xác định cha cho con', 1, 'family'],
    ...(['V/v công nhận thuận tình ly hôn', 'V/v công nhận thuận tình ly hôn, thỏa thuận nuôi con', 'V/v công nhận thuận tình ly hôn, thỏa thuận nuôi con, chia tài sản'] as const).map(
      (subject, i): Row => [subject, [12, 10, 4][i] ?? 1, 'spousesPetition', {
        proceeding: 'petition',
        decisionTitle: 'Quyết định công nhận thuận tình ly hôn và sự thỏa thuận của các đương sự',
        outcomes: ['Công nhận thuận tình ly hôn và sự thỏa thuận của các đương sự'],
      }],
    ),
    ['V/v yêu cầu hủy việc kết hôn trái pháp luật', 1, 'civilPetition', { proceeding: 'petition', decisionTitle: 'Quyết định giải quyết việc hôn nhân và gia đình' }],
  ],
  KDTM: [
    ['V/v tranh chấp hợp đồng tín dụng', 30, 'lender'],
    ['V/v tranh chấp hợp đồng mua bán hàng hóa', 12, 'companies'],
    ['V/v tranh chấp hợp đồng xây dựng', 3, 'companies'],
    ['V/v tranh chấp hợp đồng cung ứng dịch vụ', 3, 'companies'],
    ['V/v tranh chấp hợp đồng vận chuyển hàng hóa', 2, 'companies'],
    ['V/v tranh chấp hợp đồng thuê tài sản', 2, 'companies'],
    ['V/v tranh chấp hợp đồng thi công xây dựng', 2, 'companies'],
    ['V/v tranh chấp hợp đồng đại lý', 1, 'companies'],
    ['V/v tranh chấp hợp đồng gia công', 1, 'companies'],
    ['V/v tranh chấp hợp đồng cho thuê tài chính', 1, 'lender'],
    ['V/v tranh chấp giữa công ty với thành viên của công ty', 1, 'personVsCompany'],
  ],
  LĐ: [
    ['V/v tranh chấp về đơn phương chấm dứt hợp đồng lao động', 10, 'employee'],
    ['V/v tranh chấp về tiền lương', 6, 'employee'],
    ['V/v tranh chấp về bảo hiểm xã hội', 4, 'employee'],
    ['V/v tranh chấp về xử lý kỷ luật lao động theo hình thức sa thải', 4, 'employee'],
    ['V/v tranh chấp về trợ cấp thôi việc', 3, 'employee'],
    ['V/v tranh chấp về bồi thường thiệt hại do tai nạn lao động', 2, 'employee'],
    ['V/v tranh chấp về bảo hiểm thất nghiệp', 1, 'employee'],
    ['V/v tranh chấp về bồi thường chi phí đào tạo', 1, 'employer'],
    ['V/v tranh chấp về bồi thường thiệt hại do người lao động gây ra', 1, 'employer'],
  ],
  HC: [
    ['V/v khiếu kiện quyết định hành chính trong lĩnh vực đất đai', 15, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện quyết định hành chính về cấp giấy chứng nhận quyền sử dụng đất', 6, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện quyết định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất', 6, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện quyết định xử phạt vi phạm hành chính', 5, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện quyết định thu hồi đất', 4, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện hành vi hành chính trong lĩnh vực đất đai', 3, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện quyết định giải quyết khiếu nại', 3, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện quyết định cưỡng chế thi hành quyết định xử phạt vi phạm hành chính', 2, 'admin', { outcomes: ADMIN_OUTCOMES }],
    ['V/v khiếu kiện quyết định hành chính trong lĩnh vực xây dựng', 2, 'admin', { outcomes: ADMIN_OUTCOMES }],
  ],
  PS: [
    ['V/v yêu cầu mở thủ tục phá sản', 1, 'bankruptcy', {
      proceeding: 'petition',
      decisionTitle: 'Quyết định mở thủ tục phá sản',
      outcomes: ['Mở thủ tục phá sản đối với doanh nghiệp', 'Không mở thủ tục phá sản đối với doanh nghiệp'],
    }],
  ],
  BPXLHC: [
    ['V/v xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc', 20, 'adminMeasure', {
      proceeding: 'petition',
      decisionTitle: 'Quyết định áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc',
      outcomes: ['Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc 18 tháng', 'Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc 24 tháng', 'Áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc 12 tháng'],
    }],
    ['V/v xem xét, quyết định áp dụng biện pháp đưa vào cơ sở giáo dục bắt buộc', 3, 'adminMeasure', {
      proceeding: 'petition',
      decisionTitle: 'Quyết định áp dụng biện pháp xử lý hành chính đưa vào cơ sở giáo dục bắt buộc',
      outcomes: ['Áp dụng biện pháp đưa vào cơ sở giáo dục bắt buộc 12 tháng'],
    }],
    ['V/v xem xét, quyết định áp dụng biện pháp đưa vào trường giáo dưỡng', 2, 'adminMeasure', {
      proceeding: 'petition',
      decisionTitle: 'Quyết định áp dụng biện pháp xử lý hành chính đưa vào trường giáo dưỡng',
      outcomes: ['Áp dụng biện pháp đưa vào trường giáo dưỡng 12 tháng'],
    }],
  ],
  // Criminal cases take their subject from CHARGES below.
  HS: [],
};

type ChargeRow = readonly [charge: string, provision: string, offenceClass: OffenceClass, weight: number, hasVictim: boolean, closed?: boolean];

const CHARGE_ROWS: readonly ChargeRow[] = [
  ['Trộm cắp tài sản', 'khoản 1 Điều 173', 'lessSerious', 22, true],
  ['Trộm cắp tài sản', 'khoản 2 Điều 173', 'serious', 5, true],
  ['Cố ý gây thương tích', 'khoản 1 Điều 134', 'lessSerious', 8, true],
  ['Cố ý gây thương tích', 'khoản 2 Điều 134', 'serious', 5, true],
  ['Đánh bạc', 'khoản 1 Điều 321', 'lessSerious', 10, false],
  ['Tổ chức đánh bạc', 'khoản 1 Điều 322', 'serious', 2, false],
  ['Tàng trữ trái phép chất ma túy', 'khoản 1 Điều 249', 'serious', 9, false],
  ['Mua bán trái phép chất ma túy', 'khoản 1 Điều 251', 'serious', 4, false],
  ['Mua bán trái phép chất ma túy', 'khoản 2 Điều 251', 'verySerious', 2, false],
  ['Tổ chức sử dụng trái phép chất ma túy', 'khoản 1 Điều 255', 'serious', 2, false],
  ['Lừa đảo chiếm đoạt tài sản', 'khoản 1 Điều 174', 'lessSerious', 4, true],
  ['Lừa đảo chiếm đoạt tài sản', 'khoản 2 Điều 174', 'serious', 2, true],
  ['Lạm dụng tín nhiệm chiếm đoạt tài sản', 'khoản 1 Điều 175', 'lessSerious', 3, true],
  ['Vi phạm quy định về tham gia giao thông đường bộ', 'khoản 1 Điều 260', 'lessSerious', 6, true],
  ['Cướp giật tài sản', 'khoản 1 Điều 171', 'serious', 2, true],
  ['Cướp tài sản', 'khoản 1 Điều 168', 'verySerious', 1, true],
  ['Cưỡng đoạt tài sản', 'khoản 1 Điều 170', 'serious', 1, true],
  ['Hủy hoại hoặc cố ý làm hư hỏng tài sản', 'khoản 1 Điều 178', 'lessSerious', 2, true],
  ['Tiêu thụ tài sản do người khác phạm tội mà có', 'khoản 1 Điều 323', 'lessSerious', 2, false],
  ['Gây rối trật tự công cộng', 'khoản 1 Điều 318', 'lessSerious', 2, false],
  ['Chống người thi hành công vụ', 'khoản 1 Điều 330', 'lessSerious', 1, false],
  ['Buôn bán hàng cấm', 'khoản 1 Điều 190', 'lessSerious', 1, false],
  ['Vận chuyển hàng cấm', 'khoản 1 Điều 191', 'lessSerious', 1, false],
  ['Cho vay lãi nặng trong giao dịch dân sự', 'khoản 1 Điều 201', 'lessSerious', 1, true],
  ['Đe dọa giết người', 'khoản 1 Điều 133', 'lessSerious', 1, true],
  ['Làm nhục người khác', 'khoản 1 Điều 155', 'lessSerious', 1, true],
  ['Giao cấu với người từ đủ 13 tuổi đến dưới 16 tuổi', 'khoản 1 Điều 145', 'serious', 1, true, true],
  ['Hiếp dâm người dưới 16 tuổi', 'khoản 1 Điều 142', 'especiallySerious', 0.5, true, true],
  ['Giết người', 'khoản 2 Điều 123', 'especiallySerious', 0.5, true],
  ['Vô ý làm chết người', 'khoản 1 Điều 128', 'serious', 0.5, true],
  ['Sử dụng mạng máy tính, mạng viễn thông, phương tiện điện tử thực hiện hành vi chiếm đoạt tài sản', 'khoản 1 Điều 290', 'lessSerious', 1, true],
  ['Tổ chức cho người khác xuất cảnh, nhập cảnh trái phép', 'khoản 1 Điều 348', 'serious', 0.5, false],
];

let subjectTables: Partial<Record<CaseType, WeightedTable<SubjectEntry>>> | undefined;
let chargeTable: WeightedTable<ChargeEntry> | undefined;

/** The weighted subjects of a non-criminal case type. */
export function subjectsOf(type: Exclude<CaseType, 'HS'>): WeightedTable<SubjectEntry> {
  subjectTables ??= {};
  let table = subjectTables[type];
  if (!table) {
    table = weightedTable(
      ROWS[type].map(([subject, weight, shape, extra]) => {
        const entry: SubjectEntry = {
          subject,
          shape,
          proceeding: extra?.proceeding ?? 'lawsuit',
          ...(extra?.decisionTitle ? { decisionTitle: extra.decisionTitle } : {}),
          outcomes: extra?.outcomes ?? (extra?.proceeding === 'petition' ? PETITION_OUTCOMES : LAWSUIT_OUTCOMES),
        };
        return [entry, weight] as const;
      }),
    );
    subjectTables[type] = table;
  }
  return table;
}

export function charges(): WeightedTable<ChargeEntry> {
  chargeTable ??= weightedTable(
    CHARGE_ROWS.map(([charge, provision, offenceClass, weight, hasVictim, closed]) => {
      const entry: ChargeEntry = { charge, provision, offenceClass, hasVictim, ...(closed ? { closed } : {}) };
      return [entry, weight] as const;
    }),
  );
  return chargeTable;
}

/** How many distinct subjects (or charges) each type offers; tests check the catalogue is varied. */
export function catalogueSize(type: CaseType): number {
  return type === 'HS' ? new Set(CHARGE_ROWS.map(([charge]) => charge)).size : ROWS[type].length;
}
