/**
 * The `field` node: an inline atom bound to a path of case data (shared/templates/model.ts
 * FieldAttrs). It shows its value; a missing one shows its label in a dashed red box, so a draft
 * can never pass for a finished document. The clerk does not type inside it: the value follows
 * the case (field-refresh.ts) until the document is finalised and the field frozen.
 */
import { mergeAttributes, Node } from '@tiptap/core';

const plain = (name: string, fallback: string | boolean) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => {
    const raw = el.getAttribute(`data-${name}`);
    if (typeof fallback === 'boolean') return raw === 'true';
    return raw ?? fallback;
  },
  renderHTML: () => ({}),
});

export const FieldNode = Node.create({
  name: 'field',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes() {
    return {
      path: plain('path', ''),
      label: plain('label', ''),
      value: plain('value', ''),
      status: plain('status', 'missing'),
      frozen: plain('frozen', false),
      /** bold/italic/underline of the field (the Yjs binding keeps marks on text only). */
      styles: { default: [], parseHTML: () => [], renderHTML: () => ({}) },
    };
  },
  parseHTML: () => [{ tag: 'span[data-field]' }],
  renderHTML: ({ node, HTMLAttributes }) => {
    const missing = node.attrs['status'] !== 'filled';
    const path = String(node.attrs['path']);
    const label = String(node.attrs['label']);
    const styles = (Array.isArray(node.attrs['styles']) ? (node.attrs['styles'] as unknown[]) : []).map((s) => `cd-${String(s)}`);
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        'data-field': path,
        'data-path': path,
        'data-label': label,
        'data-value': String(node.attrs['value']),
        'data-status': missing ? 'missing' : 'filled',
        'data-frozen': String(node.attrs['frozen'] === true),
        'data-testid': missing ? 'editor-field-missing' : 'editor-field',
        class: ['cd-field', ...(missing ? ['cd-field--missing'] : []), ...styles].join(' '),
        title: label,
      }),
      missing ? label : String(node.attrs['value']),
    ];
  },
  renderText: ({ node }) => (node.attrs['status'] === 'filled' ? String(node.attrs['value']) : `[${String(node.attrs['label'])}]`),
});
