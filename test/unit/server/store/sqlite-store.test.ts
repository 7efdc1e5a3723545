import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../../server/store/sqlite-store.js';
import { StoreError, type ServerStore } from '../../../../server/store/store.js';
import { sha256Prefix } from '../../../../server/store/digest.js';

const COURT = 'tand-kv1-vinhlong';
const stores: ServerStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function open(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-store-'))) {
  const store = openSqliteStore(dir);
  stores.push(store);
  return { store, dir };
}

/** Records every update a doc emits, the way the server's registry sees them. */
function recordingDoc() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('SqliteStore', () => {
  it('appends, loads the merged state, compacts, and loads the same state again', async () => {
    const { store } = open();
    const { doc, updates } = recordingDoc();
    for (let i = 0; i < 50; i++) doc.getText('body').insert(doc.getText('body').length, `dòng ${i}; `);
    doc.getMap('meta').set('status', 'nháp');
    doc.getText('body').delete(0, 5);
    let last = { seq: 0, pendingUpdates: 0 };
    for (const update of updates) last = await store.appendUpdate(COURT, 'doc/d-1', update);
    expect(last.pendingUpdates).toBe(updates.length);

    const before = await store.loadDoc(COURT, 'doc/d-1');
    expect(before).not.toBeNull();
    expect(docFrom(before!.update).getText('body').toString()).toBe(doc.getText('body').toString());
    expect(before!.seq).toBe(last.seq);

    await store.compact(COURT, 'doc/d-1');
    const after = await store.loadDoc(COURT, 'doc/d-1');
    const reloaded = docFrom(after!.update);
    expect(reloaded.getText('body').toString()).toBe(doc.getText('body').toString());
    expect(reloaded.getMap('meta').get('status')).toBe('nháp');
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(doc));
    // compaction replaced the pending rows by the snapshot
    expect((await store.appendUpdate(COURT, 'doc/d-1', Y.encodeStateAsUpdate(new Y.Doc()))).pendingUpdates).toBe(1);
  });

  it('answers null for a doc never stored (a new doc, not an error)', async () => {
    const { store } = open();
    expect(await store.loadDoc(COURT, 'case/none')).toBeNull();
  });

  it('keeps everything after close and reopen (random edits, seeded)', async () => {
    const seed = 20261128;
    let state = seed;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const { store, dir } = open();
    const { doc, updates } = recordingDoc();
    for (let i = 0; i < 300; i++) {
      const text = doc.getText('body');
      if (text.length > 0 && random() < 0.3) text.delete(Math.floor(random() * text.length), 1);
      else text.insert(Math.floor(random() * (text.length + 1)), 'ăâđêôơư'[Math.floor(random() * 7)] as string);
      if (i % 97 === 0) await store.compact(COURT, 'doc/r');
      for (const update of updates.splice(0)) await store.appendUpdate(COURT, 'doc/r', update);
    }
    await store.close();
    const again = openSqliteStore(dir);
    stores.push(again);
    const loaded = await again.loadDoc(COURT, 'doc/r');
    expect(docFrom(loaded!.update).getText('body').toString(), `seed ${seed}`).toBe(doc.getText('body').toString());
  });

  it('reports a corrupt stored update as a load error, never as an empty doc, and does not compact it away', async () => {
    const { store, dir } = open();
    const { doc, updates } = recordingDoc();
    doc.getText('body').insert(0, 'quan trọng');
    doc.getText('body').insert(0, 'rất ');
    for (const update of updates) await store.appendUpdate(COURT, 'doc/x', update);
    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    db.prepare('UPDATE updates SET data = ? WHERE id = (SELECT MIN(id) FROM updates)').run(Buffer.from([0, 1, 2, 3]));
    db.close();

    await expect(store.loadDoc(COURT, 'doc/x')).rejects.toMatchObject({ name: 'StoreError', code: 'store.corrupt' });
    await expect(store.compact(COURT, 'doc/x')).rejects.toBeInstanceOf(StoreError);
    // still corrupt: compaction did not replace the history with something smaller
    await expect(store.loadDoc(COURT, 'doc/x')).rejects.toMatchObject({ code: 'store.corrupt' });
  });

  it('loads blobs stored with the older SHA-256 digests, and still finds them corrupt when damaged', async () => {
    const { store, dir } = open();
    const { doc, updates } = recordingDoc();
    doc.getText('body').insert(0, 'biên bản cũ');
    for (const update of updates) await store.appendUpdate(COURT, 'doc/old', update);
    await store.compact(COURT, 'doc/old');
    doc.getText('body').insert(0, 'thêm: ');
    await store.appendUpdate(COURT, 'doc/old', updates.at(-1)!);
    // As a server before CRC-32 digests wrote them.
    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    const snapshot = (db.prepare('SELECT snapshot FROM docs WHERE doc_key = ?').get('doc/old') as { snapshot: Buffer }).snapshot;
    db.prepare('UPDATE docs SET snapshot_digest = ? WHERE doc_key = ?').run(sha256Prefix(snapshot), 'doc/old');
    for (const row of db.prepare('SELECT id, data FROM updates WHERE doc_key = ?').all('doc/old') as { id: number; data: Buffer }[]) {
      db.prepare('UPDATE updates SET digest = ? WHERE id = ?').run(sha256Prefix(row.data), row.id);
    }
    db.close();
    const loaded = await store.loadDoc(COURT, 'doc/old');
    expect(docFrom(loaded!.update).getText('body').toString()).toBe('thêm: biên bản cũ');

    const damage = new Database(path.join(dir, SQLITE_FILE_NAME));
    snapshot.writeUInt8(snapshot.readUInt8(3) ^ 0x01, 3);
    damage.prepare('UPDATE docs SET snapshot = ? WHERE doc_key = ?').run(snapshot, 'doc/old');
    damage.close();
    await expect(store.loadDoc(COURT, 'doc/old')).rejects.toMatchObject({ code: 'store.corrupt' });
  });

  it('reports a corrupt snapshot as a load error', async () => {
    const { store, dir } = open();
    const { doc, updates } = recordingDoc();
    doc.getText('body').insert(0, 'bản án');
    for (const update of updates) await store.appendUpdate(COURT, 'doc/s', update);
    await store.compact(COURT, 'doc/s');
    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    const row = db.prepare('SELECT snapshot FROM docs WHERE doc_key = ?').get('doc/s') as { snapshot: Buffer };
    row.snapshot.writeUInt8(row.snapshot.readUInt8(row.snapshot.length - 1) ^ 0xff, row.snapshot.length - 1);
    db.prepare('UPDATE docs SET snapshot = ? WHERE doc_key = ?').run(row.snapshot, 'doc/s');
    db.close();
    await expect(store.loadDoc(COURT, 'doc/s')).rejects.toMatchObject({ code: 'store.corrupt' });
  });

  it('keeps one monotonic change sequence per court, and pages "changed since"', async () => {
    const { store } = open();
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const seqs: number[] = [];
    for (let i = 0; i < 10; i++) seqs.push((await store.appendUpdate(COURT, `case/c-${i % 4}`, update)).seq);
    const other = await store.appendUpdate('tand-khac', 'case/c-0', update);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(other.seq).toBe(1);
    expect(await store.currentSeq(COURT)).toBe(10);
    expect(await store.currentSeq('tand-none')).toBe(0);

    // each doc once, at its last change, oldest first
    const first = await store.changesSince(COURT, 0, 3);
    expect(first).toEqual({
      docs: [
        { docKey: 'case/c-2', seq: 7 },
        { docKey: 'case/c-3', seq: 8 },
        { docKey: 'case/c-0', seq: 9 },
      ],
      hasMore: true,
    });
    const rest = await store.changesSince(COURT, 9, 3);
    expect(rest).toEqual({ docs: [{ docKey: 'case/c-1', seq: 10 }], hasMore: false });
    expect((await store.changesSince(COURT, 10, 10)).docs).toEqual([]);
  });

  it('migrates a file written before the state-vector migration, and answers exact state vectors', async () => {
    const { store, dir } = open();
    const { doc, updates } = recordingDoc();
    doc.clientID = 5;
    for (let i = 0; i < 20; i++) doc.getText('body').insert(0, `dòng ${i} `);
    for (const update of updates.splice(0, 10)) await store.appendUpdate(COURT, 'doc/cu', update);
    await store.compact(COURT, 'doc/cu');
    for (const update of updates.splice(0)) await store.appendUpdate(COURT, 'doc/cu', update);
    await store.close();
    // Back to schema 3, as a server of the previous release left the file.
    const raw = new Database(path.join(dir, SQLITE_FILE_NAME));
    raw.exec('ALTER TABLE docs DROP COLUMN state_vector');
    raw.pragma('user_version = 3');
    raw.close();
    const { store: upgraded } = open(dir);
    const loaded = (await upgraded.loadDoc(COURT, 'doc/cu'))!;
    expect(Buffer.from(loaded.stateVector).equals(Buffer.from(Y.encodeStateVectorFromUpdate(loaded.update)))).toBe(true);
    expect(Buffer.from(loaded.stateVector).equals(Buffer.from(Y.encodeStateVector(doc)))).toBe(true);
    const check = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(4);
    expect(check.prepare('SELECT state_vector FROM docs').get()).toEqual({ state_vector: `{"5":${Y.decodeStateVector(Y.encodeStateVector(doc)).get(5)}}` });
    check.close();
  });

  it('stores accounts and refuses calls after close', async () => {
    const { store } = open();
    expect(await store.putUser({ court: COURT, user: 'thuky', passwordHash: 'h1', roles: ['clerk'] })).toEqual({ created: true });
    expect(await store.putUser({ court: COURT, user: 'thuky', passwordHash: 'h2', roles: ['clerk', 'judge'] })).toEqual({ created: false });
    expect(await store.getUser(COURT, 'thuky')).toEqual({ court: COURT, user: 'thuky', passwordHash: 'h2', roles: ['clerk', 'judge'] });
    expect(await store.getUser('tand-khac', 'thuky')).toBeNull();
    await store.close();
    await expect(store.currentSeq(COURT)).rejects.toMatchObject({ code: 'store.closed' });
  });
});
