/**
 * The block nodes of the editor schema, one per node of the template model
 * (shared/templates/model.ts): the document, paragraphs and headings with the model's attributes
 * (alignment, first-line indent, space before), and the borderless two-column blocks (court
 * header, signature block) made of two `column`s. The editor shows them like the printed form;
 * shared/drafting/editor-json.ts converts to and from the model.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import type { Align } from '../../../shared/templates/model.js';

const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];

function alignAttr(fallback: Align) {
  return {
    default: fallback,
    parseHTML: (el: HTMLElement) => {
      const value = el.style.textAlign;
      return (ALIGNS as readonly string[]).includes(value) ? value : fallback;
    },
    renderHTML: (attrs: Record<string, unknown>) => ({ style: `text-align: ${String(attrs['align'])}` }),
  };
}

export const DocumentNode = Node.create({
  name: 'doc',
  topNode: true,
  content: 'block+',
});

export const ParagraphNode = Node.create({
  name: 'paragraph',
  // First of the block group: ProseMirror's default block (Enter at the end of a heading).
  priority: 1000,
  group: 'block',
  content: 'inline*',
  addAttributes() {
    return {
      align: alignAttr('justify'),
      indentFirstLine: {
        default: false,
        parseHTML: (el: HTMLElement) => el.classList.contains('cd-indent'),
        renderHTML: (attrs: Record<string, unknown>) => (attrs['indentFirstLine'] === true ? { class: 'cd-indent' } : {}),
      },
      spacingBefore: {
        default: 0,
        parseHTML: (el: HTMLElement) => Number(el.getAttribute('data-spacing-before') ?? 0) || 0,
        renderHTML: (attrs: Record<string, unknown>) => {
          const points = Number(attrs['spacingBefore'] ?? 0);
          return points > 0 ? { 'data-spacing-before': String(points), class: 'cd-space-before' } : {};
        },
      },
    };
  },
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes), 0],
});

export const HeadingNode = Node.create({
  name: 'heading',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      level: {
        default: 2,
        parseHTML: (el: HTMLElement) => (el.tagName === 'H1' ? 1 : 2),
        renderHTML: () => ({}),
      },
      align: alignAttr('left'),
    };
  },
  parseHTML: () => [{ tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }],
  renderHTML: ({ node, HTMLAttributes }) => [node.attrs['level'] === 1 ? 'h1' : 'h2', mergeAttributes({ class: 'cd-heading' }, HTMLAttributes), 0],
});

/** One column of a two-column block; holds ordinary blocks (court name, motto, "Nơi nhận"). */
export const ColumnNode = Node.create({
  name: 'column',
  content: 'block+',
  isolating: true,
  parseHTML: () => [{ tag: 'div[data-column]' }],
  renderHTML: () => ['div', { 'data-column': '', class: 'cd-column' }, 0],
});

function twoColumns(name: 'courtHeader' | 'signatureBlock', className: string) {
  return Node.create({
    name,
    group: 'block',
    content: 'column column',
    isolating: true,
    defining: true,
    parseHTML: () => [{ tag: `div[data-${name}]` }],
    renderHTML: () => ['div', { [`data-${name}`]: '', class: `cd-columns ${className}`, 'data-testid': `editor-${name}` }, 0],
  });
}

/** Court name (| number) on the left, national motto on the right; borderless in print. */
export const CourtHeaderNode = twoColumns('courtHeader', 'cd-court-header');
/** "Nơi nhận" on the left, signing authority on the right. */
export const SignatureBlockNode = twoColumns('signatureBlock', 'cd-signature');
