/**
 * Sync bookkeeping of the replica (schema.ts `syncState`): which docs hold local edits the court
 * server has not acknowledged, and what the server is known to hold of each.
 *
 * Pending is decided per doc by the server's acknowledgement, never by the socket state (DESIGN
 * §4): a doc is pending when its `dirty` flag is set (never synced: imported, or created offline;
 * or a local edit not acknowledged). A doc pulled clean into a pack has no record of its own: the
 * pack implies a clean one (`syncRecordsOf`, body-packs.ts), so every reader goes through that.
 * An ack clears the flag only when the server's state vector covers ours AND no edit was made
 * since the push was built (`localVersion`). The next
 * push sends the diff of the stored doc against the server's last state vector, which always
 * carries the whole delete set, so removals (which add no struct) are never lost.
 *
 * These helpers run inside a Dexie transaction opened by the caller when they write.
 */
import * as Y from 'yjs';
import { impliedStateVectors, impliedSyncRecords } from './body-packs.js';
import type { ImpliedSyncLookup } from './implied-sync-cache.js';
import type { StoredDoc } from './doc-store.js';
import { readStoredDocs } from './doc-store.js';
import type { CourtdeskDb, SyncStateRecord } from './schema.js';
import { getSparse } from './sparse-get.js';

/** The merged state of a stored doc (snapshot + pending updates). */
export function mergedState(stored: StoredDoc): Uint8Array {
  return stored.updates.length === 0 ? stored.snapshot.state : Y.mergeUpdates([stored.snapshot.state, ...stored.updates.map((u) => u.update)]);
}

/** Per client, the smaller clock of two state vectors (a client missing from either counts as 0). */
export function minStateVector(a: Uint8Array, b: Uint8Array): Uint8Array {
  const left = Y.decodeStateVector(a);
  const right = Y.decodeStateVector(b);
  const out = new Map<number, number>();
  for (const [client, clock] of left) {
    const other = right.get(client);
    if (other !== undefined) out.set(client, Math.min(clock, other));
  }
  return Y.encodeStateVector(out);
}

