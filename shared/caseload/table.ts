/**
 * A figure table as the caseload page shows it and exports it: a title, column headers and rows
 * of text or numbers. CSV and XLSX are both written from this one shape, so the two exports can
 * never disagree.
 */
export type Cell = string | number;

export interface FigureTable {
  /** Stable id (file names, sheet order). */
  readonly id: string;
  /** The title in the user's language; also the sheet name (shortened to 31 characters). */
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}
