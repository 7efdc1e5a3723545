/** Publication of judgments on the courts' portal (NQ 03/2017): states, reasons, the 30-day limit. */
export * from './reasons.js';
export { publicationStatus, suggestedNotPublishReasons, PUBLICATION_RULE_ID, type PublicationStatus } from './status.js';
