// Golden check by opening (STYLE §6): one demo case per built-in form, rendered to DOCX, converted
// to PDF by LibreOffice headless in ONE invocation (each start costs seconds), then read back with
// pdftotext/pdfinfo: the header, motto, title, parties and signature are there, and the page is A4.
// Skips, saying why, only when soffice is not installed (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../../shared/docx/build.js';
import { validateDocx } from '../../../../shared/docx/validate.js';
import { builtinTemplates, templateFileName } from '../../../../shared/templates/builtin/index.js';
import type { DocBlock, DocNode } from '../../../../shared/templates/model.js';
import { renderTemplate } from '../../../../shared/templates/render.js';
import { inlineText } from '../../../../shared/templates/text.js';
import { contextFor, demoCaseFor, demoCourt } from '../templates/fixtures.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const available = has('soffice') && has('pdftotext') && has('pdfinfo');
if (!available) console.log('SKIP libreoffice.test.ts: soffice/pdftotext/pdfinfo not installed (apt-get install libreoffice-writer-nogui poppler-utils)');

/**
 * Text compared without white space and hyphens: pdftotext splits justified words ("s ở") and
 * drops a hyphen that ends a line, neither of which is the document's fault.
 */
const squash = (text: string) => text.normalize('NFC').replace(/[\s\-\u00AD\u2010-\u2014]+/g, '');

/** Every paragraph text of a block list, columns included. */
function texts(blocks: readonly DocBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'paragraph' || b.type === 'heading') return [inlineText(b.content)];
    if (b.type === 'table') return b.content.flatMap((r) => r.content.flatMap((c) => texts(c.content)));
    return texts([...b.content[0].content, ...b.content[1].content]);
  });
}

interface Case {
  readonly id: string;
  readonly file: string;
  readonly doc: DocNode;
  readonly party: string;
}

describe.skipIf(!available)('DOCX opened by LibreOffice', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-docx-'));
  const cases: Case[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const court = demoCourt();
    for (const template of builtinTemplates()) {
      const kase = demoCaseFor(court, template, template.meta.caseTypes[0] ?? 'DS');
      const { doc } = renderTemplate(template, contextFor(court, template, kase));
      const bytes = await buildDocx(doc, { title: template.meta.title, court: court.court.name });
      expect(validateDocx(bytes).ok).toBe(true);
      const file = path.join(dir, templateFileName(template.meta.id).replace(/\.tpl$/, '.docx'));
      writeFileSync(file, bytes);
      const party = [...kase.parties].sort((a, b) => a.order - b.order)[0]?.fullName ?? '';
      cases.push({ id: template.meta.id, file, doc, party });
    }
    const profile = `file://${path.join(dir, 'profile')}`;
    const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...cases.map((c) => c.file)], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.status, run.stderr).toBe(0);
  });

  it('converts every form, A4, with header, motto, title, parties and signatures in the text', () => {
    expect(cases).toHaveLength(builtinTemplates().length);
    for (const c of cases) {
      const pdf = c.file.replace(/\.docx$/, '.pdf');
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info.status, `${c.id}: no PDF`).toBe(0);
      expect(info.stdout, c.id).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
      const text = squash(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout);
      const header = c.doc.content.find((b) => b.type === 'courtHeader');
      const signature = c.doc.content.find((b) => b.type === 'signatureBlock');
      const title = c.doc.content.find((b) => b.type === 'heading' && b.attrs.level === 1);
      expect(header && signature, c.id).toBeTruthy();
      if (!header || !signature) continue;
      // Judgments have no BẢN ÁN title line: "NHÂN DANH / NƯỚC CỘNG HÒA …" stands in its place.
      const titleLines = title ? texts([title]) : ['NHÂN DANH', 'NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'];
      const expected = [...texts([header]).slice(0, 1), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...titleLines, c.party, ...texts([signature]).filter((t) => t.trim() !== '')];
      for (const line of expected) expect(text, `${c.id}: «${line}»`).toContain(squash(line));
    }
  });
});
