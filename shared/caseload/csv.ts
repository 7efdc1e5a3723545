/**
 * CSV of a figure table (RFC 4180): comma-separated, CRLF line ends, fields quoted when they hold
 * a comma, a quote or a line break. Encoded as UTF-8 **with a byte-order mark**: without it Excel
 * on Windows reads the file as the ANSI code page and Vietnamese letters come out garbled.
 *
 * A text cell that starts with `=`, `+`, `-` or `@` would be run as a formula by a spreadsheet
 * (CSV injection): it is prefixed with an apostrophe, which spreadsheets show as plain text.
 */
import type { Cell, FigureTable } from './table.js';

export const UTF8_BOM = '\uFEFF';

function field(cell: Cell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text, BOM first. */
export function tableToCsv(table: FigureTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(field).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** The CSV as bytes ready to save. */
export function tableToCsvBytes(table: FigureTable): Uint8Array {
  return new TextEncoder().encode(tableToCsv(table));
}
