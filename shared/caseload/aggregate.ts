/**
 * The caseload figures of a judge, a clerk or the whole court (Số liệu): open cases by type and
 * stage, hearings this week and this month, statutory limits already passed, documents awaiting
 * signature. Pure and computed on the fly from the case docs, like the deadlines.
 *
 * "Open" is every case not yet closed for the court: all statuses except `effective` (có hiệu lực
 * pháp luật) and `terminated` (đình chỉ). The stage is the case status.
 */
import { computeDeadlines } from '../deadlines/compute.js';
import type { DeadlineTables } from '../deadlines/tables.js';
import type { Case } from '../domain/schemas.js';
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType, type DocumentKind, type HearingKind } from '../domain/vocabulary.js';
import { PUBLICATION_RULE_ID, publicationDue } from '../dayplan/publication-due.js';
import { inScope, WHOLE_COURT, type StaffScope } from './scope.js';

export const CLOSED_STATUSES: ReadonlySet<CaseStatus> = new Set(['effective', 'terminated']);
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !CLOSED_STATUSES.has(s));
/** Documents that are signed before they count: minutes, judgments, decisions. */
export const SIGNED_KINDS: ReadonlySet<DocumentKind> = new Set(['hearingMinutes', 'deliberationMinutes', 'mediationMinutes', 'judgment', 'decision']);

export interface OverdueItem {
  readonly caseId: string;
  readonly acceptanceNumber: string;
  readonly caseType: CaseType;
  readonly judgeId?: string;
  readonly ruleId: string;
  readonly title: string;
  readonly titleEn: string;
  readonly dueDate: string;
  readonly daysOverdue: number;
}

export interface AwaitingItem {
  readonly caseId: string;
  readonly acceptanceNumber: string;
  readonly judgeId?: string;
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly updatedAt: string;
}

export interface DayCount {
  readonly day: string;
  readonly count: number;
}

export interface Caseload {
  readonly today: string;
  /** Monday to Sunday of today's week, `YYYY-MM-DD`. */
  readonly week: { readonly from: string; readonly to: string };
  /** First and last day of today's month. */
  readonly month: { readonly from: string; readonly to: string };
  readonly totalCases: number;
  readonly openCases: number;
  readonly openByType: Readonly<Record<CaseType, number>>;
  readonly openByStage: Readonly<Record<CaseStatus, number>>;
  /** Open cases per type and stage: `byTypeAndStage[type][status]`. */
  readonly byTypeAndStage: Readonly<Record<CaseType, Readonly<Record<CaseStatus, number>>>>;
  /** Monday to Saturday of this week (courts sit Monday to Saturday), with Sunday only if it has hearings. */
  readonly hearingsByDay: readonly DayCount[];
  readonly hearingsThisWeek: number;
  readonly hearingsThisMonth: number;
  readonly hearingsThisMonthByKind: Readonly<Record<HearingKind, number>>;
  /** Most overdue first. */
  readonly overdue: readonly OverdueItem[];
  /** Oldest first. */
  readonly awaitingSignature: readonly AwaitingItem[];
}

export interface CaseloadOptions {
  readonly today: string;
  readonly scope?: StaffScope;
  readonly tables?: DeadlineTables;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function dayOf(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** Monday … Sunday of the week holding `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const n = dayNumber(day);
  const weekday = (new Date(n * 86_400_000).getUTCDay() + 6) % 7; // Monday = 0
  return { from: dayOf(n - weekday), to: dayOf(n - weekday + 6) };
}

export function monthOf(day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${day.slice(0, 7)}-01`, to: `${day.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

/**
 * @example
 * const figures = computeCaseload(court.cases, { today: '2026-01-05', scope: scopeFor(court.staff, 'tk-01') });
 * figures.openByType.DS; // 14
 */
export function computeCaseload(cases: readonly Case[], options: CaseloadOptions): Caseload {
  const scope = options.scope ?? WHOLE_COURT;
  const { today } = options;
  const week = weekOf(today);
  const month = monthOf(today);
  const openByType = zeros(CASE_TYPES);
  const openByStage = zeros(CASE_STATUSES);
  const byTypeAndStage = Object.fromEntries(CASE_TYPES.map((t) => [t, zeros(CASE_STATUSES)])) as Record<CaseType, Record<CaseStatus, number>>;
  const weekDays = new Map<string, number>();
  for (let n = dayNumber(week.from); n <= dayNumber(week.to); n += 1) weekDays.set(dayOf(n), 0);
  const byKind = zeros<HearingKind>(['trial', 'mediation', 'evidenceSession', 'dialogue']);
  let totalCases = 0;
  let openCases = 0;
  let hearingsThisMonth = 0;
  const overdue: OverdueItem[] = [];
  const awaiting: AwaitingItem[] = [];

  for (const kase of cases) {
    if (!inScope(scope, kase)) continue;
    totalCases += 1;
    const open = !CLOSED_STATUSES.has(kase.status);
    const judge = kase.judgeId !== undefined ? { judgeId: kase.judgeId } : {};
    if (open) {
      openCases += 1;
      openByType[kase.type] += 1;
      openByStage[kase.status] += 1;
      byTypeAndStage[kase.type][kase.status] += 1;
    }
    for (const hearing of kase.hearings) {
      if (hearing.status === 'cancelled') continue;
      const day = hearing.startsAt.slice(0, 10);
      const inWeek = weekDays.get(day);
      if (inWeek !== undefined) weekDays.set(day, inWeek + 1);
      if (day >= month.from && day <= month.to) {
        hearingsThisMonth += 1;
        byKind[hearing.kind] += 1;
      }
    }
    for (const d of computeDeadlines(kase, { today, ...(options.tables ? { tables: options.tables } : {}) })) {
      if (d.status !== 'overdue' || d.ruleId === PUBLICATION_RULE_ID || d.dueDate === null || d.daysLeft === null) continue;
      overdue.push({ caseId: kase.id, acceptanceNumber: kase.acceptanceNumber, caseType: kase.type, ...judge, ruleId: d.ruleId, title: d.title, titleEn: d.titleEn, dueDate: d.dueDate, daysOverdue: -d.daysLeft });
    }
    const publication = publicationDue(kase, today, options.tables);
    if (publication && publication.daysLeft < 0) {
      overdue.push({
        caseId: kase.id,
        acceptanceNumber: kase.acceptanceNumber,
        caseType: kase.type,
        ...judge,
        ruleId: PUBLICATION_RULE_ID,
        title: publication.title,
        titleEn: publication.titleEn,
        dueDate: publication.dueDate,
        daysOverdue: -publication.daysLeft,
      });
    }
    for (const ref of kase.documents) {
      if (ref.status !== 'draft' || !SIGNED_KINDS.has(ref.kind)) continue;
      awaiting.push({ caseId: kase.id, acceptanceNumber: kase.acceptanceNumber, ...judge, documentId: ref.id, kind: ref.kind, title: ref.title, updatedAt: ref.updatedAt });
    }
  }

  const hearingsByDay = [...weekDays].filter(([, count], i) => i < 6 || count > 0).map(([day, count]) => ({ day, count }));
  return {
    today,
    week,
    month,
    totalCases,
    openCases,
    openByType,
    openByStage,
    byTypeAndStage,
    hearingsByDay,
    hearingsThisWeek: [...weekDays.values()].reduce((a, b) => a + b, 0),
    hearingsThisMonth,
    hearingsThisMonthByKind: byKind,
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.acceptanceNumber.localeCompare(b.acceptanceNumber)),
    awaitingSignature: awaiting.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.documentId.localeCompare(b.documentId)),
  };
}
