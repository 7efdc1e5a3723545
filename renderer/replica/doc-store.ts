/**
 * Yjs docs in IndexedDB, after AFFiNE's nbstore (STYLE §3): a doc is one snapshot (its merged
 * state) plus the updates appended since. Pushing an update is a cheap append; reading merges
 * the snapshot with the pending updates; after {@link COMPACT_AFTER} pending updates the writer
 * replaces the snapshot with the merged state and deletes the updates it merged, in the same
 * transaction as the append, so a reader never sees a half-compacted doc.
 *
 * These helpers run inside a Dexie transaction opened by the caller (replica.ts), because an
 * edit must store its update and the case's new rows atomically.
 */
import * as Y from 'yjs';
import { groupBy } from '../../shared/collections/group-by.js';
import { domainError, err, ok, type DomainError, type Result } from '../../shared/domain/result.js';
import { packedDocIds, readPacked, unpack } from './body-packs.js';
import type { CourtdeskDb, DocSnapshotRecord, DocUpdateRecord } from './schema.js';
import { getSparse } from './sparse-get.js';

/**
 * A fresh Y.Doc for a stored doc. The guid is the doc id: without one, Yjs draws a random UUID
 * with 31 `crypto.getRandomValues` calls, which profiling showed as ~0.4 ms per case doc in
 * Chromium, a sizeable share of a 20,000-case import. The guid is not part of the stored state.
 */
export function newDoc(docId: string): Y.Doc {
  return new Y.Doc({ guid: docId });
}

/**
 * Bytes that own their whole buffer. IndexedDB stores a typed array with its entire underlying
 * ArrayBuffer, so a view into a received message or an unzipped bundle would store the whole
 * message (or bundle) with every doc.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** Pending updates per doc before the next write compacts them into the snapshot. */
export const COMPACT_AFTER = 100;

export interface StoredDoc {
  readonly snapshot: DocSnapshotRecord;
  /** Pending updates, in append order. */
  readonly updates: readonly DocUpdateRecord[];
  /** The snapshot was read from a body pack: the first write copies it out (body-packs.ts). */
  readonly packed?: true;
}

/**
 * Identifies a stored state: the snapshot's compaction count and the last pending update. Any
 * other writer (another window, later the sync client) changes it, so a cached doc whose
 * version matches holds exactly what is stored and needs no re-merge.
 */
export function storedVersion(stored: StoredDoc): string {
  return `${stored.snapshot.updateCount}:${stored.updates.at(-1)?.seq ?? 0}`;
}

/**
 * Reads a doc's snapshot and pending updates; undefined when the doc does not exist. The
 * transaction's scope must hold `db.docTables`.
 */
export async function readStoredDoc(db: CourtdeskDb, docId: string): Promise<StoredDoc | undefined> {
  const [snapshot, updates] = await Promise.all([
    db.docSnapshots.get(docId),
    db.docUpdates.where('docId').equals(docId).sortBy('seq'),
  ]);
  if (snapshot) return { snapshot, updates };
  const packed = (await readPacked(db, [docId])).get(docId);
  return packed ? { snapshot: packed, updates, packed: true } : undefined;
}

/** Every stored doc's id, packed bodies included, sorted. */
export async function storedDocIds(db: CourtdeskDb): Promise<string[]> {
  const [own, packed] = await Promise.all([db.docSnapshots.toCollection().primaryKeys(), packedDocIds(db)]);
  return [...new Set([...own, ...packed])].sort();
}

/** True when the doc is stored (its own snapshot or a packed body). Key reads only. */
export async function hasStoredDoc(db: CourtdeskDb, docId: string): Promise<boolean> {
  if ((await db.docSnapshots.where(':id').equals(docId).count()) > 0) return true;
  return (await db.bodyPacks.where('docIds').equals(docId).count()) > 0;
}

/**
 * What the caller of {@link readStoredDocs} knows that saves requests: the pack of docs pulled
 * clean (the replica's ImpliedSyncCache), and that few of the docs asked have a snapshot record
 * of their own (docs pulled are mostly packed: one cursor then beats a get per doc, sparse-get.ts;
 * for docs that mostly have one, parallel gets are faster than a cursor's steps).
 */
export interface ReadHints {
  readonly packOf?: (docId: string) => string | undefined;
  readonly fewOwnSnapshots?: boolean;
}

/** Reads many docs at once (a pull, a rebuild, a push): a map docId → stored doc. */
export async function readStoredDocs(db: CourtdeskDb, docIds: readonly string[], hints: ReadHints = {}): Promise<Map<string, StoredDoc>> {
  // Snapshots first: pending updates are looked up only for docs that exist, and not at all when
  // none does (a page of docs new to this replica, e.g. the first catch-up).
  const own = hints.fewOwnSnapshots ? await getSparse(db.docSnapshots, docIds) : await db.docSnapshots.bulkGet([...docIds]);
  const missing = docIds.filter((_, i) => own[i] === undefined);
  const packed = await readPacked(db, missing, hints.packOf);
  const snapshots = docIds.map((docId, i) => own[i] ?? packed.get(docId));
  const existing = snapshots.flatMap((snapshot) => (snapshot ? [snapshot.docId] : []));
  const updates = existing.length === 0 ? [] : await db.docUpdates.where('docId').anyOf(existing).toArray();
  const byDoc = groupBy(
    updates.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
    (update) => update.docId,
  );
  const out = new Map<string, StoredDoc>();
  for (const snapshot of snapshots) {
    if (!snapshot) continue;
    const updates = byDoc.get(snapshot.docId) ?? [];
    out.set(snapshot.docId, packed.has(snapshot.docId) ? { snapshot, updates, packed: true } : { snapshot, updates });
  }
  return out;
}

