/**
 * How a document's editor is created, in the app (DocumentEditor.tsx) and in the bench
 * (bench/browser/editor.ts), so the bench opens a document exactly the way the app does:
 * TipTap on the draft schema, Collaboration on the doc's `body`, the page's attributes, mounted
 * straight into its host element; the collaboration carets join when a live room exists.
 *
 * Three things here keep an open to ONE render and ONE layout of the document (docs/EDITOR.md,
 * "Opening a document": each was a second render or layout of a 50-page judgment, 80–250 ms):
 * - `injectCSS: false`: TipTap otherwise appends its base stylesheet to <head> right after the
 *   view has rendered the document (ProseMirror has already forced a layout of it while syncing
 *   the selection) and removes it when the last editor goes, so every open pays again. The sheet
 *   sets `white-space: break-spaces` and turns ligatures off, so Chromium re-shaped and re-laid
 *   out every line of the page in the first frame. The same rules are in editor.css.
 * - mounted into the real element, not through `@tiptap/react`'s EditorContent: that one renders
 *   into a detached div, moves it into the page, then calls `createNodeViews()`, and TipTap builds
 *   the node-view functions anew on every call (the table's TableView), so ProseMirror saw
 *   changed node views and threw away and rebuilt the DOM of the whole document.
 * - the collaboration carets are added to the running editor when the live room appears
 *   (`attachCarets`), instead of creating the editor again with the caret extension: with a
 *   session the room appears right after the open, and the editor was built twice.
 */
import { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import Collaboration from '@tiptap/extension-collaboration';
import { defaultSelectionBuilder, yCursorPlugin, yCursorPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { DocRoom } from '../sync/doc-room.js';
import { EDITOR_PART_ATTRIBUTES } from './page-attributes.js';
import { schemaExtensions } from './schema/index.js';

/** Options of every editor on a document page (the bench's baseline uses them too). */
export const EDITOR_MOUNT_OPTIONS = { injectCSS: false } as const;

/** A colleague's caret: a coloured bar with their name above it (styles in editor.css). */
function caretElement(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : 'transparent';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

/**
 * Shows the carets and selections of the others in the room on a running editor (the awareness
 * already carries this user's name and colour, doc-room.ts). Returns the detach function.
 * Adding a plugin rebuilds ProseMirror's plugin views (the Yjs binding converts the body once
 * more) but keeps the page's DOM and layout, unlike a new editor.
 */
export function attachCarets(editor: Editor, room: DocRoom): () => void {
  if (editor.isDestroyed) return () => undefined;
  editor.registerPlugin(
    yCursorPlugin(room.provider.awareness, {
      cursorBuilder: caretElement,
      selectionBuilder: (user: { color?: unknown }) => (typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? defaultSelectionBuilder(user) : {}),
    }),
  );
  return () => {
    editor.unregisterPlugin(yCursorPluginKey);
  };
}

export interface DocumentEditorOptions {
  /** The host the part is mounted in (its child, `.cd-part`, is the editing host; document-parts.ts puts it in the page). */
  readonly element: HTMLElement;
  readonly doc: Y.Doc;
  /** The XmlFragment this editor edits: `body`, or one part of a long body (`body/1`, …; document-doc.ts). */
  readonly field?: string;
  readonly editable?: boolean;
  /** Runs before ProseMirror's own keys (hearing mode); true when it handled the key. */
  readonly handleKeyDown?: (view: EditorView, event: KeyboardEvent) => boolean;
  /** More attributes on the page (the bench marks its target). */
  readonly attributes?: Readonly<Record<string, string>>;
  /**
   * The undo manager this editor's Ctrl+Z uses, shared by every part of a page (document-parts.ts);
   * without it the editor makes its own, over its own fragment.
   */
  readonly undoManager?: Y.UndoManager;
}

export function createDocumentEditor({ element, doc, field = 'body', editable = true, handleKeyDown, attributes, undoManager }: DocumentEditorOptions): Editor {
  return new Editor({
    ...EDITOR_MOUNT_OPTIONS,
    element,
    extensions: [...schemaExtensions(), Collaboration.configure({ document: doc, field, ...(undoManager ? { yUndoOptions: { undoManager } } : {}) })],
    editable,
    editorProps: {
      attributes: { ...EDITOR_PART_ATTRIBUTES, ...attributes },
      ...(handleKeyDown ? { handleKeyDown } : {}),
    },
  });
}
