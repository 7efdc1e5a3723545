/**
 * Document JSON (shared/templates/model.ts) → readable HTML, for the preview and the publication
 * copy: a page-like sheet in Times New Roman, titles centred and bold, justified body paragraphs
 * with a first-line indent, the borderless two-column header (40 % / 60 %) and signature block,
 * bordered tables. A missing field is a highlighted "[thiếu: …]" so a draft can never pass for a
 * finished document. Only types are imported: this file stays out of the lazily loaded chunks.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { Align, ColumnNode, DocBlock, DocNode, InlineNode, Mark } from '../../shared/templates/model.js';

const SHEET: CSSProperties = {
  fontFamily: '"Times New Roman", Times, serif',
  fontSize: '14px',
  lineHeight: 1.45,
  color: '#111',
  background: '#fff',
  border: '1px solid var(--line, #d0d7e2)',
  padding: '1.2rem 1.4rem',
};
const MISSING: CSSProperties = { background: '#fde68a', color: '#7a2e00', fontWeight: 600, padding: '0 2px', borderRadius: 2 };
const TWO_COLUMNS: CSSProperties = { display: 'grid', gridTemplateColumns: '40% 60%', gap: '0.5rem', margin: '0.4rem 0' };
const CELL: CSSProperties = { border: '1px solid #555', padding: '0.2rem 0.4rem', verticalAlign: 'top' };

/** What a missing field shows: the same marker as docToText and the DOCX. */
export function missingText(label: string): string {
  return `[thiếu: ${label}]`;
}

function withMarks(node: ReactNode, marks: readonly Mark[] | undefined, key: string): ReactNode {
  let out = node;
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') out = <strong key={key}>{out}</strong>;
    else if (mark.type === 'italic') out = <em key={key}>{out}</em>;
    else out = <u key={key}>{out}</u>;
  }
  return out;
}

function inline(nodes: readonly InlineNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => {
    const key = String(i);
    if (node.type === 'hardBreak') return <br key={key} />;
    if (node.type === 'text') return withMarks(<span key={key}>{node.text}</span>, node.marks, key);
    if (node.attrs.status === 'missing') {
      return (
        <mark key={key} style={MISSING} data-testid="doc-missing" title={node.attrs.path}>
          {missingText(node.attrs.label)}
        </mark>
      );
    }
    return withMarks(
      <span key={key} data-field={node.attrs.path}>
        {node.attrs.value}
      </span>,
      node.marks,
      key,
    );
  });
}

const textAlign = (align: Align): CSSProperties['textAlign'] => align;

/** Each paragraph of a column carries its own alignment (header lines centred, "Nơi nhận" left). */
function Column({ column }: { readonly column: ColumnNode }) {
  return (
    <div>
      {column.content.map((b, i) => (
        <Block key={i} block={b} inColumn />
      ))}
    </div>
  );
}

function Block({ block, inColumn = false }: { readonly block: DocBlock; readonly inColumn?: boolean }) {
  switch (block.type) {
    case 'paragraph': {
      const style: CSSProperties = {
        margin: `${block.attrs.spacingBefore > 0 ? '0.6em' : '0'} 0 0.3em`,
        textAlign: textAlign(block.attrs.align),
        textIndent: block.attrs.indentFirstLine && !inColumn ? '1.27cm' : undefined,
      };
      // An empty paragraph is a blank line (room for a signature).
      return <p style={style}>{block.content?.length ? inline(block.content) : '\u00a0'}</p>;
    }
    case 'heading': {
      const style: CSSProperties = { textAlign: textAlign(block.attrs.align), fontWeight: 700, fontSize: block.attrs.level === 1 ? '16px' : '14px', margin: '0.8em 0 0.4em' };
      return block.attrs.level === 1 ? <h3 style={style}>{inline(block.content)}</h3> : <h4 style={style}>{inline(block.content)}</h4>;
    }
    case 'courtHeader':
    case 'signatureBlock':
      return (
        <div style={TWO_COLUMNS} data-testid={block.type === 'courtHeader' ? 'doc-header' : 'doc-signature'}>
          <Column column={block.content[0]} />
          <Column column={block.content[1]} />
        </div>
      );
    case 'table':
      return (
        <table style={{ borderCollapse: 'collapse', width: '100%', margin: '0.4em 0' }}>
          <tbody>
            {block.content.map((row, r) => (
              <tr key={r}>
                {row.content.map((cell, c) => (
                  <td key={c} style={CELL}>
                    {cell.content.map((b, k) => (
                      <Block key={k} block={b} inColumn />
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function DocView({ doc, testId }: { readonly doc: DocNode; readonly testId?: string }) {
  return (
    <div style={SHEET} data-testid={testId} data-template-id={doc.attrs.templateId} lang="vi">
      {doc.content.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </div>
  );
}
