/**
 * The closed vocabularies of a Vietnamese court case: case types, procedure levels, lifecycle
 * statuses, procedural roles. Codes are what the data stores; the labels are the legal terms as
 * the forms spell them (Vietnamese) with an English gloss for the fallback language.
 *
 * Sources: ../shared/domain/vn-court-forms.md §2.2 (codes), §4 (types and lifecycle), glossary.md.
 */

export interface Label {
  readonly vi: string;
  readonly en: string;
}

/** Case-type codes as they appear in case numbers (`12/2025/TLST-DS`). */
export const CASE_TYPES = ['DS', 'HNGĐ', 'KDTM', 'LĐ', 'HS', 'HC', 'PS', 'BPXLHC'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABELS: Record<CaseType, Label> = {
  DS: { vi: 'Dân sự', en: 'Civil' },
  HNGĐ: { vi: 'Hôn nhân và gia đình', en: 'Marriage and family' },
  KDTM: { vi: 'Kinh doanh, thương mại', en: 'Business and commerce' },
  LĐ: { vi: 'Lao động', en: 'Labour' },
  HS: { vi: 'Hình sự', en: 'Criminal' },
  HC: { vi: 'Hành chính', en: 'Administrative' },
  PS: { vi: 'Phá sản', en: 'Bankruptcy' },
  BPXLHC: { vi: 'Biện pháp xử lý hành chính', en: 'Administrative handling measures' },
};

/** Procedure levels (stage codes). */
export const PROCEDURE_LEVELS = ['ST', 'PT', 'GĐT', 'TT'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

export const PROCEDURE_LEVEL_LABELS: Record<ProcedureLevel, Label> = {
  ST: { vi: 'Sơ thẩm', en: 'First instance' },
  PT: { vi: 'Phúc thẩm', en: 'Appeal' },
  GĐT: { vi: 'Giám đốc thẩm', en: 'Cassation review' },
  TT: { vi: 'Tái thẩm', en: 'Reopening' },
};

/** Vụ án (contentious) or việc (non-contentious matter). */
export const PROCEEDING_KINDS = ['lawsuit', 'petition'] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];
export const PROCEEDING_KIND_LABELS: Record<ProceedingKind, Label> = {
  lawsuit: { vi: 'Vụ án', en: 'Case' },
  petition: { vi: 'Việc', en: 'Matter' },
};

/**
 * The lifecycle a clerk tracks, in order. `suspended` (tạm đình chỉ) can return to `preparing`;
 * `terminated` (đình chỉ) and `settled` (công nhận sự thỏa thuận) end the case before trial.
 */
export const CASE_STATUSES = [
  'accepted',
  'preparing',
  'scheduled',
  'suspended',
  'decided',
  'appealed',
  'effective',
  'settled',
  'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, Label> = {
  accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
  preparing: { vi: 'Chuẩn bị xét xử', en: 'Preparing for trial' },
  scheduled: { vi: 'Đã đưa ra xét xử', en: 'Set for trial' },
  suspended: { vi: 'Tạm đình chỉ', en: 'Suspended' },
  decided: { vi: 'Đã xét xử', en: 'Decided' },
  appealed: { vi: 'Bị kháng cáo, kháng nghị', en: 'Appealed or protested' },
  effective: { vi: 'Có hiệu lực pháp luật', en: 'Legally effective' },
  settled: { vi: 'Hòa giải thành', en: 'Settled' },
  terminated: { vi: 'Đình chỉ', en: 'Terminated' },
};

/** Which status may follow which. Anything else is refused with a clear message. */
export const CASE_STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  accepted: ['preparing', 'suspended', 'terminated', 'settled'],
  preparing: ['scheduled', 'suspended', 'terminated', 'settled'],
  scheduled: ['decided', 'suspended', 'terminated', 'settled', 'preparing'],
  suspended: ['preparing', 'terminated'],
  decided: ['appealed', 'effective'],
  appealed: ['effective'],
  effective: [],
  settled: ['effective'],
  terminated: [],
};

