/**
 * The edits a clerk or judge makes to a case file, as functions on the case's Y.Doc. Each one
 * validates its input with the shared schemas first (so bad input never reaches the doc), writes
 * inside one transaction, and stamps `updatedAt`. They return a Result: the UI shows the
 * Vietnamese message, the doc stays as it was.
 */
import type * as Y from 'yjs';
import { caseRoot, entityMap, isEmptyCaseDoc, readCase, writeEntity, writeFields } from './case-doc.js';
import { domainError, err, ok, type DomainError, type Result } from './result.js';
import {
  CaseSchema,
  HearingSchema,
  LocalDateTime,
  PanelMemberSchema,
  PartySchema,
  CaseDocumentRefSchema,
  PublicationSchema,
  type Hearing,
  type Publication,
  type Party,
} from './schemas.js';
import { validate } from './validate.js';
import { PublicationReviewSchema, sourceKey, type PublicationReview } from '../anonymise/review-record.js';
import { CASE_STATUS_LABELS, CASE_STATUS_TRANSITIONS, type Attendance, type CaseStatus } from './vocabulary.js';

/** Where an edit came from; the replica uses it to tell local edits from remote ones. */
export interface EditContext {
  /** ISO-8601 UTC instant of the edit. */
  readonly now: string;
  /** Transaction origin passed to Yjs. */
  readonly origin?: unknown;
}

function requireCase(doc: Y.Doc): Result<true> {
  return isEmptyCaseDoc(doc)
    ? err(domainError('caseDoc.empty', 'Hồ sơ vụ án chưa được tải.', 'The case document is not loaded.'))
    : ok(true);
}

function touch(doc: Y.Doc, ctx: EditContext): void {
  caseRoot(doc).set('updatedAt', ctx.now);
}

const EDITABLE_CASE_FIELDS = [
  'subject',
  'status',
  'offenceClass',
  'judgeId',
  'clerkId',
  'trialDecisionNumber',
  'trialDecisionDate',
  'judgmentNumber',
  'judgmentDate',
  'notes',
  'acceptanceNumber',
  'acceptanceDate',
] as const;
export type CaseFieldsPatch = Partial<Record<(typeof EDITABLE_CASE_FIELDS)[number], string | undefined>>;

