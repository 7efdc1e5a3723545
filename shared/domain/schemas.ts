/**
 * The domain model of a court's case files, as zod schemas. Everything that enters the replica
 * (an import, a demo file, a form in the UI) is parsed through these, which NFC-normalises every
 * text field on the way in (see ../text/normalize.ts) and refuses what a court could not mean:
 * an empty party name, a malformed case number, a hearing with an impossible date.
 *
 * Times: `LocalDate` is `YYYY-MM-DD`; `LocalDateTime` is `YYYY-MM-DDTHH:mm` in the court's own
 * time (Vietnam has one time zone and no DST, and a hearing at "08:00" must stay at 08:00 whatever
 * zone a laptop is set to). `Timestamp` is an ISO-8601 UTC instant, for audit fields only.
 */
import { z } from 'zod';
import { normalizeText } from '../text/normalize.js';
import { parseCaseNumber, formatCaseNumber, type CaseNumberKind } from './case-number.js';
import {
  ATTENDANCE,
  CASE_STATUSES,
  CASE_TYPES,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  GENDERS,
  HEARING_KINDS,
  HEARING_STATUSES,
  OFFENCE_CLASSES,
  PANEL_ROLES,
  PARTY_ROLES,
  PROCEDURE_LEVELS,
  PROCEEDING_KINDS,
  STAFF_ROLES,
} from './vocabulary.js';
import { NOT_PUBLISH_REASONS, PUBLICATION_STATES } from '../publication/reasons.js';
import { PublicationReviewsSchema } from '../anonymise/review-record.js';

/** Free text: NFC, trimmed, inner whitespace collapsed. May be empty. */
export const Text = z.string().transform(normalizeText);

/** Text that must not be empty after normalisation. */
export const RequiredText = (messageVi = 'Không được để trống') =>
  z.string({ error: messageVi }).transform(normalizeText).pipe(z.string().min(1, { error: messageVi }));

export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/, { error: 'Mã định danh không hợp lệ' });

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày phải có dạng YYYY-MM-DD' })
  .refine(isRealDate, { error: 'Ngày không tồn tại' });

export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'Thời gian phải có dạng YYYY-MM-DDTHH:mm' })
  .refine((text) => isRealDate(text.slice(0, 10)), { error: 'Ngày không tồn tại' })
  .refine((text) => Number(text.slice(11, 13)) < 24 && Number(text.slice(14, 16)) < 60, {
    error: 'Giờ không hợp lệ',
  });

export const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, {
  error: 'Mốc thời gian phải là ISO-8601 UTC',
});

/** An official number of the given kind, stored in its canonical spelling. */
export const OfficialNumber = (kind: CaseNumberKind) =>
  z.string().transform((raw, ctx) => {
    const parsed = parseCaseNumber(raw, kind);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error.messageVi });
      return z.NEVER;
    }
    return formatCaseNumber(parsed.value);
  });

export const CourtSchema = z.object({
  id: Id,
  /** The full name as printed in headers, e.g. "Tòa án nhân dân khu vực 1 - Vĩnh Long". */
  name: RequiredText('Tên Tòa án không được để trống'),
  /** The parent province as the header guidance note wants it ("tỉnh Vĩnh Long"). */
  province: RequiredText('Tỉnh không được để trống'),
  level: z.enum(['regional', 'provincial', 'supreme']),
  address: Text.default(''),
  /** The procuracy that prosecutes before this court. */
  procuracyName: Text.default(''),
});
export type Court = z.output<typeof CourtSchema>;

export const StaffMemberSchema = z.object({
  id: Id,
  name: RequiredText('Họ tên cán bộ không được để trống'),
  role: z.enum(STAFF_ROLES),
  gender: z.enum(GENDERS).optional(),
  /** Where a prosecutor or assessor belongs, e.g. "Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long". */
  organisation: Text.optional(),
  /** For clerks: the judges they serve. */
  servesJudgeIds: z.array(Id).default([]),
});
export type StaffMember = z.output<typeof StaffMemberSchema>;

export const PartySchema = z.object({
  id: Id,
  role: z.enum(PARTY_ROLES),
  kind: z.enum(['person', 'organisation']).default('person'),
  fullName: RequiredText('Họ tên đương sự không được để trống'),
  gender: z.enum(GENDERS).optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  address: Text.default(''),
  /** CCCD/CMND number or business registration number; masked in the publication copy. */
  idNumber: Text.optional(),
  phone: Text.optional(),
  occupation: Text.optional(),
  /** For representatives, protectors and defence counsel: whom they act for. */
  actsFor: z.array(Id).default([]),
  /** Bar association, law office or employer, for counsel. */
  organisation: Text.optional(),
  /** Under 18: affects assessors, closed hearings and publication. */
  isMinor: z.boolean().default(false),
  order: z.number().int().default(0),
});
export type Party = z.output<typeof PartySchema>;
export type PartyInput = z.input<typeof PartySchema>;

export const PanelMemberSchema = z.object({
  id: Id,
  role: z.enum(PANEL_ROLES),
  /** The directory entry, when the person is in the court's staff list. */
  staffId: Id.optional(),
  name: RequiredText('Họ tên thành viên Hội đồng không được để trống'),
  order: z.number().int().default(0),
});
export type PanelMember = z.output<typeof PanelMemberSchema>;

