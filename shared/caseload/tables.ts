/**
 * The caseload figures as exportable tables (CSV per table, XLSX with one sheet each). Titles and
 * headers come from the caller (the renderer's i18n catalogue), so this stays free of UI text;
 * vocabulary labels (case types, statuses, document kinds) come from shared/domain/vocabulary.ts.
 */
import { CASE_STATUS_LABELS, CASE_TYPE_LABELS, CASE_TYPES, DOCUMENT_KIND_LABELS, HEARING_KIND_LABELS, type HearingKind } from '../domain/vocabulary.js';
import { OPEN_STATUSES, type Caseload } from './aggregate.js';
import type { FigureTable } from './table.js';

export interface TableLabels {
  readonly language: 'vi' | 'en';
  readonly open: { readonly title: string; readonly type: string; readonly total: string };
  readonly hearings: { readonly title: string; readonly period: string; readonly count: string; readonly week: string; readonly month: string };
  readonly overdue: { readonly title: string; readonly number: string; readonly type: string; readonly limit: string; readonly due: string; readonly days: string; readonly judge: string };
  readonly awaiting: { readonly title: string; readonly number: string; readonly document: string; readonly kind: string; readonly updated: string; readonly judge: string };
  /** Weekday names, Monday first. */
  readonly weekdays: readonly string[];
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`, as Vietnamese forms write dates. */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

export function caseloadTables(figures: Caseload, labels: TableLabels, judgeName: (id: string | undefined) => string): FigureTable[] {
  const lang = labels.language;
  const open: FigureTable = {
    id: 'open-cases',
    title: labels.open.title,
    header: [labels.open.type, ...OPEN_STATUSES.map((s) => CASE_STATUS_LABELS[s][lang]), labels.open.total],
    rows: [
      ...CASE_TYPES.filter((t) => figures.openByType[t] > 0).map((t) => [CASE_TYPE_LABELS[t][lang], ...OPEN_STATUSES.map((s) => figures.byTypeAndStage[t][s]), figures.openByType[t]]),
      [labels.open.total, ...OPEN_STATUSES.map((s) => figures.openByStage[s]), figures.openCases],
    ],
  };
  const kinds: HearingKind[] = ['trial', 'mediation', 'evidenceSession', 'dialogue'];
  const hearings: FigureTable = {
    id: 'hearings',
    title: labels.hearings.title,
    header: [labels.hearings.period, labels.hearings.count],
    rows: [
      ...figures.hearingsByDay.map((d, i) => [`${labels.weekdays[i] ?? ''} ${formatDay(d.day)}`.trim(), d.count]),
      [`${labels.hearings.week} (${formatDay(figures.week.from)} – ${formatDay(figures.week.to)})`, figures.hearingsThisWeek],
      [`${labels.hearings.month} (${figures.month.from.slice(5, 7)}/${figures.month.from.slice(0, 4)})`, figures.hearingsThisMonth],
      ...kinds.filter((k) => figures.hearingsThisMonthByKind[k] > 0).map((k) => [`${labels.hearings.month}: ${HEARING_KIND_LABELS[k][lang]}`, figures.hearingsThisMonthByKind[k]]),
    ],
  };
  const overdue: FigureTable = {
    id: 'overdue',
    title: labels.overdue.title,
    header: [labels.overdue.number, labels.overdue.type, labels.overdue.limit, labels.overdue.due, labels.overdue.days, labels.overdue.judge],
    rows: figures.overdue.map((o) => [o.acceptanceNumber, CASE_TYPE_LABELS[o.caseType][lang], lang === 'vi' ? o.title : o.titleEn, formatDay(o.dueDate), o.daysOverdue, judgeName(o.judgeId)]),
  };
  const awaiting: FigureTable = {
    id: 'awaiting-signature',
    title: labels.awaiting.title,
    header: [labels.awaiting.number, labels.awaiting.document, labels.awaiting.kind, labels.awaiting.updated, labels.awaiting.judge],
    rows: figures.awaitingSignature.map((a) => [a.acceptanceNumber, a.title, DOCUMENT_KIND_LABELS[a.kind][lang], formatDay(a.updatedAt.slice(0, 10)), judgeName(a.judgeId)]),
  };
  return [open, hearings, overdue, awaiting];
}