/** Corrects the case's own fields (subject, numbers, assignment). Status goes through {@link setCaseStatus}. */
export function updateCaseFields(doc: Y.Doc, patch: CaseFieldsPatch, ctx: EditContext): Result<true> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const current = readCase(doc);
  const merged = validate(CaseSchema, { ...current, ...patch });
  if (!merged.ok) return merged;
  const fields: Record<string, unknown> = {};
  for (const key of EDITABLE_CASE_FIELDS) {
    if (key in patch && key !== 'status') fields[key] = merged.value[key];
  }
  doc.transact(() => {
    writeFields(caseRoot(doc), fields);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(true);
}

/** Moves the case along its lifecycle; refuses a transition the procedure does not allow. */
export function setCaseStatus(doc: Y.Doc, status: CaseStatus, ctx: EditContext): Result<true> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const current = readCase(doc).status;
  if (current === status) return ok(true);
  if (!CASE_STATUS_TRANSITIONS[current].includes(status)) {
    return err(
      domainError(
        'case.statusTransition',
        `Không thể chuyển trạng thái từ "${CASE_STATUS_LABELS[current].vi}" sang "${CASE_STATUS_LABELS[status].vi}".`,
        `Cannot move from "${CASE_STATUS_LABELS[current].en}" to "${CASE_STATUS_LABELS[status].en}".`,
      ),
    );
  }
  doc.transact(() => {
    caseRoot(doc).set('status', status);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(true);
}

/** Adds a party or corrects one (same id). Parties that act for others must name existing ones. */
export function upsertParty(doc: Y.Doc, input: unknown, ctx: EditContext): Result<Party> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const parsed = validate(PartySchema, input, 'party.invalid');
  if (!parsed.ok) return parsed;
  const party = parsed.value;
  const parties = entityMap(doc, 'parties');
  const unknownPrincipal = party.actsFor.find((id) => id === party.id || !parties.has(id));
  if (unknownPrincipal !== undefined) {
    return err(
      domainError(
        'party.actsForUnknown',
        'Người đại diện/bào chữa phải gắn với một đương sự có trong hồ sơ.',
        `actsFor names an unknown party: ${unknownPrincipal}`,
      ),
    );
  }
  doc.transact(() => {
    writeEntity(doc, 'parties', party.id, party);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(party);
}

/** Removes a party; refuses while someone still acts for them. */
export function removeParty(doc: Y.Doc, partyId: string, ctx: EditContext): Result<true> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const parties = entityMap(doc, 'parties');
  if (!parties.has(partyId)) {
    return err(domainError('party.notFound', 'Không tìm thấy đương sự.', `Party ${partyId} not found.`));
  }
  const dependant = [...parties.values()].find((p) => ((p.get('actsFor') as string[] | undefined) ?? []).includes(partyId));
  if (dependant) {
    return err(
      domainError(
        'party.hasDependants',
        `Không thể xóa: ${String(dependant.get('fullName'))} đang đại diện hoặc bảo vệ cho người này.`,
        'Cannot remove a party someone acts for.',
      ),
    );
  }
  doc.transact(() => {
    parties.delete(partyId);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(true);
}

export function upsertPanelMember(doc: Y.Doc, input: unknown, ctx: EditContext): Result<true> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const parsed = validate(PanelMemberSchema, input, 'panel.invalid');
  if (!parsed.ok) return parsed;
  doc.transact(() => {
    writeEntity(doc, 'panel', parsed.value.id, parsed.value);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(true);
}

export function upsertHearing(doc: Y.Doc, input: unknown, ctx: EditContext): Result<Hearing> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const parsed = validate(HearingSchema, input, 'hearing.invalid');
  if (!parsed.ok) return parsed;
  doc.transact(() => {
    writeEntity(doc, 'hearings', parsed.value.id, parsed.value);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(parsed.value);
}

function findHearing(doc: Y.Doc, hearingId: string): Result<Hearing> {
  const hearing = readCase(doc).hearings.find((h) => h.id === hearingId);
  return hearing
    ? ok(hearing)
    : err(domainError('hearing.notFound', 'Không tìm thấy phiên tòa.', `Hearing ${hearingId} not found.`));
}

/**
 * Records who of those summoned attended a hearing (the clerk's checklist at the opening, from
 * hearing mode), by party id, merged into what was recorded before. The outcome is untouched.
 */
export function recordHearingAttendance(doc: Y.Doc, hearingId: string, attendance: Readonly<Record<string, Attendance>>, ctx: EditContext): Result<Hearing> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const hearing = findHearing(doc, hearingId);
  if (!hearing.ok) return hearing;
  return upsertHearing(doc, { ...hearing.value, attendance: { ...hearing.value.attendance, ...attendance } }, ctx);
}

export interface HearingOutcomeInput {
  readonly outcome: string;
  readonly attendance?: Readonly<Record<string, Attendance>>;
}

/** Records what happened at a hearing that took place: its outcome and who attended. */
export function recordHearingOutcome(
  doc: Y.Doc,
  hearingId: string,
  input: HearingOutcomeInput,
  ctx: EditContext,
): Result<Hearing> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const hearing = findHearing(doc, hearingId);
  if (!hearing.ok) return hearing;
  if (input.outcome.trim() === '') {
    return err(domainError('hearing.outcomeEmpty', 'Hãy ghi kết quả phiên tòa.', 'The outcome is empty.'));
  }
  return upsertHearing(
    doc,
    {
      ...hearing.value,
      status: 'held',
      outcome: input.outcome,
      attendance: { ...hearing.value.attendance, ...(input.attendance ?? {}) },
    },
    ctx,
  );
}

export interface AdjournmentInput {
  readonly reason: string;
  /** The new date and time, when already fixed: a new scheduled hearing is created for it. */
  readonly newStartsAt?: string;
  /** Id for the new hearing (the caller makes ids, so tests stay deterministic). */
  readonly newHearingId?: string;
  readonly attendance?: Readonly<Record<string, Attendance>>;
}

/** Records an adjournment (hoãn phiên tòa): the hearing is marked adjourned and, if a new date is set, rescheduled. */
export function adjournHearing(
  doc: Y.Doc,
  hearingId: string,
  input: AdjournmentInput,
  ctx: EditContext,
): Result<{ adjourned: Hearing; rescheduled?: Hearing }> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const found = findHearing(doc, hearingId);
  if (!found.ok) return found;
  if (input.reason.trim() === '') {
    return err(domainError('hearing.reasonEmpty', 'Hãy ghi lý do hoãn phiên tòa.', 'The adjournment reason is empty.'));
  }
  let rescheduled: Hearing | undefined;
  if (input.newStartsAt !== undefined) {
    const when = LocalDateTime.safeParse(input.newStartsAt);
    if (!when.success || input.newHearingId === undefined) {
      return err(
        domainError('hearing.newDateInvalid', 'Thời gian mở lại phiên tòa không hợp lệ.', 'The new hearing time is invalid.'),
      );
    }
    if (when.data <= found.value.startsAt) {
      return err(
        domainError(
          'hearing.newDateBefore',
          'Ngày mở lại phiên tòa phải sau ngày của phiên bị hoãn.',
          'The new hearing must come after the adjourned one.',
        ),
      );
    }
    rescheduled = HearingSchema.parse({
      ...found.value,
      id: input.newHearingId,
      startsAt: when.data,
      status: 'scheduled',
      outcome: '',
      adjournmentReason: '',
      rescheduledTo: undefined,
      attendance: {},
    });
  }
  const adjourned = HearingSchema.parse({
    ...found.value,
    status: 'adjourned',
    adjournmentReason: input.reason,
    rescheduledTo: rescheduled?.id,
    attendance: { ...found.value.attendance, ...(input.attendance ?? {}) },
  });
  doc.transact(() => {
    writeEntity(doc, 'hearings', adjourned.id, adjourned);
    if (rescheduled) writeEntity(doc, 'hearings', rescheduled.id, rescheduled);
    touch(doc, ctx);
  }, ctx.origin);
  return rescheduled ? ok({ adjourned, rescheduled }) : ok({ adjourned });
}

export function upsertDocumentRef(doc: Y.Doc, input: unknown, ctx: EditContext): Result<true, DomainError> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const parsed = validate(CaseDocumentRefSchema, input, 'document.invalid');
  if (!parsed.ok) return parsed;
  doc.transact(() => {
    writeEntity(doc, 'documents', parsed.value.id, parsed.value);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(true);
}

/**
 * Records the publication of the case's judgment (NQ 03/2017): the state, the legal-effect date,
 * the reasons not to publish, who decided. `decidedAt` is the edit's time unless given. The record
 * is replaced whole: the latest decision is the one in force (the doc's history keeps the others).
 */
export function recordPublication(doc: Y.Doc, input: Record<string, unknown>, ctx: EditContext): Result<Publication> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const parsed = validate(PublicationSchema, { decidedAt: ctx.now, ...input }, 'publication.invalid');
  if (!parsed.ok) return parsed;
  // Without undefined keys: Yjs stores JSON, and a stray undefined would not survive the encoding.
  const record = JSON.parse(JSON.stringify(parsed.value)) as Publication;
  doc.transact(() => {
    caseRoot(doc).set('publication', record);
    touch(doc, ctx);
  }, ctx.origin);
  return ok(record);
}

/**
 * Keeps the judge's review of the publication copy of one source document (shared/anonymise/
 * review-record.ts): its decisions, who and when. The case's reviews are one plain JSON value like
 * `publication`; saving one source's review replaces that source's entry and keeps the others.
 */
export function recordPublicationReview(doc: Y.Doc, input: Record<string, unknown>, ctx: EditContext): Result<PublicationReview> {
  const loaded = requireCase(doc);
  if (!loaded.ok) return loaded;
  const parsed = validate(PublicationReviewSchema, { updatedAt: ctx.now, ...input }, 'publication.reviewInvalid');
  if (!parsed.ok) return parsed;
  const review = JSON.parse(JSON.stringify(parsed.value)) as PublicationReview;
  const current = caseRoot(doc).get('publicationReviews');
  const reviews = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  doc.transact(() => {
    caseRoot(doc).set('publicationReviews', { ...reviews, [sourceKey(review.source)]: review });
    touch(doc, ctx);
  }, ctx.origin);
  return ok(review);
}
