/**
 * The body of a document's Y.Doc (the `body` XmlFragment, shared/drafting/document-doc.ts) as a
 * template document, without an editor: seeding a new draft from its rendered template, and
 * reading the current content back for the DOCX export and the field refresh. Both go through
 * the editor's own schema, so the stored body is always one the editor opens.
 */
import type * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { bodyFragment } from '../../shared/drafting/document-doc.js';
import { fromEditorJson, toEditorJson, type EditorJson } from '../../shared/drafting/editor-json.js';
import type { DocNode } from '../../shared/templates/model.js';
import { editorSchema } from './schema/index.js';

/** Writes `content` into the (empty) body of `doc`, in the caller's transaction if any. */
export function writeBody(doc: Y.Doc, content: DocNode): void {
  prosemirrorJSONToYXmlFragment(editorSchema(), toEditorJson(content), bodyFragment(doc));
}

/** The body as editor JSON (ProseMirror's `toJSON`, so attributes carry their defaults). */
export function readBodyJson(doc: Y.Doc): EditorJson {
  return yXmlFragmentToProseMirrorRootNode(bodyFragment(doc), editorSchema()).toJSON() as EditorJson;
}

/** The body as a template document, tagged with the template it came from. */
export function readBody(doc: Y.Doc, attrs: DocNode['attrs']): DocNode {
  return fromEditorJson(readBodyJson(doc), attrs);
}
