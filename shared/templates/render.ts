/**
 * Template + context → document JSON (model.ts). Repeat and conditional blocks are expanded;
 * every field becomes a `field` node that keeps its absolute path next to its value, so the
 * editor can re-resolve it later (refresh.ts). A field whose data the case lacks is rendered with
 * status `missing` and its label, never as silent empty text.
 *
 * @example
 * const { doc, missing } = renderTemplate(template, buildContext({ court, staff, kase }));
 * missing.map((f) => f.label); // ["Giờ kết thúc phiên (giờ, phút)"]
 */
import { evaluateCondition } from './conditions.js';
import { buildContext, type ContextInput } from './context.js';
import type {
  ColumnNode,
  DocBlock,
  DocNode,
  FieldAttrs,
  FieldNode,
  InlineNode,
  TableCellNode,
  TableRowNode,
  Template,
  TemplateBlock,
  TemplateInline,
} from './model.js';
import { getValue, labelOf, type ContextValue } from './paths.js';

interface Binding {
  /** Absolute path of the current item, e.g. `parties.byRole.plaintiff.1`. */
  readonly path: string;
  readonly index: number;
  readonly count: number;
}

type Bindings = ReadonlyMap<string, Binding>;

export interface RenderResult {
  readonly doc: DocNode;
  /** The fields left missing, in document order. */
  readonly missing: readonly FieldAttrs[];
}

/** Text of a context value for a field; undefined when it is missing. */
export function valueText(value: ContextValue): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return undefined;
}

/** Builds a field node for an absolute path against a context. */
export function resolveField(path: string, context: ContextValue, frozen = false): FieldAttrs {
  const value = valueText(getValue(context, path));
  return value === undefined
    ? { path, label: labelOf(path), value: '', status: 'missing', frozen }
    : { path, label: labelOf(path), value, status: 'filled', frozen };
}

function absolute(path: string, bindings: Bindings): string {
  const [head = '', ...rest] = path.split('.');
  const binding = bindings.get(head);
  return binding ? [binding.path, ...rest].join('.') : path;
}

function loopMeta(path: string, bindings: Bindings): ContextValue {
  const [head = '', meta] = path.split('.');
  const binding = bindings.get(head);
  if (!binding || !meta?.startsWith('$')) return undefined;
  if (meta === '$index') return binding.index + 1;
  if (meta === '$count') return binding.count;
  if (meta === '$first') return binding.index === 0;
  if (meta === '$last') return binding.index === binding.count - 1;
  return undefined;
}

class Renderer {
  readonly missing: FieldAttrs[] = [];
  constructor(private readonly context: ContextValue) {}

  lookup(path: string, bindings: Bindings): ContextValue {
    const meta = loopMeta(path, bindings);
    return meta !== undefined ? meta : getValue(this.context, absolute(path, bindings));
  }

  inline(nodes: readonly TemplateInline[], bindings: Bindings): InlineNode[] {
    const out: InlineNode[] = [];
    for (const node of nodes) {
      if (node.type !== 'fieldRef') {
        out.push(node);
        continue;
      }
      const meta = loopMeta(node.path, bindings);
      if (meta !== undefined) {
        // Loop numbering is structure, not case data: plain text.
        out.push(node.marks ? { type: 'text', text: String(meta), marks: node.marks } : { type: 'text', text: String(meta) });
        continue;
      }
      const attrs = resolveField(absolute(node.path, bindings), this.context);
      if (attrs.status === 'missing') this.missing.push(attrs);
      const field: FieldNode = node.marks ? { type: 'field', attrs, marks: node.marks } : { type: 'field', attrs };
      out.push(field);
    }
    return out;
  }

  blocks(blocks: readonly TemplateBlock[], bindings: Bindings): DocBlock[] {
    return this.any(blocks, bindings) as DocBlock[];
  }

  /** Renders blocks of any level (rows and cells included): repeat and if flatten into the list. */
  any(blocks: readonly TemplateBlock[], bindings: Bindings): (DocBlock | TableRowNode | TableCellNode)[] {
    const out: (DocBlock | TableRowNode | TableCellNode)[] = [];
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
        case 'heading': {
          const content = this.inline(block.content, bindings);
          const node = { type: block.type, attrs: block.attrs, ...(content.length > 0 ? { content } : {}) };
          out.push(node as DocBlock);
          break;
        }
        case 'courtHeader':
        case 'signatureBlock': {
          const column = (side: readonly TemplateBlock[]): ColumnNode => ({ type: 'column', content: this.blocks(side, bindings) });
          out.push({ type: block.type, content: [column(block.left), column(block.right)] });
          break;
        }
        case 'table':
          out.push({ type: 'table', content: this.any(block.content, bindings) as TableRowNode[] });
          break;
        case 'tableRow':
          out.push({ type: 'tableRow', content: this.any(block.content, bindings) as TableCellNode[] });
          break;
        case 'tableCell':
          out.push({ type: 'tableCell', content: this.blocks(block.content, bindings) });
          break;
        case 'repeat': {
          const listPath = absolute(block.path, bindings);
          const list = getValue(this.context, listPath);
          const items = Array.isArray(list) ? list : [];
          if (items.length === 0) {
            out.push(...this.any(block.empty, bindings));
            break;
          }
          items.forEach((_item, index) => {
            const inner = new Map(bindings);
            inner.set(block.variable, { path: `${listPath}.${index}`, index, count: items.length });
            out.push(...this.any(block.body, inner));
          });
          break;
        }
        case 'conditional': {
          const branch = block.branches.find((b) => evaluateCondition(b.condition, (path) => this.lookup(path, bindings)));
          out.push(...this.any(branch ? branch.body : block.otherwise, bindings));
          break;
        }
      }
    }
    return out;
  }
}

/** Renders a compiled template against a context built by {@link buildContext}. */
export function renderTemplate(template: Template, context: ContextValue): RenderResult {
  const renderer = new Renderer(context);
  const content = renderer.blocks(template.body, new Map());
  return {
    doc: { type: 'doc', attrs: { templateId: template.meta.id, templateVersion: template.meta.version }, content },
    missing: renderer.missing,
  };
}

/** Builds the context for the template's hearing kinds and renders. */
export function renderForCase(template: Template, input: Omit<ContextInput, 'hearingKinds'>): RenderResult {
  return renderTemplate(template, buildContext({ ...input, hearingKinds: template.meta.hearingKinds }));
}
