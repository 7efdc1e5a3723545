/**
 * Who wrote what: a `Y.PermanentUserData` in the doc's `authors` map maps every Yjs client id
 * (one per editing session) to the account user that typed with it, and records what each user
 * deleted. The editor calls `registerAuthor(doc, session.user)` when it opens a document; the
 * history view reads `attributedBlocks` to colour text by author.
 */
import * as Y from 'yjs';
import { bodyPartFragments } from './body-parts.js';
import { DOCUMENT_ROOT } from './document-doc.js';
import { isReadOnly } from './finalisation.js';

const registries = new WeakMap<Y.Doc, Y.PermanentUserData>();

/** The doc's author registry (one instance per doc: each instance adds listeners). */
export function authorsOf(doc: Y.Doc): Y.PermanentUserData {
  let pud = registries.get(doc);
  if (pud === undefined) {
    pud = new Y.PermanentUserData(doc, doc.getMap(DOCUMENT_ROOT.authors));
    registries.set(doc, pud);
  }
  return pud;
}

/**
 * Records that this session's client id writes as `user`. A finalised document is not written
 * to (the server would refuse the update), so there it only reads the registry.
 *
 * @example
 *   const doc = await openDocument(id); // gc: false
 *   registerAuthor(doc, session.user);
 */
export function registerAuthor(doc: Y.Doc, user: string): void {
  const pud = authorsOf(doc);
  if (isReadOnly(doc) || pud.clients.get(doc.clientID) === user) return;
  pud.setUserMapping(doc, doc.clientID, user);
}

/** The user that wrote with `client`, or undefined (content from before authors were recorded, templates). */
export function authorOfClient(doc: Y.Doc, client: number): string | undefined {
  return authorsOf(doc).clients.get(client);
}

/** A run of visible text written by one author. */
export interface AttributedRun {
  readonly text: string;
  readonly author?: string;
}

/** One text block with its runs by author, in document order. */
export interface AttributedBlock {
  readonly type: string;
  readonly runs: readonly AttributedRun[];
}

/**
 * The body's text blocks with each run attributed to its author. `authorsDoc` is the doc whose
 * author registry names the clients (the live doc when `doc` is a version rebuilt from it).
 */
export function attributedBlocks(doc: Y.Doc, authorsDoc: Y.Doc = doc): AttributedBlock[] {
  const pud = authorsOf(authorsDoc);
  const out: AttributedBlock[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const children = child.toArray();
      const textual = children.length === 0 || children.some((c) => c instanceof Y.XmlText) || child.nodeName === 'paragraph' || child.nodeName === 'heading';
      if (!textual) {
        walk(child);
        continue;
      }
      const runs: { text: string; author?: string }[] = [];
      const push = (text: string, client: number | undefined) => {
        const author = client === undefined ? undefined : pud.clients.get(client);
        const last = runs.at(-1);
        if (last && last.author === author) last.text += text;
        else runs.push(author === undefined ? { text } : { text, author });
      };
      for (const node of children) {
        if (node instanceof Y.XmlText) {
          // Yjs keeps a text's items as a linked list from `_start`; each visible string item
          // carries the id of the client that inserted it.
          for (let item = node._start; item !== null; item = item.right) {
            if (!item.deleted && item.content instanceof Y.ContentString) push(item.content.str, item.id.client);
          }
        } else if (node instanceof Y.XmlElement) {
          const value = node.getAttribute('value');
          const text = node.nodeName === 'hardBreak' ? '\n' : typeof value === 'string' ? value : '';
          if (text) push(text, node._item?.id.client);
        }
      }
      out.push({ type: child.nodeName, runs: runs.map((r) => ({ ...r, text: r.text.normalize('NFC') })) });
    }
  };
  for (const part of bodyPartFragments(doc)) walk(part);
  return out;
}
