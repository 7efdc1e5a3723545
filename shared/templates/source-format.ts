/**
 * The readable source format of templates: line-oriented so court IT can write and review it in a
 * diff, and compiled to the template body (model.ts). docs/TEMPLATES.md is the reference; briefly:
 *
 *   id: NQ01-2017/48-DS            front matter: `key: value` lines, then a line `---`
 *   version: 1.0.0
 *   ...
 *   ---
 *   ::header / ::left / ::right / ::end       two-column header
 *   ::title BIÊN BẢN PHIÊN TÒA SƠ THẨM         document title (centred, bold)
 *   ::heading left I. NHỮNG NGƯỜI ...          section heading
 *   ::para center bold NHÂN DANH               a paragraph with attributes
 *   Any other line                              a justified body paragraph
 *   ::repeat parties.byRole.plaintiff as p / ::empty / ::end
 *   ::if panel.size == 5 / ::elif … / ::else / ::end
 *   ::table / ::row / ::cell text / ::end ;  ::signature / ::left / ::right / ::end ;  ::blank
 *   # a comment ;  a line ending in " \" continues on the next line
 *
 * Every error names the template, the line and the offending snippet (anchors.md complaints #13–14).
 */
import { conditionPaths, parseCondition } from './conditions.js';
import { parseFrontMatter } from './front-matter.js';
import { parseInline } from './inline.js';
import type { Align, Condition, MarkType, ParagraphAttrs, TemplateBlock, TemplateInline, Template, TBranch } from './model.js';
import { checkPath, type Scope } from './scope.js';
import type { TemplateError } from './template-error.js';

export { formatTemplateError, toDomainError, type TemplateError } from './template-error.js';

export type CompileResult = { ok: true; template: Template } | { ok: false; errors: TemplateError[] };

const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];
const MARK_WORDS: readonly MarkType[] = ['bold', 'italic', 'underline'];

type Frame =
  | { kind: 'root'; blocks: TemplateBlock[]; line: number }
  | { kind: 'columns'; type: 'courtHeader' | 'signatureBlock'; side: 'left' | 'right' | undefined; left: TemplateBlock[]; right: TemplateBlock[]; line: number }
  | { kind: 'table' | 'tableRow'; blocks: TemplateBlock[]; line: number }
  | { kind: 'repeat'; path: string; absolute: string; variable: string; body: TemplateBlock[]; empty: TemplateBlock[]; inEmpty: boolean; line: number }
  | { kind: 'if'; branches: { condition: Condition; body: TemplateBlock[] }[]; otherwise: TemplateBlock[]; inElse: boolean; line: number };

interface Line {
  readonly number: number;
  readonly text: string;
}

/** Joins continuation lines (ending in " \") and drops comments and blank lines. */
function logicalLines(lines: readonly string[], from: number): Line[] {
  const out: Line[] = [];
  let pending: Line | undefined;
  for (let i = from; i < lines.length; i += 1) {
    const raw = (lines[i] ?? '').trim();
    const number = i + 1;
    const continues = raw.endsWith(' \\') || raw === '\\';
    const body = continues ? raw.slice(0, -1).trimEnd() : raw;
    if (pending) {
      pending = { number: pending.number, text: `${pending.text} ${body}`.trim() };
    } else {
      if (raw === '' || raw.startsWith('#')) continue;
      pending = { number, text: body };
    }
    if (!continues) {
      out.push(pending);
      pending = undefined;
    }
  }
  if (pending) out.push(pending);
  return out;
}

/** Compiles a template source. `origin` names it in errors until its `id:` is read. */
export function compileTemplate(source: string, origin = '<mẫu>'): CompileResult {
  const lines = source.replace(/^\uFEFF/, '').normalize('NFC').split(/\r?\n/);
  const errors: TemplateError[] = [];
  const header = parseFrontMatter(lines, origin, errors);
  if (!header) return { ok: false, errors };
  const body = parseBody(logicalLines(lines, header.bodyStart), header.meta.id, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, template: { meta: header.meta, body } };
}

// ---------------------------------------------------------------------------------------------
// Body
// ---------------------------------------------------------------------------------------------

