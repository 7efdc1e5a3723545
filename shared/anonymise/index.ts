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
export { reviewDoc, reviewLines, reviewText, type ReviewedDoc, type ReviewLine, type ReviewStatus } from './review.js';
export { blockTextAt, mentionContexts, sentenceAround, type MentionContext } from './context.js';
