/**
 * Body packs (renderer/replica/body-packs.ts): document bodies pulled for the first time are stored
 * several to a record, read back byte for byte, listed, found by the day pack, and copied out on
 * their first write (an edit in the editor or a pulled change) without losing either side.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDocStates } from '../../../../renderer/dayplan/local-docs.js';
import { PACK_MAX_DOCS, PACK_TARGET_BYTES, packBodies, readPacked } from '../../../../renderer/replica/body-packs.js';
import { openDocumentStore, type DocumentStore } from '../../../../renderer/replica/document-store.js';
import { openDatabase } from '../../../../renderer/replica/open.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import type { DocSnapshotRecord } from '../../../../renderer/replica/schema.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { documentDocId } from '../../../../shared/drafting/document-doc.js';
import { fakeIdb, prng } from './fixtures.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

function bodyDoc(clientID: number, text: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  return doc;
}

const pulled = (docId: string, doc: Y.Doc, seq: number) => ({ docId, update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc), seq });
const textOf = (state: Uint8Array | undefined) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state!);
  return doc.getText('t').toString();
};

describe('packBodies', () => {
  it('closes a pack at the byte target or the doc limit and keeps every body exactly', async () => {
    const rand = prng(7);
    // Large bodies close packs by bytes; a run of tiny ones closes one by the doc limit.
    const sizes = [...Array.from({ length: 40 }, () => 1 + Math.floor(rand() * 20_000)), ...Array.from({ length: PACK_MAX_DOCS + 10 }, () => 1 + Math.floor(rand() * 50))];
    const snapshots: DocSnapshotRecord[] = sizes.map((size, i) => {
      const state = new Uint8Array(size);
      for (let j = 0; j < size; j++) state[j] = (j * 31 + i) & 255;
      return { docId: `doc:b-${String(i).padStart(3, '0')}`, state, updateCount: 0, updatedAt: 'x' };
    });
    const packs = packBodies(snapshots, '2026-11-28T00:00:00.000Z');
    expect(packs.flatMap((p) => p.docIds)).toEqual(snapshots.map((s) => s.docId));
    for (const pack of packs.slice(0, -1)) {
      const lastBodyBytes = pack.ends.at(-1)! - (pack.ends.at(-2) ?? 0);
      // Closed by the limit, or by the target (and not before: without its last body it was under).
      expect(pack.docIds.length === PACK_MAX_DOCS || (pack.bytes.byteLength >= PACK_TARGET_BYTES && pack.bytes.byteLength - lastBodyBytes < PACK_TARGET_BYTES)).toBe(true);
      expect(pack.packId).toBe(pack.docIds[0]);
    }
    expect(packs.some((p) => p.docIds.length === PACK_MAX_DOCS)).toBe(true);
    expect(packs.length).toBeLessThan(snapshots.length / 10);

    const idb = fakeIdb();
    const db = await openDatabase(idb);
    await db.bodyPacks.bulkAdd(packs);
    const read = await db.transaction('r', db.bodyPacks, () => readPacked(db, snapshots.map((s) => s.docId)));
    for (const snapshot of snapshots) {
      const back = read.get(snapshot.docId)!;
      expect(back.state).toEqual(snapshot.state);
      // Owns its bytes: a stored state never carries its whole pack along.
      expect(back.state.buffer.byteLength).toBe(snapshot.state.byteLength);
    }
    // With the pack of each doc named (the replica's cache), the same bytes; a name that is
    // wrong (another pack, or none stored) falls back to the index, never to "not stored".
    const packOf = new Map(packs.flatMap((pack) => pack.docIds.map((docId) => [docId, pack.packId] as const)));
    const wrong = (docId: string) => (docId.endsWith('0') ? packs[0]!.packId : docId.endsWith('1') ? 'no such pack' : packOf.get(docId));
    for (const hint of [(docId: string) => packOf.get(docId), wrong]) {
      const hinted = await db.transaction('r', db.bodyPacks, () => readPacked(db, snapshots.map((s) => s.docId), hint));
      expect(hinted.size).toBe(snapshots.length);
      for (const snapshot of snapshots) expect(hinted.get(snapshot.docId)!.state).toEqual(snapshot.state);
    }
    db.close();
  });
});

describe('packed bodies in the replica', () => {
  it('stores a page of new bodies in a few records and reads, lists and probes every one', async () => {
    const idb = fakeIdb();
    const replica: Replica = await openReplica(idb);
    opened.push(replica);
    const docs = Array.from({ length: 80 }, (_, i) => [documentDocId(`d${i}`), bodyDoc(1000 + i, `Biên bản phiên tòa số ${i} `.repeat(200))] as const);
    const report = await replica.sync.applyRemoteDocs(docs.map(([docId, doc], i) => pulled(docId, doc, i + 1)));
    expect(report.failed).toEqual([]);

    const db = await openDatabase(idb);
    opened.push(db);
    expect(await db.docSnapshots.count()).toBe(0);
    expect(await db.bodyPacks.count()).toBeLessThanOrEqual(Math.ceil(80 / 10));
    expect(await replica.sync.documentDocIds()).toEqual(docs.map(([docId]) => docId).sort());
    for (const [docId, doc] of docs) expect(textOf(await replica.sync.storedDocState(docId))).toBe(doc.getText('t').toString());
    // Pulled clean: nothing to push, and the day pack finds them (not "absent").
    expect(await replica.sync.pendingDocIds()).toEqual([]);
    const states = await readDocStates(db, [docs[3]![0], 'doc:never-pulled']);
    expect(states.get(docs[3]![0])).toBe('synced');
    expect(states.get('doc:never-pulled')).toBe('absent');
  });

  it('writes no sync record for bodies pulled clean: the pack implies one, until a pulled change writes it', async () => {
    const idb = fakeIdb();
    const replica = await openReplica(idb);
    opened.push(replica);
    const docs = Array.from({ length: 30 }, (_, i) => [documentDocId(`d${i}`), bodyDoc(2000 + i, `Quyết định số ${i} `.repeat(100))] as const);
    await replica.sync.applyRemoteDocs(docs.map(([docId, doc], i) => pulled(docId, doc, i + 1)));
    // A restored body (from a backup) is not known to be on the server: it gets its own, pending.
    const restored = bodyDoc(3000, 'Bản sao lưu');
    await replica.sync.applyRemoteDocs([{ docId: documentDocId('r1'), update: Y.encodeStateAsUpdate(restored), fromBackup: true }]);
    const db = await openDatabase(idb);
    opened.push(db);
    expect(await db.syncState.toCollection().primaryKeys()).toEqual([documentDocId('r1')]);
    expect(await db.packedSync.count()).toBe(await db.bodyPacks.count() - 1);
    expect(await replica.sync.pendingDocIds()).toEqual([documentDocId('r1')]);

    // What the next pull asks with: exactly the server's state vector of each.
    const known = await replica.sync.stateVectorsOf([...docs.map(([docId]) => docId), 'doc:unknown']);
    expect(known.size).toBe(docs.length);
    for (const [docId, doc] of docs) expect(Y.decodeStateVector(known.get(docId)!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));

    // A change pulled later writes the doc's own record: clean, at the server's new state.
    const [docId, server] = docs[4]!;
    const before = Y.encodeStateVector(server);
    server.getText('t').insert(0, 'Đính chính: ');
    await replica.sync.applyRemoteDocs([{ docId, update: Y.encodeStateAsUpdate(server, before), stateVector: Y.encodeStateVector(server), seq: 99 }]);
    const record = await db.syncState.get(docId);
    expect(record).toMatchObject({ docId, serverSeq: 99 });
    expect(record!.dirty).toBeUndefined();
    expect(Y.decodeStateVector(record!.serverSV!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(server)));
    expect(textOf(await replica.sync.storedDocState(docId))).toBe(server.getText('t').toString());
    expect(await replica.sync.pendingDocIds()).toEqual([documentDocId('r1')]);
  });

  it('merges into a body another connection packed, which this replica\'s cache does not know', async () => {
    const idb = fakeIdb();
    const mine = await openReplica(idb);
    opened.push(mine);
    // Loads this replica's cache of implied records while nothing is packed.
    expect((await mine.sync.stateVectorsOf(['doc:x'])).size).toBe(0);
    const other = await openReplica(fakeIdb(idb.name));
    opened.push(other);
    const server = bodyDoc(1, 'Bản án số 12');
    const docId = documentDocId('d12');
    await other.sync.applyRemoteDocs([pulled(docId, server, 1)]);

    const before = Y.encodeStateVector(server);
    server.getText('t').insert(server.getText('t').length, ' (đã đính chính)');
    const report = await mine.sync.applyRemoteDocs([{ docId, update: Y.encodeStateAsUpdate(server, before), stateVector: Y.encodeStateVector(server), seq: 2 }]);
    expect(report.failed).toEqual([]);
    expect(textOf(await mine.sync.storedDocState(docId))).toBe('Bản án số 12 (đã đính chính)');
    expect(await mine.sync.pendingDocIds()).toEqual([]);
  });

  it('copies a packed body out on its first edit in the editor, keeping its text and marking it pending', async () => {
    const idb = fakeIdb();
    const replica = await openReplica(idb);
    opened.push(replica);
    const server = bodyDoc(1, 'Chủ tọa hỏi: ');
    await replica.sync.applyRemoteDocs([pulled(documentDocId('d1'), server, 1), pulled(documentDocId('d2'), bodyDoc(2, 'Khác'), 2)]);

    const store: DocumentStore = await openDocumentStore({ ...idb, flushDelayMs: 0 });
    opened.push(store);
    expect(await store.has('d1')).toBe(true);
    const open = await store.open('d1');
    if (!open.ok) throw new Error(open.error.messageEn);
    const created = await store.create('d1', () => undefined);
    expect(created.ok).toBe(false);
    open.value.doc.getText('t').insert(open.value.doc.getText('t').length, 'Bị cáo trả lời: có.');
    await open.value.flush();
    await open.value.close();

    const db = await openDatabase(idb);
    opened.push(db);
    expect((await db.docSnapshots.get(documentDocId('d1')))!.state).toEqual(Y.encodeStateAsUpdate(server));
    expect(await db.docSnapshots.get(documentDocId('d2'))).toBeUndefined();
    expect(textOf(await replica.sync.storedDocState(documentDocId('d1')))).toBe('Chủ tọa hỏi: Bị cáo trả lời: có.');
    expect(await replica.sync.pendingDocIds()).toEqual([documentDocId('d1')]);
    // The edit's record kept the server's state the pack implied: the push is the edit alone.
    const [push] = await replica.sync.pushDocItems([documentDocId('d1')]);
    const structs = Y.decodeUpdate(push!.update).structs;
    expect(structs.length).toBeGreaterThan(0);
    expect(structs.every((struct) => struct.id.client !== server.clientID)).toBe(true);
    const onServer = bodyDoc(1, '');
    Y.applyUpdate(onServer, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(onServer, push!.update);
    expect(onServer.getText('t').toString()).toBe('Chủ tọa hỏi: Bị cáo trả lời: có.');

    // A later change from the server merges with the local edit (the pack's copy is never read again).
    const before = Y.encodeStateVector(server);
    server.getText('t').insert(0, '[09:00] ');
    await replica.sync.applyRemoteDocs([{ docId: documentDocId('d1'), update: Y.encodeStateAsUpdate(server, before), stateVector: Y.encodeStateVector(server), seq: 3 }]);
    expect(textOf(await replica.sync.storedDocState(documentDocId('d1')))).toBe('[09:00] Chủ tọa hỏi: Bị cáo trả lời: có.');
  });

  it('takes a packed body pulled again as new (its sync record lost) by re-reading the page: both edits kept', async () => {
    const idb = fakeIdb();
    const replica = await openReplica(idb);
    opened.push(replica);
    const server = bodyDoc(1, 'Nội dung');
    const docId = documentDocId('d1');
    await replica.sync.applyRemoteDocs([pulled(docId, server, 1)]);
    const db = await openDatabase(idb);
    opened.push(db);
    // A body pulled clean has its record implied by the pack (schema v9); simulate a replica
    // where that went missing.
    expect(await db.syncState.count()).toBe(0);
    await db.packedSync.clear();

    const before = Y.encodeStateVector(server);
    server.getText('t').insert(server.getText('t').length, ' đã sửa');
    const report = await replica.sync.applyRemoteDocs([{ docId, update: Y.encodeStateAsUpdate(server, before), stateVector: Y.encodeStateVector(server), seq: 2 }]);
    expect(report.failed).toEqual([]);
    expect(textOf(await replica.sync.storedDocState(docId))).toBe('Nội dung đã sửa');
    expect(await db.bodyPacks.count()).toBe(1);
  });
});
