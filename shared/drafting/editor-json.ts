/**
 * The template document (`DocNode`, shared/templates/model.ts) and the editor's content (TipTap /
 * ProseMirror JSON bound to the document's `body` XmlFragment) are two spellings of one tree. The
 * editor schema (renderer/editor/schema/) mirrors the model node for node, so the conversion is
 * a renaming of nothing and a cleaning of what ProseMirror adds: default attributes of table
 * cells, `tableHeader` cells a user may insert (printed like any cell), empty `content` arrays
 * and `attrs` the model does not know. Both directions are pure and total: an unknown node from
 * a newer app becomes a paragraph with its text rather than vanishing.
 *
 * @example
 * const json = toEditorJson(rendered.doc);              // seed a new draft's body
 * const back = fromEditorJson(json, rendered.doc.attrs); // deepEqual(back, rendered.doc)
 */
import type {
  Align,
  ColumnNode,
  DocBlock,
  DocNode,
  FieldAttrs,
  FieldStatus,
  InlineNode,
  Mark,
  MarkType,
  ParagraphAttrs,
  TableCellNode,
  TableRowNode,
} from '../templates/model.js';

/** ProseMirror's JSON form of a node (what `editor.getJSON()` returns). */
export interface EditorJson {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly EditorJson[];
  readonly marks?: readonly { readonly type: string; readonly attrs?: Readonly<Record<string, unknown>> }[];
  readonly text?: string;
}

const MARK_TYPES: readonly MarkType[] = ['bold', 'italic', 'underline'];
const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];

export const DEFAULT_PARAGRAPH_ATTRS: ParagraphAttrs = { align: 'justify', indentFirstLine: false, spacingBefore: 0 };

// ---------------------------------------------------------------------------------------------
// DocNode → editor JSON
// ---------------------------------------------------------------------------------------------

function marksToJson(marks: readonly Mark[] | undefined): Pick<EditorJson, 'marks'> {
  return marks && marks.length > 0 ? { marks: marks.map((m) => ({ type: m.type })) } : {};
}

function inlineToJson(node: InlineNode): EditorJson {
  switch (node.type) {
    case 'text':
      return { type: 'text', text: node.text, ...marksToJson(node.marks) };
    case 'hardBreak':
      return { type: 'hardBreak' };
    case 'field':
      // The Yjs binding keeps marks on text only, so a field carries its own as `styles`.
      return { type: 'field', attrs: { ...node.attrs, styles: (node.marks ?? []).map((m) => m.type) } };
  }
}

const sameMarks = (a: EditorJson['marks'], b: EditorJson['marks']): boolean =>
  (a ?? []).map((m) => m.type).join(',') === (b ?? []).map((m) => m.type).join(',');

function inlinesToJson(nodes: readonly InlineNode[] | undefined): Pick<EditorJson, 'content'> {
  const content: EditorJson[] = [];
  // ProseMirror refuses empty text nodes and joins adjacent runs with the same marks ("1" + ". "
  // of a numbered line): do both here, so the stored body is exactly this JSON.
  for (const node of nodes ?? []) {
    if (node.type === 'text' && node.text.length === 0) continue;
    const json = inlineToJson(node);
    const last = content.at(-1);
    if (json.type === 'text' && last?.type === 'text' && sameMarks(last.marks, json.marks)) {
      content[content.length - 1] = { ...last, text: `${last.text ?? ''}${json.text ?? ''}` };
    } else {
      content.push(json);
    }
  }
  return content.length > 0 ? { content } : {};
}

function columnToJson(column: ColumnNode): EditorJson {
  // The schema wants at least one block per column: an empty one gets an empty paragraph.
  const content = column.content.length > 0 ? column.content.map(blockToJson) : [{ type: 'paragraph', attrs: { ...DEFAULT_PARAGRAPH_ATTRS } }];
  return { type: 'column', content };
}

function cellToJson(cell: TableCellNode): EditorJson {
  const content = cell.content.length > 0 ? cell.content.map(blockToJson) : [{ type: 'paragraph', attrs: { ...DEFAULT_PARAGRAPH_ATTRS } }];
  return { type: 'tableCell', content };
}

function rowToJson(row: TableRowNode): EditorJson {
  return { type: 'tableRow', content: row.content.map(cellToJson) };
}

export function blockToJson(block: DocBlock): EditorJson {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', attrs: { ...block.attrs }, ...inlinesToJson(block.content) };
    case 'heading':
      return { type: 'heading', attrs: { ...block.attrs }, ...inlinesToJson(block.content) };
    case 'courtHeader':
    case 'signatureBlock':
      return { type: block.type, content: [columnToJson(block.content[0]), columnToJson(block.content[1])] };
    case 'table':
      return { type: 'table', content: block.content.map(rowToJson) };
  }
}

/**
 * The template document as the editor stores it: adjacent text runs with the same marks joined,
 * empty runs dropped. Same printed text, same DOCX; the round trip is exact from here on.
 */
