/**
 * The publication-copy anonymiser (docs/DOCX.md; NQ 03/2017 Art. 7, CV 144): structured party data
 * first, then text patterns; plain text, template documents and DOCX files; every replacement
 * listed for human review.
 */
export type * from './model.js';
export { Anonymiser, applyEdits, type Found } from './engine.js';
export { anonymiseText, type AnonymisedText } from './text.js';
export { anonymiseDoc, type AnonymisedDoc } from './document.js';
export { anonymiseDocx, type AnonymisedDocx } from './docx.js';
export { anonymiseAddress } from './address.js';
export { planPersonAliases, organisationAlias, type PersonAlias } from './names.js';
export { isOfficerRole } from './roles.js';
export { initialOf } from './letters.js';
export { replacementKey } from './report.js';
export { addReplacement, decisionOptions, EMPTY_DECISIONS, rejectLine, removeAddition, type ReviewDecisions } from './decisions.js';
export { reviewDoc, reviewDocStored, reviewLines, reviewText, reviewTextStored, storedReviewLines, type ReviewedDoc, type ReviewLine, type ReviewStatus } from './review.js';
export {
  addStored,
  NO_STORED_DECISIONS,
  parseStoredDecisions,
  removeStoredAddition,
  removeStoredRejection,
  resolveDecisions,
  sameStoredDecisions,
  setRejected,
  StoredDecisionsSchema,
  type RejectedEntry,
  type ResolvedDecisions,
  type StoredDecisions,
} from './stored-decisions.js';
export {
  DECISIONS_FILE_FORMAT,
  decisionsFile,
  parseDecisionsFile,
  PublicationReviewSchema,
  PublicationReviewsSchema,
  sourceKey,
  type DecisionsFile,
  type PublicationReview,
  type PublicationReviews,
  type PublicationSource,
} from './review-record.js';
export { blockTextAt, mentionContexts, sentenceAround, type MentionContext } from './context.js';
