/**
 * The court page: A4, margins, fonts and sizes of the printed forms (vn-court-forms.md §2.1, after
 * NĐ 30/2020 Phụ lục I and NQ 351/2017, which the forms point to). Values sit at the middle of the
 * ranges the brief gives, in the units `docx` wants: twips (1/20 pt) for lengths, half-points for
 * font sizes. Court IT may ask for other values: change them here, nowhere else.
 */

/** Millimetres to twips (1 mm = 1440 / 25.4 twips). */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4);
/** Points to twips. */
export const pt = (value: number): number => Math.round(value * 20);
/** Points to the half-points of `w:sz`. */
export const size = (points: number): number => Math.round(points * 2);

export const FONT = 'Times New Roman';

export const PAGE = {
  /** A4 portrait, 210 × 297 mm. */
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;

/** The width between the margins, for tables that span the page. */
export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const SIZES = {
  /** Body text: 13–14 pt. */
  body: 14,
  /** Document title (BẢN ÁN, BIÊN BẢN …): 13–14 pt bold. */
  title: 14,
  /** Court name and national motto in the header: 12–13 pt (13–14 for the tiêu ngữ). */
  header: 13,
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13 pt; 12 keeps it on one line in its column. */
  nationalName: 12,
  /** "Nơi nhận:" 12 pt bold italic, the list 11 pt. */
  recipientsLabel: 12,
  recipients: 11,
  /** Titles and names of the signature block: 13–14 pt; 13 keeps "THẨM PHÁN - CHỦ TỌA PHIÊN TÒA" on one line. */
  signature: 13,
  /** Page numbers, 13–14 pt. */
  pageNumber: 13,
  /** The finalisation note. */
  note: 11,
  /** Cells of ordinary tables. */
  table: 13,
} as const;

export const SPACING = {
  /** ≥ 6 pt after every body paragraph. */
  after: pt(6),
  /** Line spacing "single to 1.5": 1.15 lines (in 240ths of a line). */
  line: 276,
  /** First-line indent 1–1.27 cm. */
  firstLine: mm(12.7),
} as const;

/** The two-column header and the signature block: left column share of the content width. */
export const HEADER_LEFT_SHARE = 0.4;
export const SIGNATURE_LEFT_SHARE = 0.42;
