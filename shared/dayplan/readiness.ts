/**
 * "Sẵn sàng ngoại tuyến": whether one hearing can be worked on a laptop without network, and if
 * not, what is missing and why. Pure: the caller (renderer/dayplan) reads the replica and the
 * templates and hands the facts in; this file only decides.
 *
 * Severity is what the clerk must act on before leaving the network:
 * - `blocking`: something the hearing needs is not on this laptop, or was never confirmed by the
 *   court server (case doc or document absent, never synced, no minutes template);
 * - `warning`: usable offline, but the clerk should know (local changes not yet sent, party data
 *   the minutes will print as missing, working without a court server at all);
 * - `info`: documents that exist on paper only (a register entry without electronic content).
 *
 * A document is expected to have electronic content (a `doc:{id}` Y.Doc) when it was drafted in
 * Courtdesk (its ref carries a `templateId`) or when its body is already in the replica. A ref
 * without either is a paper document the court registered (an acceptance notice, an old minutes):
 * its absence is not a gap of the pack.
 */
import type { CaseDocumentRef } from '../domain/schemas.js';

/** What the replica holds of one doc, from its `syncState` record (renderer/replica/sync-state.ts). */
export type LocalDocState =
  /** Stored and acknowledged by the court server, no local edit since. */
  | 'synced'
  /** Stored, with local edits the server has not acknowledged (dirty). */
  | 'pending'
  /** Stored, never confirmed by the server (no syncState record: imported or created offline). */
  | 'unknown'
  /** Not in the replica. */
  | 'absent';

export type IssueCode =
  | 'caseMissing'
  | 'caseUnreadable'
  | 'caseNotSynced'
  | 'caseLocalChanges'
  | 'noServer'
  | 'templateMissing'
  | 'documentMissing'
  | 'documentNotSynced'
  | 'documentLocalChanges'
  | 'documentTemplateMissing'
  | 'earlierMinutesMissing'
  | 'earlierMinutesNotSynced'
  | 'partyDataIncomplete'
  | 'caseDataIncomplete'
  | 'paperOnly';

export type Severity = 'blocking' | 'warning' | 'info';

export interface ReadinessIssue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** What it is about: document titles, field labels, a template id. */
  readonly subjects: readonly string[];
}

export interface Readiness {
  /** True when no issue is blocking. */
  readonly ready: boolean;
  readonly issues: readonly ReadinessIssue[];
}

export interface PackDocument {
  readonly ref: CaseDocumentRef;
  readonly local: LocalDocState;
}

/** A field the rendered minutes left missing (shared/templates FieldAttrs, narrowed). */
export interface MissingField {
  readonly path: string;
  readonly label: string;
  /** True when the value is recorded during the hearing (attendance, end time): not a gap now. */
  readonly atHearing: boolean;
}

export interface ReadinessInput {
  /** The hearing's day, `YYYY-MM-DD`: minutes created before it count as earlier minutes. */
  readonly hearingDay: string;
  readonly caseDoc: LocalDocState;
  /** False when the case doc is stored but could not be read (corrupt). */
  readonly caseReadable: boolean;
  readonly documents: readonly PackDocument[];
  /** The minutes template chosen for the hearing's kind, if any serves the case. */
  readonly minutesTemplateId?: string;
  /** Template ids available on this laptop (built-in pack and installed packs). */
  readonly availableTemplateIds: ReadonlySet<string>;
  /** Missing fields of the minutes rendered for this case and hearing. */
  readonly missingFields: readonly MissingField[];
  /** True when the user is logged in to a court server: "never synced" is then a real gap. */
  readonly serverConfigured: boolean;
}

const MINUTES_KINDS: ReadonlySet<CaseDocumentRef['kind']> = new Set(['hearingMinutes', 'mediationMinutes']);

function issue(code: IssueCode, severity: Severity, subjects: readonly string[] = []): ReadinessIssue {
  return { code, severity, subjects };
}

/** True for minutes of an earlier sitting (created before the hearing day). */
export function isEarlierMinutes(ref: CaseDocumentRef, hearingDay: string): boolean {
  return MINUTES_KINDS.has(ref.kind) && ref.createdAt.slice(0, 10) < hearingDay;
}

