// buildDocx on one demo case per built-in form: the package is valid and carries the court layout
// (A4, margins, Times New Roman, page numbers from page 2, properties, finalisation note).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../../../shared/docx/build.js';
import { validateDocx } from '../../../../shared/docx/validate.js';
import { builtinTemplates } from '../../../../shared/templates/builtin/index.js';
import type { DocNode } from '../../../../shared/templates/model.js';
import { renderTemplate } from '../../../../shared/templates/render.js';
import { contextFor, demoCaseFor, demoCourt } from '../templates/fixtures.js';

const court = demoCourt();

function render(templateIndex: number): { doc: DocNode; title: string } {
  const template = builtinTemplates()[templateIndex];
  if (!template) throw new Error('no template');
  const kase = demoCaseFor(court, template, template.meta.caseTypes[0] ?? 'DS');
  return { doc: renderTemplate(template, contextFor(court, template, kase)).doc, title: template.meta.title };
}

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

describe('buildDocx', () => {
  it.each(builtinTemplates().map((t, i) => [t.meta.id, i] as const))('%s: valid package in the court layout', async (_id, index) => {
    const { doc, title } = render(index);
    const bytes = await buildDocx(doc, { title, court: court.court.name, number: '34/2026/DS-ST' });
    expect(validateDocx(bytes).ok).toBe(true);
    const files = parts(bytes);
    const documentXml = files['word/document.xml'] ?? '';
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(documentXml).toContain('<w:titlePg/>');
    expect(files['word/styles.xml']).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(files['word/styles.xml']).toContain('<w:sz w:val="28"/>');
    expect(documentXml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The header table has no borders; the motto has its rule (a bottom-bordered paragraph).
    expect(documentXml).toMatch(/<w:tblBorders>.*?<w:top w:val="none"/s);
    expect(documentXml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    // A page-number field in a header that is not the first page's.
    const headers = Object.entries(files).filter(([k]) => /^word\/header\d+\.xml$/.test(k)).map(([, v]) => v);
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
    expect(files['docProps/core.xml']).toContain(`<dc:title>${title}</dc:title>`);
    expect(files['docProps/custom.xml']).toContain(court.court.name);
  });

  it('writes the judgment preamble and the numbered, justified body of 52-DS', async () => {
    const index = builtinTemplates().findIndex((t) => t.meta.id === 'NQ01-2017/52-DS');
    const { doc, title } = render(index);
    const files = parts(await buildDocx(doc, { title, court: court.court.name }));
    const documentXml = files['word/document.xml'] ?? '';
    expect(documentXml).toContain('NHÂN DANH');
    expect(documentXml).toContain('NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // Body paragraphs use the CourtBody style: justified, 1.27 cm first-line indent, 6 pt after, 1.15 lines.
    expect(documentXml).toContain('<w:pStyle w:val="CourtBody"/>');
    expect(files['word/styles.xml']).toMatch(/w:styleId="CourtBody".*?<w:ind w:firstLine="720"\/><w:jc w:val="both"\/>/s);
    expect(files['word/styles.xml']).toMatch(/<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276"\/>/);
    expect(documentXml).toContain('Nơi nhận:');
  });

  it('prints the signers and the hash of a finalised document in a last-page note and in the properties', async () => {
    const { doc, title } = render(0);
    const sha256 = 'c0ffee'.repeat(10) + 'abcd';
    const bytes = await buildDocx(doc, {
      title,
      court: court.court.name,
      finalisation: { signers: [{ role: 'presidingJudge', name: 'Trần Thị Cẩm Anh', signedAt: '2026-02-05T10:32:00+07:00' }, { role: 'clerk', name: 'Hồ Thị Hiền Tiên', signedAt: '2026-02-05T10:40:00+07:00' }], sha256 },
    });
    const files = parts(bytes);
    const documentXml = files['word/document.xml'] ?? '';
    const note = documentXml.lastIndexOf('Văn bản đã hoàn tất và được ký');
    expect(note).toBeGreaterThan(documentXml.lastIndexOf('</w:tbl>'));
    expect(documentXml).toContain('Thẩm phán - Chủ tọa phiên tòa Trần Thị Cẩm Anh, ký lúc 10 giờ 32 phút ngày 05/02/2026');
    expect(documentXml).toContain(sha256);
    expect(files['docProps/custom.xml']).toContain(sha256);
    expect(files['docProps/custom.xml']).toContain('Thư ký phiên tòa Hồ Thị Hiền Tiên');
  });

  it('drops characters XML cannot carry instead of producing a corrupt file', async () => {
    const doc: DocNode = {
      type: 'doc',
      attrs: { templateId: 'T', templateVersion: '1' },
      content: [{ type: 'paragraph', attrs: { align: 'left', indentFirstLine: false, spacingBefore: 0 }, content: [{ type: 'text', text: 'A\u0001B\u000bC <&>' }] }],
    };
    const bytes = await buildDocx(doc, { title: 'T\u0002', court: 'C' });
    expect(validateDocx(bytes).ok).toBe(true);
    expect(parts(bytes)['word/document.xml']).toContain('ABC &lt;&amp;&gt;');
  });
});
