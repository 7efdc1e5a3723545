/**
 * Pulled document bodies are stored as received: their bytes, never a view into the page they
 * came in (IndexedDB would store the whole page with each doc), packed (body-packs.ts) until their
 * first write, and later diffs appended.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../../../renderer/replica/open.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb } from './fixtures.js';

const opened: Replica[] = [];
afterEach(() => {
  for (const replica of opened.splice(0)) replica.close();
});

function body(text: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.getText('body').insert(0, text);
  return doc;
}

describe('pulled document bodies', () => {
  it('stores a body that arrived as a view into a larger page as its own bytes, then unpacks it and appends a diff', async () => {
    const idb = fakeIdb();
    const replica = await openReplica(idb);
    opened.push(replica);
    const doc = body('Biên bản phiên tòa');
    const state = Y.encodeStateAsUpdate(doc);
    const page = new Uint8Array(state.byteLength + 4096);
    page.set(state, 100);
    const view = page.subarray(100, 100 + state.byteLength);
    const report = await replica.sync.applyRemoteDocs([{ docId: 'doc:d-1', update: view, stateVector: Y.encodeStateVector(doc), seq: 3 }]);
    expect(report.applied).toBe(true);

    const db = await openDatabase(idb);
    expect(await db.docSnapshots.get('doc:d-1')).toBeUndefined();
    const [pack] = await db.bodyPacks.toArray();
    expect(pack!.docIds).toEqual(['doc:d-1']);
    expect(pack!.bytes.buffer.byteLength).toBe(state.byteLength);
    expect(pack!.bytes).toEqual(state);
    expect(await replica.sync.pendingDocIds()).toEqual([]);

    const before = Y.encodeStateVector(doc);
    doc.getText('body').insert(doc.getText('body').length, ' sơ thẩm');
    await replica.sync.applyRemoteDocs([{ docId: 'doc:d-1', update: Y.encodeStateAsUpdate(doc, before), stateVector: Y.encodeStateVector(doc), seq: 4 }]);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await replica.sync.storedDocState('doc:d-1'))!);
    expect(stored.getText('body').toString()).toBe('Biên bản phiên tòa sơ thẩm');
    // The first write copied the packed state out; the diff is appended after it.
    expect((await db.docSnapshots.get('doc:d-1'))!.state).toEqual(state);
    expect(await db.docUpdates.where('docId').equals('doc:d-1').count()).toBe(1);
    db.close();
  });

  it('refuses garbage for a body it already holds, keeping what is stored', async () => {
    const replica = await openReplica(fakeIdb());
    opened.push(replica);
    const doc = body('Quyết định');
    await replica.sync.applyRemoteDocs([{ docId: 'doc:d-2', update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc), seq: 1 }]);
    const report = await replica.sync.applyRemoteDocs([{ docId: 'doc:d-2', update: new Uint8Array([9, 9, 9, 9]), stateVector: Y.encodeStateVector(doc), seq: 2 }]);
    expect(report.failed.map((f) => f.caseId)).toEqual(['doc:d-2']);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await replica.sync.storedDocState('doc:d-2'))!);
    expect(stored.getText('body').toString()).toBe('Quyết định');
  });
});
