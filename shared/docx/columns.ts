/**
 * The two side-by-side blocks of the forms, as borderless two-column tables (§1.2, §1.7):
 * - the header: court name (and number, date, V/v) on the left, national name and motto on the
 *   right, each with its rule underneath: a short rule (≈40% of the column) under the court name,
 *   a rule as long as the motto under "Độc lập - Tự do - Hạnh phúc";
 * - the signature block: "Nơi nhận:" (12 pt bold italic, the list at 11 pt) on the left, the
 *   signing authority, title and name on the right. Its row may not split across pages.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { ColumnNode, CourtHeaderNode, DocBlock, InlineNode, SignatureBlockNode } from '../templates/model.js';
import { inlineText } from '../templates/text.js';
import { CONTENT_WIDTH, HEADER_LEFT_SHARE, pt, SIGNATURE_LEFT_SHARE, SIZES } from './layout.js';
import { bodyParagraph } from './paragraphs.js';
import type { RunStyle } from './runs.js';

/** Word's default left and right cell margins (0.19 cm each). */
const CELL_MARGINS = 2 * 108;
/** Average advance of a bold Times New Roman glyph, as a share of the font size: enough to size a rule. */
const GLYPH_EM = 0.45;

const allBold = (content: readonly InlineNode[] | undefined): boolean =>
  (content ?? []).length > 0 && (content ?? []).every((n) => n.type === 'hardBreak' || n.marks?.some((m) => m.type === 'bold') === true);

/** An empty paragraph whose bottom border, between symmetric indents, draws a centred rule. */
function rule(ruleWidth: number, columnWidth: number): Paragraph {
  const text = columnWidth - CELL_MARGINS;
  const side = Math.max(0, Math.round((text - Math.min(ruleWidth, text)) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: pt(3), line: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
    run: { size: 4 },
  });
}

function paragraphStyle(block: DocBlock, side: 'left' | 'right', kind: 'header' | 'signature', state: { recipients: boolean }): RunStyle {
  if (kind === 'header') {
    const text = block.type === 'paragraph' ? inlineText(block.content) : '';
    return { size: /^CỘNG HÒA XÃ HỘI CHỦ NGHĨA/u.test(text) ? SIZES.nationalName : SIZES.header };
  }
  if (side === 'left' && block.type === 'paragraph') {
    if (/^Nơi nhận/u.test(inlineText(block.content))) {
      state.recipients = true;
      return { size: SIZES.recipientsLabel, bold: true, italic: true };
    }
    if (state.recipients) return { size: SIZES.recipients };
  }
  return { size: SIZES.signature };
}

type BlockRenderer = (block: DocBlock) => (Paragraph | Table)[];

function columnChildren(column: ColumnNode, side: 'left' | 'right', kind: 'header' | 'signature', width: number, nested: BlockRenderer): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const state = { recipients: false };
  let courtNameRuled = false;
  column.content.forEach((block, index) => {
    if (block.type === 'paragraph') {
      const style = paragraphStyle(block, side, kind, state);
      // Column lines are set tight: no first-line indent, no 6 pt gap (the template aligns them).
      out.push(bodyParagraph({ ...block, attrs: { ...block.attrs, indentFirstLine: false } }, style, true));
      if (kind !== 'header') return;
      const text = inlineText(block.content);
      const next = column.content[index + 1];
      const nextBold = next?.type === 'paragraph' && allBold(next.content);
      if (side === 'left' && !courtNameRuled && allBold(block.content) && !nextBold) {
        courtNameRuled = true;
        out.push(rule(Math.round((width - CELL_MARGINS) * 0.4), width));
      } else if (side === 'right' && /^Độc lập/u.test(text)) {
        out.push(rule(Math.round([...text].length * SIZES.header * GLYPH_EM * 20), width));
      }
    } else out.push(...nested(block));
  });
  // A table cell must hold at least one paragraph.
  return out.length > 0 ? out : [new Paragraph({ children: [] })];
}

function twoColumns(node: CourtHeaderNode | SignatureBlockNode, nested: BlockRenderer): Table {
  const kind = node.type === 'courtHeader' ? 'header' : 'signature';
  const left = Math.round(CONTENT_WIDTH * (kind === 'header' ? HEADER_LEFT_SHARE : SIGNATURE_LEFT_SHARE));
  const right = CONTENT_WIDTH - left;
  const cell = (column: ColumnNode, side: 'left' | 'right', width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: TableBorders.NONE,
      children: columnChildren(column, side, kind, width, nested),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(node.content[0], 'left', left), cell(node.content[1], 'right', right)] })],
  });
}

export function courtHeader(node: CourtHeaderNode, nested: BlockRenderer): Table {
  return twoColumns(node, nested);
}

/** The signature table, preceded by a spacer: a table cannot carry space before it. */
export function signatureBlock(node: SignatureBlockNode, nested: BlockRenderer): (Paragraph | Table)[] {
  return [new Paragraph({ spacing: { before: 0, after: pt(6) }, keepNext: true, children: [] }), twoColumns(node, nested)];
}
