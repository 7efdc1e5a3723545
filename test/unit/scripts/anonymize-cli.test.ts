// End-to-end checks of `npm run anonymize`: .txt and .docx in, the publication copy and the review
// report out; bad arguments exit 2 without writing anything. Also `templates render --out .docx`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCourt } from '../../../shared/demo/index.js';
import { validateDocx } from '../../../shared/docx/validate.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'courtdesk-anonymize-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const at = (name: string) => path.join(work, name);

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const PARTIES = [
  { name: 'Nguyễn Văn An', role: 'Bị cáo', address: 'ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long', idNumber: '086080001234' },
  { name: 'Trần Thị Cẩm Anh', role: 'Thẩm phán' },
];

describe('npm run anonymize', { timeout: 120_000 }, () => {
  it('writes the anonymised text and a report of every replacement', () => {
    writeFileSync(at('parties.json'), JSON.stringify(PARTIES));
    writeFileSync(at('in.txt'), 'Thẩm phán Trần Thị Cẩm Anh. Bị cáo NGUYỄN VĂN AN (CCCD 086080001234), trú tại ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long. Bị cáo Nguyễn\nVăn An khai.');
    const result = run('anonymize.ts', '--in', at('in.txt'), '--parties', at('parties.json'), '--out', at('out.txt'), '--report', at('report.json'));
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(at('out.txt'), 'utf8')).toBe('Thẩm phán Trần Thị Cẩm Anh. Bị cáo NGUYỄN VĂN A (CCCD ************), trú tại ấp P, xã T, tỉnh Vĩnh Long. Bị cáo Nguyễn\nVăn A khai.');
    const report = JSON.parse(readFileSync(at('report.json'), 'utf8')) as { original: string; replacement: string; count: number }[];
    expect(report.map((r) => [r.original, r.replacement, r.count])).toEqual([
      ['Nguyễn Văn An', 'Nguyễn Văn A', 2],
      ['086080001234', '************', 1],
      ['ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long', 'ấp P, xã T, tỉnh Vĩnh Long', 1],
    ]);
    expect(result.out).toContain('Nguyễn Văn An → Nguyễn Văn A');
  });

  it('renders a demo judgment to DOCX with `templates render`, then anonymises the DOCX', () => {
    const court = generateCourt({ cases: 200, seed: 7, today: '2026-01-15' });
    writeFileSync(at('court.json'), JSON.stringify(court));
    const render = run('templates.ts', 'render', '--template', 'NQ05-2017/27-HS', '--case', at('court.json'), '--out', at('hs.docx'));
    expect(render.code, render.err).toBe(0);
    const original = new Uint8Array(readFileSync(at('hs.docx')));
    expect(validateDocx(original).ok).toBe(true);
    const text = (bytes: Uint8Array) => [...strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array()).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const caseId = /cho vụ án (\S+)/.exec(render.out)?.[1];
    const kase = court.cases.find((c) => c.id === caseId);
    const accused = kase?.parties.find((p) => p.role === 'accused');
    expect(accused && text(original)).toContain(accused?.fullName);
    if (!accused) return;
    writeFileSync(at('hs-parties.json'), JSON.stringify([{ name: accused.fullName, role: 'accused', address: accused.address }]));
    const result = run('anonymize.ts', '--in', at('hs.docx'), '--parties', at('hs-parties.json'), '--out', at('hs-public.docx'), '--report', at('hs-report.json'));
    expect(result.code, result.err).toBe(0);
    const published = new Uint8Array(readFileSync(at('hs-public.docx')));
    expect(validateDocx(published).ok).toBe(true);
    const words = accused.fullName.split(' ');
    const alias = [...words.slice(0, -1), (words.at(-1) ?? '').normalize('NFD').charAt(0).toUpperCase()].join(' ');
    expect(text(published)).not.toContain(accused.fullName);
    expect(text(published)).toContain(alias);
    const report = JSON.parse(readFileSync(at('hs-report.json'), 'utf8')) as { original: string; count: number }[];
    expect(report.find((r) => r.original === accused.fullName)?.count).toBeGreaterThanOrEqual(3);
  });

  it('replays a decisions file: a rejected name stays, an added one is replaced, the report lists them', () => {
    writeFileSync(at('parties.json'), JSON.stringify(PARTIES));
    writeFileSync(at('d-in.txt'), 'Bị cáo Nguyễn Văn An (CCCD 086080001234). Người làm chứng Lê Thị Hoa. Bị cáo Nguyễn Văn An khai; LÊ THỊ HOA xác nhận.');
    const decisions = {
      format: 'courtdesk.publication-decisions',
      version: 1,
      rejected: [{ kind: 'person', original: 'Nguyễn Văn An', replacement: 'Nguyễn Văn A' }, 'Phạm Văn Vắng'],
      added: [{ original: 'Lê Thị Hoa', replacement: 'Lê Thị H' }],
    };
    writeFileSync(at('decisions.json'), JSON.stringify(decisions));
    const result = run('anonymize.ts', '--in', at('d-in.txt'), '--parties', at('parties.json'), '--out', at('d-out.txt'), '--report', at('d-report.json'), '--decisions', at('decisions.json'));
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(at('d-out.txt'), 'utf8')).toBe('Bị cáo Nguyễn Văn An (CCCD ************). Người làm chứng Lê Thị H. Bị cáo Nguyễn Văn An khai; LÊ THỊ H xác nhận.');
    const report = JSON.parse(readFileSync(at('d-report.json'), 'utf8')) as { original: string; replacement: string; count: number; status: string }[];
    expect(report.map((r) => [r.original, r.status, r.count])).toEqual([
      ['Nguyễn Văn An', 'rejected', 2],
      ['086080001234', 'accepted', 1],
      ['Lê Thị Hoa', 'added', 2],
      ['Phạm Văn Vắng', 'stale', 0],
    ]);
    expect(result.out).toContain('Nguyễn Văn An → Nguyễn Văn A (person, 2, giữ nguyên văn theo quyết định)');
    expect(result.out).toContain('Phạm Văn Vắng →  (manual, 0, không còn trong văn bản)');
  });

  it('applies a decisions file to a DOCX as well', async () => {
    const { buildDocx } = await import('../../../shared/docx/index.js');
    const para = (text: string) => ({ type: 'paragraph' as const, attrs: { align: 'justify' as const, indentFirstLine: true, spacingBefore: 0 }, content: [{ type: 'text' as const, text }] });
    const bytes = await buildDocx(
      { type: 'doc', attrs: { templateId: 'NQ05-2017/27-HS', templateVersion: '1.0.0' }, content: [para('Bị cáo Nguyễn Văn An, người làm chứng Lê Thị Hoa.'), para('Thẩm phán Trần Thị Cẩm Anh.')] },
      { title: 'Bản án', court: 'Tòa án nhân dân khu vực 1 - Vĩnh Long' },
    );
    writeFileSync(at('d-in.docx'), bytes);
    writeFileSync(at('d2.json'), JSON.stringify({ rejected: ['Nguyễn Văn An'], added: [{ original: 'Lê Thị Hoa', replacement: 'Lê Thị H' }] }));
    const result = run('anonymize.ts', '--in', at('d-in.docx'), '--parties', at('parties.json'), '--out', at('d-out.docx'), '--decisions', at('d2.json'));
    expect(result.code, result.err).toBe(0);
    const out = new Uint8Array(readFileSync(at('d-out.docx')));
    expect(validateDocx(out).ok).toBe(true);
    const xml = strFromU8(unzipSync(out)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('Bị cáo Nguyễn Văn An, người làm chứng Lê Thị H.');
    expect(xml).toContain('Trần Thị Cẩm Anh');
  });

  it('a malformed decisions file exits 2 with a clear message and writes nothing', () => {
    const cases: [string, RegExp][] = [
      ['{ "rejected": ["Nguyễn Văn An"', /không phải JSON hợp lệ/],
      ['{ "rejected": ["Nguyễn Văn An"], "aded": [] }', /khóa không được hỗ trợ: "aded"/],
      ['{ "added": [{ "original": "A", "replacement": "B" }] }', /added\.0: Hãy nhập đoạn cần thay/],
    ];
    for (const [i, [text, message]] of cases.entries()) {
      writeFileSync(at(`bad-decisions-${i}.json`), text);
      const result = run('anonymize.ts', '--in', at('in.txt'), '--parties', at('parties.json'), '--out', at(`bad-${i}.txt`), '--decisions', at(`bad-decisions-${i}.json`));
      expect(result.code, text).toBe(2);
      expect(result.err).toMatch(/^Lỗi: .*bad-decisions-\d\.json: Tệp quyết định/m);
      expect(result.err, text).toMatch(message);
      expect(existsSync(at(`bad-${i}.txt`))).toBe(false);
    }
  });

  it('refuses bad arguments with exit 2 and writes nothing', () => {
    const missing = run('anonymize.ts', '--in', at('in.txt'), '--out', at('none.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Thiếu tham số --parties');
    const mixed = run('anonymize.ts', '--in', at('in.txt'), '--parties', at('parties.json'), '--out', at('none.docx'));
    expect(mixed.code).toBe(2);
    writeFileSync(at('bad-parties.json'), JSON.stringify([{ name: 'X' }]));
    const bad = run('anonymize.ts', '--in', at('in.txt'), '--parties', at('bad-parties.json'), '--out', at('none.txt'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^Lỗi: Tệp .* phải là danh sách/m);
    expect(existsSync(at('none.txt')) || existsSync(at('none.docx'))).toBe(false);
  });
});
