/**
 * The editor's extensions without collaboration: the schema every draft uses. The editor adds
 * Collaboration (and the caret when a live room exists) on top (DocumentEditor.tsx); headless
 * code (seeding a new draft's body, reading it back for the DOCX) builds the same schema from
 * this list with `getSchema`, so what is stored is always what the editor can open.
 */
import { getSchema, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { ColumnNode, CourtHeaderNode, DocumentNode, HeadingNode, ParagraphNode, SignatureBlockNode } from './blocks.js';
import { FieldNode } from './field.js';

export function schemaExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs owns undo (Collaboration's y-undo); the model has no lists, quotes, code or links.
      undoRedo: false,
      document: false,
      paragraph: false,
      heading: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      link: false,
      // A trailing empty paragraph would be a change the clerk never made.
      trailingNode: false,
    }),
    DocumentNode,
    ParagraphNode,
    HeadingNode,
    ColumnNode,
    CourtHeaderNode,
    SignatureBlockNode,
    FieldNode,
    Table.configure({ resizable: false, HTMLAttributes: { class: 'cd-table' } }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}

let cached: Schema | undefined;

/** The ProseMirror schema of a draft's body (built once). */
export function editorSchema(): Schema {
  cached ??= getSchema(schemaExtensions());
  return cached;
}
