/**
 * The TipTap editor bound to a document's `body` XmlFragment (DESIGN §5): the schema of the
 * template model (schema/), Collaboration for the Yjs binding and its undo (Ctrl+Z undoes the
 * user's own edits only), and the collaboration carets with names when a live room exists. The
 * page is styled like the printed form (editor.css). A key handler given by the hearing mode
 * runs before ProseMirror's own keys.
 */
import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { DocRoom } from '../sync/doc-room.js';
import { EDITOR_PAGE_ATTRIBUTES } from './page-attributes.js';
import { schemaExtensions } from './schema/index.js';

export interface DocumentEditorProps {
  readonly doc: Y.Doc;
  readonly room: DocRoom | undefined;
  readonly readOnly: boolean;
  /** Current key handler (hearing mode); returns true when it handled the key. */
  readonly keyHandler: { current: ((event: KeyboardEvent) => boolean) | undefined };
  readonly onEditor: (editor: Editor | null) => void;
}

export function DocumentEditor({ doc, room, readOnly, keyHandler, onEditor }: DocumentEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...schemaExtensions(),
        Collaboration.configure({ document: doc, field: 'body' }),
        ...(room ? [CollaborationCaret.configure({ provider: room.provider, user: room.user })] : []),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: { ...EDITOR_PAGE_ATTRIBUTES },
        handleKeyDown: (_view, event) => keyHandler.current?.(event) ?? false,
      },
    },
    [doc, room],
  );
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  return <EditorContent editor={editor} className="cd-sheet" />;
}
