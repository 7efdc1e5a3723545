/**
 * A PC for the backup tests: the replica and the editor's document store over one fake IndexedDB
 * database, and a document body created the way the editor creates one (a local edit: pending).
 */
import * as Y from 'yjs';
import { bodyFragment, metaMap } from '../../../../shared/drafting/document-doc.js';
import { openDocumentStore, type DocumentStore } from '../../../../renderer/replica/document-store.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb } from '../replica/fixtures.js';

export interface Machine {
  readonly replica: Replica;
  readonly store: DocumentStore;
}

const open: (() => void)[] = [];

export async function machine(): Promise<Machine> {
  const idb = fakeIdb();
  const replica = await openReplica(idb);
  const store = await openDocumentStore({ ...idb, flushDelayMs: 10 });
  open.push(() => replica.close(), () => store.close());
  return { replica, store };
}

/** Closes every machine opened since the last call (an `afterEach`). */
export function closeMachines(): void {
  for (const close of open.splice(0)) close();
}

/** Creates a body as the editor does: its title and a first paragraph, stored as a local edit. */
export async function createBody(m: Machine, documentId: string, title: string, firstLine: string): Promise<void> {
  const created = await m.store.create(documentId, (doc) => {
    metaMap(doc).set('title', title);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(firstLine)]);
    bodyFragment(doc).insert(0, [paragraph]);
  });
  if (!created.ok) throw new Error(created.error.messageEn);
  await created.value.close();
}