/** Criminal offence classes: trial-preparation time depends on them (BLTTHS Điều 277). */
export const OFFENCE_CLASSES = ['lessSerious', 'serious', 'verySerious', 'especiallySerious'] as const;
export type OffenceClass = (typeof OFFENCE_CLASSES)[number];
export const OFFENCE_CLASS_LABELS: Record<OffenceClass, Label> = {
  lessSerious: { vi: 'Ít nghiêm trọng', en: 'Less serious' },
  serious: { vi: 'Nghiêm trọng', en: 'Serious' },
  verySerious: { vi: 'Rất nghiêm trọng', en: 'Very serious' },
  especiallySerious: { vi: 'Đặc biệt nghiêm trọng', en: 'Especially serious' },
};

/**
 * Procedural roles of participants (người tham gia tố tụng). The first group are litigants of a
 * civil or administrative case, then the criminal roles, then the roles that act for someone else
 * (`actsFor` on the party), then the other participants.
 */
export const PARTY_ROLES = [
  'plaintiff',
  'defendant',
  'interestedParty',
  'petitioner',
  'claimant',
  'respondent',
  'accused',
  'victim',
  'civilPlaintiff',
  'civilDefendant',
  'representative',
  'legalRightsProtector',
  'defenceCounsel',
  'witness',
  'attestingWitness',
  'expert',
  'appraiser',
  'interpreter',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_ROLE_LABELS: Record<PartyRole, Label> = {
  plaintiff: { vi: 'Nguyên đơn', en: 'Plaintiff' },
  defendant: { vi: 'Bị đơn', en: 'Defendant' },
  interestedParty: { vi: 'Người có quyền lợi, nghĩa vụ liên quan', en: 'Person with related rights and obligations' },
  petitioner: { vi: 'Người yêu cầu', en: 'Petitioner' },
  claimant: { vi: 'Người khởi kiện', en: 'Claimant' },
  respondent: { vi: 'Người bị kiện', en: 'Respondent' },
  accused: { vi: 'Bị cáo', en: 'Accused' },
  victim: { vi: 'Bị hại', en: 'Victim' },
  civilPlaintiff: { vi: 'Nguyên đơn dân sự', en: 'Civil plaintiff' },
  civilDefendant: { vi: 'Bị đơn dân sự', en: 'Civil defendant' },
  representative: { vi: 'Người đại diện hợp pháp', en: 'Legal representative' },
  legalRightsProtector: { vi: 'Người bảo vệ quyền và lợi ích hợp pháp', en: 'Protector of legal rights and interests' },
  defenceCounsel: { vi: 'Người bào chữa', en: 'Defence counsel' },
  witness: { vi: 'Người làm chứng', en: 'Witness' },
  attestingWitness: { vi: 'Người chứng kiến', en: 'Attesting witness' },
  expert: { vi: 'Người giám định', en: 'Expert' },
  appraiser: { vi: 'Người định giá tài sản', en: 'Property appraiser' },
  interpreter: { vi: 'Người phiên dịch', en: 'Interpreter' },
};

/** Roles that act for another participant: the party record names whom in `actsFor`. */
export const ACTING_ROLES: readonly PartyRole[] = ['representative', 'legalRightsProtector', 'defenceCounsel'];

/**
 * Which principal roles each case type uses, in the order the forms list them. Civil, family,
 * commercial and labour courts also hear non-contentious matters (việc, e.g. thuận tình ly hôn),
 * whose principal is the petitioner (người yêu cầu).
 */
export const PRINCIPAL_ROLES_BY_CASE_TYPE: Record<CaseType, readonly PartyRole[]> = {
  DS: ['plaintiff', 'defendant', 'petitioner', 'interestedParty'],
  HNGĐ: ['plaintiff', 'defendant', 'petitioner', 'interestedParty'],
  KDTM: ['plaintiff', 'defendant', 'petitioner', 'interestedParty'],
  LĐ: ['plaintiff', 'defendant', 'petitioner', 'interestedParty'],
  HS: ['accused', 'victim', 'civilPlaintiff', 'civilDefendant', 'interestedParty'],
  HC: ['claimant', 'respondent', 'interestedParty'],
  PS: ['petitioner', 'interestedParty'],
  BPXLHC: ['petitioner', 'interestedParty'],
};

/** The display order of every role in a case file: principals first, then the rest. */
export function roleOrder(caseType: CaseType): PartyRole[] {
  const principals = PRINCIPAL_ROLES_BY_CASE_TYPE[caseType];
  return [...principals, ...PARTY_ROLES.filter((role) => !principals.includes(role))];
}

/** Members of the trial panel and the officers of the hearing (người tiến hành tố tụng). */
export const PANEL_ROLES = [
  'presidingJudge',
  'judge',
  'assessor',
  'clerk',
  'prosecutor',
  'alternateJudge',
  'alternateAssessor',
  'alternateClerk',
  'alternateProsecutor',
] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

export const PANEL_ROLE_LABELS: Record<PanelRole, Label> = {
  presidingJudge: { vi: 'Thẩm phán - Chủ tọa phiên tòa', en: 'Presiding judge' },
  judge: { vi: 'Thẩm phán', en: 'Judge' },
  assessor: { vi: 'Hội thẩm nhân dân', en: "People's assessor" },
  clerk: { vi: 'Thư ký phiên tòa', en: 'Hearing clerk' },
  prosecutor: { vi: 'Kiểm sát viên', en: 'Prosecutor' },
  alternateJudge: { vi: 'Thẩm phán dự khuyết', en: 'Alternate judge' },
  alternateAssessor: { vi: 'Hội thẩm nhân dân dự khuyết', en: 'Alternate assessor' },
  alternateClerk: { vi: 'Thư ký dự khuyết', en: 'Alternate clerk' },
  alternateProsecutor: { vi: 'Kiểm sát viên dự khuyết', en: 'Alternate prosecutor' },
};

/** Court staff in the court's directory. Prosecutors belong to the procuracy but are listed. */
export const STAFF_ROLES = ['judge', 'clerk', 'assessor', 'prosecutor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_LABELS: Record<StaffRole, Label> = {
  judge: { vi: 'Thẩm phán', en: 'Judge' },
  clerk: { vi: 'Thư ký Tòa án', en: 'Court clerk' },
  assessor: { vi: 'Hội thẩm nhân dân', en: "People's assessor" },
  prosecutor: { vi: 'Kiểm sát viên', en: 'Prosecutor' },
};

export const HEARING_KINDS = ['trial', 'mediation', 'evidenceSession', 'dialogue'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];
export const HEARING_KIND_LABELS: Record<HearingKind, Label> = {
  trial: { vi: 'Phiên tòa', en: 'Trial hearing' },
  mediation: { vi: 'Phiên hòa giải', en: 'Mediation session' },
  evidenceSession: { vi: 'Phiên họp kiểm tra việc giao nộp, tiếp cận, công khai chứng cứ', en: 'Evidence session' },
  dialogue: { vi: 'Phiên đối thoại', en: 'Dialogue session' },
};

export const HEARING_STATUSES = ['scheduled', 'held', 'adjourned', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];
export const HEARING_STATUS_LABELS: Record<HearingStatus, Label> = {
  scheduled: { vi: 'Đã lên lịch', en: 'Scheduled' },
  held: { vi: 'Đã xét xử', en: 'Held' },
  adjourned: { vi: 'Hoãn phiên tòa', en: 'Adjourned' },
  cancelled: { vi: 'Hủy lịch', en: 'Cancelled' },
};

export const ATTENDANCE = ['present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, Label> = {
  present: { vi: 'Có mặt', en: 'Present' },
  absent: { vi: 'Vắng mặt', en: 'Absent' },
};

export const DOCUMENT_KINDS = [
  'hearingMinutes',
  'deliberationMinutes',
  'mediationMinutes',
  'judgment',
  'decision',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, Label> = {
  hearingMinutes: { vi: 'Biên bản phiên tòa', en: 'Hearing minutes' },
  deliberationMinutes: { vi: 'Biên bản nghị án', en: 'Deliberation minutes' },
  mediationMinutes: { vi: 'Biên bản hòa giải', en: 'Mediation minutes' },
  judgment: { vi: 'Bản án', en: 'Judgment' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  other: { vi: 'Tài liệu khác', en: 'Other document' },
};

export const DOCUMENT_STATUSES = ['draft', 'signed', 'locked', 'published'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, Label> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  locked: { vi: 'Đã khóa', en: 'Locked' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, Label> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};
