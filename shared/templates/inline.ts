/**
 * The inline syntax of one line of template text:
 *   {{path}}    a field (`{{case.acceptanceNumber}}`, `{{p.fullName}}`)
 *   **bold**    __underline__    _italic_
 *   \x          the character x literally (`\{{`, `\*`, `\_`, `\\`)
 * Marks may nest and must close on the same line (a paragraph is one line).
 */
import type { Mark, MarkType, TemplateInline, TextNode } from './model.js';

export type InlineParse = { ok: true; content: TemplateInline[] } | { ok: false; messageVi: string; messageEn: string; snippet: string };

const MARKERS: ReadonlyArray<readonly [string, MarkType]> = [
  ['**', 'bold'],
  ['__', 'underline'],
  ['_', 'italic'],
];

function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean {
  const x = (a ?? []).map((m) => m.type).join();
  const y = (b ?? []).map((m) => m.type).join();
  return x === y;
}

/** Marks in a fixed order, so equal sets compare equal. */
export function normalizeMarks(types: Iterable<MarkType>): Mark[] | undefined {
  const set = new Set(types);
  const ordered = (['bold', 'italic', 'underline'] as const).filter((t) => set.has(t));
  return ordered.length > 0 ? ordered.map((type) => ({ type })) : undefined;
}

/** Parses one line. `baseMarks` apply to everything (e.g. `::para bold`). */
export function parseInline(source: string, line: number, baseMarks: readonly MarkType[] = []): InlineParse {
  const content: TemplateInline[] = [];
  const open: MarkType[] = [];
  let buffer = '';
  const marks = () => normalizeMarks([...baseMarks, ...open]);
  const flush = () => {
    if (buffer === '') return;
    const node: TextNode = marks() ? { type: 'text', text: buffer, marks: marks() as Mark[] } : { type: 'text', text: buffer };
    const last = content.at(-1);
    if (last?.type === 'text' && sameMarks(last.marks, node.marks)) {
      content[content.length - 1] = { ...last, text: last.text + node.text };
    } else {
      content.push(node);
    }
    buffer = '';
  };

  let i = 0;
  outer: while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '\\' && i + 1 < source.length) {
      buffer += source[i + 1];
      i += 2;
      continue;
    }
    if (source.startsWith('{{', i)) {
      const close = source.indexOf('}}', i + 2);
      if (close < 0) {
        return { ok: false, messageVi: 'trường "{{" không có "}}" đóng', messageEn: 'field "{{" has no closing "}}"', snippet: source.slice(i, i + 40) };
      }
      const path = source.slice(i + 2, close).trim();
      if (!/^[A-Za-z$][\w$]*(\.[\w$]+)*$/.test(path)) {
        return { ok: false, messageVi: `đường dẫn trường không hợp lệ "${path}"`, messageEn: `invalid field path "${path}"`, snippet: source.slice(i, close + 2) };
      }
      flush();
      const m = marks();
      content.push(m ? { type: 'fieldRef', path, marks: m, loc: { line } } : { type: 'fieldRef', path, loc: { line } });
      i = close + 2;
      continue;
    }
    for (const [marker, type] of MARKERS) {
      if (source.startsWith(marker, i)) {
        flush();
        if (open.at(-1) === type) open.pop();
        else if (open.includes(type)) {
          return { ok: false, messageVi: `định dạng "${marker}" đóng sai thứ tự`, messageEn: `"${marker}" closed out of order`, snippet: source.slice(Math.max(0, i - 20), i + 20) };
        } else open.push(type);
        i += marker.length;
        continue outer;
      }
    }
    buffer += ch;
    i += 1;
  }
  if (open.length > 0) {
    const marker = MARKERS.find(([, type]) => type === open.at(-1))?.[0] ?? '';
    return { ok: false, messageVi: `định dạng "${marker}" chưa được đóng trên dòng`, messageEn: `"${marker}" is not closed on the line`, snippet: source.slice(0, 60) };
  }
  flush();
  return { ok: true, content };
}