function parseBody(lines: readonly Line[], templateId: string, errors: TemplateError[]): TemplateBlock[] {
  const root: Frame = { kind: 'root', blocks: [], line: 0 };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1] as Frame;
  const error = (line: Line, vi: string, en: string, snippet = line.text) =>
    errors.push({ templateId, line: line.number, snippet, messageVi: vi, messageEn: en });

  /** Repeat variables in scope, innermost last: name → absolute list path. */
  const scope = (): Scope => {
    const map = new Map<string, string>();
    for (const frame of stack) if (frame.kind === 'repeat') map.set(frame.variable, frame.absolute);
    return map;
  };
  /** The nearest frame that is not a repeat or an if: it decides what may go inside. */
  const container = (): Frame => [...stack].reverse().find((f) => f.kind !== 'repeat' && f.kind !== 'if') ?? root;

  const add = (line: Line, block: TemplateBlock): void => {
    const parent = container();
    const isRow = block.type === 'tableRow';
    const isCell = block.type === 'tableCell';
    const structural = block.type === 'repeat' || block.type === 'conditional';
    if (parent.kind === 'table' && !isRow && !structural) return void error(line, 'trong ::table chỉ được có ::row', 'only ::row may go inside ::table');
    if (parent.kind === 'tableRow' && !isCell && !structural) return void error(line, 'trong ::row chỉ được có ::cell', 'only ::cell may go inside ::row');
    if (isRow && parent.kind !== 'table') return void error(line, '::row phải nằm trong ::table', '::row must be inside ::table');
    if (isCell && parent.kind !== 'tableRow') return void error(line, '::cell phải nằm trong ::row', '::cell must be inside ::row');
    const frame = top();
    switch (frame.kind) {
      case 'root':
      case 'table':
      case 'tableRow':
        frame.blocks.push(block);
        break;
      case 'columns':
        if (!frame.side) return void error(line, 'cần ::left hoặc ::right trước nội dung', '::left or ::right is needed first');
        frame[frame.side].push(block);
        break;
      case 'repeat':
        (frame.inEmpty ? frame.empty : frame.body).push(block);
        break;
      case 'if':
        (frame.inElse ? frame.otherwise : (frame.branches.at(-1)?.body ?? frame.otherwise)).push(block);
        break;
    }
  };

  const defaultAttrs = (): ParagraphAttrs => {
    const parent = container();
    if (parent.kind === 'columns') {
      const align: Align = parent.type === 'signatureBlock' && parent.side === 'left' ? 'left' : 'center';
      return { align, indentFirstLine: false, spacingBefore: 0 };
    }
    if (parent.kind === 'tableRow' || parent.kind === 'table') return { align: 'left', indentFirstLine: false, spacingBefore: 0 };
    return { align: 'justify', indentFirstLine: true, spacingBefore: 0 };
  };

  const inline = (line: Line, text: string, marks: readonly MarkType[] = []): TemplateInline[] => {
    const parsed = parseInline(text, line.number, marks);
    if (!parsed.ok) {
      error(line, parsed.messageVi, parsed.messageEn, parsed.snippet);
      return [];
    }
    const s = scope();
    for (const node of parsed.content) {
      if (node.type !== 'fieldRef') continue;
      const checked = checkPath(node.path, s, 'field');
      if (!checked.ok) error(line, checked.messageVi, checked.messageEn, `{{${node.path}}}`);
    }
    return parsed.content;
  };

  /** `center bold | text` → attributes and the rest of the line (`|` ends the attributes). */
  const attributes = (rest: string, base: ParagraphAttrs) => {
    let attrs: ParagraphAttrs = base;
    const marks: MarkType[] = [];
    let alignSet = false;
    let explicitIndent = false;
    let text = '';
    for (const word of rest.matchAll(/\S+/g)) {
      const value = word[0];
      if (ALIGNS.includes(value as Align)) {
        attrs = { ...attrs, align: value as Align };
        alignSet = true;
      } else if (MARK_WORDS.includes(value as MarkType)) marks.push(value as MarkType);
      else if (value === 'indent' || value === 'noindent') {
        attrs = { ...attrs, indentFirstLine: value === 'indent' };
        explicitIndent = true;
      } else if (value === 'space') attrs = { ...attrs, spacingBefore: 6 };
      else {
        text = value === '|' ? rest.slice(word.index + 1).trimStart() : rest.slice(word.index);
        break;
      }
    }
    // Centred or right-aligned lines are never indented unless asked.
    if (alignSet && attrs.align !== 'justify' && !explicitIndent) attrs = { ...attrs, indentFirstLine: false };
    return { attrs, marks, text };
  };

  const close = (line: Line): void => {
    const frame = top();
    if (frame.kind === 'root') return void error(line, '"::end" thừa: không có khối nào đang mở', 'stray "::end": no open block');
    stack.pop();
    const loc = { line: frame.line };
    switch (frame.kind) {
      case 'columns':
        add(line, { type: frame.type, left: frame.left, right: frame.right, loc });
        break;
      case 'table':
        add(line, { type: 'table', content: frame.blocks, loc });
        break;
      case 'tableRow':
        add(line, { type: 'tableRow', content: frame.blocks, loc });
        break;
      case 'repeat':
        add(line, { type: 'repeat', path: frame.path, variable: frame.variable, body: frame.body, empty: frame.empty, loc });
        break;
      case 'if':
        add(line, { type: 'conditional', branches: frame.branches as TBranch[], otherwise: frame.otherwise, loc });
        break;
    }
  };

  const condition = (line: Line, source: string): Condition | undefined => {
    const parsed = parseCondition(source);
    if (!parsed.ok) {
      error(line, `điều kiện không hợp lệ: ${parsed.messageVi}`, `invalid condition: ${parsed.messageEn}`);
      return undefined;
    }
    const s = scope();
    for (const path of conditionPaths(parsed.condition)) {
      const checked = checkPath(path, s, 'condition');
      if (!checked.ok) error(line, checked.messageVi, checked.messageEn, path);
    }
    return parsed.condition;
  };

  for (const line of lines) {
    if (!line.text.startsWith('::')) {
      add(line, { type: 'paragraph', attrs: defaultAttrs(), content: inline(line, line.text), loc: { line: line.number } });
      continue;
    }
    const match = /^::([a-z]+)\s*(.*)$/.exec(line.text);
    const directive = match?.[1] ?? '';
    const rest = match?.[2] ?? '';
    const loc = { line: line.number };
    const frame = top();
    switch (directive) {
      case 'header':
      case 'signature':
        stack.push({ kind: 'columns', type: directive === 'header' ? 'courtHeader' : 'signatureBlock', side: undefined, left: [], right: [], line: line.number });
        break;
      case 'left':
      case 'right':
        if (frame.kind !== 'columns') error(line, `::${directive} chỉ dùng ngay trong ::header hoặc ::signature`, `::${directive} belongs directly inside ::header or ::signature`);
        else frame.side = directive;
        break;
      case 'title':
        add(line, { type: 'heading', attrs: { level: 1, align: 'center' }, content: inline(line, rest), loc });
        break;
      case 'heading': {
        const { attrs, text } = attributes(rest, { align: 'center', indentFirstLine: false, spacingBefore: 0 });
        add(line, { type: 'heading', attrs: { level: 2, align: attrs.align }, content: inline(line, text), loc });
        break;
      }
      case 'para': {
        const { attrs, marks, text } = attributes(rest, defaultAttrs());
        add(line, { type: 'paragraph', attrs, content: inline(line, text, marks), loc });
        break;
      }
      case 'blank':
        add(line, { type: 'paragraph', attrs: { align: 'left', indentFirstLine: false, spacingBefore: 0 }, content: [], loc });
        break;
      case 'table':
        stack.push({ kind: 'table', blocks: [], line: line.number });
        break;
      case 'row':
        stack.push({ kind: 'tableRow', blocks: [], line: line.number });
        break;
      case 'cell': {
        const { attrs, marks, text } = attributes(rest, { align: 'left', indentFirstLine: false, spacingBefore: 0 });
        add(line, { type: 'tableCell', content: [{ type: 'paragraph', attrs, content: inline(line, text, marks), loc }], loc });
        break;
      }
      case 'repeat': {
        const parts = /^([A-Za-z$][\w$]*(?:\.[\w$]+)*)\s+as\s+([A-Za-z][\w]*)$/.exec(rest.trim());
        if (!parts) {
          error(line, 'cú pháp: ::repeat <đường dẫn danh sách> as <tên biến>', 'syntax: ::repeat <list path> as <name>');
          stack.push({ kind: 'repeat', path: '', absolute: '', variable: '_', body: [], empty: [], inEmpty: false, line: line.number });
          break;
        }
        const path = parts[1] as string;
        const variable = parts[2] as string;
        const s = scope();
        const checked = checkPath(path, s, 'list');
        if (!checked.ok) error(line, checked.messageVi, checked.messageEn, path);
        if (s.has(variable)) error(line, `biến "${variable}" đã được dùng ở vòng lặp ngoài`, `variable "${variable}" is already in use`, variable);
        stack.push({ kind: 'repeat', path, absolute: checked.ok ? checked.absolute : path, variable, body: [], empty: [], inEmpty: false, line: line.number });
        break;
      }
      case 'empty':
        if (frame.kind !== 'repeat' || frame.inEmpty) error(line, '::empty chỉ dùng một lần trong ::repeat', '::empty belongs inside ::repeat, once');
        else frame.inEmpty = true;
        break;
      case 'if': {
        const c = condition(line, rest);
        stack.push({ kind: 'if', branches: c ? [{ condition: c, body: [] }] : [], otherwise: [], inElse: false, line: line.number });
        break;
      }
      case 'elif': {
        if (frame.kind !== 'if' || frame.inElse) {
          error(line, '::elif phải nằm trong ::if và trước ::else', '::elif belongs inside ::if, before ::else');
          break;
        }
        const c = condition(line, rest);
        if (c) frame.branches.push({ condition: c, body: [] });
        break;
      }
      case 'else':
        if (frame.kind !== 'if' || frame.inElse) error(line, '::else phải nằm trong ::if, một lần', '::else belongs inside ::if, once');
        else frame.inElse = true;
        break;
      case 'end':
        close(line);
        break;
      default:
        error(line, `chỉ thị không hợp lệ "::${directive}"`, `unknown directive "::${directive}"`, line.text.split(/\s+/)[0]);
    }
  }
  while (stack.length > 1) {
    const frame = top();
    const names: Record<Frame['kind'], string> = { root: '', columns: '::header/::signature', table: '::table', tableRow: '::row', repeat: '::repeat', if: '::if' };
    errors.push({ templateId, line: frame.line, snippet: names[frame.kind], messageVi: `khối ${names[frame.kind]} mở ở dòng ${frame.line} chưa có "::end"`, messageEn: `block opened on line ${frame.line} has no "::end"` });
    stack.pop();
  }
  return root.blocks;
}
