/**
 * Pieces of template source shared by the built-in forms (headers, participant lists, officers,
 * signature blocks). They are spliced into each form's source as text, so the exported source of
 * every form is complete and self-contained: court IT reviews one file per form.
 */
import { PARTY_ROLE_LABELS, type PartyRole } from '../../domain/vocabulary.js';

/** The version and effective date of this release of the built-in pack. */
export const BUILTIN_VERSION = '1.0.0';
export const BUILTIN_EFFECTIVE = '2025-07-01';

export interface FrontMatter {
  readonly id: string;
  readonly title: string;
  readonly kind: 'hearingMinutes' | 'deliberationMinutes' | 'mediationMinutes' | 'judgment' | 'decision';
  readonly caseTypes: string;
  readonly levels?: string;
  readonly hearing?: string;
  readonly requires?: string;
  readonly notes: readonly string[];
}

export function front(meta: FrontMatter): string {
  return [
    `id: ${meta.id}`,
    `version: ${BUILTIN_VERSION}`,
    `effective: ${BUILTIN_EFFECTIVE}`,
    `title: ${meta.title}`,
    `kind: ${meta.kind}`,
    `caseTypes: ${meta.caseTypes}`,
    `levels: ${meta.levels ?? 'ST'}`,
    ...(meta.hearing ? [`hearing: ${meta.hearing}`] : []),
    ...(meta.requires ? [`requires: ${meta.requires}`] : []),
    ...meta.notes.map((note) => `note: ${note}`),
    '---',
  ].join('\n');
}

