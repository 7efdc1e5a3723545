import { describe, expect, it } from 'vitest';
import { compileTemplate, formatTemplateError, type TemplateError } from '../../../../shared/templates/source-format.js';

const HEAD = ['id: TEST/01-DS', 'version: 1.2.3', 'effective: 2026-01-01', 'title: Thử nghiệm', 'kind: hearingMinutes', 'caseTypes: DS, HNGĐ', 'levels: ST', '---'];
const source = (...body: string[]) => [...HEAD, ...body].join('\n');

function errorsOf(text: string): TemplateError[] {
  const result = compileTemplate(text, 'thu.tpl');
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('compileTemplate: front matter', () => {
  it('reads the metadata', () => {
    const result = compileTemplate(source('Dòng.'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template.meta).toMatchObject({
      id: 'TEST/01-DS',
      version: '1.2.3',
      effectiveDate: '2026-01-01',
      kind: 'hearingMinutes',
      caseTypes: ['DS', 'HNGĐ'],
      levels: ['ST'],
      hearingKinds: ['trial'],
    });
  });

  it('names the template, the line and the snippet of a bad header value', () => {
    const [error] = errorsOf(source('x').replace('caseTypes: DS, HNGĐ', 'caseTypes: DS, XYZ'));
    expect(error).toMatchObject({ templateId: 'TEST/01-DS', line: 6, snippet: 'XYZ' });
    expect(error?.messageVi).toContain('loại vụ việc không hợp lệ');
    expect(formatTemplateError(error as TemplateError)).toMatch(/^TEST\/01-DS, dòng 6: .*«XYZ»/);
  });

  it('refuses a missing "---" and missing required keys, naming the file when the id is unknown', () => {
    const errors = errorsOf('title: a\nkind: judgment');
    expect(errors[0]).toMatchObject({ templateId: 'thu.tpl' });
    expect(errors[0]?.messageVi).toContain('---');
    const missing = errorsOf(['id: X/1', '---', 'a'].join('\n'));
    expect(missing.map((e) => e.messageVi).join('\n')).toContain('thiếu khóa bắt buộc "version"');
  });
});

describe('compileTemplate: body errors', () => {
  it('reports an unknown field path with its line and the snippet', () => {
    const [error] = errorsOf(source('Dòng một.', 'Thụ lý số {{case.acceptanceNumbr}} ngày.'));
    expect(error).toMatchObject({ templateId: 'TEST/01-DS', line: 10, snippet: '{{case.acceptanceNumbr}}' });
    expect(error?.messageVi).toContain('trường không tồn tại');
    expect(error?.messageVi).toContain('acceptanceNumber');
  });

  it('reports an unclosed block at the line that opened it', () => {
    const [error] = errorsOf(source('::if hearing.closed', 'Xét xử kín.'));
    expect(error).toMatchObject({ line: 9, snippet: '::if' });
    expect(error?.messageVi).toContain('chưa có "::end"');
  });

  it('reports unknown directives, stray ::end, unclosed marks and fields', () => {
    const errors = errorsOf(source('::paragraph x', '::end', 'Chữ **đậm', 'Trường {{case.type'));
    expect(errors.map((e) => [e.line, e.snippet])).toEqual([
      [9, '::paragraph'],
      [10, '::end'],
      [11, 'Chữ **đậm'],
      [12, '{{case.type'],
    ]);
  });

  it('checks repeat variables: fields through them, lists only, no whole items', () => {
    const errors = errorsOf(
      source('::repeat parties.byRole.plaintiff as p', '{{p.fullNam}}', '{{p}}', '::end', '::repeat case.subject as s', '::end', '::repeat parties.byRole.nobody as q', '::end'),
    );
    expect(errors.map((e) => e.line)).toEqual([10, 11, 13, 15]);
    expect(errors[2]?.messageVi).toContain('không phải danh sách');
    expect(errors[3]?.messageVi).toContain('nobody');
  });

  it('refuses rows outside tables and text inside a table', () => {
    const errors = errorsOf(source('::row', '::end', '::table', 'chữ', '::end'));
    expect(errors.map((e) => e.line)).toEqual([10, 12]);
  });

  it('reports a bad condition', () => {
    const [error] = errorsOf(source('::if panel.size ==', '::end'));
    expect(error?.line).toBe(9);
    expect(error?.messageVi).toContain('điều kiện không hợp lệ');
  });
});

describe('compileTemplate: body structure', () => {
  it('compiles header, title, paragraphs with attributes, repeat, if/elif/else, tables and continuations', () => {
    const result = compileTemplate(
      source(
        '# a comment',
        '::header',
        '::left',
        '{{court.upperName}}',
        '::right',
        '::para center bold | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        '::end',
        '::title BIÊN BẢN',
        '::para center bold italic NHÂN DANH',
        'Dòng dài \\',
        '  tiếp theo với **đậm** và _nghiêng_.',
        '::repeat parties.byRole.plaintiff as p',
        '{{p.$index}}. {{p.fullName}}',
        '::repeat p.representatives as r',
        '- {{r.fullName}} đại diện cho {{p.fullName}}',
        '::end',
        '::empty',
        'Không có nguyên đơn.',
        '::end',
        '::if panel.size == 5',
        'Năm người.',
        '::elif panel.size >= 3 and not hearing.closed',
        'Ba người.',
        '::else',
        'Khác.',
        '::end',
        '::table',
        '::row',
        '::cell bold | STT',
        '::end',
        '::end',
      ),
    );
    if (!result.ok) throw new Error(result.errors.map(formatTemplateError).join('\n'));
    const types = result.template.body.map((b) => b.type);
    expect(types).toEqual(['courtHeader', 'heading', 'paragraph', 'paragraph', 'repeat', 'conditional', 'table']);
    const para = result.template.body[2];
    expect(para?.type === 'paragraph' && para.attrs).toEqual({ align: 'center', indentFirstLine: false, spacingBefore: 0 });
    const long = result.template.body[3];
    expect(long?.type === 'paragraph' && long.content).toEqual([
      { type: 'text', text: 'Dòng dài tiếp theo với ' },
      { type: 'text', text: 'đậm', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' và ' },
      { type: 'text', text: 'nghiêng', marks: [{ type: 'italic' }] },
      { type: 'text', text: '.' },
    ]);
    const conditional = result.template.body[5];
    expect(conditional?.type === 'conditional' && conditional.branches.length).toBe(2);
  });
});
