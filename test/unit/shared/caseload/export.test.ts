import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToCsvBytes, UTF8_BOM } from '../../../../shared/caseload/csv.js';
import type { FigureTable } from '../../../../shared/caseload/table.js';
import { buildXlsx, columnName, escapeXml, sheetNames, xlsxParts } from '../../../../shared/caseload/xlsx.js';
import { checkXml } from '../../../../shared/docx/xml-check.js';

const TABLE: FigureTable = {
  id: 'open',
  title: 'Vụ án đang giải quyết',
  header: ['Loại vụ án', 'Số vụ', 'Ghi chú'],
  rows: [
    ['Hôn nhân và gia đình', 12, 'Có "ngoặc kép", dấu phẩy'],
    ['Hình sự', 0, 'Hai\ndòng'],
    ['=1+1', -3, '@lệnh'],
  ],
};

describe('tableToCsv', () => {
  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = tableToCsv(TABLE);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Loại vụ án,Số vụ,Ghi chú',
      'Hôn nhân và gia đình,12,"Có ""ngoặc kép"", dấu phẩy"',
      'Hình sự,0,"Hai\ndòng"',
      "'=1+1,-3,'@lệnh",
      '',
    ]);
  });

  it('encodes as UTF-8 with the BOM bytes EF BB BF', () => {
    const bytes = tableToCsvBytes(TABLE);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).startsWith('Loại vụ án')).toBe(true);
  });
});

describe('XLSX helpers', () => {
  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('escapes XML and drops characters XML forbids', () => {
    expect(escapeXml('a<b & "c"\u0001\uD800')).toBe('a&lt;b &amp; &quot;c&quot;');
  });

  it('makes sheet names Excel accepts: 31 characters, no []:*?/\\, unique', () => {
    const names = sheetNames(['Thời hạn đã quá hạn của vụ án đang giải quyết', 'A/B', 'A B', '', 'Thời hạn đã quá hạn của vụ án đang giải quyết']);
    expect(names[0]).toHaveLength(31);
    expect(names[1]).toBe('A B');
    expect(names[2]).toBe('A B 2');
    expect(names[3]).toBe('Sheet4');
    expect(names[4]).not.toBe(names[0]);
    expect(names[4]!.length).toBeLessThanOrEqual(31);
  });
});

describe('buildXlsx', () => {
  it('zips the minimal SpreadsheetML parts, every one well-formed XML', () => {
    const bytes = buildXlsx([TABLE, { ...TABLE, id: 'second', title: 'Văn bản chờ ký', rows: [] }]);
    expect(strFromU8(bytes.slice(0, 2))).toBe('PK');
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    );
    for (const [path, data] of Object.entries(files)) expect(checkXml(strFromU8(data)), path).toBeUndefined();
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Hôn nhân và gia đình</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>12</v></c>');
    expect(sheet).toContain('Có &quot;ngoặc kép&quot;, dấu phẩy');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Văn bản chờ ký" sheetId="2" r:id="rId2"/>');
  });

  it('refuses an empty workbook and is deterministic', () => {
    expect(() => xlsxParts([])).toThrow();
    expect(buildXlsx([TABLE])).toEqual(buildXlsx([TABLE]));
  });
});
