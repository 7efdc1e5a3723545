/**
 * Pulled updates of docs the replica does not project: document bodies (`doc:{id}`, DESIGN §3).
 * Nothing reads their content at sync time, so they are stored as the bytes the server sent,
 * never decoded: a new doc's first update (the server's full state, diffed against nothing) IS its
 * snapshot, stored several to a record in a body pack (body-packs.ts), and a later diff is
 * appended like a local update. An initial replica of 60,000 document bodies then costs a few
 * thousand IndexedDB writes, not 60,000 Y.Doc decodes and re-encodes nor 60,000 small records.
 *
 * Runs inside the transaction of remote-apply.ts, after the guard accepted the page.
 */
import * as Y from 'yjs';
import { groupBy } from '../../shared/collections/group-by.js';
import { writeNewDocs, type PulledState } from './body-packs.js';
import { appendUpdateBytes, type StoredDoc } from './doc-store.js';
import type { RemoteUpdate } from './remote-apply.js';
import { neverSyncedRecord, type CourtdeskDb, type DocSnapshotRecord, type PackedSyncRecord, type SyncStateRecord } from './schema.js';
import { afterPull, markLocalEdit, mergedState } from './sync-state.js';

export interface BodiesApplied {
  /** Each changed doc's new bytes (what a listener, e.g. an open editor, must apply). */
  readonly updates: ReadonlyMap<string, Uint8Array>;
  readonly failed: readonly { readonly docId: string; readonly reason: string }[];
  /** The packedSync records written with the new packs (the replica's cache learns them). */
  readonly packedSync: readonly PackedSyncRecord[];
}

export async function applyRemoteBodies(
  db: CourtdeskDb,
  items: readonly RemoteUpdate[],
  stored: ReadonlyMap<string, StoredDoc>,
  records: ReadonlyMap<string, SyncStateRecord | undefined>,
  now: string,
): Promise<BodiesApplied> {
  const byDoc = groupBy(items, (item) => item.docId);
  const updates = new Map<string, Uint8Array>();
  const failed: { docId: string; reason: string }[] = [];
  const snapshots: DocSnapshotRecord[] = [];
  const syncRecords: SyncStateRecord[] = [];
  // New docs pulled clean in one piece: no syncState record, their state goes beside the pack.
  const pulledClean = new Map<string, PulledState>();
  const restoredWithChanges: string[] = [];
  for (const [docId, list] of byDoc) {
    let update: Uint8Array;
    let localSV: Uint8Array;
    // For a doc held here: its stored state, and that state with the update merged in.
    let before: Uint8Array | undefined;
    let after: Uint8Array | undefined;
    const previous = stored.get(docId);
    const last = [...list].reverse().find((i) => i.serverSV !== undefined);
    const restoring = list.some((i) => i.fromBackup);
    try {
      // Not copied here: a new doc's bytes go into a pack, which copies them, and an appended
      // update is made to own its buffer where it is stored (doc-store.ts appendUpdateBytes).
      update = list.length === 1 ? list[0]!.update : Y.mergeUpdates(list.map((i) => i.update));
      if (previous) {
        before = mergedState(previous);
        after = Y.mergeUpdates([before, update]);
      }
      // A doc new to the replica pulled in one piece is the server's whole state, so its state
      // vector is the server's: no need to parse ~13 KB of structs per body (most of the cost of
      // 60,000 bodies). Anything else is parsed, which also refuses garbage before it is stored.
      localSV = !previous && list.length === 1 && last?.serverSV ? last.serverSV : Y.encodeStateVectorFromUpdate(after ?? update);
    } catch (e) {
      failed.push({ docId, reason: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (previous) {
      // A restored backup of what is already here writes nothing (checked for restores only: a
      // pulled diff is small, and appending a redundant one is harmless).
      const redundant = isEmptyUpdate(update) || (restoring && holdsAll(before!, after!, localSV));
      if (!redundant) {
        await appendUpdateBytes(db, docId, previous, update, now);
        updates.set(docId, update);
      }
    } else {
      snapshots.push({ docId, state: update, updateCount: 0, updatedAt: now });
      updates.set(docId, update);
    }
    // As for case docs (remote-apply.ts): a restored body that changed the stored one may hold
    // edits the server never saw, so it is pushed at the next sync.
    if (restoring && updates.has(docId)) restoredWithChanges.push(docId);
    if (!previous && !restoring && list.length === 1 && last?.serverSV && !records.get(docId)) pulledClean.set(docId, { serverSV: last.serverSV, seq: last.seq ?? 0 });
    else if (last?.serverSV) syncRecords.push(afterPull(records.get(docId), docId, last.serverSV, last.seq ?? 0, localSV));
    // Every stored doc has a record (schema v5): one that came without the server's state is pending.
    else if (!previous && !records.get(docId)) syncRecords.push(neverSyncedRecord(docId));
  }
  // New bodies go into packs (body-packs.ts), added, never put: the pack index is unique per doc,
  // so a doc taken for new that is packed already fails the page (remote-apply.ts retries it
  // reading everything). One with a snapshot record of its own always has a sync record (schema
  // v5), so it is never taken for new.
  const [packedSync] = await Promise.all([writeNewDocs(db, snapshots, pulledClean, now), db.syncState.bulkPut(syncRecords)]);
  // After the sync records: marking reads and bumps the record just written.
  for (const docId of restoredWithChanges) await markLocalEdit(db, docId);
  return { updates, failed, packedSync };
}

/**
 * True when merging an update into `stored` (giving `merged`, whose state vector is `mergedSV`)
 * added nothing: the same state vector and the same delete set. Restoring a backup of what is
 * already here then writes nothing and leaves the doc's sync state alone.
 */
function holdsAll(stored: Uint8Array, merged: Uint8Array, mergedSV: Uint8Array): boolean {
  return equalBytes(mergedSV, Y.encodeStateVectorFromUpdate(stored)) && equalBytes(deleteSetOf(merged), deleteSetOf(stored));
}

function deleteSetOf(update: Uint8Array): Uint8Array {
  // The diff against the update's own state vector is its delete set alone (no struct is missing).
  return Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

/** A V1 update with no structs and no deletions (what the server sends for "nothing new"). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