const MOTTO = ['::right', '::para center bold | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '::para center bold | Độc lập - Tự do - Hạnh phúc'];

/** "TÒA ÁN NHÂN DÂN …" for civil and administrative forms; "TÒA ÁN …" for criminal ones. */
export const courtLine = (criminal: boolean): string =>
  criminal ? 'TÒA ÁN {{court.upperDesignation}}' : '{{court.upperName}}';

/** Header of minutes: no "Số:" line. */
export function minutesHeader(criminal: boolean): string {
  return ['::header', '::left', `::para center bold | ${courtLine(criminal)}`, ...MOTTO, '::end'].join('\n');
}

/** Header of a judgment: number, date and (civil, administrative) the V/v line on the left. */
export function judgmentHeader(criminal: boolean): string {
  return [
    '::header',
    '::left',
    `::para center bold | ${courtLine(criminal)}`,
    '::para center | Bản án số: {{case.judgmentNumber}}',
    '::para center | Ngày: {{case.judgmentDateHeader}}',
    ...(criminal ? [] : ['::para center | {{case.subjectLine}}']),
    ...MOTTO,
    '::end',
    '::blank',
    '::para center bold | NHÂN DANH',
    '::para center bold | NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    `::para center bold | ${courtLine(criminal)}`,
  ].join('\n');
}

/** Header of a decision: "Số:" on the left, place and date on the right. */
export function decisionHeader(criminal: boolean): string {
  return [
    '::header',
    '::left',
    `::para center bold | ${courtLine(criminal)}`,
    '::para center | Số: {{case.trialDecisionNumber}}',
    ...MOTTO,
    '::para center italic | {{court.place}}, {{case.trialDecisionDate}}',
    '::end',
  ].join('\n');
}

const lowerRole = (role: PartyRole): string => {
  const label = PARTY_ROLE_LABELS[role].vi;
  return label.charAt(0).toLowerCase() + label.slice(1);
};

export interface GroupOptions {
  /** Print "có mặt"/"vắng mặt" (minutes and judgments, not decisions). */
  readonly attendance: boolean;
  /** Group heading, e.g. "1. Nguyên đơn" (default: the role label). */
  readonly heading?: string;
}

/** One role's parties with their representatives, protectors and defence counsel. */
export function partyGroup(role: PartyRole, options: GroupOptions): string {
  const att = (v: string) => (options.attendance ? `; {{${v}.attendance}}` : '');
  const heading = options.heading ?? PARTY_ROLE_LABELS[role].vi;
  const of = lowerRole(role);
  return [
    `::if parties.byRole.${role}`,
    `::para noindent bold | ${heading}:`,
    `::repeat parties.byRole.${role} as p`,
    '::if p.isOrganisation',
    `{{p.$index}}. {{p.fullName}}; địa chỉ: {{p.address}}${att('p')}.`,
    '::else',
    `{{p.$index}}. {{p.titledName}}, sinh năm {{p.birthYear}}; địa chỉ: {{p.address}}${att('p')}.`,
    '::end',
    '::repeat p.representatives as r',
    `- Người đại diện hợp pháp của ${of}: {{r.titledName}}${att('r')}.`,
    '::end',
    '::repeat p.protectors as r',
    '::if r.organisation',
    `- Người bảo vệ quyền và lợi ích hợp pháp của ${of}: {{r.titledName}} - {{r.organisation}}${att('r')}.`,
    '::else',
    `- Người bảo vệ quyền và lợi ích hợp pháp của ${of}: {{r.titledName}}${att('r')}.`,
    '::end',
    '::end',
    '::repeat p.counsel as r',
    '::if r.organisation',
    `- Người bào chữa cho ${of} {{p.fullName}}: {{r.titledName}} - {{r.organisation}}${att('r')}.`,
    '::else',
    `- Người bào chữa cho ${of} {{p.fullName}}: {{r.titledName}}${att('r')}.`,
    '::end',
    '::end',
    '::end',
    '::end',
  ].join('\n');
}

/** Witnesses, experts, interpreters and the like: name, address, presence. */
export function otherGroup(role: PartyRole, options: GroupOptions): string {
  const att = options.attendance ? '; {{p.attendance}}' : '';
  return [
    `::if parties.byRole.${role}`,
    `::para noindent bold | ${options.heading ?? PARTY_ROLE_LABELS[role].vi}:`,
    `::repeat parties.byRole.${role} as p`,
    `{{p.$index}}. {{p.titledName}}; địa chỉ: {{p.address}}${att}.`,
    '::end',
    '::end',
  ].join('\n');
}

export interface OfficerOptions {
  /** "Thư ký phiên tòa" (trial) or another wording. */
  readonly clerkTitle: string;
  /** The prosecutor line is printed only when one takes part (civil), or always (criminal). */
  readonly prosecutorAlways: boolean;
  readonly alternates: boolean;
}

/** The panel, the clerk and the prosecutor, as minutes, judgments and decisions list them. */
export function officers(options: OfficerOptions): string {
  const prosecutor = 'Đại diện {{panel.prosecutor.organisation}} tham gia phiên tòa: {{panel.prosecutor.titledName}} - Kiểm sát viên.';
  return [
    '- Thẩm phán - Chủ tọa phiên tòa: {{panel.presiding.titledName}}.',
    '::if panel.size == 5',
    '::repeat panel.judges as j',
    '- Thẩm phán: {{j.titledName}}.',
    '::end',
    '::end',
    '::if panel.assessors',
    '- Các Hội thẩm nhân dân:',
    '::repeat panel.assessors as a',
    '::para indent | {{a.$index}}. {{a.titledName}}.',
    '::end',
    '::end',
    ...(options.alternates
      ? [
          '::repeat panel.alternateJudges as a',
          '- Thẩm phán dự khuyết: {{a.titledName}}.',
          '::end',
          '::repeat panel.alternateAssessors as a',
          '- Hội thẩm nhân dân dự khuyết: {{a.titledName}}.',
          '::end',
        ]
      : []),
    `- ${options.clerkTitle}: {{panel.clerk.titledName}} - Thư ký {{court.name}}.`,
    ...(options.alternates ? ['::repeat panel.alternateClerks as a', '- Thư ký dự khuyết: {{a.titledName}}.', '::end'] : []),
    ...(options.prosecutorAlways ? [`- ${prosecutor}`] : ['::if panel.hasProsecutor', `- ${prosecutor}`, '::end']),
    ...(options.alternates
      ? ['::repeat panel.alternateProsecutors as a', '- Kiểm sát viên dự khuyết: {{a.titledName}} - {{a.organisation}}.', '::end']
      : []),
  ].join('\n');
}

/** The online-hearing block (NQ 33/2021/QH15): central site and the table of remote sites. */
export function remoteSites(): string {
  return [
    'Phiên tòa được tổ chức trực tuyến theo Nghị quyết số 33/2021/QH15 ngày 12 tháng 11 năm 2021 của Quốc hội; điểm cầu trung tâm tại {{hearing.venue}}. Các điểm cầu thành phần:',
    '::table',
    '::row',
    '::cell bold | STT',
    '::cell bold | Điểm cầu',
    '::cell bold | Địa chỉ',
    '::cell bold | Người tham gia tại điểm cầu',
    '::end',
    '::repeat hearing.remoteSites as s',
    '::row',
    '::cell {{s.$index}}',
    '::cell {{s.name}}',
    '::cell {{s.address}}',
    '::cell {{s.participants}}',
    '::end',
    '::empty',
    '::row',
    '::cell -',
    '::cell Chưa ghi điểm cầu thành phần: Thư ký bổ sung trước khi hoàn tất biên bản.',
    '::end',
    '::end',
    '::end',
  ].join('\n');
}

/** The NQ 03/2017 explanation of online publication, or why a closed hearing is not published. */
export function publicationNotice(partiesWord: string): string {
  return [
    '::if hearing.closed',
    'Thẩm phán - Chủ tọa phiên tòa giải thích: vụ án được xét xử kín nên bản án, quyết định của Tòa án không được công bố trên Cổng thông tin điện tử của Tòa án (Điều 4 Nghị quyết số 03/2017/NQ-HĐTP ngày 16 tháng 3 năm 2017 của Hội đồng Thẩm phán Tòa án nhân dân tối cao).',
    '::else',
    `Thẩm phán - Chủ tọa phiên tòa giải thích: bản án, quyết định của Tòa án sau khi có hiệu lực pháp luật sẽ được công bố trên Cổng thông tin điện tử của Tòa án theo Nghị quyết số 03/2017/NQ-HĐTP ngày 16 tháng 3 năm 2017 của Hội đồng Thẩm phán Tòa án nhân dân tối cao; ${partiesWord} có quyền đề nghị Tòa án không công bố những nội dung liên quan đến bí mật cá nhân, bí mật gia đình, bí mật kinh doanh của mình. Ý kiến của ${partiesWord}: ……`,
    '::end',
  ].join('\n');
}

/** Signature block of hearing minutes: clerk on the left, presiding judge on the right. */
export function minutesSignatures(): string {
  return [
    '::signature',
    '::left',
    '::para center bold | THƯ KÝ PHIÊN TÒA',
    '::para center italic | (Ký, ghi rõ họ tên)',
    '::blank',
    '::blank',
    '::para center bold | {{panel.clerk.name}}',
    '::right',
    '::para center bold | THẨM PHÁN - CHỦ TỌA PHIÊN TÒA',
    '::para center italic | (Ký, ghi rõ họ tên)',
    '::blank',
    '::blank',
    '::para center bold | {{panel.presiding.name}}',
    '::end',
  ].join('\n');
}

/** Footer of a judgment: "Nơi nhận" and the panel's signature. */
export function judgmentSignature(recipients: readonly string[]): string {
  return [
    '::signature',
    '::left',
    '::para bold italic | Nơi nhận:',
    ...recipients.map((r) => `::para | ${r}`),
    '::right',
    '::para center bold | TM. HỘI ĐỒNG XÉT XỬ SƠ THẨM',
    '::para center bold | THẨM PHÁN - CHỦ TỌA PHIÊN TÒA',
    '::para center italic | (Ký tên, ghi rõ họ tên, đóng dấu)',
    '::blank',
    '::blank',
    '::para center bold | {{panel.presiding.name}}',
    '::end',
  ].join('\n');
}

/** The deliberation's vote on one issue: assessors first, the presiding judge last. */
export function vote(issue: string): string {
  return [
    `::para bold | ${issue}`,
    'Ý kiến và biểu quyết (Hội thẩm nhân dân biểu quyết trước, Thẩm phán - Chủ tọa phiên tòa biểu quyết sau cùng):',
    '::repeat panel.assessors as a',
    '- Hội thẩm nhân dân {{a.name}}: ……',
    '::end',
    '::repeat panel.judges as j',
    '- Thẩm phán {{j.name}}: ……',
    '::end',
    '- Thẩm phán - Chủ tọa phiên tòa {{panel.presiding.name}}: ……',
    'Kết quả biểu quyết: ……',
  ].join('\n');
}

/** Signatures of deliberation minutes: members on the left, the presiding judge (with stamp) on the right; no clerk. */
export function deliberationSignatures(): string {
  return [
    '::signature',
    '::left',
    '::para center bold | THÀNH VIÊN HỘI ĐỒNG XÉT XỬ',
    '::para center italic | (Ký, ghi rõ họ tên)',
    '::repeat panel.otherMembers as m',
    '::blank',
    '::para center bold | {{m.name}}',
    '::end',
    '::right',
    '::para center bold | THẨM PHÁN - CHỦ TỌA PHIÊN TÒA',
    '::para center italic | (Ký, ghi rõ họ tên, đóng dấu)',
    '::blank',
    '::blank',
    '::para center bold | {{panel.presiding.name}}',
    '::end',
  ].join('\n');
}
