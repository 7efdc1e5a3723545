/** The anonymiser, loaded on demand when the publication copy is opened. */
import { anonymiseDoc, type AnonymisedDoc } from '../../shared/anonymise/index.js';
import type { PartyInput } from '../../shared/anonymise/model.js';
import type { DocNode } from '../../shared/templates/model.js';

export function publicationCopy(doc: DocNode, parties: readonly PartyInput[]): AnonymisedDoc {
  return anonymiseDoc(doc, parties);
}
