/**
 * A minimal valid XLSX workbook (Office Open XML SpreadsheetML), one sheet per figure table,
 * zipped with fflate. Parts: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
 * `xl/_rels/workbook.xml.rels`, `xl/styles.xml` (one bold style for the header row) and
 * `xl/worksheets/sheetN.xml`. Text goes in inline strings (`t="inlineStr"`), so no shared-string
 * table is needed; numbers are plain `<v>` values. Excel and LibreOffice open it as is.
 *
 * @example
 * const bytes = buildXlsx([{ id: 'open', title: 'Vụ án đang giải quyết', header: ['Loại', 'Số vụ'], rows: [['DS', 12]] }]);
 */
import { strToU8, zipSync } from 'fflate';
import type { Cell, FigureTable } from './table.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Characters XML 1.0 forbids (control characters other than tab, LF, CR; lone surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we drop
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty, unique in the
 * workbook (a number is appended on a clash).
 */
export function sheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, i) => {
    const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLocaleLowerCase('vi')); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLocaleLowerCase('vi'));
    return name;
  });
}

function cellXml(cell: Cell, ref: string, style: number): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : `<c r="${ref}"${s}/>`;
  // xml:space="preserve" keeps leading and trailing spaces.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
}

function sheetXml(table: FigureTable): string {
  const rows = [table.header, ...table.rows].map((row, r) => {
    const cells = row.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, r === 0 ? 1 : 0)).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  });
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length), 1);
  const cols = `<cols><col min="1" max="${width}" width="24" customWidth="1"/></cols>`;
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The workbook's parts by path (exposed for the unit test). */
export function xlsxParts(tables: readonly FigureTable[]): Record<string, string> {
  if (tables.length === 0) throw new Error('A workbook needs at least one sheet');
  const names = sheetNames(tables.map((t) => t.title));
  const sheetOverrides = tables
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      `${sheetOverrides}</Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
      names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      tables.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${tables.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': STYLES,
  };
  tables.forEach((table, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(table);
  });
  return parts;
}

/** The .xlsx file's bytes. */
export function buildXlsx(tables: readonly FigureTable[]): Uint8Array {
  const parts = xlsxParts(tables);
  const files: Record<string, Uint8Array> = {};
  // [Content_Types].xml first: some readers sniff the first entry.
  for (const path of ['[Content_Types].xml', ...Object.keys(parts).filter((p) => p !== '[Content_Types].xml')]) files[path] = strToU8(parts[path]!);
  return zipSync(files, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') });
}
