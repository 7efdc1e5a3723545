/**
 * Document JSON → plain text: for golden tests, the CLI's `.txt` output and quick review. The
 * layout imitates the printed form: centred lines are centred on an 84-column page, the header and
 * the signature block are two columns side by side, and a missing field shows as
 * "[thiếu: Năm sinh của bị cáo]" so it can never pass for an empty answer.
 */
import type { DocBlock, DocNode, InlineNode, ParagraphAttrs } from './model.js';

export const PAGE_WIDTH = 84;
const LEFT_COLUMN = 38;
const RIGHT_COLUMN = PAGE_WIDTH - LEFT_COLUMN;

/** What a missing field prints as. */
export function missingMarker(label: string): string {
  return `[thiếu: ${label}]`;
}

export function inlineText(nodes: readonly InlineNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'text') return node.text;
      if (node.type === 'hardBreak') return '\n';
      return node.attrs.status === 'filled' ? node.attrs.value : missingMarker(node.attrs.label);
    })
    .join('');
}

function place(line: string, align: ParagraphAttrs['align'], width: number): string {
  const length = [...line].length;
  if (length >= width) return line;
  if (align === 'center') return ' '.repeat(Math.floor((width - length) / 2)) + line;
  if (align === 'right') return ' '.repeat(width - length) + line;
  return line;
}

/** Word-wraps a line to `width` (columns only: body paragraphs stay one line each). */
function wrap(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && [...`${current} ${word}`].length > width) {
      out.push(current);
      current = `  ${word}`;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') out.push(current);
  return out;
}

function blockLines(block: DocBlock, width: number, inColumn = false): string[] {
  switch (block.type) {
    case 'paragraph': {
      const text = inlineText(block.content);
      const raw = text.split('\n');
      const lines = (inColumn ? raw.flatMap((line) => wrap(line, width)) : raw).map((line, i) => {
        const indented = i === 0 && block.attrs.indentFirstLine ? `    ${line}` : line;
        return place(indented, block.attrs.align, width);
      });
      return block.attrs.spacingBefore > 0 ? ['', ...lines] : lines;
    }
    case 'heading': {
      const lines = inlineText(block.content).split('\n').map((line) => place(line, block.attrs.align, width));
      return ['', ...lines];
    }
    case 'courtHeader':
    case 'signatureBlock': {
      const [left, right] = block.content;
      const leftLines = left.content.flatMap((b) => blockLines(b, LEFT_COLUMN, true));
      const rightLines = right.content.flatMap((b) => blockLines(b, RIGHT_COLUMN, true));
      const rows = Math.max(leftLines.length, rightLines.length);
      const out: string[] = block.type === 'signatureBlock' ? [''] : [];
      for (let i = 0; i < rows; i += 1) {
        const l = leftLines[i] ?? '';
        const r = rightLines[i] ?? '';
        out.push((l.padEnd(LEFT_COLUMN, ' ') + ' ' + r).trimEnd());
      }
      return out;
    }
    case 'table':
      return block.content.map(
        (row) => `| ${row.content.map((cell) => cell.content.flatMap((b) => blockLines(b, width).map((l) => l.trim())).join(' / ')).join(' | ')} |`,
      );
  }
}

/** The whole document as text, lines joined by "\n", ending with a newline. */
export function docToText(doc: DocNode): string {
  const lines = doc.content.flatMap((block) => blockLines(block, PAGE_WIDTH)).map((line) => line.trimEnd());
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
