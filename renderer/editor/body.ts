/**
 * The body of a document's Y.Doc (the `body` XmlFragment and, for a long body, its further parts:
 * shared/drafting/body-parts.ts) as a template document, without an editor: seeding a new draft
 * from its rendered template, and reading the current content back for the DOCX export, the
 * publication and the field refresh. Both go through the editor's own schema, so the stored body
 * is always one the editor opens.
 */
import type * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { addBodyPart, BODY_PART_BLOCKS, bodyPartFragments } from '../../shared/drafting/body-parts.js';
import { bodyFragment } from '../../shared/drafting/document-doc.js';
import { fromEditorJson, toEditorJson, type EditorJson } from '../../shared/drafting/editor-json.js';
import type { DocNode } from '../../shared/templates/model.js';
import { editorSchema } from './schema/index.js';

/**
 * Writes `content` into the (empty) body of `doc`, in one transaction: up to BODY_PART_BLOCKS
 * top-level blocks go into `body`, a longer body continues in new parts of that many.
 */
export function writeBody(doc: Y.Doc, content: DocNode): void {
  const blocks = content.content;
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(editorSchema(), toEditorJson({ ...content, content: blocks.slice(0, BODY_PART_BLOCKS) }), bodyFragment(doc));
    for (let at = BODY_PART_BLOCKS; at < blocks.length; at += BODY_PART_BLOCKS) {
      const part = doc.getXmlFragment(addBodyPart(doc));
      prosemirrorJSONToYXmlFragment(editorSchema(), toEditorJson({ ...content, content: blocks.slice(at, at + BODY_PART_BLOCKS) }), part);
    }
  });
}

/** The whole body (every part, in order) as editor JSON (ProseMirror's `toJSON`, so attributes carry their defaults). */
export function readBodyJson(doc: Y.Doc): EditorJson {
  const parts = bodyPartFragments(doc).map((fragment) => yXmlFragmentToProseMirrorRootNode(fragment, editorSchema()).toJSON() as EditorJson);
  if (parts.length === 1) return parts[0]!;
  return { ...parts[0]!, content: parts.flatMap((part) => part.content ?? []) };
}

/** The body as a template document, tagged with the template it came from. */
export function readBody(doc: Y.Doc, attrs: DocNode['attrs']): DocNode {
  return fromEditorJson(readBodyJson(doc), attrs);
}
