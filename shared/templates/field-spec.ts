/**
 * The table of every field path a template may use: its type, its Vietnamese label (what a clerk
 * reads when the value is missing) and an example. It is the single source for three things:
 * - validating a template's paths when it is compiled (an unknown path is an error with a line);
 * - the label of a missing field ("[thiếu: Năm sinh của bị cáo]");
 * - the field reference in docs/TEMPLATES.md (`npm run templates -- fields`).
 *
 * The render context built by context.ts must match this table; a test walks both.
 */
import { PARTY_ROLE_LABELS, PARTY_ROLES, type Label } from '../domain/vocabulary.js';

export type LeafKind = 'text' | 'number' | 'bool';

export interface LeafSpec {
  readonly kind: LeafKind;
  readonly label: Label;
  readonly example?: string;
  /** Not in the case data model yet: supplied by the editor (`extra`) or marked missing. */
  readonly supplied?: boolean;
}

export interface ObjectSpec {
  readonly kind: 'object';
  /** Appended to the labels of the fields inside ("của bị cáo", "Kiểm sát viên"). */
  readonly owner?: Label;
  readonly fields: Readonly<Record<string, Spec>>;
}

export interface ListSpec {
  readonly kind: 'list';
  readonly label: Label;
  readonly item: ObjectSpec;
}

/** A map with a closed key set, e.g. `parties.byRole.<role>`. */
export interface MapSpec {
  readonly kind: 'map';
  readonly keys: readonly string[];
  readonly keyOwner: (key: string) => Label;
  readonly value: Spec;
}

export type Spec = LeafSpec | ObjectSpec | ListSpec | MapSpec;

const text = (vi: string, en: string, example?: string, supplied?: boolean): LeafSpec => ({
  kind: 'text',
  label: { vi, en },
  ...(example === undefined ? {} : { example }),
  ...(supplied ? { supplied } : {}),
});
const num = (vi: string, en: string, example?: string): LeafSpec => ({ kind: 'number', label: { vi, en }, ...(example ? { example } : {}) });
const bool = (vi: string, en: string): LeafSpec => ({ kind: 'bool', label: { vi, en } });
const supplied = (vi: string, en: string, example?: string): LeafSpec => text(vi, en, example, true);

/** Loop metadata available on every repeat variable (`p.$index`). */
export const LOOP_META: Readonly<Record<string, LeafSpec>> = {
  $index: num('Số thứ tự trong danh sách (từ 1)', 'Position in the list (from 1)', '1'),
  $count: num('Số phần tử của danh sách', 'Length of the list', '2'),
  $first: bool('Là phần tử đầu', 'Is the first item'),
  $last: bool('Là phần tử cuối', 'Is the last item'),
};

const personFields = {
  name: text('Họ tên', 'Full name', 'Nguyễn Văn An'),
  honorific: text('Danh xưng (Ông/Bà)', 'Honorific', 'Ông'),
  titledName: text('Họ tên kèm danh xưng', 'Name with honorific', 'Ông Nguyễn Văn An'),
};

const panelMember = (ownerVi: string, ownerEn: string): ObjectSpec => ({
  kind: 'object',
  owner: { vi: ownerVi, en: ownerEn },
  fields: {
    ...personFields,
    organisation: text('Cơ quan', 'Organisation', 'Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long'),
    roleLabel: text('Chức danh', 'Title', 'Hội thẩm nhân dân'),
  },
});

const panelList = (vi: string, en: string, ownerVi: string, ownerEn: string): ListSpec => ({
  kind: 'list',
  label: { vi, en },
  item: panelMember(ownerVi, ownerEn),
});

