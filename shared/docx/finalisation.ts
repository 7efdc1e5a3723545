/**
 * What a finalised document carries about its signing: a note at the end of the last page
 * ("Văn bản đã hoàn tất …", each signer, the SHA-256 of the signed content) and the same summary
 * in the document properties, so a printed copy and the file both say which content was signed.
 * The signing itself (keys, certificates) is a later issue: this only prints what it is given.
 */
import { BorderStyle, Paragraph, TextRun } from 'docx';
import { PANEL_ROLE_LABELS, type PanelRole } from '../domain/vocabulary.js';
import { pt, size, SIZES } from './layout.js';
import { xmlSafe } from './runs.js';

export interface Signer {
  /** A panel role (`presidingJudge`, `clerk` …) or the title as printed ("Thư ký phiên tòa"). */
  readonly role: string;
  readonly name: string;
  /** ISO 8601 local time as recorded, e.g. `2026-02-05T10:32:00+07:00`. */
  readonly signedAt: string;
}

export interface Finalisation {
  readonly signers: readonly Signer[];
  /** Hex SHA-256 of the finalised content. */
  readonly sha256: string;
}

const roleLabel = (role: string): string => (role in PANEL_ROLE_LABELS ? PANEL_ROLE_LABELS[role as PanelRole].vi : role);

/** "10 giờ 32 phút ngày 05/02/2026" from the digits as written (the local time of signing). */
export function signedAtText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[4]} giờ ${m[5]} phút ngày ${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** One line per signer: "Thẩm phán - Chủ tọa phiên tòa Trần Thị Cẩm Anh, ký lúc 10 giờ 32 phút ngày 05/02/2026". */
export function signerLines(finalisation: Finalisation): string[] {
  return finalisation.signers.map((s) => `${roleLabel(s.role)} ${s.name}, ký lúc ${signedAtText(s.signedAt)}`);
}

/**
 * One line of a last-page note: small italics kept with the lines after it, the first one under a
 * thin rule (the signature note here, the publication copy's note in publication-note.ts).
 */
export function noteLine(text: string, first: boolean): Paragraph {
  return new Paragraph({
    spacing: { before: first ? pt(18) : 0, after: 0 },
    keepLines: true,
    keepNext: true,
    ...(first ? { border: { top: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } } } : {}),
    children: [new TextRun({ text: xmlSafe(text), size: size(SIZES.note), italics: true })],
  });
}

export function finalisationNote(finalisation: Finalisation): Paragraph[] {
  const line = noteLine;
  return [
    line('Văn bản đã hoàn tất và được ký:', true),
    ...signerLines(finalisation).map((text) => line(`- ${text};`, false)),
    line(`Mã băm SHA-256 của nội dung đã ký: ${finalisation.sha256}`, false),
  ];
}

/** The same facts as custom document properties (name → value). */
export function finalisationProperties(finalisation: Finalisation): { name: string; value: string }[] {
  return [
    { name: 'Signers', value: signerLines(finalisation).join('; ') },
    { name: 'SHA256', value: finalisation.sha256 },
  ];
}
