/**
 * Whether a judgment may be published on the courts' portal (NQ 03/2017/NQ-HĐTP): a case heard in
 * closed session is not published (Art. 4(1)); a participant under 18 is listed as a reason not to
 * publish by the implementing guidance (vn-court-forms.md §3.2). Other Art. 4 reasons (state or
 * business secrets, customs) need a judge's judgement and are not guessed here.
 */
import type { Case } from '../../shared/domain/schemas.js';

export type NotPublishedReason = 'closedHearing' | 'minor';

/** Days from legal effect within which a publishable judgment must be published. */
export const PUBLICATION_DAYS = 30;

export function notPublishedReasons(kase: Pick<Case, 'hearings' | 'parties'>): NotPublishedReason[] {
  const reasons: NotPublishedReason[] = [];
  if (kase.hearings.some((h) => h.closed)) reasons.push('closedHearing');
  if (kase.parties.some((p) => p.isMinor)) reasons.push('minor');
  return reasons;
}