/** Whether a document should have a `doc:{id}` body (see the file comment). */
export function expectsBody(document: PackDocument): boolean {
  return document.ref.templateId !== undefined || document.local !== 'absent';
}

/**
 * Decides the readiness of one hearing.
 *
 * @example
 * evaluateReadiness({ hearingDay: '2026-01-05', caseDoc: 'synced', caseReadable: true, documents: [],
 *   minutesTemplateId: 'NQ01-2017/48-DS', availableTemplateIds: new Set(['NQ01-2017/48-DS']),
 *   missingFields: [], serverConfigured: true }).ready; // true
 */
export function evaluateReadiness(input: ReadinessInput): Readiness {
  const issues: ReadinessIssue[] = [];
  if (input.caseDoc === 'absent') return { ready: false, issues: [issue('caseMissing', 'blocking')] };
  if (!input.caseReadable) return { ready: false, issues: [issue('caseUnreadable', 'blocking')] };

  if (!input.serverConfigured) issues.push(issue('noServer', 'warning'));
  else if (input.caseDoc === 'unknown') issues.push(issue('caseNotSynced', 'blocking'));
  else if (input.caseDoc === 'pending') issues.push(issue('caseLocalChanges', 'warning'));

  if (input.minutesTemplateId === undefined) issues.push(issue('templateMissing', 'blocking'));
  else if (!input.availableTemplateIds.has(input.minutesTemplateId)) issues.push(issue('templateMissing', 'blocking', [input.minutesTemplateId]));

  const missing = { earlier: [] as string[], other: [] as string[] };
  const unsynced = { earlier: [] as string[], other: [] as string[] };
  const changed: string[] = [];
  const paper: string[] = [];
  const lostTemplates = new Set<string>();
  for (const document of input.documents) {
    const earlier = isEarlierMinutes(document.ref, input.hearingDay);
    const title = document.ref.title;
    if (!expectsBody(document)) {
      paper.push(title);
      continue;
    }
    if (document.local === 'absent') (earlier ? missing.earlier : missing.other).push(title);
    else if (document.local === 'unknown' && input.serverConfigured) (earlier ? unsynced.earlier : unsynced.other).push(title);
    else if (document.local === 'pending' && input.serverConfigured) changed.push(title);
    const templateId = document.ref.templateId;
    // A draft re-resolves its fields against its own template: it must be here too.
    if (templateId !== undefined && document.ref.status === 'draft' && !input.availableTemplateIds.has(templateId)) lostTemplates.add(templateId);
  }
  if (missing.earlier.length > 0) issues.push(issue('earlierMinutesMissing', 'blocking', missing.earlier));
  if (unsynced.earlier.length > 0) issues.push(issue('earlierMinutesNotSynced', 'blocking', unsynced.earlier));
  if (missing.other.length > 0) issues.push(issue('documentMissing', 'blocking', missing.other));
  if (unsynced.other.length > 0) issues.push(issue('documentNotSynced', 'blocking', unsynced.other));
  if (lostTemplates.size > 0) issues.push(issue('documentTemplateMissing', 'blocking', [...lostTemplates].sort()));
  if (changed.length > 0) issues.push(issue('documentLocalChanges', 'warning', changed));

  const party = uniqueLabels(input.missingFields.filter((f) => !f.atHearing && f.path.startsWith('parties.')));
  const other = uniqueLabels(input.missingFields.filter((f) => !f.atHearing && !f.path.startsWith('parties.')));
  if (party.length > 0) issues.push(issue('partyDataIncomplete', 'warning', party));
  if (other.length > 0) issues.push(issue('caseDataIncomplete', 'warning', other));
  if (paper.length > 0) issues.push(issue('paperOnly', 'info', paper));

  return { ready: !issues.some((i) => i.severity === 'blocking'), issues };
}

function uniqueLabels(fields: readonly MissingField[]): string[] {
  return [...new Set(fields.map((f) => f.label))];
}
