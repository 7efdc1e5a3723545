/**
 * Where a case stands with the publication of its judgment: the state in force, the 30-day limit
 * from legal effect (the deadline engine's rule `pub.judgment-publication`, NQ 03/2017, so a
 * signed deadline pack that changes the rule changes this too), and the reasons not to publish
 * that the case data already suggests (a closed hearing, a minor). The judge decides; nothing
 * here records anything.
 */
import { computeDeadlines, type Deadline, type DeadlineTables } from '../deadlines/index.js';
import type { Case, Publication } from '../domain/schemas.js';
import type { NotPublishReason, PublicationState } from './reasons.js';

/** The deadline rule that carries the limit (shared/deadlines/data/rules.json). */
export const PUBLICATION_RULE_ID = 'pub.judgment-publication';

export interface PublicationStatus {
  readonly state: PublicationState;
  readonly record?: Publication;
  readonly legalEffectDate?: string;
  /** The running limit; absent before legal effect, or when the rule does not apply to the case. */
  readonly deadline?: Deadline;
  /** True when the limit has passed and the judgment is neither published nor withheld. */
  readonly overdue: boolean;
  /** Reasons the case data points to (the judge still decides). */
  readonly suggestedReasons: readonly NotPublishReason[];
}

export function suggestedNotPublishReasons(kase: Pick<Case, 'hearings' | 'parties'>): NotPublishReason[] {
  const reasons: NotPublishReason[] = [];
  if (kase.hearings.some((h) => h.closed)) reasons.push('XET_XU_KIN');
  if (kase.parties.some((p) => p.isMinor)) reasons.push('NGUOI_DUOI_18');
  return reasons;
}

/**
 * @example
 * publicationStatus(kase, '2026-03-01').deadline?.dueDate // '2026-03-20' for legal effect on 2026-02-18
 */
export function publicationStatus(kase: Case, today: string, tables?: DeadlineTables): PublicationStatus {
  const record = kase.publication;
  const legalEffectDate = record?.legalEffectDate;
  const decided = record?.state === 'published' || record?.state === 'notToPublish';
  const state: PublicationState = decided ? record.state : legalEffectDate !== undefined ? 'pending' : 'notDue';
  const deadline =
    legalEffectDate === undefined
      ? undefined
      : computeDeadlines(kase, { today, events: { legalEffectDate }, ...(tables ? { tables } : {}) }).find((d) => d.ruleId === PUBLICATION_RULE_ID);
  return {
    state,
    ...(record ? { record } : {}),
    ...(legalEffectDate !== undefined ? { legalEffectDate } : {}),
    ...(deadline ? { deadline } : {}),
    overdue: state === 'pending' && deadline?.status === 'overdue',
    suggestedReasons: suggestedNotPublishReasons(kase),
  };
}
