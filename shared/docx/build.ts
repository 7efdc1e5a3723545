/**
 * Document JSON (templates/model.ts) → a court-format DOCX (vn-court-forms.md §1.2, §2.1): A4,
 * Times New Roman, the margins and sizes of layout.ts, the borderless two-column header, centred
 * titles, justified body paragraphs, tables, "Nơi nhận" beside the signatures, page numbers centred
 * in the top margin from page 2 on, and document properties (title, court, number, template, and
 * for a finalised document its signers and hash). Pure: runs in the renderer and in Node.
 *
 * @example
 * const bytes = await buildDocx(doc, { title: 'Bản án sơ thẩm', court: 'Tòa án nhân dân khu vực 1 - Vĩnh Long', number: '34/2026/DS-ST' });
 * const check = validateDocx(bytes); // always validate before writing
 */
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, type Table, TextRun } from 'docx';
import type { DocBlock, DocNode } from '../templates/model.js';
import { courtHeader, signatureBlock } from './columns.js';
import { finalisationNote, finalisationProperties, type Finalisation } from './finalisation.js';
import { FONT, PAGE, size, SIZES, SPACING } from './layout.js';
import { publicationNote, publicationProperties, type PublicationOf } from './publication-note.js';
import { BODY_STYLE_DEFINITION, bodyParagraph, heading } from './paragraphs.js';
import { xmlSafe } from './runs.js';
import { table } from './table.js';

export interface DocxMeta {
  /** Document title for the properties, e.g. "Bản án sơ thẩm". */
  readonly title: string;
  /** Court name, e.g. "Tòa án nhân dân khu vực 1 - Vĩnh Long". */
  readonly court: string;
  /** The official number, e.g. "34/2026/DS-ST" (minutes have none). */
  readonly number?: string;
  /** Present once the document is finalised and signed. */
  readonly finalisation?: Finalisation;
  /** For the anonymised publication copy of a signed document: which signed content it was made from. */
  readonly publicationOf?: PublicationOf;
}

function block(node: DocBlock): (Paragraph | Table)[] {
  switch (node.type) {
    case 'paragraph':
      return [bodyParagraph(node)];
    case 'heading':
      return [heading(node)];
    case 'courtHeader':
      return [courtHeader(node, block)];
    case 'signatureBlock':
      return signatureBlock(node, block);
    case 'table':
      return [table(node, block)];
  }
}

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: size(SIZES.pageNumber) })] })],
  });
}

/** The `docx` Document object (exposed for tests and the benchmark; most callers want {@link buildDocx}). */
export function docxDocument(doc: DocNode, meta: DocxMeta): Document {
  const properties = [
    { name: 'Court', value: meta.court },
    ...(meta.number ? [{ name: 'DocumentNumber', value: meta.number }] : []),
    { name: 'TemplateId', value: doc.attrs.templateId },
    { name: 'TemplateVersion', value: doc.attrs.templateVersion },
    ...(meta.finalisation ? finalisationProperties(meta.finalisation) : []),
    ...(meta.publicationOf ? publicationProperties(meta.publicationOf) : []),
  ].map((p) => ({ name: p.name, value: xmlSafe(p.value) }));
  const children = doc.content.flatMap(block);
  if (meta.finalisation) children.push(...finalisationNote(meta.finalisation));
  if (meta.publicationOf) children.push(...publicationNote(meta.publicationOf));
  return new Document({
    title: xmlSafe(meta.title),
    subject: xmlSafe(meta.number ?? meta.title),
    creator: xmlSafe(meta.court),
    lastModifiedBy: 'Courtdesk',
    keywords: xmlSafe([meta.title, meta.number, doc.attrs.templateId].filter(Boolean).join('; ')),
    description: xmlSafe(
      meta.publicationOf
        ? `Bản công bố; SHA-256 nội dung đã ký ${meta.publicationOf.signed.sha256}`
        : meta.finalisation
          ? `Đã hoàn tất; SHA-256 ${meta.finalisation.sha256}`
          : 'Bản thảo',
    ),
    customProperties: properties,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: size(SIZES.body) },
          paragraph: { spacing: { after: SPACING.after, line: SPACING.line } },
        },
      },
      paragraphStyles: [BODY_STYLE_DEFINITION],
    },
    sections: [
      {
        properties: {
          // Page 1 has its own (empty) header: the page number shows from page 2 on.
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...PAGE.margin },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children,
      },
    ],
  });
}

/** Builds the DOCX package. Validate it with {@link validateDocx} before writing it anywhere. */
export async function buildDocx(doc: DocNode, meta: DocxMeta): Promise<Uint8Array> {
  return Packer.pack(docxDocument(doc, meta), 'uint8array');
}
