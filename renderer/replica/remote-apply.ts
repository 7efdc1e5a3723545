/**
 * Applying updates that came from the court server (a pulled page, or a live room) to stored
 * docs: persist and re-project in ONE transaction, like a local edit, so rows never disagree with
 * docs. Remote updates never mark a doc dirty; they move its `syncState` to the server's state.
 *
 * Before anything is written, the caller's guard sees what the page would do to the replica
 * (cases blanked, parties removed): a sync that would wipe many cases at once stops and asks the
 * user (guards.ts in renderer/sync), instead of silently applying (anchors, complaint #1, #10).
 * Docs are decoded fresh here, never the cached ones, so a refused page leaves memory untouched.
 */
import * as Y from 'yjs';
import { readCase } from '../../shared/domain/case-doc.js';
import type { Case } from '../../shared/domain/schemas.js';
import { appendUpdate, applyStoredDoc, COMPACT_AFTER, newDoc, readStoredDocs, storedVersion, type CachedDoc } from './doc-store.js';
import { isDuplicateKeyError } from './errors.js';
import { caseIdOfDoc, readCaseDetails, projectCase, type CaseProjection } from './projection.js';
import { insertRows, replaceRows, replaceRowsKnown, type ProjectionChange } from './rebuild.js';
import { CASE_PACK_MAX_DOCS, writeNewDocs, type PulledState } from './body-packs.js';
import type { ImpliedSyncLookup } from './implied-sync-cache.js';
import { applyRemoteBodies } from './remote-bodies.js';
import { storedKeys } from './sparse-get.js';
import { REMOTE_ORIGIN, type DecodedCaseDoc } from './case-doc-decoding.js';
import { neverSyncedRecord, type CourtdeskDb, type DocSnapshotRecord, type PackedSyncRecord, type SyncStateRecord } from './schema.js';
import { afterPull, covers, markLocalEdit, syncRecordsOf } from './sync-state.js';


export interface RemoteUpdate {
  readonly docId: string;
  readonly update: Uint8Array;
  /** The server's state vector of the doc when it sent the update (absent for a live-room update). */
  readonly serverSV?: Uint8Array;
  readonly seq?: number;
  /** From a backup bundle: the server may lack it, so a change marks the doc pending. */
  readonly fromBackup?: boolean;
}

/** What a batch of remote updates would do to the replica, for the mass-change guard. */
export interface RemoteChangeSummary {
  readonly docs: number;
  /** Case ids readable before and unreadable (blank) after. */
  readonly casesBlanked: readonly string[];
  readonly partiesRemoved: number;
  /** Totals in the replica before the change (0 for a page that removes nothing: not counted). */
  readonly caseTotal: number;
  readonly partyTotal: number;
}

export interface RemoteApplyResult {
  /** False when the guard refused: nothing was written. */
  readonly applied: boolean;
  readonly summary: RemoteChangeSummary;
  /** Case ids whose content changed. */
  readonly changedCaseIds: readonly string[];
  readonly projections: readonly CaseProjection[];
  /** Docs that could not take the update (corrupt stored data, missing dependencies). */
  readonly failed: readonly { readonly docId: string; readonly reason: string }[];
  /** Fresh decoded docs to put in the cache, with their stored version. */
  readonly docs: ReadonlyMap<string, CachedDoc>;
  /** Docs written without a Y.Doc here (decoded ahead): any cached copy is out of date. */
  readonly uncached: readonly string[];
  /** Each changed doc's new content as one update (for live rooms). */
  readonly updates: ReadonlyMap<string, Uint8Array>;
  /** The packedSync records written with new packs (for the replica's ImpliedSyncCache). */
  readonly packedSync: readonly PackedSyncRecord[];
}

/** Case docs decoded before the transaction (decode-ahead.ts `CaseDocDecoder`). */
export interface DecodedLookup {
  take(docId: string, update: Uint8Array): DecodedCaseDoc | undefined;
}

/**
 * A doc of the page being applied. `ahead`: a doc new to the replica, decoded before this
 * transaction from its one update (decode-ahead.ts): its state vector and projection are known
 * and it has no Y.Doc here (`doc` is made only if a second update of it comes in the page).
 */
interface WorkEntry {
  doc: Y.Doc | undefined;
  emitted: Uint8Array[];
  before?: Case;
  after?: Case;
  item: RemoteUpdate;
  fromBackup: boolean;
  ahead?: DecodedCaseDoc;
}

/** The entry's Y.Doc, decoded from its first update if it was decoded ahead without one. */
function docOf(docId: string, entry: WorkEntry): Y.Doc {
  if (entry.doc === undefined) {
    entry.doc = newDoc(docId);
    Y.applyUpdate(entry.doc, entry.emitted[0]!, REMOTE_ORIGIN);
  }
  return entry.doc;
}