export const HearingSchema = z.object({
  id: Id,
  kind: z.enum(HEARING_KINDS).default('trial'),
  startsAt: LocalDateTime,
  /** Expected length, for the calendar. */
  durationMinutes: z.number().int().min(5).max(60 * 12).default(120),
  room: Text.default(''),
  /** Xét xử kín: not published, minutes restricted. */
  closed: z.boolean().default(false),
  /** Online hearing (NQ 33/2021/QH15) with remote sites. */
  online: z.boolean().default(false),
  status: z.enum(HEARING_STATUSES).default('scheduled'),
  /** Free-text outcome recorded by the clerk ("Tuyên án: chấp nhận một phần yêu cầu khởi kiện"). */
  outcome: Text.default(''),
  adjournmentReason: Text.default(''),
  /** The new hearing created by an adjournment, if any. */
  rescheduledTo: Id.optional(),
  /** Presence of each summoned participant, by party id. */
  attendance: z.record(z.string(), z.enum(ATTENDANCE)).default({}),
});
export type Hearing = z.output<typeof HearingSchema>;
export type HearingInput = z.input<typeof HearingSchema>;

export const CaseDocumentRefSchema = z.object({
  id: Id,
  kind: z.enum(DOCUMENT_KINDS),
  title: RequiredText('Tên tài liệu không được để trống'),
  number: Text.optional(),
  templateId: Text.optional(),
  status: z.enum(DOCUMENT_STATUSES).default('draft'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CaseDocumentRef = z.output<typeof CaseDocumentRefSchema>;

/**
 * The publication of the case's judgment on the portal (NQ 03/2017; shared/publication/): its
 * state, the presiding judge's decision with who and when, and the dates that run the 30-day
 * limit. A decision not to publish needs at least one reason; "published" needs its date.
 */
export const PublicationSchema = z
  .object({
    state: z.enum(PUBLICATION_STATES),
    /** Ngày bản án, quyết định có hiệu lực pháp luật: starts the 30-day limit. */
    legalEffectDate: LocalDate.optional(),
    reasons: z.array(z.enum(NOT_PUBLISH_REASONS)).default([]),
    note: Text.default(''),
    decidedBy: RequiredText('Hãy ghi người quyết định'),
    decidedAt: Timestamp,
    publishedAt: LocalDate.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.state === 'notToPublish' && p.reasons.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'Hãy chọn ít nhất một lý do không công bố' });
    }
    if (p.state !== 'notToPublish' && p.reasons.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'Chỉ ghi lý do khi quyết định không công bố' });
    }
    if (p.state === 'published' && p.publishedAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: 'Hãy ghi ngày công bố' });
    }
    if (p.state === 'pending' && p.legalEffectDate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['legalEffectDate'], message: 'Hãy ghi ngày bản án có hiệu lực pháp luật' });
    }
    if (p.publishedAt !== undefined && p.legalEffectDate !== undefined && p.publishedAt < p.legalEffectDate) {
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: 'Ngày công bố không thể trước ngày có hiệu lực pháp luật' });
    }
  });
export type Publication = z.output<typeof PublicationSchema>;
export type PublicationInput = z.input<typeof PublicationSchema>;

export const CaseSchema = z.object({
  id: Id,
  courtId: Id,
  proceeding: z.enum(PROCEEDING_KINDS).default('lawsuit'),
  type: z.enum(CASE_TYPES),
  level: z.enum(PROCEDURE_LEVELS),
  /** Thụ lý number, canonical ("12/2025/TLST-DS"). */
  acceptanceNumber: OfficialNumber('acceptance'),
  acceptanceDate: LocalDate,
  /** "V/v tranh chấp hợp đồng vay tài sản"; for criminal cases the charge. */
  subject: RequiredText('Nội dung vụ án (V/v …) không được để trống'),
  status: z.enum(CASE_STATUSES).default('accepted'),
  offenceClass: z.enum(OFFENCE_CLASSES).optional(),
  /** The judge the Chánh án assigned (staff id). */
  judgeId: Id.optional(),
  /** The clerk assigned (staff id). */
  clerkId: Id.optional(),
  trialDecisionNumber: OfficialNumber('trialDecision').optional(),
  trialDecisionDate: LocalDate.optional(),
  judgmentNumber: OfficialNumber('judgment').optional(),
  judgmentDate: LocalDate.optional(),
  parties: z.array(PartySchema).default([]),
  panel: z.array(PanelMemberSchema).default([]),
  hearings: z.array(HearingSchema).default([]),
  documents: z.array(CaseDocumentRefSchema).default([]),
  /** Publication on the portal; absent until someone records a decision or a legal-effect date. */
  publication: PublicationSchema.optional(),
  /**
   * The judge's review of the anonymised copy, per source document (shared/anonymise/review-record.ts):
   * kept beside `publication` (not inside it: that record is a decision, replaced whole when it is re-recorded).
   */
  publicationReviews: PublicationReviewsSchema.optional(),
  notes: Text.default(''),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;

/** The file format of a court export (the demo generator writes it; import reads it). */
export const COURT_FILE_FORMAT = 'courtdesk.court';
export const COURT_FILE_VERSION = 1;

export const CourtFileSchema = z.object({
  format: z.literal(COURT_FILE_FORMAT, { error: 'Không phải tệp dữ liệu Tòa án của Courtdesk' }),
  formatVersion: z.literal(COURT_FILE_VERSION, { error: 'Phiên bản tệp dữ liệu không được hỗ trợ' }),
  generatedAt: Timestamp,
  seed: z.number().int().optional(),
  court: CourtSchema,
  staff: z.array(StaffMemberSchema),
  cases: z.array(CaseSchema),
});
export type CourtFile = z.output<typeof CourtFileSchema>;
export type CourtFileInput = z.input<typeof CourtFileSchema>;