/** True when `server` has every struct `local` has (deletions are not described by either). */
export function covers(server: Uint8Array, local: Uint8Array): boolean {
  const theirs = Y.decodeStateVector(server);
  for (const [client, clock] of Y.decodeStateVector(local)) {
    if ((theirs.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * The sync records of some docs, in the order given: each doc's own, else the one its body pack
 * implies (a doc pulled clean and not written since: body-packs.ts), else undefined (not stored,
 * or an older replica's doc without one). The transaction's scope must hold `db.syncTables` and
 * `db.bodyPacks`. With `implied` (the replica's cache, implied-sync-cache.ts) the implied records
 * come from memory, without a request per doc.
 */
export async function syncRecordsOf(db: CourtdeskDb, docIds: readonly string[], implied?: ImpliedSyncLookup): Promise<(SyncStateRecord | undefined)[]> {
  const records = await getSparse(db.syncState, docIds);
  if (implied) return records.map((record, i) => record ?? implied.get(docIds[i]!));
  const missing = docIds.filter((_, i) => records[i] === undefined);
  // Returned without another await when nothing is missing: awaiting a promise that holds no
  // IndexedDB request loses Dexie's transaction zone (PrematureCommitError in the next request).
  if (missing.length === 0) return records;
  const fromPacks = await impliedSyncRecords(db, missing);
  return docIds.map((docId, i) => records[i] ?? fromPacks.get(docId));
}

/** Marks a doc as edited locally (inside the edit's transaction). */
export async function markLocalEdit(db: CourtdeskDb, docId: string): Promise<void> {
  // The implied record of a packed doc carries the server's state: kept, so the push is a diff.
  const [record] = await syncRecordsOf(db, [docId]);
  await db.syncState.put({ ...(record ?? { docId }), dirty: 1, localVersion: (record?.localVersion ?? 0) + 1 });
}

/**
 * Ids of the docs the server has not acknowledged. Every stored doc has a record (schema v5: a
 * never-synced doc is written dirty, see `neverSyncedRecord`), so this is the `dirty` index alone.
 */
export async function pendingDocIds(db: CourtdeskDb): Promise<string[]> {
  return (await db.syncState.where('dirty').equals(1).primaryKeys()).sort();
}

/** One doc to push: the diff against what the server last acknowledged, and the edit count it reflects. */
export interface PushCandidate {
  readonly docId: string;
  readonly update: Uint8Array;
  readonly localVersion: number;
}

export async function pushCandidates(db: CourtdeskDb, docIds: readonly string[]): Promise<PushCandidate[]> {
  return db.transaction('r', [...db.docTables, ...db.syncTables], async () => {
    const [stored, records] = await Promise.all([readStoredDocs(db, docIds), syncRecordsOf(db, docIds)]);
    const out: PushCandidate[] = [];
    docIds.forEach((docId, i) => {
      const doc = stored.get(docId);
      if (!doc) return;
      const record = records[i];
      const merged = mergedState(doc);
      out.push({ docId, update: record?.serverSV ? Y.diffUpdate(merged, record.serverSV) : merged, localVersion: record?.localVersion ?? 0 });
    });
    return out;
  });
}

export interface Ack {
  readonly docId: string;
  /** The server's state vector after it applied the push. */
  readonly stateVector: Uint8Array;
  readonly seq: number;
  /** The `localVersion` of the pushed candidate. */
  readonly localVersion: number;
}

/** Records acks; answers the doc ids that are now fully on the server. */
export async function markAcked(db: CourtdeskDb, acks: readonly Ack[]): Promise<string[]> {
  if (acks.length === 0) return [];
  return db.transaction('rw', [...db.docTables, ...db.syncTables], async () => {
    const ids = acks.map((a) => a.docId);
    const [stored, records] = await Promise.all([readStoredDocs(db, ids), syncRecordsOf(db, ids)]);
    const synced: string[] = [];
    const puts: SyncStateRecord[] = [];
    acks.forEach((ack, i) => {
      const doc = stored.get(ack.docId);
      if (!doc) return;
      const record = records[i];
      const localSV = Y.encodeStateVectorFromUpdate(mergedState(doc));
      const localVersion = record?.localVersion ?? 0;
      const clean = localVersion === ack.localVersion && covers(ack.stateVector, localSV);
      if (clean) synced.push(ack.docId);
      puts.push({
        docId: ack.docId,
        ...dirtyFlag(!clean),
        localVersion,
        serverSV: ack.stateVector,
        knownSV: minStateVector(localSV, ack.stateVector),
        serverSeq: Math.max(ack.seq, record?.serverSeq ?? 0),
      });
    });
    await db.syncState.bulkPut(puts);
    return synced;
  });
}

/**
 * What this replica may claim to hold of each doc when pulling: the server sends everything
 * beyond it. Never the server's own state vector, which may include others' edits we lack.
 */
export async function knownStateVectors(db: CourtdeskDb): Promise<Map<string, Uint8Array>> {
  return db.transaction('r', db.syncTables, async () => {
    const out = await impliedStateVectors(db);
    // A doc's own record wins over the implied one, even when it claims nothing (never synced).
    await db.syncState.each((record) => {
      if (record.knownSV) out.set(record.docId, record.knownSV);
      else out.delete(record.docId);
    });
    return out;
  });
}

/** {@link knownStateVectors} of some docs only (an incremental pull asks for a few hundred). */
export async function stateVectorsOf(db: CourtdeskDb, docIds: readonly string[], implied?: ImpliedSyncLookup): Promise<Map<string, Uint8Array>> {
  const records = await db.transaction('r', [db.bodyPacks, ...db.syncTables], () => syncRecordsOf(db, docIds, implied));
  const out = new Map<string, Uint8Array>();
  for (const record of records) if (record?.knownSV) out.set(record.docId, record.knownSV);
  return out;
}

/** The record after a pull applied `serverSV`'s content: everything the server had is now here. */
export function afterPull(record: SyncStateRecord | undefined, docId: string, serverSV: Uint8Array, seq: number, localSV: Uint8Array): SyncStateRecord {
  // A local edit stays pending (its flag came with the edit); otherwise pending = we hold structs
  // the server lacks (a never-synced import that differs from the server's copy). A never-synced
  // record (dirty, no edit counted) is the second kind: the pull itself may prove it synced.
  const editPending = record?.dirty === 1 && record.localVersion > 0;
  return {
    docId,
    ...dirtyFlag(editPending || !covers(serverSV, localSV)),
    localVersion: record?.localVersion ?? 0,
    serverSV,
    knownSV: minStateVector(localSV, serverSV),
    serverSeq: Math.max(seq, record?.serverSeq ?? 0),
  };
}

/** The `dirty` field of a record: 1 when pending, absent when clean (schema.ts: a sparse index). */
function dirtyFlag(pending: boolean): { readonly dirty?: 1 } {
  return pending ? { dirty: 1 } : {};
}
