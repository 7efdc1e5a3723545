/**
 * The formatting bar: bold/italic/underline, alignment, heading/paragraph, numbered paragraph
 * "[n]", a table, and the DOCX export of the current content. Everything also has a key in the
 * editor (Ctrl+B/I/U) or is one click; the bar is hidden when the document is read-only.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { Align } from '../../shared/templates/model.js';
import { useI18n } from '../i18n/language.js';
import type { MessageKey } from '../i18n/vi.js';
import { insertNumberedParagraph } from './commands.js';

const ALIGN_KEYS: Record<Align, MessageKey> = { left: 'editor.alignLeft', center: 'editor.alignCenter', right: 'editor.alignRight', justify: 'editor.alignJustify' };
const ALIGN_ICONS: Record<Align, string> = { left: '⇤', center: '↔', right: '⇥', justify: '☰' };

function setAlign(editor: Editor, align: Align): void {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.isTextblock) {
      editor.chain().focus().command(({ tr }) => {
        tr.setNodeMarkup($from.before(depth), undefined, { ...node.attrs, align });
        return true;
      }).run();
      return;
    }
  }
}

function toggleHeading(editor: Editor): void {
  const { $from } = editor.state.selection;
  const node = $from.parent;
  if (!node.isTextblock) return;
  const heading = node.type.name === 'heading';
  editor
    .chain()
    .focus()
    .setNode(heading ? 'paragraph' : 'heading', heading ? { align: 'justify', indentFirstLine: true, spacingBefore: 0 } : { level: 2, align: 'left' })
    .run();
}

export function Toolbar({ editor, onExport, exporting }: { readonly editor: Editor; readonly onExport: () => void; readonly exporting: boolean }) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      heading: e.isActive('heading'),
      align: (e.state.selection.$from.parent.attrs['align'] as Align | undefined) ?? 'justify',
    }),
  });
  const mark = (name: 'bold' | 'italic' | 'underline', label: MessageKey, text: string) => (
    <button
      type="button"
      className="button small cd-tool"
      aria-pressed={state[name]}
      title={t(label)}
      aria-label={t(label)}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.chain().focus().toggleMark(name).run()}
    >
      {text}
    </button>
  );
  return (
    <div className="cd-toolbar" role="toolbar" aria-label={t('editor.toolbar')} data-testid="editor-toolbar">
      {mark('bold', 'editor.bold', 'B')}
      {mark('italic', 'editor.italic', 'I')}
      {mark('underline', 'editor.underline', 'U')}
      <span className="cd-sep" aria-hidden="true" />
      {(Object.keys(ALIGN_KEYS) as Align[]).map((align) => (
        <button
          key={align}
          type="button"
          className="button small cd-tool"
          aria-pressed={state.align === align}
          title={t(ALIGN_KEYS[align])}
          aria-label={t(ALIGN_KEYS[align])}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setAlign(editor, align)}
        >
          {ALIGN_ICONS[align]}
        </button>
      ))}
      <span className="cd-sep" aria-hidden="true" />
      <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => toggleHeading(editor)}>
        {state.heading ? t('editor.paragraph') : t('editor.heading')}
      </button>
      <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={() => insertNumberedParagraph(editor)} data-testid="numbered-paragraph">
        {t('editor.numbered')}
      </button>
      <button
        type="button"
        className="button small"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor.chain().focus().insertTable({ rows: 2, cols: 3, withHeaderRow: false }).run()}
      >
        {t('editor.table')}
      </button>
      <span className="cd-sep" aria-hidden="true" />
      <button type="button" className="button small primary" onClick={onExport} disabled={exporting} data-testid="editor-export">
        {t('editor.exportDocx')}
      </button>
    </div>
  );
}