export function normalizeDocNode(doc: DocNode): DocNode {
  return fromEditorJson(toEditorJson(doc), doc.attrs);
}

/** The editor content of a template document (its template id and version live in the doc's meta). */
export function toEditorJson(doc: DocNode): EditorJson {
  return { type: 'doc', content: doc.content.map(blockToJson) };
}

// ---------------------------------------------------------------------------------------------
// editor JSON → DocNode
// ---------------------------------------------------------------------------------------------

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

function marksFromJson(marks: EditorJson['marks']): { marks?: readonly Mark[] } {
  const out = (marks ?? []).map((m) => m.type).filter((t): t is MarkType => (MARK_TYPES as readonly string[]).includes(t));
  return out.length > 0 ? { marks: out.map((type) => ({ type })) } : {};
}

function fieldAttrs(attrs: EditorJson['attrs']): FieldAttrs {
  const status: FieldStatus = attrs?.['status'] === 'filled' ? 'filled' : 'missing';
  return {
    path: str(attrs?.['path']),
    label: str(attrs?.['label']),
    value: str(attrs?.['value']),
    status,
    frozen: attrs?.['frozen'] === true,
  };
}

/** Text of any node, for nodes this version does not know (kept as text, never dropped). */
function plainText(node: EditorJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'field') return str(node.attrs?.['value']);
  return (node.content ?? []).map(plainText).join('');
}

function inlinesFromJson(nodes: readonly EditorJson[] | undefined): { content?: readonly InlineNode[] } {
  const out: InlineNode[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      if ((node.text ?? '') !== '') out.push({ type: 'text', text: node.text ?? '', ...marksFromJson(node.marks) });
    } else if (node.type === 'hardBreak') {
      out.push({ type: 'hardBreak' });
    } else if (node.type === 'field') {
      const styles = Array.isArray(node.attrs?.['styles']) ? (node.attrs['styles'] as unknown[]).map((type) => ({ type: String(type) })) : [];
      out.push({ type: 'field', attrs: fieldAttrs(node.attrs), ...marksFromJson([...styles, ...(node.marks ?? [])]) });
    } else {
      const text = plainText(node);
      if (text !== '') out.push({ type: 'text', text });
    }
  }
  return out.length > 0 ? { content: out } : {};
}

function align(value: unknown, fallback: Align): Align {
  return typeof value === 'string' && (ALIGNS as readonly string[]).includes(value) ? (value as Align) : fallback;
}

function paragraphAttrs(attrs: EditorJson['attrs']): ParagraphAttrs {
  const spacing = Number(attrs?.['spacingBefore'] ?? 0);
  return {
    align: align(attrs?.['align'], DEFAULT_PARAGRAPH_ATTRS.align),
    indentFirstLine: attrs?.['indentFirstLine'] === true,
    spacingBefore: Number.isFinite(spacing) && spacing > 0 ? spacing : 0,
  };
}

function blocksFromJson(nodes: readonly EditorJson[] | undefined): DocBlock[] {
  return (nodes ?? []).map(blockFromJson);
}

function columnFromJson(node: EditorJson | undefined): ColumnNode {
  return { type: 'column', content: node?.type === 'column' ? blocksFromJson(node.content) : node ? [blockFromJson(node)] : [] };
}

export function blockFromJson(node: EditorJson): DocBlock {
  switch (node.type) {
    case 'paragraph':
      return { type: 'paragraph', attrs: paragraphAttrs(node.attrs), ...inlinesFromJson(node.content) };
    case 'heading': {
      const level = node.attrs?.['level'] === 1 ? 1 : 2;
      return { type: 'heading', attrs: { level, align: align(node.attrs?.['align'], level === 1 ? 'center' : 'left') }, ...inlinesFromJson(node.content) };
    }
    case 'courtHeader':
    case 'signatureBlock':
      return { type: node.type, content: [columnFromJson(node.content?.[0]), columnFromJson(node.content?.[1])] };
    case 'table':
      return {
        type: 'table',
        content: (node.content ?? []).map(
          (row): TableRowNode => ({
            type: 'tableRow',
            content: (row.content ?? []).map((cell): TableCellNode => ({ type: 'tableCell', content: blocksFromJson(cell.content) })),
          }),
        ),
      };
    default: {
      const text = plainText(node);
      return { type: 'paragraph', attrs: { ...DEFAULT_PARAGRAPH_ATTRS }, ...(text !== '' ? { content: [{ type: 'text', text }] } : {}) };
    }
  }
}

/** The template document of the editor's content, for the DOCX export, signing and refresh. */
export function fromEditorJson(json: EditorJson, attrs: DocNode['attrs']): DocNode {
  return { type: 'doc', attrs: { templateId: attrs.templateId, templateVersion: attrs.templateVersion }, content: blocksFromJson(json.content) };
}