/** Fields of one party. Acting parties (representatives, counsel) have the same shape. */
function partySpec(depth: number): ObjectSpec {
  const fields: Record<string, Spec> = {
    fullName: text('Họ tên', 'Full name', 'Nguyễn Văn An'),
    honorific: text('Danh xưng (Ông/Bà)', 'Honorific', 'Ông'),
    titledName: text('Họ tên kèm danh xưng', 'Name with honorific', 'Ông Nguyễn Văn An'),
    roleLabel: text('Tư cách tham gia tố tụng', 'Procedural role', 'Nguyên đơn'),
    gender: text('Giới tính', 'Gender', 'Nam'),
    birthYear: num('Năm sinh', 'Year of birth', '1980'),
    address: text('Địa chỉ', 'Address', 'Số 12, đường Lê Lợi, phường 1, tỉnh Vĩnh Long'),
    occupation: text('Nghề nghiệp', 'Occupation', 'Kinh doanh'),
    idNumber: text('Số CCCD/CMND hoặc số đăng ký kinh doanh', 'ID or registration number', '086080001234'),
    organisation: text('Tổ chức hành nghề, nơi công tác', 'Bar association, office or employer', 'Đoàn Luật sư tỉnh Vĩnh Long'),
    isPerson: bool('Là cá nhân', 'Is a natural person'),
    isOrganisation: bool('Là cơ quan, tổ chức', 'Is an organisation'),
    isMinor: bool('Là người dưới 18 tuổi', 'Is under 18'),
    attendance: text('Có mặt / vắng mặt', 'Present or absent', 'có mặt'),
    present: bool('Có mặt', 'Present'),
    absent: bool('Vắng mặt', 'Absent'),
    actsForNames: text('Người được đại diện, bảo vệ, bào chữa', 'Whom they act for', 'Nguyễn Văn An'),
    birthDate: supplied('Ngày sinh', 'Date of birth', '12/5/1990'),
    birthPlace: supplied('Nơi sinh', 'Place of birth', 'tỉnh Vĩnh Long'),
    residence: text('Nơi cư trú (mặc định: địa chỉ)', 'Residence (default: the address)', 'ấp T, xã L, tỉnh Vĩnh Long'),
    education: supplied('Trình độ văn hóa', 'Education', '9/12'),
    ethnicity: supplied('Dân tộc', 'Ethnicity', 'Kinh'),
    religion: supplied('Tôn giáo', 'Religion', 'Không'),
    nationality: supplied('Quốc tịch', 'Nationality', 'Việt Nam'),
    parents: supplied('Cha mẹ', 'Parents', 'con ông Nguyễn Văn B và bà Lê Thị C'),
    priorConvictions: supplied('Tiền án', 'Prior convictions', 'Không'),
    priorViolations: supplied('Tiền sự', 'Prior administrative violations', 'Không'),
    preventiveMeasure: supplied('Biện pháp ngăn chặn', 'Preventive measure', 'cấm đi khỏi nơi cư trú'),
    charge: text('Tội danh bị truy tố (mặc định: nội dung vụ án)', 'Charge (default: the case subject)', 'Trộm cắp tài sản'),
    chargeArticle: supplied('Điều luật bị truy tố', 'Article charged', 'khoản 1 Điều 173 của Bộ luật Hình sự'),
  };
  if (depth === 0) {
    fields.representatives = actingList('Người đại diện hợp pháp', 'representatives', 'của người đại diện hợp pháp');
    fields.protectors = actingList(
      'Người bảo vệ quyền và lợi ích hợp pháp',
      'protectors of legal rights',
      'của người bảo vệ quyền và lợi ích hợp pháp',
    );
    fields.counsel = actingList('Người bào chữa', 'defence counsel', 'của người bào chữa');
  }
  return { kind: 'object', fields };
}

function actingList(vi: string, en: string, ownerVi: string): ListSpec {
  const item = partySpec(1);
  return { kind: 'list', label: { vi, en }, item: { ...item, owner: { vi: ownerVi, en: `of the ${en}` } } };
}

const PARTY_ITEM = partySpec(0);

