/**
 * DOCX export and anonymiser budgets (the DOCX/publication issue), in Node:
 * - DOCX of a 200-page judgment: the whole export (buildDocx + validateDocx) ≤ 2 s; and buildDocx
 *   ≤ 1.5× the raw `docx` build of the same paragraphs (plain Paragraph/TextRun, no court layout):
 *   what our layout costs on top of the library. The package check is timed apart: it is work
 *   the raw build does not do at all;
 * - anonymising a 50-page judgment (plain text) ≤ 200 ms.
 *
 * Run: `node node_modules/tsx/dist/cli.mjs bench/node/docx.bench.ts [--pages-check]`.
 * `--pages-check` converts the 200-page document with LibreOffice once and prints its real page
 * count (needs soffice and pdfinfo). Exit 1 when a budget fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { anonymiseText } from '../../shared/anonymise/text.js';
import { generateCourt } from '../../shared/demo/index.js';
import { buildDocx } from '../../shared/docx/build.js';
import { validateDocx } from '../../shared/docx/validate.js';
import { CourtFileSchema } from '../../shared/domain/schemas.js';
import { builtinTemplate } from '../../shared/templates/builtin/index.js';
import { buildContext } from '../../shared/templates/context.js';
import type { DocNode, ParagraphNode } from '../../shared/templates/model.js';
import { renderTemplate } from '../../shared/templates/render.js';
import { docToText, inlineText } from '../../shared/templates/text.js';

/** About 3,450 characters fill an A4 page at 14 pt with our margins (checked with --pages-check). */
const CHARS_PER_PAGE = 3_450;
const RUNS = 9;

const SENTENCES = [
  'Tại phiên tòa, bị cáo {N} khai nhận toàn bộ hành vi phạm tội như nội dung bản Cáo trạng đã truy tố.',
  'Lời khai của bị cáo phù hợp với lời khai của người làm chứng, biên bản bắt người phạm tội quả tang và các tài liệu, chứng cứ khác có trong hồ sơ vụ án.',
  'Hội đồng xét xử xét thấy hành vi của bị cáo là nguy hiểm cho xã hội, xâm phạm trật tự quản lý kinh tế của Nhà nước, cần xử lý nghiêm để giáo dục và phòng ngừa chung.',
  'Bị cáo cư trú tại ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long; số điện thoại 0912 345 678; căn cước công dân số 086080001234.',
  'Xét tình tiết giảm nhẹ trách nhiệm hình sự: bị cáo thành khẩn khai báo, ăn năn hối cải, có nhân thân tốt, phạm tội lần đầu và thuộc trường hợp ít nghiêm trọng.',
];

function fillerParagraph(index: number, name: string): ParagraphNode {
  const text = Array.from({ length: 4 }, (_, k) => (SENTENCES[(index + k) % SENTENCES.length] ?? '').replace('{N}', name)).join(' ');
  return { type: 'paragraph', attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 }, content: [{ type: 'text', text: `[${index + 1}] ${text}` }] };
}

/** The 27-HS judgment of a demo case, its reasoning grown to `pages` pages. */
function judgment(pages: number): { doc: DocNode; accused: string; court: string } {
  const court = CourtFileSchema.parse(generateCourt({ cases: 300, seed: 20260115, today: '2026-01-15' }));
  const template = builtinTemplate('NQ05-2017/27-HS');
  if (!template) throw new Error('27-HS missing');
  const kase = court.cases.find((c) => c.type === 'HS' && c.parties.some((p) => p.role === 'accused') && c.hearings.some((h) => h.status === 'held')) ?? court.cases[0];
  if (!kase) throw new Error('no case');
  const accused = kase.parties.find((p) => p.role === 'accused')?.fullName ?? 'Nguyễn Văn An';
  const { doc } = renderTemplate(template, buildContext({ court: court.court, staff: court.staff, kase, hearingKinds: template.meta.hearingKinds, today: '2026-01-15' }));
  const base = docToText(doc).length;
  const perParagraph = inlineText(fillerParagraph(0, accused).content).length;
  const count = Math.max(0, Math.ceil((pages * CHARS_PER_PAGE - base) / perParagraph));
  const at = doc.content.findIndex((b) => b.type === 'heading' && inlineText(b.content).startsWith('NHẬN ĐỊNH'));
  const content = [...doc.content.slice(0, at + 1), ...Array.from({ length: count }, (_, i) => fillerParagraph(i, accused)), ...doc.content.slice(at + 1)];
  return { doc: { ...doc, content }, accused, court: court.court.name };
}

/** The same paragraphs' text, built with `docx` and nothing else. */
async function rawBuild(doc: DocNode): Promise<Uint8Array> {
  const texts = docToText(doc).split('\n');
  const document = new Document({ sections: [{ children: texts.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
  return Packer.pack(document, 'uint8array');
}

async function median(run: () => Promise<unknown> | unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Medians of two workloads run alternately. */
async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    for (const [run, times] of [
      [a, ta],
      [b, tb],
    ] as const) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
  }
  const mid = (t: number[]) => [...t].sort((x, y) => x - y)[Math.floor(t.length / 2)] ?? Number.NaN;
  return [mid(ta), mid(tb)];
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function main(): Promise<number> {
  let failed = false;
  const big = judgment(200);
  const meta = { title: 'Bản án hình sự sơ thẩm', court: big.court, number: '19/2026/HS-ST' };
  const bytes = await buildDocx(big.doc, meta);
  // Ours and the baseline alternate, so load from other processes hits both alike.
  const [build, raw] = await interleaved(
    () => buildDocx(big.doc, meta),
    () => rawBuild(big.doc),
  );
  const check = await median(() => {
    if (!validateDocx(bytes).ok) throw new Error('invalid DOCX');
  });
  const total = build + check;
  const ratio = build / raw;
  const docxOk = total <= 2_000 && ratio <= 1.5;
  failed ||= !docxOk;
  console.log(
    `DOCX 200 pages (${big.doc.content.length} blocks, ${(bytes.length / 1024).toFixed(0)} KiB): export ${fmt(total)} = build ${fmt(build)} + check ${fmt(check)} (budget 2000 ms); ` +
      `baseline raw docx ${fmt(raw)}; build/raw ratio ${ratio.toFixed(2)} (budget 1.50) → ${docxOk ? 'pass' : 'FAIL'}`,
  );

  const fifty = docToText(judgment(50).doc);
  const parties = [
    { name: big.accused, role: 'accused', address: 'ấp Phú Thạnh, xã Tân Hòa, tỉnh Vĩnh Long', idNumber: '086080001234' },
    { name: 'Trần Thị Cẩm Anh', role: 'presidingJudge' },
  ];
  const anonymise = await median(() => anonymiseText(fifty, parties));
  const anonymiseOk = anonymise <= 200;
  failed ||= !anonymiseOk;
  const found = anonymiseText(fifty, parties).replacements.reduce((n, r) => n + r.count, 0);
  console.log(`Anonymise 50 pages (${fifty.length} chars, ${found} replacements): ${fmt(anonymise)} (budget 200 ms) → ${anonymiseOk ? 'pass' : 'FAIL'}`);

  if (process.argv.includes('--pages-check')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-docx-bench-'));
    try {
      writeFileSync(path.join(dir, 'big.docx'), await buildDocx(big.doc, meta));
      spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'big.docx')], { timeout: 300_000 });
      const info = spawnSync('pdfinfo', [path.join(dir, 'big.pdf')], { encoding: 'utf8' }).stdout;
      console.log(`LibreOffice page count of the "200-page" judgment: ${/Pages:\s+(\d+)/.exec(info)?.[1] ?? 'unknown'}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
