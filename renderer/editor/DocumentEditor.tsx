/**
 * The page of the open document (DESIGN §5): one TipTap editor per part of the body
 * (document-parts.ts; a short document has one), each on the schema of the template model
 * (schema/) with Collaboration for the Yjs binding and its undo (Ctrl+Z undoes the user's own
 * edits only), and the collaboration carets with names when a live room exists. The page is
 * styled like the printed form (editor.css). A key handler given by the hearing mode runs before
 * ProseMirror's own keys.
 *
 * The editors are created once per document straight into this component's host element (not
 * through `@tiptap/react`'s useEditor/EditorContent, which rendered the document twice), and the
 * carets join them when the room appears instead of the editors being built again:
 * create-editor.ts says why.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { DocRoom } from '../sync/doc-room.js';
import { DocumentParts } from './document-parts.js';

export interface DocumentEditorProps {
  readonly doc: Y.Doc;
  readonly room: DocRoom | undefined;
  readonly readOnly: boolean;
  /** Current key handler (hearing mode); returns true when it handled the key. */
  readonly keyHandler: { current: ((event: KeyboardEvent) => boolean) | undefined };
  /** The page's parts: given when created, again when the active part changes or a part is added; null when gone. */
  readonly onParts: (parts: DocumentParts | null) => void;
}

export function DocumentEditor({ doc, room, readOnly, keyHandler, onParts }: DocumentEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [parts, setParts] = useState<DocumentParts | null>(null);
  // Read when the page is created (so a finalised document is laid out once, read-only);
  // later changes go through setEditable below. Updated first: effects run in order.
  const readOnlyRef = useRef(readOnly);
  useEffect(() => {
    readOnlyRef.current = readOnly;
  }, [readOnly]);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let created: DocumentParts | undefined;
    created = new DocumentParts({
      element,
      doc,
      editable: !readOnlyRef.current,
      handleKeyDown: (_view, event) => keyHandler.current?.(event) ?? false,
      onChange: () => {
        if (created) onParts(created);
      },
    });
    setParts(created);
    onParts(created);
    return () => {
      onParts(null);
      setParts(null);
      created?.destroy();
      created = undefined;
    };
  }, [doc, keyHandler, onParts]);
  useEffect(() => {
    if (!parts || !room) return undefined;
    parts.attachCarets(room);
    return () => parts.attachCarets(undefined);
  }, [parts, room]);
  useEffect(() => {
    parts?.setEditable(!readOnly);
  }, [parts, readOnly]);
  return <div ref={host} className="cd-sheet" />;
}
