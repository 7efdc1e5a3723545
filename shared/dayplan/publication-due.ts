/**
 * When a judgment must be on the court portal (NQ 03/2017/NQ-HĐTP: within 30 days of taking legal
 * effect; /work/shared/domain/vn-court-forms.md §3.2) and whether that day has passed.
 *
 * The case schema keeps no legal-effect date, so it is derived from what it keeps:
 * - an appeal-level (PT) or review judgment takes effect when pronounced (judgmentDate);
 * - a first-instance judgment of a case now `effective` took effect when the appeal and protest
 *   periods ran out without an appeal: the day after the latest of the rule table's appeal and
 *   protest limits counted from the pronouncement (rules `*.appeal`, `*.protest-*`).
 * A case whose status is not `effective` has no legal effect yet and owes no publication.
 *
 * Not published at all (Art. 4): a case heard in closed session or with a party under 18.
 * A judgment ref with status `published` meets the duty.
 */
import type { Case } from '../domain/schemas.js';
import { computeDeadlines } from '../deadlines/compute.js';
import { addCalendarDays } from '../deadlines/dates.js';
import type { DeadlineTables } from '../deadlines/tables.js';

export const PUBLICATION_RULE_ID = 'pub.judgment-publication';
const APPEAL_RULE = /\.(appeal|protest-[a-z-]+)$/;

/** The derived legal-effect date, `YYYY-MM-DD`, or undefined when the case has none (yet). */
export function legalEffectDate(kase: Case, tables?: DeadlineTables): string | undefined {
  if (kase.status !== 'effective' || kase.judgmentDate === undefined) return undefined;
  if (kase.level !== 'ST') return kase.judgmentDate;
  const limits = computeDeadlines(kase, { today: kase.judgmentDate, ...(tables ? { tables } : {}) }).filter(
    (d) => d.startEvent === 'judgment' && APPEAL_RULE.test(d.ruleId) && d.dueDate !== null,
  );
  if (limits.length === 0) return undefined;
  const last = limits.map((d) => d.dueDate!).sort().at(-1)!;
  return addCalendarDays(last, 1);
}

/** True when the law forbids publishing the case's judgment (closed session, a minor). */
export function notPublishable(kase: Case): boolean {
  return kase.hearings.some((h) => h.closed) || kase.parties.some((p) => p.isMinor);
}

export interface PublicationDue {
  readonly legalEffectDate: string;
  /** The rule's title, from the rule table. */
  readonly title: string;
  readonly titleEn: string;
  readonly dueDate: string;
  /** Calendar days from today to the due date (negative: overdue). */
  readonly daysLeft: number;
  /** The judgment's document ref, when the case lists one. */
  readonly documentId?: string;
  readonly documentTitle?: string;
}

/**
 * The publication still owed by a case, or undefined when none is (not effective, not
 * publishable, or already published).
 */
export function publicationDue(kase: Case, today: string, tables?: DeadlineTables): PublicationDue | undefined {
  if (notPublishable(kase)) return undefined;
  const judgment = kase.documents.find((d) => d.kind === 'judgment');
  if (judgment?.status === 'published') return undefined;
  const effect = legalEffectDate(kase, tables);
  if (effect === undefined) return undefined;
  const rule = computeDeadlines(kase, { today, events: { legalEffectDate: effect }, ...(tables ? { tables } : {}) }).find((d) => d.ruleId === PUBLICATION_RULE_ID);
  if (!rule || rule.dueDate === null || rule.daysLeft === null) return undefined;
  return {
    legalEffectDate: effect,
    title: rule.title,
    titleEn: rule.titleEn,
    dueDate: rule.dueDate,
    daysLeft: rule.daysLeft,
    ...(judgment ? { documentId: judgment.id, documentTitle: judgment.title } : {}),
  };
}
