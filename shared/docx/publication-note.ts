/**
 * What the anonymised publication copy of a signed document says about where it comes from: a
 * note at the end of the last page ("Bản công bố … được tạo từ văn bản đã ký …", the signers, the
 * SHA-256 of the signed content) and the same facts in the document properties. The copy itself
 * is not what was signed (names are reduced), so it never claims to be: it names the signed
 * content by its hash, which anyone holding the signed original can check.
 */
import type { Paragraph } from 'docx';
import { noteLine, signerLines, type Finalisation } from './finalisation.js';

export interface PublicationOf {
  /** The signing of the source document (its signers and the SHA-256 of its signed content). */
  readonly signed: Finalisation;
  /** The source's title, e.g. "Bản án dân sự sơ thẩm". */
  readonly sourceTitle: string;
}

export const PUBLICATION_BASIS = 'Nghị quyết số 03/2017/NQ-HĐTP';

export function publicationNote(of: PublicationOf): Paragraph[] {
  const line = noteLine;
  return [
    line(`Bản công bố (thông tin cá nhân đã được mã hóa theo ${PUBLICATION_BASIS}) được tạo từ văn bản đã ký: ${of.sourceTitle}.`, true),
    ...signerLines(of.signed).map((text) => line(`- ${text};`, false)),
    line(`Mã băm SHA-256 của nội dung đã ký: ${of.signed.sha256}`, false),
  ];
}

/** The same facts as custom document properties (name → value). */
export function publicationProperties(of: PublicationOf): { name: string; value: string }[] {
  return [
    { name: 'PublicationCopy', value: PUBLICATION_BASIS },
    { name: 'SourceTitle', value: of.sourceTitle },
    { name: 'SourceSigners', value: signerLines(of.signed).join('; ') },
    { name: 'SourceSHA256', value: of.signed.sha256 },
  ];
}
