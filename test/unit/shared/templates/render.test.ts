import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../../shared/templates/context.js';
import type { DocNode, FieldNode } from '../../../../shared/templates/model.js';
import { collectFields, freezeFields, refreshFields } from '../../../../shared/templates/refresh.js';
import { renderTemplate } from '../../../../shared/templates/render.js';
import { compileTemplate, formatTemplateError } from '../../../../shared/templates/source-format.js';
import { docToText } from '../../../../shared/templates/text.js';
import { FIXTURE_COURT } from './fixtures.js';

const HEAD = ['id: TEST/02-DS', 'version: 1.0.0', 'effective: 2026-01-01', 'title: Thử', 'kind: judgment', 'caseTypes: DS, HS', 'levels: ST', '---'];

function compile(...body: string[]) {
  const result = compileTemplate([...HEAD, ...body].join('\n'));
  if (!result.ok) throw new Error(result.errors.map(formatTemplateError).join('\n'));
  return result.template;
}

const court = FIXTURE_COURT;
const civil = court.cases.find((c) => c.id === 'c-ds');
const criminal = court.cases.find((c) => c.id === 'c-hs');
if (!civil || !criminal) throw new Error('fixture');
const context = (kase = civil, extra = {}) => buildContext({ court: court.court, staff: court.staff, kase, hearingKinds: ['trial'], today: '2026-02-06', extra });

describe('renderTemplate', () => {
  it('fills fields, keeping the absolute path beside the value', () => {
    const template = compile('Thụ lý số {{case.acceptanceNumber}} {{case.acceptanceDate}}; {{hearing.opening}}.');
    const { doc, missing } = renderTemplate(template, context());
    expect(missing).toEqual([]);
    expect(docToText(doc)).toContain('Thụ lý số 12/2025/TLST-DS ngày 05 tháng 9 năm 2025; Vào hồi 08 giờ 00 phút, ngày 05 tháng 02 năm 2026.');
    const [first] = collectFields(doc);
    expect(first?.attrs).toEqual({ path: 'case.acceptanceNumber', label: 'Số thụ lý', value: '12/2025/TLST-DS', status: 'filled', frozen: false });
  });

  it('numbers repeats, nests representatives, and resolves repeat fields to indexed paths', () => {
    const template = compile(
      '::repeat parties.byRole.plaintiff as p',
      '{{p.$index}}/{{p.$count}}. {{p.titledName}}, {{p.attendance}}',
      '::repeat p.representatives as r',
      '- đại diện: {{r.fullName}}',
      '::end',
      '::end',
    );
    const { doc } = renderTemplate(template, context());
    expect(docToText(doc)).toBe('    1/1. Ông Nguyễn Văn An, có mặt\n    - đại diện: Lê Thị Hoa\n');
    expect(collectFields(doc).map((f) => f.attrs.path)).toEqual([
      'parties.byRole.plaintiff.0.titledName',
      'parties.byRole.plaintiff.0.attendance',
      'parties.byRole.plaintiff.0.representatives.0.fullName',
    ]);
  });

  it('renders ::empty for an empty list and picks the first true branch', () => {
    const template = compile(
      '::repeat parties.byRole.victim as v',
      '{{v.fullName}}',
      '::empty',
      'Không có bị hại.',
      '::end',
      '::if panel.size == 5',
      'Năm.',
      '::elif panel.size == 3 and hearing.publicity == "công khai"',
      'Ba, công khai.',
      '::else',
      'Khác.',
      '::end',
      '::if parties.hasMinor',
      'Có người dưới 18 tuổi.',
      '::end',
      '::if parties.byRole.accused.1.isMinor',
      'Bị cáo thứ hai là người dưới 18 tuổi.',
      '::end',
    );
    expect(docToText(renderTemplate(template, context()).doc)).toBe('    Không có bị hại.\n    Ba, công khai.\n');
    expect(docToText(renderTemplate(template, context(criminal)).doc)).toBe(
      '    Bùi Quang Huy\n    Ba, công khai.\n    Có người dưới 18 tuổi.\n    Bị cáo thứ hai là người dưới 18 tuổi.\n',
    );
  });

  it('marks data the case lacks as missing, visibly, with a label naming whose data it is', () => {
    const template = compile('Bị cáo {{parties.byRole.accused.0.fullName}} dân tộc {{parties.byRole.accused.0.ethnicity}}; kết thúc {{hearing.endTime}}.');
    const { doc, missing } = renderTemplate(template, context(criminal));
    expect(missing.map((m) => m.label)).toEqual(['Dân tộc của bị cáo', 'Giờ kết thúc phiên (giờ, phút)']);
    expect(docToText(doc)).toBe('    Bị cáo Vũ Thị Lan Anh dân tộc [thiếu: Dân tộc của bị cáo]; kết thúc [thiếu: Giờ kết thúc phiên (giờ, phút)].\n');
    const filled = renderTemplate(template, context(criminal, { 'parties.byId.a1.ethnicity': 'Kinh', 'hearing.endTime': '10 giờ 30 phút' }));
    expect(filled.missing).toEqual([]);
  });

  it('builds the two-column header and signature block as documents nodes', () => {
    const template = compile('::header', '::left', '{{court.upperName}}', '::right', 'CỘNG HÒA', '::end', '::signature', '::left', '::para bold italic | Nơi nhận:', '::right', '{{panel.presiding.name}}', '::end');
    const { doc } = renderTemplate(template, context());
    expect(doc.content.map((b) => b.type)).toEqual(['courtHeader', 'signatureBlock']);
    const header = doc.content[0];
    if (header?.type !== 'courtHeader') throw new Error('header');
    expect(header.content[0].content[0]).toMatchObject({ type: 'paragraph', attrs: { align: 'center' } });
    const sig = doc.content[1];
    if (sig?.type !== 'signatureBlock') throw new Error('sig');
    expect(sig.content[0].content[0]).toMatchObject({ attrs: { align: 'left' }, content: [{ type: 'text', text: 'Nơi nhận:', marks: [{ type: 'bold' }, { type: 'italic' }] }] });
  });
});

describe('refreshFields / freezeFields', () => {
  const template = compile('{{parties.byRole.plaintiff.0.address}} — {{case.judgmentNumber}}');

  it('re-resolves live fields after the case changes, and leaves frozen ones alone', () => {
    const { doc } = renderTemplate(template, context());
    const moved = { ...civil, judgmentNumber: undefined, parties: civil.parties.map((p) => (p.id === 'p1' ? { ...p, address: 'ấp Mới, xã Long Hồ, tỉnh Vĩnh Long' } : p)) };
    const refreshed = refreshFields(doc, context(moved));
    expect(refreshed.changed).toBe(2);
    expect(docToText(refreshed.doc)).toBe('    ấp Mới, xã Long Hồ, tỉnh Vĩnh Long — [thiếu: Số bản án]\n');

    const frozen: DocNode = freezeFields(doc);
    expect(collectFields(frozen).every((f: FieldNode) => f.attrs.frozen)).toBe(true);
    const again = refreshFields(frozen, context(moved));
    expect(again.changed).toBe(0);
    expect(docToText(again.doc)).toBe(docToText(doc));
    expect(collectFields(doc).every((f) => !f.attrs.frozen)).toBe(true);
  });
});
