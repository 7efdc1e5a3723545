/**
 * The statutory deadline rules as data (shared/deadlines/data/rules.json): a rule says what starts
 * the clock, how long it runs and in which unit, how far it may be extended, which cases it
 * applies to, what ends it and what pauses it. The engine (./compute.ts) has no legal knowledge of
 * its own, so court IT can correct a rule by shipping a signed pack (./pack.ts) instead of a new
 * build. Each rule carries its legal basis and how sure we are of it (basisTag, as in
 * ../shared/domain/vn-court-forms.md: S = seen in a named source, GK = general knowledge not
 * re-checked against the official text, ? = uncertain).
 */
import { z } from 'zod';
import {
  CASE_STATUSES,
  CASE_TYPES,
  OFFENCE_CLASSES,
  PROCEDURE_LEVELS,
  PROCEEDING_KINDS,
  type Label,
} from '../domain/vocabulary.js';

export const RULE_TABLE_FORMAT = 'courtdesk.deadlineRules';

export const DEADLINE_UNITS = ['calendarDays', 'workingDays', 'months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, Label> = {
  calendarDays: { vi: 'ngày', en: 'days' },
  workingDays: { vi: 'ngày làm việc', en: 'working days' },
  months: { vi: 'tháng', en: 'months' },
};

/**
 * What starts a clock. `resumption` is never a rule's own start: it replaces the start of a rule
 * that restarts after a suspension (tạm đình chỉ) when the case is resumed.
 */
export const START_EVENTS = ['acceptance', 'trialDecision', 'adjournment', 'judgment', 'legalEffect', 'mediationSettled', 'resumption'] as const;
export type StartEvent = (typeof START_EVENTS)[number];

export const START_EVENT_LABELS: Record<StartEvent, Label> = {
  acceptance: { vi: 'Thụ lý', en: 'Acceptance (thụ lý)' },
  trialDecision: { vi: 'Quyết định đưa vụ án ra xét xử', en: 'Decision to bring the case to trial' },
  adjournment: { vi: 'Hoãn phiên tòa', en: 'Adjournment of the hearing' },
  judgment: { vi: 'Tuyên án', en: 'Pronouncement of the judgment' },
  legalEffect: { vi: 'Bản án, quyết định có hiệu lực pháp luật', en: 'Judgment takes legal effect' },
  mediationSettled: { vi: 'Lập biên bản hòa giải thành', en: 'Record of successful mediation' },
  resumption: { vi: 'Tiếp tục giải quyết vụ án (sau tạm đình chỉ)', en: 'Case resumed after suspension' },
};

/** Events that fulfil a rule when they happen on or after its start. */
export const END_EVENTS = ['trialDecision', 'trialOpened', 'trialHeld', 'hearingHeld', 'judgment'] as const;
export type EndEvent = (typeof END_EVENTS)[number];

const Length = z.number().int().positive().max(3650);

export const DeadlineRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, { error: 'Mã quy tắc chỉ gồm chữ thường, số, dấu chấm và gạch nối' }),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  /** Article and code, e.g. "Điều 203 khoản 1 điểm a BLTTDS 2015". */
  basis: z.string().min(1),
  basisTag: z.enum(['S', 'GK', '?']),
  /** Where the S claim was seen (URL or document), for the audit. */
  source: z.string().optional(),
  caseTypes: z.array(z.enum(CASE_TYPES)).min(1),
  levels: z.array(z.enum(PROCEDURE_LEVELS)).min(1),
  proceedings: z.array(z.enum(PROCEEDING_KINDS)).min(1),
  /** Criminal rules that depend on the offence class; absent = any class (or none). */
  offenceClasses: z.array(z.enum(OFFENCE_CLASSES)).optional(),
  start: z.enum(START_EVENTS).exclude(['resumption']),
  length: Length,
  unit: z.enum(DEADLINE_UNITS),
  /** The longest extension the law allows; the cap is the base limit plus this. */
  extension: z.object({ length: Length, unit: z.enum(DEADLINE_UNITS) }).optional(),
  endsOn: z.array(z.enum(END_EVENTS)),
  /** Case statuses in which the step is over (the process moved past it). */
  endsInStatuses: z.array(z.enum(CASE_STATUSES)),
  /** Case statuses in which the clock stands still (tạm đình chỉ). */
  pausedInStatuses: z.array(z.enum(CASE_STATUSES)),
  /** After a suspension the limit runs again in full from the resumption (BLTTDS Điều 203). */
  restartsOnResume: z.boolean(),
  /** "Sắp đến hạn" from this many calendar days before the due date. */
  warnDays: z.number().int().min(0).max(60),
  note: z.string().optional(),
  noteEn: z.string().optional(),
});
export type DeadlineRule = z.output<typeof DeadlineRuleSchema>;

export const RuleTableSchema = z
  .object({
    format: z.literal(RULE_TABLE_FORMAT, { error: 'Không phải bảng thời hạn tố tụng của Courtdesk' }),
    formatVersion: z.literal(1, { error: 'Phiên bản bảng thời hạn không được hỗ trợ' }),
    version: z.string().min(1),
    rules: z.array(DeadlineRuleSchema).min(1),
  })
  .refine((table) => new Set(table.rules.map((r) => r.id)).size === table.rules.length, { error: 'Mã quy tắc bị trùng' });
export type RuleTable = z.output<typeof RuleTableSchema>;
export type RuleTableInput = z.input<typeof RuleTableSchema>;
