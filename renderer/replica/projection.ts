/**
 * The projection of a case into the replica's indexed rows (DESIGN §3). Pure: no Dexie, no DOM,
 * so the same function serves import, every edit and `rebuildProjection()`, and the randomised
 * test can compare them. Rows are derived from the case and nothing else; ordering inside the
 * case (entity map order, array order) never leaks into a row.
 *
 * Bump {@link PROJECTION_VERSION} whenever the output of {@link projectCase} changes: the
 * replica then rebuilds every row from the docs when it opens, without touching the docs.
 */
import { caseNumberSortKey, parseCaseNumber } from '../../shared/domain/case-number.js';
import type { Case, Party } from '../../shared/domain/schemas.js';
import { PRINCIPAL_ROLES_BY_CASE_TYPE } from '../../shared/domain/vocabulary.js';
import { foldVietnamese } from '../../shared/text/fold.js';
import type { CaseDetails, CaseRecord } from './schema.js';
import type { CaseRow, DocumentRow, HearingRow, PartyRow } from './types.js';

/** 4: a case's parties, hearings and documents are fields of its own cases record (schema v11). */
export const PROJECTION_VERSION = 4;

export interface CaseProjection {
  readonly caseRow: CaseRow;
  readonly partyRows: PartyRow[];
  readonly hearingRows: HearingRow[];
  readonly documentRows: DocumentRow[];
}

/** Separator between the two sides of the register line, as court registers write it. */
const SUMMARY_DASH = ' – ';

/** The doc id of a case's Y.Doc (later, document bodies use `doc:<docId>`). */
export function caseDocId(caseId: string): string {
  return `case:${caseId}`;
}

export function caseIdOfDoc(docId: string): string | undefined {
  return docId.startsWith('case:') ? docId.slice('case:'.length) : undefined;
}

export const childKey = (caseId: string, childId: string): string => `${caseId}/${childId}`;

/**
 * Projects one case into its rows.
 *
 * @example
 * const { caseRow } = projectCase(c);
 * caseRow.partySummary // 'Nguyễn Văn An – Trần Thị Bình +1'
 */
export function projectCase(c: Case): CaseProjection {
  const partySummary = summariseParties(c);
  const nextHearingAt = nextScheduledHearing(c);
  // The assigned judge and clerk; failing that, whoever the panel names (first by display order).
  const panel = [...c.panel].sort((a, b) => a.order - b.order || compareIds(a, b));
  const judgeId = c.judgeId ?? panel.find((m) => m.role === 'presidingJudge')?.staffId ?? '';
  const clerkId = c.clerkId ?? panel.find((m) => m.role === 'clerk')?.staffId ?? '';

  const caseRow: CaseRow = {
    id: c.id,
    courtId: c.courtId,
    type: c.type,
    level: c.level,
    acceptanceNumber: c.acceptanceNumber,
    acceptanceDate: c.acceptanceDate,
    numberSortKey: numberSortKey(c.acceptanceNumber),
    subject: c.subject,
    status: c.status,
    judgeId,
    clerkId,
    nextHearingAt,
    partySummary,
    searchText: caseSearchText(c),
    updatedAt: c.updatedAt,
  };

  const partyRows = c.parties.map(
    (p): PartyRow => ({
      key: childKey(c.id, p.id),
      caseId: c.id,
      partyId: p.id,
      role: p.role,
      fullName: p.fullName,
      foldedName: foldVietnamese(p.fullName),
    }),
  );

  const hearingRows = c.hearings.map(
    (h): HearingRow => ({
      key: childKey(c.id, h.id),
      caseId: c.id,
      hearingId: h.id,
      startsAt: h.startsAt,
      day: h.startsAt.slice(0, 10),
      durationMinutes: h.durationMinutes,
      kind: h.kind,
      status: h.status,
      room: h.room,
      judgeId,
      clerkId,
      acceptanceNumber: c.acceptanceNumber,
      caseType: c.type,
      subject: c.subject,
      partySummary,
    }),
  );

  const documentRows = c.documents.map(
    (d): DocumentRow => ({
      key: childKey(c.id, d.id),
      caseId: c.id,
      docId: d.id,
      kind: d.kind,
      title: d.title,
      status: d.status,
      updatedAt: d.updatedAt,
    }),
  );

  return {
    caseRow,
    partyRows: sortByKey(partyRows),
    hearingRows: sortByKey(hearingRows),
    documentRows: sortByKey(documentRows),
  };
}

/**
 * The case's `cases` record (schema.ts `CaseRecord`): its row, and its details when it has a
 * party, a hearing or a document (a case with none stores its row alone).
 */
