/**
 * Docs pulled for the first time (document bodies, and since schema v9 case docs too) are stored
 * several to a record ("body packs", schema.ts `bodyPacks`) instead of one record each. Those
 * pulled clean in one piece get no syncState record either: the server's state of each is kept
 * beside its pack (`packedSync`) and their record is implied (`impliedSyncRecords`) until the
 * doc's first write, an edit or a pulled change, writes one of its own.
 *
 * Why: an initial replica of 60,000 bodies of ~13 KB each wrote 60,000 values into IndexedDB, and
 * Chromium keeps values that small inside its LevelDB, where they are copied again by every
 * compaction: ~40 s of a 20,000-case court's initial replica on this machine. A value over 64 KB is
 * written by Chromium as a file of its own beside the database; 20 bodies to a record measured
 * ~6× faster than one record each for the same bytes (bench/README.md, initial replica).
 *
 * Since then Chromium compresses a value of 64 KB or more with Snappy in the renderer
 * (`IndexedDBCompressValuesWithSnappy`, on by default) and decides between LevelDB and a file on
 * the compressed size, so a 256 KB pack of minutes text now lives in LevelDB, compressed. That is
 * still the cheapest size measured (`npx tsx bench/node/idb-pack-size.ts`, 800 MB of packs into
 * a fresh on-disk database): 0.83 s of Chromium CPU per 100 MB at 256 KB, 0.99 s at 1 MB (files:
 * each is wrapped into a blob in `put`), 1.28 s at 64 KB. What made one record per body slow was
 * the 60,000 records, not LevelDB holding their bytes.
 *
 * The rule that keeps this simple: **a pack holds bodies exactly as pulled, and only until their
 * first write.** Reading a doc looks at `docSnapshots` first and at the packs only for a doc it
 * does not find there. Any write of a packed doc (a pulled change, an edit in the editor) first
 * copies its packed state into `docSnapshots` (`unpack`), so from then on the pack's copy is
 * shadowed and never read again; a pack is therefore never rewritten. What a pack still holds of
 * written docs is dead weight, bounded by one copy of each body.
 *
 * These helpers run inside a Dexie transaction opened by the caller whose scope includes
 * `bodyPacks` (schema.ts `docTables`).
 */
import { impliedRecordsOf } from './implied-sync-cache.js';
import type { BodyPackRecord, CourtdeskDb, DocSnapshotRecord, PackedSyncRecord, SyncStateRecord } from './schema.js';

/** What the server held of a doc pulled clean in one piece: its state vector and change seq. */
export interface PulledState {
  readonly serverSV: Uint8Array;
  readonly seq: number;
}

/** A pack is closed when it reaches this many bytes (well over Chromium's 64 KB blob threshold)… */
export const PACK_TARGET_BYTES = 256 * 1024;
/** …or this many bodies (tiny bodies still share records, but an index entry per doc is kept small). */
export const PACK_MAX_DOCS = 64;
/**
 * Case docs (~3 KB) go 8 to a pack: they change far more often than bodies, and the first change
 * of a packed doc reads its whole pack. 8 keeps that read ~25 KB (500 changed cases read ~12 MB,
 * not ~100 MB) while an initial replica still writes 2,500 records for 20,000 cases, not 20,000.
 */
export const CASE_PACK_MAX_DOCS = 8;

/** Groups new bodies' snapshots into packs, in the order given. */
export function packBodies(snapshots: readonly DocSnapshotRecord[], now: string, maxDocs = PACK_MAX_DOCS): BodyPackRecord[] {
  const packs: BodyPackRecord[] = [];
  let group: DocSnapshotRecord[] = [];
  let bytes = 0;
  const close = () => {
    if (group.length > 0) packs.push(buildPack(group, now));
    group = [];
    bytes = 0;
  };
  for (const snapshot of snapshots) {
    group.push(snapshot);
    bytes += snapshot.state.byteLength;
    if (bytes >= PACK_TARGET_BYTES || group.length >= maxDocs) close();
  }
  close();
  return packs;
}

function buildPack(group: readonly DocSnapshotRecord[], now: string): BodyPackRecord {
  const total = group.reduce((sum, s) => sum + s.state.byteLength, 0);
  const bytes = new Uint8Array(total);
  const ends: number[] = [];
  let at = 0;
  for (const snapshot of group) {
    bytes.set(snapshot.state, at);
    at += snapshot.state.byteLength;
    ends.push(at);
  }
  // The first doc id names the pack: a doc is packed once (when it first arrives), so two packs
  // never share it, and a pack added twice fails instead of replacing the first.
  return { packId: group[0]!.docId, docIds: group.map((s) => s.docId), ends, bytes, updatedAt: now };
}

/**
 * The packedSync records of new packs: for each doc pulled clean (in `pulled`) its server state,
 * null for the others (they have a syncState record). A pack with no such doc needs none.
 */