export const CONTEXT_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    court: {
      kind: 'object',
      fields: {
        name: text('Tên Tòa án', 'Court name', 'Tòa án nhân dân khu vực 1 - Vĩnh Long'),
        upperName: text('Tên Tòa án (chữ in hoa)', 'Court name, upper case', 'TÒA ÁN NHÂN DÂN KHU VỰC 1 - VĨNH LONG'),
        designation: text('Tên Tòa án sau chữ "Tòa án"', 'Court name after "Tòa án"', 'nhân dân khu vực 1 - Vĩnh Long'),
        upperDesignation: text('Tên Tòa án sau chữ "TÒA ÁN" (in hoa)', 'Designation, upper case', 'NHÂN DÂN KHU VỰC 1 - VĨNH LONG'),
        province: text('Tỉnh, thành phố của Tòa án', 'Province', 'tỉnh Vĩnh Long'),
        place: text('Địa danh (dòng địa danh, ngày tháng)', 'Place name for the date line', 'Vĩnh Long'),
        nameWithProvince: text('Tên Tòa án kèm tỉnh', 'Court name with province', 'Tòa án nhân dân khu vực 1 - Vĩnh Long, tỉnh Vĩnh Long'),
        address: text('Địa chỉ trụ sở Tòa án', 'Court address', 'Số 1, đường Phạm Thái Bường, phường 4, tỉnh Vĩnh Long'),
        procuracyName: text('Tên Viện kiểm sát', 'Procuracy name', 'Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long'),
      },
    },
    case: {
      kind: 'object',
      fields: {
        acceptanceNumber: text('Số thụ lý', 'Acceptance number', '12/2025/TLST-DS'),
        acceptanceDate: text('Ngày thụ lý', 'Acceptance date', 'ngày 05 tháng 01 năm 2026'),
        type: text('Mã loại vụ việc', 'Case-type code', 'DS'),
        typeLabel: text('Loại vụ việc', 'Case type', 'Dân sự'),
        typeLabelLower: text('Loại vụ việc (chữ thường)', 'Case type, lower case', 'dân sự'),
        level: text('Mã cấp xét xử', 'Procedure level code', 'ST'),
        levelLabel: text('Cấp xét xử', 'Procedure level', 'Sơ thẩm'),
        kindLabel: text('Vụ án / việc', 'Case or matter', 'vụ án'),
        matterLabel: text('Vụ án và loại', 'Kind and type', 'vụ án dân sự'),
        subject: text('Nội dung vụ án như đã nhập', 'Subject as entered', 'V/v tranh chấp hợp đồng vay tài sản'),
        subjectText: text('Nội dung vụ án (không có "V/v")', 'Subject without "V/v"', 'tranh chấp hợp đồng vay tài sản'),
        subjectLine: text('Dòng "V/v"', 'The "V/v" line', 'V/v tranh chấp hợp đồng vay tài sản'),
        offenceClassLabel: text('Loại tội phạm', 'Offence class', 'Nghiêm trọng'),
        trialDecisionNumber: text('Số Quyết định đưa vụ án ra xét xử', 'Trial decision number', '15/2026/QĐXXST-DS'),
        trialDecisionDate: text('Ngày Quyết định đưa vụ án ra xét xử', 'Trial decision date', 'ngày 20 tháng 01 năm 2026'),
        judgmentNumber: text('Số bản án', 'Judgment number', '34/2026/DS-ST'),
        judgmentDate: text('Ngày tuyên án', 'Judgment date', 'ngày 05 tháng 02 năm 2026'),
        judgmentDateHeader: text('Ngày tuyên án (dòng "Ngày:")', 'Judgment date, header style', '05 - 02 - 2026'),
        indictment: supplied('Cáo trạng (số, ngày, cơ quan)', 'Indictment', 'Cáo trạng số 20/CT-VKS ngày 10 tháng 01 năm 2026'),
      },
    },
    panel: {
      kind: 'object',
      fields: {
        presiding: panelMember('Thẩm phán - Chủ tọa phiên tòa', 'presiding judge'),
        judges: panelList('Thẩm phán (không kể chủ tọa)', 'Judges other than the presiding judge', 'Thẩm phán', 'judge'),
        assessors: panelList('Hội thẩm nhân dân', "People's assessors", 'Hội thẩm nhân dân', 'assessor'),
        members: panelList('Thành viên Hội đồng xét xử', 'Panel members', 'thành viên Hội đồng xét xử', 'panel member'),
        otherMembers: panelList('Thành viên Hội đồng xét xử trừ chủ tọa', 'Members other than the presiding judge', 'thành viên Hội đồng xét xử', 'panel member'),
        clerk: panelMember('Thư ký phiên tòa', 'hearing clerk'),
        prosecutor: panelMember('Kiểm sát viên', 'prosecutor'),
        alternateJudges: panelList('Thẩm phán dự khuyết', 'Alternate judges', 'Thẩm phán dự khuyết', 'alternate judge'),
        alternateAssessors: panelList('Hội thẩm nhân dân dự khuyết', 'Alternate assessors', 'Hội thẩm nhân dân dự khuyết', 'alternate assessor'),
        alternateClerks: panelList('Thư ký dự khuyết', 'Alternate clerks', 'Thư ký dự khuyết', 'alternate clerk'),
        alternateProsecutors: panelList('Kiểm sát viên dự khuyết', 'Alternate prosecutors', 'Kiểm sát viên dự khuyết', 'alternate prosecutor'),
        size: num('Số thành viên Hội đồng xét xử', 'Panel size', '3'),
        hasAlternates: bool('Có thành viên dự khuyết', 'Has alternates'),
        hasProsecutor: bool('Có Kiểm sát viên tham gia', 'A prosecutor takes part'),
      },
    },
    parties: {
      kind: 'object',
      fields: {
        byRole: {
          kind: 'map',
          keys: PARTY_ROLES,
          keyOwner: (role) => {
            const label = PARTY_ROLE_LABELS[role as keyof typeof PARTY_ROLE_LABELS];
            return { vi: `của ${lowerFirst(label.vi)}`, en: `of the ${label.en.toLowerCase()}` };
          },
          value: { kind: 'list', label: { vi: 'Người tham gia tố tụng theo tư cách', en: 'Participants of a role' }, item: PARTY_ITEM },
        },
        namesByRole: {
          kind: 'map',
          keys: PARTY_ROLES,
          keyOwner: (role) => {
            const label = PARTY_ROLE_LABELS[role as keyof typeof PARTY_ROLE_LABELS];
            return { vi: `của ${lowerFirst(label.vi)}`, en: `of the ${label.en.toLowerCase()}` };
          },
          value: text('Họ tên (nối bằng dấu phẩy)', 'Names, comma-separated', 'Nguyễn Văn An, Trần Thị Bình'),
        },
        principals: { kind: 'list', label: { vi: 'Đương sự chính (theo thứ tự của mẫu)', en: 'Principal parties' }, item: PARTY_ITEM },
        all: { kind: 'list', label: { vi: 'Mọi người tham gia tố tụng', en: 'All participants' }, item: PARTY_ITEM },
        hasMinor: bool('Có người dưới 18 tuổi', 'A participant is under 18'),
        hasAbsent: bool('Có người vắng mặt', 'Someone is absent'),
      },
    },
    hearing: {
      kind: 'object',
      fields: {
        kind: text('Loại phiên', 'Hearing kind', 'trial'),
        kindLabel: text('Tên loại phiên', 'Hearing kind label', 'Phiên tòa'),
        startsAt: text('Thời điểm bắt đầu (YYYY-MM-DDTHH:mm)', 'Start, local time', '2026-01-05T08:00'),
        date: text('Ngày mở phiên', 'Date', 'ngày 05 tháng 01 năm 2026'),
        dateTitle: text('Ngày mở phiên (đầu câu)', 'Date, sentence start', 'Ngày 05 tháng 01 năm 2026'),
        hour: text('Giờ bắt đầu', 'Start hour', '08'),
        minute: text('Phút bắt đầu', 'Start minute', '00'),
        time: text('Giờ bắt đầu (giờ, phút)', 'Start time', '08 giờ 00 phút'),
        opening: text('Câu mở đầu "Vào hồi …"', 'Opening phrase', 'Vào hồi 08 giờ 00 phút, ngày 05 tháng 01 năm 2026'),
        room: text('Phòng xử án', 'Courtroom', 'Phòng xử án số 1'),
        venue: text('Địa điểm (phòng, trụ sở)', 'Venue', 'Phòng xử án số 1, trụ sở Tòa án nhân dân khu vực 1 - Vĩnh Long'),
        closed: bool('Xét xử kín', 'Closed hearing'),
        online: bool('Xét xử trực tuyến', 'Online hearing'),
        publicity: text('Công khai / kín', 'Public or closed', 'công khai'),
        status: text('Trạng thái phiên', 'Hearing status', 'held'),
        statusLabel: text('Tên trạng thái phiên', 'Hearing status label', 'Đã xét xử'),
        outcome: text('Kết quả phiên', 'Outcome', 'Tuyên án'),
        endTime: supplied('Giờ kết thúc phiên (giờ, phút)', 'End time', '10 giờ 30 phút'),
        remoteSites: {
          kind: 'list',
          label: { vi: 'Các điểm cầu (NQ 33/2021/QH15)', en: 'Remote sites' },
          item: {
            kind: 'object',
            fields: {
              name: supplied('Tên điểm cầu', 'Site name', 'Điểm cầu Trại tạm giam Công an tỉnh Vĩnh Long'),
              address: supplied('Địa chỉ điểm cầu', 'Site address', 'xã T, tỉnh Vĩnh Long'),
              participants: supplied('Người tham gia tại điểm cầu', 'Participants at the site', 'Bị cáo Nguyễn Văn An'),
            },
          },
        },
      },
    },
    deliberation: {
      kind: 'object',
      fields: {
        startTime: supplied('Giờ bắt đầu nghị án', 'Deliberation start', '09 giờ 30 phút'),
        endTime: supplied('Giờ kết thúc nghị án', 'Deliberation end', '10 giờ 15 phút'),
        date: text('Ngày nghị án (mặc định: ngày mở phiên)', 'Deliberation date (default: hearing date)', 'ngày 05 tháng 01 năm 2026'),
      },
    },
    document: {
      kind: 'object',
      fields: {
        date: text('Ngày lập văn bản', 'Document date', 'ngày 05 tháng 01 năm 2026'),
        placeDate: text('Dòng địa danh, ngày tháng năm', 'Place and date line', 'Vĩnh Long, ngày 05 tháng 01 năm 2026'),
      },
    },
  },
};

function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}
