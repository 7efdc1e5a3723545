/**
 * The reminders (Nhắc việc), computed locally from the case docs, so they work offline. Pure (no
 * DOM, no storage): the store (store.ts) feeds it the cases and the day pack of tomorrow.
 *
 * Four kinds, each with an id that stays the same while the situation does, so a desktop
 * notification is shown once per situation (notified.ts):
 * - `deadline`: a statutory limit due within N days (Settings, default 3), not yet met;
 * - `hearingNotReady`: a hearing of the next court day whose pack is not ready offline, or whose
 *   day nobody prepared;
 * - `minutesUnsigned`: minutes (biên bản phiên tòa) of a past hearing still a draft (not signed,
 *   not locked);
 * - `publicationOverdue`: a judgment past its publication limit (30 days from legal effect,
 *   shared/dayplan/publication-due.ts).
 */
import { PUBLICATION_RULE_ID, publicationDue } from '../../shared/dayplan/publication-due.js';
import type { Readiness } from '../../shared/dayplan/readiness.js';
import { computeDeadlines } from '../../shared/deadlines/compute.js';
import type { DeadlineTables } from '../../shared/deadlines/tables.js';
import type { Case } from '../../shared/domain/schemas.js';

export const DEFAULT_REMINDER_DAYS = 3;

export type ReminderKind = 'deadline' | 'hearingNotReady' | 'minutesUnsigned' | 'publicationOverdue';

interface ReminderBase {
  /** Stable while the situation lasts: what was notified is remembered by it. */
  readonly id: string;
  readonly caseId: string;
  readonly acceptanceNumber: string;
}

export type Reminder =
  | (ReminderBase & { readonly kind: 'deadline'; readonly ruleId: string; readonly title: string; readonly titleEn: string; readonly dueDate: string; readonly daysLeft: number })
  | (ReminderBase & { readonly kind: 'hearingNotReady'; readonly hearingId: string; readonly startsAt: string; readonly prepared: boolean; readonly blocking: readonly string[] })
  | (ReminderBase & { readonly kind: 'minutesUnsigned'; readonly documentId: string; readonly title: string; readonly createdOn: string })
  | (ReminderBase & { readonly kind: 'publicationOverdue'; readonly dueDate: string; readonly daysOverdue: number; readonly title: string });

/** One hearing of the next court day with its pack verdict (renderer/dayplan/prepare.ts). */
export interface NextDayHearing {
  readonly caseId: string;
  readonly hearingId: string;
  readonly acceptanceNumber: string;
  readonly startsAt: string;
  readonly readiness: Readiness;
}

export interface ReminderInput {
  readonly cases: readonly Case[];
  readonly today: string;
  /** Deadlines due within this many days (0: today only). */
  readonly withinDays: number;
  readonly nextDay?: { readonly day: string; readonly prepared: boolean; readonly hearings: readonly NextDayHearing[] };
  readonly tables?: DeadlineTables;
}

const ORDER: Record<ReminderKind, number> = { hearingNotReady: 0, deadline: 1, publicationOverdue: 2, minutesUnsigned: 3 };

/** The next day courts sit (Monday to Saturday): Saturday → Monday is two days on. */
export function nextCourtDay(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  if (date.getUTCDay() === 0) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function computeReminders(input: ReminderInput): Reminder[] {
  const out: Reminder[] = [];
  const tables = input.tables ? { tables: input.tables } : {};
  for (const kase of input.cases) {
    for (const d of computeDeadlines(kase, { today: input.today, ...tables })) {
      if (d.ruleId === PUBLICATION_RULE_ID || d.dueDate === null || d.daysLeft === null) continue;
      if (d.status === 'met' || d.status === 'paused' || d.daysLeft < 0 || d.daysLeft > input.withinDays) continue;
      out.push({ kind: 'deadline', id: `deadline:${kase.id}/${d.ruleId}/${d.dueDate}`, caseId: kase.id, acceptanceNumber: kase.acceptanceNumber, ruleId: d.ruleId, title: d.title, titleEn: d.titleEn, dueDate: d.dueDate, daysLeft: d.daysLeft });
    }
    for (const ref of kase.documents) {
      const createdOn = ref.createdAt.slice(0, 10);
      if (ref.kind !== 'hearingMinutes' || ref.status === 'signed' || ref.status === 'locked' || ref.status === 'published' || createdOn >= input.today) continue;
      out.push({ kind: 'minutesUnsigned', id: `minutes:${kase.id}/${ref.id}`, caseId: kase.id, acceptanceNumber: kase.acceptanceNumber, documentId: ref.id, title: ref.title, createdOn });
    }
    const publication = publicationDue(kase, input.today, input.tables);
    if (publication && publication.daysLeft < 0) {
      out.push({ kind: 'publicationOverdue', id: `publication:${kase.id}/${publication.dueDate}`, caseId: kase.id, acceptanceNumber: kase.acceptanceNumber, dueDate: publication.dueDate, daysOverdue: -publication.daysLeft, title: publication.documentTitle ?? publication.title });
    }
  }
  const next = input.nextDay;
  if (next) {
    for (const h of next.hearings) {
      if (h.readiness.ready && next.prepared) continue;
      const blocking = h.readiness.issues.filter((i) => i.severity === 'blocking').map((i) => i.code);
      out.push({ kind: 'hearingNotReady', id: `hearing:${h.caseId}/${h.hearingId}/${next.day}`, caseId: h.caseId, acceptanceNumber: h.acceptanceNumber, hearingId: h.hearingId, startsAt: h.startsAt, prepared: next.prepared, blocking });
    }
  }
  return out.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || sortKey(a).localeCompare(sortKey(b)));
}

function sortKey(r: Reminder): string {
  switch (r.kind) {
    case 'deadline':
      return `${r.dueDate}|${r.acceptanceNumber}`;
    case 'hearingNotReady':
      return r.startsAt;
    case 'minutesUnsigned':
      return `${r.createdOn}|${r.acceptanceNumber}`;
    case 'publicationOverdue':
      return `${r.dueDate}|${r.acceptanceNumber}`;
  }
}
