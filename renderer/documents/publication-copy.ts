/** The anonymiser and the review logic, loaded on demand when the publication copy is opened. */
export { mentionContexts, reviewDoc, reviewDocStored, type MentionContext, type ReviewedDoc } from '../../shared/anonymise/index.js';