export function caseRecord(projection: CaseProjection): CaseRecord {
  const { caseRow, partyRows, hearingRows, documentRows } = projection;
  if (partyRows.length === 0 && hearingRows.length === 0 && documentRows.length === 0) return caseRow;
  const days = [...new Set(hearingRows.map((h) => h.day))].sort();
  const details: CaseDetails = { parties: partyRows, hearings: hearingRows, documents: documentRows };
  return {
    ...caseRow,
    // Fields in a fixed order (projectCase builds every row the same way), so equal details are
    // equal text and rebuild.ts compares the strings.
    details: JSON.stringify(details),
    hearingDays: days,
    // Every hearing row carries the case's judge (projectCase), so one judge per day.
    judgeDays: days.map((day) => [caseRow.judgeId, day] as const),
  };
}

const NO_DETAILS: CaseDetails = { parties: [], hearings: [], documents: [] };

/**
 * The parties, hearings and documents of a stored `cases` record (none when it has no details).
 * Throws on a record whose details text cannot be read: the replica's readers use
 * {@link readCaseDetails} and project such a case again from its doc (replica.ts `detailsOf`).
 */
export function caseDetailsOf(record: CaseRecord | undefined): CaseDetails {
  const details = readCaseDetails(record);
  if (details === undefined) throw new Error(`The stored details of case ${record?.id ?? '?'} cannot be read`);
  return details;
}

/**
 * {@link caseDetailsOf}, or undefined when the record's details text is not JSON of three lists
 * (a damaged record: rows are derived, the case doc holds the truth).
 */
export function readCaseDetails(record: CaseRecord | undefined): CaseDetails | undefined {
  if (record?.details === undefined) return NO_DETAILS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.details);
  } catch {
    return undefined;
  }
  return isCaseDetails(parsed) ? parsed : undefined;
}

function isCaseDetails(value: unknown): value is CaseDetails {
  if (typeof value !== 'object' || value === null) return false;
  const { parties, hearings, documents } = value as Record<string, unknown>;
  return Array.isArray(parties) && Array.isArray(hearings) && Array.isArray(documents);
}

/** The register's row of a stored `cases` record: the record without its details. */
export function caseRowOf(record: CaseRecord): CaseRow {
  if (record.details === undefined && record.hearingDays === undefined && record.judgeDays === undefined) return record;
  const { details: _details, hearingDays: _days, judgeDays: _judgeDays, ...row } = record;
  return row;
}

function sortByKey<T extends { key: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Year then ordinal (see caseNumberSortKey); an unparsable number sorts first, never throws. */
function numberSortKey(acceptanceNumber: string): string {
  const parsed = parseCaseNumber(acceptanceNumber);
  return parsed.ok ? caseNumberSortKey(parsed.value) : '0000-000000';
}

/**
 * The principal parties for the register line: the first party of each of the first two
 * principal roles present (plaintiff – defendant, accused – victim…), then "+n" for the other
 * principal parties. Representatives, witnesses and the like never appear here.
 */
function summariseParties(c: Case): string {
  const roles = PRINCIPAL_ROLES_BY_CASE_TYPE[c.type];
  const principals = c.parties
    .filter((p) => roles.includes(p.role))
    .sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role) || a.order - b.order || compareIds(a, b));
  const shown: Party[] = [];
  for (const party of principals) {
    if (shown.length === 2) break;
    if (!shown.some((s) => s.role === party.role)) shown.push(party);
  }
  // Only one principal role present (e.g. two accused and no victim): show the first party alone.
  const rest = principals.length - shown.length;
  const names = shown.map((p) => p.fullName).join(SUMMARY_DASH);
  return rest > 0 ? `${names} +${rest}` : names;
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The earliest hearing still scheduled, or '' when none is. */
function nextScheduledHearing(c: Case): string {
  let next = '';
  for (const h of c.hearings) {
    if (h.status === 'scheduled' && (next === '' || h.startsAt < next)) next = h.startsAt;
  }
  return next;
}

/**
 * Folded text the register's search runs over: every official number (also with the ordinal
 * unpadded, so "6/2021" finds "06/2021/TLST-HS"), every party's name and the subject. The search
 * index splits it on punctuation, so "12/2025", "12 2025" and "12-2025" all find the case.
 */
function caseSearchText(c: Case): string {
  const numbers = [c.acceptanceNumber, c.trialDecisionNumber, c.judgmentNumber].filter(
    (n): n is string => n !== undefined && n !== '',
  );
  const parts: string[] = [];
  for (const number of numbers) {
    parts.push(number);
    const unpadded = number.replace(/^0+(?=\d)/, '');
    if (unpadded !== number) parts.push(unpadded);
  }
  const names = [...c.parties]
    .sort((a, b) => a.order - b.order || compareIds(a, b))
    .map((p) => p.fullName);
  parts.push(...names, c.subject);
  return foldVietnamese(parts.join(' '));
}