export function corruptDocError(docId: string, cause: unknown): DomainError {
  return domainError(
    'replica.docCorrupt',
    'Dữ liệu của hồ sơ này trên máy bị hỏng, không đọc được. Dữ liệu không bị xóa; hãy đồng bộ lại hoặc báo cho bộ phận công nghệ thông tin.',
    `The stored data of ${docId} is corrupt and cannot be read. Nothing was deleted.`,
    cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
  );
}

/**
 * Applies a stored doc to `doc` (a fresh one, or a cached one: Yjs ignores what it already has).
 * Corrupt bytes make Yjs throw or leave pending structs; both are reported, never papered over.
 */
export function applyStoredDoc(doc: Y.Doc, docId: string, stored: StoredDoc): Result<Y.Doc> {
  try {
    const update =
      stored.updates.length === 0
        ? stored.snapshot.state
        : Y.mergeUpdates([stored.snapshot.state, ...stored.updates.map((u) => u.update)]);
    Y.applyUpdate(doc, update);
  } catch (e) {
    return err(corruptDocError(docId, e));
  }
  // Updates whose dependencies are missing stay pending instead of throwing: a sign of a lost or
  // damaged update, so the doc is not what was saved.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    return err(corruptDocError(docId, 'missing dependencies (pending structs)'));
  }
  return ok(doc);
}

/**
 * Appends an edit's update; when the doc has collected {@link COMPACT_AFTER} pending updates,
 * writes the merged state as the new snapshot and deletes the updates instead. `merged` is the
 * in-memory doc, which at this point holds exactly the stored state plus the edit (the caller
 * applied the stored doc inside the same transaction).
 */
export async function appendUpdate(
  db: CourtdeskDb,
  docId: string,
  stored: StoredDoc,
  update: Uint8Array,
  merged: Y.Doc,
  now: string,
): Promise<{ compacted: boolean; version: string }> {
  if (stored.updates.length + 1 < COMPACT_AFTER) {
    if (stored.packed) await unpack(db, stored.snapshot);
    const seq = await db.docUpdates.add({ docId, update });
    return { compacted: false, version: `${stored.snapshot.updateCount}:${seq}` };
  }
  const updateCount = stored.snapshot.updateCount + stored.updates.length + 1;
  await db.docSnapshots.put({ docId, state: Y.encodeStateAsUpdate(merged), updateCount, updatedAt: now });
  await db.docUpdates.bulkDelete(stored.updates.map((u) => u.seq!));
  return { compacted: true, version: `${updateCount}:0` };
}

/**
 * {@link appendUpdate} for a doc that is not decoded (a document body pulled from the server):
 * compaction merges the bytes with `Y.mergeUpdates` instead of encoding an in-memory doc.
 */
export async function appendUpdateBytes(db: CourtdeskDb, docId: string, stored: StoredDoc, update: Uint8Array, now: string): Promise<string> {
  if (stored.updates.length + 1 < COMPACT_AFTER) {
    if (stored.packed) await unpack(db, stored.snapshot);
    const seq = await db.docUpdates.add({ docId, update: ownBytes(update) });
    return `${stored.snapshot.updateCount}:${seq}`;
  }
  const updateCount = stored.snapshot.updateCount + stored.updates.length + 1;
  const state = Y.mergeUpdates([stored.snapshot.state, ...stored.updates.map((u) => u.update), update]);
  await db.docSnapshots.put({ docId, state, updateCount, updatedAt: now });
  await db.docUpdates.bulkDelete(stored.updates.map((u) => u.seq!));
  return `${updateCount}:0`;
}

export interface CachedDoc {
  readonly doc: Y.Doc;
  /** The {@link storedVersion} this doc reflects. */
  readonly version: string;
}

/** A small least-recently-used cache of open docs (Map keeps insertion order). */
export class DocCache {
  private readonly docs = new Map<string, CachedDoc>();

  constructor(private readonly capacity: number) {}

  get(docId: string): CachedDoc | undefined {
    const entry = this.docs.get(docId);
    if (entry) {
      this.docs.delete(docId);
      this.docs.set(docId, entry);
    }
    return entry;
  }

  set(docId: string, entry: CachedDoc): void {
    const previous = this.docs.get(docId);
    if (previous && previous.doc !== entry.doc) previous.doc.destroy();
    this.docs.delete(docId);
    this.docs.set(docId, entry);
    while (this.docs.size > this.capacity) {
      const [oldestId, oldest] = this.docs.entries().next().value as [string, CachedDoc];
      this.docs.delete(oldestId);
      oldest.doc.destroy();
    }
  }

  /** Forgets a doc (after a failed write: the next read reloads what is stored). */
  drop(docId: string): void {
    const entry = this.docs.get(docId);
    this.docs.delete(docId);
    entry?.doc.destroy();
  }

  clear(): void {
    for (const entry of this.docs.values()) entry.doc.destroy();
    this.docs.clear();
  }
}
