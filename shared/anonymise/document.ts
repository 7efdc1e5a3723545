/**
 * Anonymises a template document (templates/model.ts) for the publication copy: every paragraph
 * and heading is scanned as one text (so a name split across text and field nodes is found), then
 * the text and field nodes are rewritten in place with their marks. A changed field is frozen, so
 * refreshing the copy from case data can never bring the real name back.
 */
import type { ColumnNode, DocBlock, DocNode, InlineNode, TableCellNode } from '../templates/model.js';
import { Anonymiser } from './engine.js';
import type { AnonymiseOptions, PartyInput, Replacement } from './model.js';
import { ReplacementReport } from './report.js';
import { applyToSegments, type Segment } from './segments.js';

export interface AnonymisedDoc {
  readonly doc: DocNode;
  readonly replacements: readonly Replacement[];
}

/** How an inline node reads to the anonymiser; positions in the report are offsets in the joined texts. */
export function segmentOf(node: InlineNode): Segment {
  if (node.type === 'text') return { text: node.text.normalize('NFC'), editable: true };
  if (node.type === 'hardBreak') return { text: '\n', editable: false };
  // A missing field has no text to protect; it stands as one neutral character.
  return node.attrs.status === 'filled' ? { text: node.attrs.value.normalize('NFC'), editable: true } : { text: '\uFFFC', editable: false };
}

function inline(nodes: readonly InlineNode[], engine: Anonymiser, report: ReplacementReport, at: string): InlineNode[] {
  const segments = nodes.map(segmentOf);
  const { edits, found } = engine.scan(segments.map((s) => s.text).join(''));
  if (edits.length === 0) return [...nodes];
  report.add(found, at);
  const texts = applyToSegments(segments, edits);
  const out: InlineNode[] = [];
  nodes.forEach((node, i) => {
    const text = texts[i] ?? '';
    if (node.type === 'text') {
      if (text !== '') out.push({ ...node, text });
    } else if (node.type === 'field' && node.attrs.status === 'filled' && text !== segments[i]?.text) {
      out.push({ ...node, attrs: { ...node.attrs, value: text, frozen: true } });
    } else out.push(node);
  });
  return out;
}

function block(node: DocBlock, engine: Anonymiser, report: ReplacementReport, at: string): DocBlock {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return node.content ? ({ ...node, content: inline(node.content, engine, report, at) } as DocBlock) : node;
    case 'courtHeader':
    case 'signatureBlock': {
      const column = (c: ColumnNode, i: number): ColumnNode => ({ ...c, content: c.content.map((b, j) => block(b, engine, report, `${at}.content.${i}.content.${j}`)) });
      return { ...node, content: [column(node.content[0], 0), column(node.content[1], 1)] };
    }
    case 'table':
      return {
        ...node,
        content: node.content.map((row, r) => ({
          ...row,
          content: row.content.map(
            (cell, c): TableCellNode => ({ ...cell, content: cell.content.map((b, k) => block(b, engine, report, `${at}.content.${r}.content.${c}.content.${k}`)) }),
          ),
        })),
      };
  }
}

export function anonymiseDoc(doc: DocNode, parties: readonly PartyInput[], options: AnonymiseOptions = {}): AnonymisedDoc {
  const engine = new Anonymiser(parties, options);
  const report = new ReplacementReport();
  const content = doc.content.map((b, i) => block(b, engine, report, `content.${i}`));
  return { doc: { ...doc, content }, replacements: report.list() };
}