class GuardRefused {
  constructor(readonly summary: RemoteChangeSummary) {}
}

function tryRead(doc: Y.Doc): Case | undefined {
  try {
    return readCase(doc);
  } catch {
    return undefined;
  }
}

export async function applyRemoteUpdates(
  db: CourtdeskDb,
  items: readonly RemoteUpdate[],
  now: string,
  guard: (summary: RemoteChangeSummary) => boolean,
  implied?: ImpliedSyncLookup,
  decoded?: DecodedLookup,
): Promise<RemoteApplyResult> {
  try {
    return await applyOnce(db, items, now, guard, false, implied, decoded);
  } catch (e) {
    // A doc stored without a sync record (schema v5 says there is none), or packed by another
    // connection (not in `implied`), was taken for new and its add refused: nothing was written.
    // Do the page again reading every snapshot, and sync records from IndexedDB.
    if (!isDuplicateKeyError(e)) throw e;
    return applyOnce(db, items, now, guard, true);
  }
}

/**
 * One attempt. Unless `readEverySnapshot`, only docs with a sync record (their own, or implied by
 * a pack: `implied`, else sync-state.ts `syncRecordsOf`) are read: every stored doc has one
 * (schema v5, v9), so a page of docs new to the replica reads no snapshot. New docs are ADDED to
 * packs, never put, so a doc that was packed after all fails the attempt instead of being hidden.
 */