export function packedSyncRecords(packs: readonly BodyPackRecord[], pulled: ReadonlyMap<string, PulledState>): PackedSyncRecord[] {
  return packs.flatMap((pack) => {
    const states = pack.docIds.map((docId) => pulled.get(docId));
    if (states.every((state) => state === undefined)) return [];
    return [{ packId: pack.packId, docIds: pack.docIds, serverSVs: states.map((state) => state?.serverSV ?? null), seqs: states.map((state) => state?.seq ?? 0) }];
  });
}

/**
 * The sync records implied by packs for docs that have no syncState record: clean, at the state
 * the server sent. The same record `afterPull` writes for a doc new to the replica pulled in one
 * piece (knownSV = serverSV: we hold exactly what the server had). One index key read per doc,
 * and a small packedSync record per pack found; no pack's bytes are read.
 */
export async function impliedSyncRecords(db: CourtdeskDb, docIds: readonly string[]): Promise<Map<string, SyncStateRecord>> {
  const out = new Map<string, SyncStateRecord>();
  const found = await packIdsOf(db, docIds);
  if (found.length === 0) return out;
  const wanted = new Set(docIds);
  for (const sync of await db.packedSync.bulkGet(found)) {
    for (const record of sync ? impliedRecordsOf(sync) : []) if (wanted.has(record.docId)) out.set(record.docId, record);
  }
  return out;
}

/** Every implied record's doc id and known state vector (a full pull request names them all). */
export async function impliedStateVectors(db: CourtdeskDb): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  await db.packedSync.each((sync) => {
    for (const record of impliedRecordsOf(sync)) out.set(record.docId, record.knownSV!);
  });
  return out;
}

/**
 * Stores docs new to the replica in packs (body-packs.ts), several to a record, with the server
 * state of those pulled clean beside them. Added, never put: the pack index is unique per doc, so
 * a doc taken for new that is packed already fails the page, which is then applied again.
 */
export async function writeNewDocs(
  db: CourtdeskDb,
  snapshots: readonly DocSnapshotRecord[],
  pulledClean: ReadonlyMap<string, PulledState>,
  now: string,
  maxDocs = PACK_MAX_DOCS,
): Promise<PackedSyncRecord[]> {
  if (snapshots.length === 0) return [];
  const packs = packBodies(snapshots, now, maxDocs);
  const syncs = packedSyncRecords(packs, pulledClean);
  await Promise.all([db.bodyPacks.bulkAdd(packs), db.packedSync.bulkAdd(syncs)]);
  return syncs;
}

/**
 * The ids of the packs holding these docs, each once, read from the pack index alone: one key
 * request per doc, issued together (an `anyOf` walks a cursor one jump at a time).
 */
async function packIdsOf(db: CourtdeskDb, docIds: readonly string[]): Promise<string[]> {
  const packIds = await Promise.all(docIds.map((docId) => db.bodyPacks.where('docIds').equals(docId).primaryKeys()));
  return [...new Set(packIds.flat())];
}

/**
 * The packed snapshots of these docs (those found in a pack), by doc id. `packOf` names the pack
 * of docs the caller knows (the replica's ImpliedSyncCache): those need no index request; a doc
 * it does not name, or whose named pack is not there, is looked up in the index.
 */
export async function readPacked(db: CourtdeskDb, docIds: readonly string[], packOf?: (docId: string) => string | undefined): Promise<Map<string, DocSnapshotRecord>> {
  const out = new Map<string, DocSnapshotRecord>();
  if (docIds.length === 0) return out;
  const wanted = new Set(docIds);
  const hinted = new Set(packOf ? docIds.flatMap((docId) => packOf(docId) ?? []) : []);
  const take = (packs: readonly (BodyPackRecord | undefined)[]) => {
    for (const pack of packs) {
      if (!pack) continue;
      pack.docIds.forEach((docId, i) => {
        if (!wanted.has(docId) || out.has(docId)) return;
        const start = i === 0 ? 0 : pack.ends[i - 1]!;
        // A copy that owns its buffer: the doc's state must not keep the whole pack alive (doc-store `ownBytes`).
        out.set(docId, { docId, state: pack.bytes.slice(start, pack.ends[i]!), updateCount: 0, updatedAt: pack.updatedAt });
      });
    }
  };
  if (hinted.size > 0) take(await db.bodyPacks.bulkGet([...hinted]));
  const unknown = docIds.filter((docId) => !out.has(docId));
  // Keys first, then each pack once: a multi-entry index yields a pack once per wanted doc it
  // holds, and reading values through it would load a ~256 KB pack that many times.
  if (unknown.length > 0) take(await db.bodyPacks.bulkGet(await packIdsOf(db, unknown)));
  return out;
}

/** Every packed doc id (read from the pack index alone, no pack is loaded). */
export async function packedDocIds(db: CourtdeskDb): Promise<string[]> {
  return (await db.bodyPacks.orderBy('docIds').uniqueKeys()) as string[];
}

/**
 * Before the first write of a doc read from a pack: its state becomes its own snapshot record.
 * Added, never put: if the doc had a snapshot after all, the write fails instead of replacing it.
 */
export async function unpack(db: CourtdeskDb, snapshot: DocSnapshotRecord): Promise<void> {
  await db.docSnapshots.add(snapshot);
}
