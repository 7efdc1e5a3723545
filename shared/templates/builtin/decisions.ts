/**
 * Decisions to bring a case to trial (Quyết định đưa vụ án ra xét xử sơ thẩm): civil (contents:
 * Điều 220 BLTTDS) and criminal (Điều 255 BLTTHS). Their form numbers are not confirmed in the
 * brief (vn-court-forms.md §1.1, §1.6): the ids below are kept and the notes say so.
 */
import { decisionHeader, front, officers, otherGroup, partyGroup } from './fragments.js';

const PRESIDING_SIGNATURE = [
  '::signature',
  '::left',
  '::para bold italic | Nơi nhận:',
  '::para | - Những người tham gia tố tụng;',
  '::para | - {{court.procuracyName}};',
  '::para | - Lưu hồ sơ vụ án.',
  '::right',
  '::para center bold | THẨM PHÁN - CHỦ TỌA PHIÊN TÒA',
  '::para center italic | (Ký tên, ghi rõ họ tên, đóng dấu)',
  '::blank',
  '::blank',
  '::para center bold | {{panel.presiding.name}}',
  '::end',
].join('\n');

const WHEN_AND_WHERE = [
  'Thời gian mở phiên tòa: {{hearing.time}}, {{hearing.date}}.',
  'Địa điểm mở phiên tòa: {{hearing.venue}}.',
  'Vụ án được xét xử {{hearing.publicity}}.',
  '::if hearing.online',
  'Phiên tòa được tổ chức trực tuyến theo Nghị quyết số 33/2021/QH15 ngày 12 tháng 11 năm 2021 của Quốc hội.',
  '::end',
].join('\n');

export const TRIAL_DECISION_CIVIL = [
  front({
    id: 'NQ01-2017/41-DS',
    title: 'Quyết định đưa vụ án ra xét xử sơ thẩm',
    kind: 'decision',
    caseTypes: 'DS, HNGĐ, KDTM, LĐ',
    hearing: 'trial',
    notes: [
      'Số hiệu mẫu 41-DS CHƯA ĐƯỢC XÁC NHẬN (tài liệu nghiệp vụ ghi [?]); giữ mã này cho đến khi Tòa án nhân dân tối cao xác nhận.',
      'Nội dung theo khoản 1 Điều 220 Bộ luật Tố tụng dân sự [GK]: cần đối chiếu văn bản chính thức.',
    ],
  }),
  decisionHeader(false),
  '::title QUYẾT ĐỊNH',
  '::para center bold | ĐƯA VỤ ÁN RA XÉT XỬ SƠ THẨM',
  '::blank',
  '::para center bold | {{court.upperName}}',
  'Căn cứ vào các điều 48, 203 và 220 của Bộ luật Tố tụng dân sự;',
  'Sau khi nghiên cứu hồ sơ {{case.matterLabel}} sơ thẩm thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}},',
  '::heading space | QUYẾT ĐỊNH:',
  '1. Đưa ra xét xử sơ thẩm {{case.matterLabel}} về việc {{case.subjectText}} giữa:',
  partyGroup('plaintiff', { attendance: false, heading: 'Nguyên đơn' }),
  partyGroup('defendant', { attendance: false, heading: 'Bị đơn' }),
  partyGroup('interestedParty', { attendance: false }),
  `2. ${WHEN_AND_WHERE}`,
  '3. Những người tiến hành tố tụng:',
  officers({ clerkTitle: 'Thư ký phiên tòa', prosecutorAlways: false, alternates: true }),
  '4. Những người được triệu tập tham gia phiên tòa: các đương sự nêu trên và',
  otherGroup('witness', { attendance: false }),
  otherGroup('expert', { attendance: false }),
  otherGroup('interpreter', { attendance: false }),
  PRESIDING_SIGNATURE,
].join('\n');

export const TRIAL_DECISION_CRIMINAL = [
  front({
    id: 'NQ05-2017/01-HS',
    title: 'Quyết định đưa vụ án ra xét xử sơ thẩm (hình sự)',
    kind: 'decision',
    caseTypes: 'HS',
    hearing: 'trial',
    notes: [
      'Số hiệu mẫu 01-HS CHƯA ĐƯỢC XÁC NHẬN: tài liệu nghiệp vụ chỉ nói mẫu nằm trong khoảng 01-HS đến 20-HS [?]; giữ mã này cho đến khi được xác nhận.',
      'Nội dung theo Điều 255 Bộ luật Tố tụng hình sự [GK]; giao cho bị cáo chậm nhất 10 ngày trước khi mở phiên tòa (Điều 286).',
    ],
  }),
  decisionHeader(true),
  '::title QUYẾT ĐỊNH',
  '::para center bold | ĐƯA VỤ ÁN RA XÉT XỬ SƠ THẨM',
  '::blank',
  '::para center bold | TÒA ÁN {{court.upperDesignation}}',
  'Căn cứ vào các điều 45, 255, 277 của Bộ luật Tố tụng hình sự;',
  'Sau khi nghiên cứu hồ sơ vụ án hình sự sơ thẩm thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}},',
  '::heading space | QUYẾT ĐỊNH:',
  '1. Đưa ra xét xử sơ thẩm vụ án hình sự đối với bị cáo:',
  '::repeat parties.byRole.accused as p',
  '{{p.$index}}. {{p.fullName}}, sinh ngày {{p.birthDate}} tại {{p.birthPlace}}; nơi cư trú: {{p.residence}}; bị {{court.procuracyName}} truy tố về tội “{{p.charge}}” theo {{p.chargeArticle}}.',
  '::end',
  `2. ${WHEN_AND_WHERE}`,
  '3. Những người tiến hành tố tụng:',
  officers({ clerkTitle: 'Thư ký phiên tòa', prosecutorAlways: true, alternates: true }),
  '4. Người bào chữa:',
  '::repeat parties.byRole.defenceCounsel as c',
  '- {{c.titledName}} - {{c.organisation}}, bào chữa cho bị cáo {{c.actsForNames}}.',
  '::empty',
  '- Không có.',
  '::end',
  '5. Những người được triệu tập tham gia phiên tòa:',
  partyGroup('victim', { attendance: false }),
  partyGroup('civilPlaintiff', { attendance: false }),
  partyGroup('civilDefendant', { attendance: false }),
  partyGroup('interestedParty', { attendance: false, heading: 'Người có quyền lợi, nghĩa vụ liên quan đến vụ án' }),
  otherGroup('witness', { attendance: false }),
  otherGroup('expert', { attendance: false }),
  otherGroup('interpreter', { attendance: false }),
  '6. Vật chứng cần đưa ra xem xét tại phiên tòa: ……',
  PRESIDING_SIGNATURE,
].join('\n');
