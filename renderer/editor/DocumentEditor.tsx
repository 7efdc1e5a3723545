/**
 * The TipTap editor bound to a document's `body` XmlFragment (DESIGN §5): the schema of the
 * template model (schema/), Collaboration for the Yjs binding and its undo (Ctrl+Z undoes the
 * user's own edits only), and the collaboration carets with names when a live room exists. The
 * page is styled like the printed form (editor.css). A key handler given by the hearing mode
 * runs before ProseMirror's own keys.
 *
 * The editor is created once per document by `createDocumentEditor`, straight into this
 * component's host element (not through `@tiptap/react`'s useEditor/EditorContent, which
 * rendered the document twice), and the carets join it when the room appears instead of the
 * editor being built again: create-editor.ts says why.
 */
import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import type { DocRoom } from '../sync/doc-room.js';
import { attachCarets, createDocumentEditor } from './create-editor.js';

export interface DocumentEditorProps {
  readonly doc: Y.Doc;
  readonly room: DocRoom | undefined;
  readonly readOnly: boolean;
  /** Current key handler (hearing mode); returns true when it handled the key. */
  readonly keyHandler: { current: ((event: KeyboardEvent) => boolean) | undefined };
  readonly onEditor: (editor: Editor | null) => void;
}

export function DocumentEditor({ doc, room, readOnly, keyHandler, onEditor }: DocumentEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  // Read when the editor is created (so a finalised document is laid out once, read-only);
  // later changes go through setEditable below. Updated first: effects run in order.
  const readOnlyRef = useRef(readOnly);
  useEffect(() => {
    readOnlyRef.current = readOnly;
  }, [readOnly]);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const created = createDocumentEditor({
      element,
      doc,
      editable: !readOnlyRef.current,
      handleKeyDown: (_view, event) => keyHandler.current?.(event) ?? false,
    });
    setEditor(created);
    onEditor(created);
    return () => {
      onEditor(null);
      setEditor(null);
      created.destroy();
    };
  }, [doc, keyHandler, onEditor]);
  useEffect(() => (editor && room ? attachCarets(editor, room) : undefined), [editor, room]);
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  return <div ref={host} className="cd-sheet" />;
}
