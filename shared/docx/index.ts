/**
 * Court-format DOCX export (docs/DOCX.md): document JSON → DOCX bytes, and the package check that
 * runs before any file is written.
 */
export { buildDocx, docxDocument, type DocxMeta } from './build.js';
export { validateDocx, type DocxReport } from './validate.js';
export { checkXml, type XmlProblem } from './xml-check.js';
export { signerLines, type Finalisation, type Signer } from './finalisation.js';
export { publicationNote, PUBLICATION_BASIS, type PublicationOf } from './publication-note.js';
export { FONT, PAGE, SIZES, SPACING } from './layout.js';