async function applyOnce(
  db: CourtdeskDb,
  items: readonly RemoteUpdate[],
  now: string,
  guard: (summary: RemoteChangeSummary) => boolean,
  readEverySnapshot: boolean,
  implied?: ImpliedSyncLookup,
  decoded?: DecodedLookup,
): Promise<RemoteApplyResult> {
  try {
    return await db.transaction(
      'rw',
      [...db.docTables, ...db.syncTables, ...db.rowTables],
      async () => {
        const ids = [...new Set(items.map((i) => i.docId))];
        // Implied records from the replica's cache when it has one (no request per doc), else
        // from IndexedDB (sync-state.ts).
        const records = await syncRecordsOf(db, ids, implied);
        // A case doc with no record is new, unless an older app stored it without one: its own
        // snapshot (a key cursor: sparse-get.ts) must be merged into, never shadowed by a new pack.
        const unrecordedCases = readEverySnapshot ? [] : ids.filter((id, i) => records[i] === undefined && caseIdOfDoc(id) !== undefined);
        const strays = unrecordedCases.length === 0 ? [] : [...(await storedKeys(db.docSnapshots, unrecordedCases))];
        const stored = await readStoredDocs(db, readEverySnapshot ? ids : [...ids.filter((_, i) => records[i] !== undefined), ...strays], {
          fewOwnSnapshots: true,
          ...(implied ? { packOf: (docId: string) => implied.packOf(docId) } : {}),
        });
        const recordOf = new Map(ids.map((id, i) => [id, records[i]]));
        const failed: { docId: string; reason: string }[] = [];
        const work = new Map<string, WorkEntry>();
        let partiesRemoved = 0;
        const casesBlanked: string[] = [];
        const bodies = items.filter((item) => caseIdOfDoc(item.docId) === undefined);
        for (const item of items) {
          if (caseIdOfDoc(item.docId) === undefined) continue;
          let entry = work.get(item.docId);
          // Taken for every item, so a decoding that cannot be used is forgotten now.
          const ahead = decoded?.take(item.docId, item.update);
          if (!entry && ahead && !stored.has(item.docId)) {
            // New to this replica, decoded from these very bytes: nothing left to decode.
            work.set(item.docId, { doc: undefined, emitted: [item.update], item, fromBackup: item.fromBackup === true, ahead });
            continue;
          }
          if (!entry) {
            const doc = newDoc(item.docId);
            const previous = stored.get(item.docId);
            if (previous) {
              const loaded = applyStoredDoc(doc, item.docId, previous);
              if (!loaded.ok) {
                doc.destroy();
                failed.push({ docId: item.docId, reason: loaded.error.messageEn });
                continue;
              }
            }
            const before = previous ? tryRead(doc) : undefined;
            entry = { doc, emitted: [], item, fromBackup: false, ...(before ? { before } : {}) };
            work.set(item.docId, entry);
          }
          if (item.fromBackup) entry.fromBackup = true;
          const emitted = entry.emitted;
          // A doc new to this replica takes the pulled bytes as they are (they are its whole
          // content); listening for 'update' would make Yjs encode the same content again.
          const isNew = !stored.has(item.docId) && emitted.length === 0;
          const onUpdate = (update: Uint8Array) => emitted.push(update);
          // A second update of a doc decoded ahead: what was read ahead is out of date.
          delete entry.ahead;
          const doc = docOf(item.docId, entry);
          if (!isNew) doc.on('update', onUpdate);
          try {
            Y.applyUpdate(doc, item.update, REMOTE_ORIGIN);
            // Not copied: a new doc's bytes go into a pack, which copies them (body-packs.ts).
            if (isNew) emitted.push(item.update);
          } catch (e) {
            failed.push({ docId: item.docId, reason: e instanceof Error ? e.message : String(e) });
          } finally {
            if (!isNew) doc.off('update', onUpdate);
          }
          if (item.serverSV || !entry.item.serverSV) entry.item = item;
        }
        for (const [docId, entry] of work) {
          // Structs waiting for missing dependencies: the server sent a diff we cannot use; keep
          // what is stored and let the next catch-up (from an older cursor) resend.
          if (entry.doc && (entry.doc.store.pendingStructs !== null || entry.doc.store.pendingDs !== null)) {
            failed.push({ docId, reason: 'missing dependencies' });
            entry.doc.destroy();
            work.delete(docId);
            continue;
          }
          // A doc decoded ahead is new: there is no `before` to weigh its content against.
          const after = entry.doc ? tryRead(entry.doc) : undefined;
          if (after) entry.after = after;
          if (entry.before && !after) {
            casesBlanked.push(caseIdOfDoc(docId) ?? docId);
            partiesRemoved += entry.before.parties.length;
          } else if (entry.before && after) {
            const kept = new Set(after.parties.map((p) => p.id));
            partiesRemoved += entry.before.parties.filter((p) => !kept.has(p.id)).length;
          }
        }
        // The totals put a page's removals in proportion for the guard, and only then does it weigh
        // them: each is a walk (Chromium's IndexedDB counts 20,000 cases in 320–990 ms; parties are
        // in each case's record), taken only when the page removes something.
        const removes = partiesRemoved > 0 || casesBlanked.length > 0;
        const caseTotal = removes ? await db.cases.count() : 0;
        const partyTotal = removes ? await countParties(db) : 0;
        const summary: RemoteChangeSummary = { docs: work.size, casesBlanked, partiesRemoved, caseTotal, partyTotal };
        if (!guard(summary)) throw new GuardRefused(summary);

        const projections: CaseProjection[] = [];
        // Cases whose doc was readable before: their stored rows are the projection of `before`.
        const knownChanges: ProjectionChange[] = [];
        // Cases this replica did not hold: their rows are inserted without reading any first.
        const freshProjections: CaseProjection[] = [];
        const changedCaseIds: string[] = [];
        const docs = new Map<string, CachedDoc>();
        const updates = new Map<string, Uint8Array>();
        // New snapshots and sync records are written in bulk after the loop: one awaited request
        // per doc made a 20,000-doc catch-up spend most of its time waiting on IndexedDB.
        const newSnapshots: DocSnapshotRecord[] = [];
        // New case docs pulled clean in one piece: no syncState record, the pack implies it.
        const pulledClean = new Map<string, PulledState>();
        // Packed docs written for the first time: their own snapshot, added before any append
        // (body-packs.ts: a pack is never rewritten, the snapshot shadows it from then on).
        const unpacked: DocSnapshotRecord[] = [];
        const appends: { docId: string; update: Uint8Array; updateCount: number }[] = [];
        const syncRecords: SyncStateRecord[] = [];
        const restoredWithChanges: string[] = [];
        const packedSync: PackedSyncRecord[] = [];
        const uncached: string[] = [];
        for (const [docId, entry] of work) {
          const previous = stored.get(docId);
          let version = previous ? storedVersion(previous) : '0:0';
          if (entry.emitted.length > 0) {
            const update = entry.emitted.length === 1 ? entry.emitted[0]! : Y.mergeUpdates(entry.emitted);
            updates.set(docId, update);
            if (previous && previous.updates.length + 1 < COMPACT_AFTER) {
              // Appended in one bulk request after the loop (one awaited add per doc made an
              // incremental catch-up of 500 docs wait on 500 IndexedDB round trips). A packed
              // doc's first write also copies its packed state out as its own snapshot, as it
              // is (the bytes, not a re-encoding of the doc: encoding 500 case docs was ~0.4 s
              // of an incremental catch-up's ~3 s).
              appends.push({ docId, update, updateCount: previous.snapshot.updateCount });
              if (previous.packed) unpacked.push(previous.snapshot);
            } else if (previous) {
              version = (await appendUpdate(db, docId, previous, update, docOf(docId, entry), now)).version;
            } else {
              newSnapshots.push({ docId, state: update, updateCount: 0, updatedAt: now });
              version = '0:0';
            }
            const caseId = caseIdOfDoc(docId);
            const projection = entry.ahead ? entry.ahead.projection : entry.after && projectCase(entry.after);
            if (caseId !== undefined && projection) {
              if (!previous) freshProjections.push(projection);
              else if (entry.before) knownChanges.push({ before: projectCase(entry.before), after: projection });
              else projections.push(projection);
              changedCaseIds.push(caseId);
            }
          }
          // A live-room update says nothing certain about the server's state: leave the record.
          const localSV = entry.ahead?.stateVector ?? Y.encodeStateVector(docOf(docId, entry));
          // Pulled in one piece, exactly the server's state: its record is implied by the pack.
          const pulledWhole = !previous && !entry.fromBackup && entry.emitted.length === 1 && !recordOf.get(docId);
          if (pulledWhole && entry.item.serverSV && sameState(localSV, entry.item.serverSV)) {
            pulledClean.set(docId, { serverSV: entry.item.serverSV, seq: entry.item.seq ?? 0 });
          } else if (entry.item.serverSV) {
            syncRecords.push(afterPull(recordOf.get(docId), docId, entry.item.serverSV, entry.item.seq ?? 0, localSV));
          } else if (!previous && !recordOf.get(docId)) {
            // Every stored doc has a record (schema v5); one that came without the server's
            // state (a backup, a live room) is pending until the server acknowledges it.
            syncRecords.push(neverSyncedRecord(docId));
          }
          // A restored bundle that changed the doc may hold edits the server never saw (made on
          // another PC, offline): flag it like a local edit so the next sync pushes the diff. A
          // push of something the server already has is merged away there, so this never loses.
          if (entry.fromBackup && entry.emitted.length > 0) restoredWithChanges.push(docId);
          if (entry.doc) docs.set(docId, { doc: entry.doc, version });
          else uncached.push(docId);
        }
        // Added, never put: a doc that has its own snapshot after all fails the page (retried).
        if (unpacked.length > 0) await db.docSnapshots.bulkAdd(unpacked);
        if (appends.length > 0) {
          const seqs = await db.docUpdates.bulkAdd(
            appends.map((a) => ({ docId: a.docId, update: a.update })),
            { allKeys: true },
          );
          appends.forEach((a, i) => {
            const cached = docs.get(a.docId);
            if (cached) docs.set(a.docId, { doc: cached.doc, version: `${a.updateCount}:${seqs[i]}` });
          });
        }
        // The three groups of writes are issued together, not one after the other: IndexedDB
        // writes the bodies while this thread still builds and sends the rows (awaiting each group
        // left the main thread idle for ~40% of an initial replica). They touch different records.
        const [appliedBodies] = await Promise.all([
          applyRemoteBodies(db, bodies, stored, recordOf, now),
          Promise.all([writeNewDocs(db, newSnapshots, pulledClean, now, CASE_PACK_MAX_DOCS), db.syncState.bulkPut(syncRecords)]).then(async ([casePacks]) => {
            packedSync.push(...casePacks);
            // After the sync records: marking reads and bumps the record just written.
            for (const docId of restoredWithChanges) await markLocalEdit(db, docId);
          }),
          Promise.all([replaceRows(db, projections), replaceRowsKnown(db, knownChanges), insertRows(db, freshProjections)]),
        ]);
        for (const [docId, update] of appliedBodies.updates) updates.set(docId, update);
        failed.push(...appliedBodies.failed);
        packedSync.push(...appliedBodies.packedSync);
        const allProjections = [...projections, ...knownChanges.map((c) => c.after), ...freshProjections];
        return { applied: true, summary, changedCaseIds, projections: allProjections, failed, docs, uncached, updates, packedSync };
      },
    );
  } catch (e) {
    if (e instanceof GuardRefused) {
      return { applied: false, summary: e.summary, changedCaseIds: [], projections: [], failed: [], docs: new Map(), uncached: [], updates: new Map(), packedSync: [] };
    }
    throw e;
  }
}

async function countParties(db: CourtdeskDb): Promise<number> {
  let total = 0;
  // A damaged record counts none: the guard is a safety net, and the rebuild repairs the record.
  await db.cases.each((record) => (total += readCaseDetails(record)?.parties.length ?? 0));
  return total;
}

/** Two state vectors naming the same structs (encodings may order clients differently). */
function sameState(a: Uint8Array, b: Uint8Array): boolean {
  return covers(a, b) && covers(b, a);
}
