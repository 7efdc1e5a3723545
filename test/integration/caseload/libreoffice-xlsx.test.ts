// The XLSX export opened by a real spreadsheet: LibreOffice headless converts each sheet of the
// workbook to CSV (one invocation per sheet, starting soffice costs seconds) and the values come
// back as written, Vietnamese letters included. Skips, saying why, only without soffice.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseCsv } from '../../e2e/support/csv.js';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeCaseload } from '../../../shared/caseload/aggregate.js';
import { caseloadTables, type TableLabels } from '../../../shared/caseload/tables.js';
import type { FigureTable } from '../../../shared/caseload/table.js';
import { buildXlsx } from '../../../shared/caseload/xlsx.js';
import { generateCourt } from '../../../shared/demo/index.js';

/** Calc's library beside the soffice binary: a Writer-only install converts no spreadsheet at all. */
function hasCalc(): boolean {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  if (found.status !== 0) return false;
  return existsSync(path.join(path.dirname(realpathSync(found.stdout.trim())), 'libsclo.so'));
}
const available = hasCalc();
if (!available) console.log('SKIP libreoffice-xlsx.test.ts: LibreOffice Calc not installed (apt-get install libreoffice-calc-nogui)');

const LABELS: TableLabels = {
  language: 'vi',
  open: { title: 'Vụ án đang giải quyết', type: 'Loại vụ án', total: 'Tổng' },
  hearings: { title: 'Phiên tòa, phiên họp', period: 'Thời gian', count: 'Số phiên', week: 'Cả tuần', month: 'Cả tháng' },
  overdue: { title: 'Thời hạn đã quá', number: 'Số thụ lý', type: 'Loại', limit: 'Thời hạn', due: 'Hạn cuối', days: 'Quá (ngày)', judge: 'Thẩm phán' },
  awaiting: { title: 'Văn bản chờ ký', number: 'Số thụ lý', document: 'Văn bản', kind: 'Loại văn bản', updated: 'Cập nhật', judge: 'Thẩm phán' },
  weekdays: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
};


describe.skipIf(!available)('XLSX opened by LibreOffice', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every sheet converts to CSV with the values written', () => {
    const court = generateCourt({ cases: 150, seed: 11, today: '2026-03-04' });
    const figures = computeCaseload(court.cases, { today: '2026-03-04' });
    const tables: FigureTable[] = caseloadTables(figures, LABELS, (id) => court.staff.find((s) => s.id === id)?.name ?? '');
    tables.push({ id: 'tricky', title: 'Ký tự: đặc/biệt?', header: ['Chữ', 'Số'], rows: [['Nguyễn Thị Ánh <&> "Đặng"', 1234567], ['  khoảng trắng  ', -0.5]] });
    const file = path.join(dir, 'So lieu.xlsx');
    writeFileSync(file, buildXlsx(tables));
    const profile = `file://${path.join(dir, 'profile')}`;
    tables.forEach((table, i) => {
      const outDir = path.join(dir, `sheet${i + 1}`);
      // `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,N`: UTF-8 (76), sheet N.
      const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${i + 1}`;
      const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      // Some LibreOffice versions name the file after the workbook, others add "-<sheet name>".
      const written = readdirSync(outDir).filter((name) => name.endsWith('.csv'));
      expect(written, run.stdout).toHaveLength(1);
      const csv = readFileSync(path.join(outDir, written[0]!), 'utf8').replace(/^\uFEFF/, '');
      const expected = [table.header, ...table.rows].map((row) => row.map((cell) => String(cell)));
      expect(parseCsv(csv), table.title).toEqual(expected);
    });
  });
});
