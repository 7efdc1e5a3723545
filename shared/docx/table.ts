/** Ordinary tables (the remote sites of an online hearing …): full width, equal columns, single borders. */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { DocBlock, TableNode } from '../templates/model.js';
import { CONTENT_WIDTH, SIZES } from './layout.js';
import { bodyParagraph } from './paragraphs.js';

type BlockRenderer = (block: DocBlock) => (Paragraph | Table)[];

export function table(node: TableNode, nested: BlockRenderer): Table {
  const columns = Math.max(1, ...node.content.map((row) => row.content.length));
  const width = Math.floor(CONTENT_WIDTH / columns);
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    layout: TableLayoutType.FIXED,
    rows: node.content.map(
      (row, index) =>
        new TableRow({
          tableHeader: index === 0,
          children: row.content.map((cell) => {
            const children = cell.content.flatMap((block) =>
              block.type === 'paragraph'
                ? [bodyParagraph({ ...block, attrs: { ...block.attrs, indentFirstLine: false, align: block.attrs.align === 'justify' ? 'left' : block.attrs.align } }, { size: SIZES.table }, true)]
                : nested(block),
            );
            return new TableCell({ width: { size: width, type: WidthType.DXA }, children: children.length > 0 ? children : [new Paragraph({ children: [] })] });
          }),
        }),
    ),
  });
}
