/**
 * What restoring a bundle would do to the local replica, decided before anything is written.
 *
 * A restore never overwrites: every bundle doc is applied as a Yjs update, and applying an update
 * only adds what the local doc lacks (a CRDT merge never loses local edits). The plan tells the UI
 * how many docs are new, already contained (the bundle adds nothing) or merged ("sẽ gộp N hồ sơ"),
 * per kind (hồ sơ, văn bản), so a clerk sees what happens to newer local data before confirming.
 */
import * as Y from 'yjs';
import { backupDocKind, type BackupDoc, type BackupDocKind } from './format.js';

export type RestoreAction = 'new' | 'contained' | 'merge';

export interface RestorePlanEntry {
  readonly docId: string;
  readonly action: RestoreAction;
}

export type RestoreCounts = Readonly<Record<RestoreAction, number>>;

export interface RestorePlan {
  readonly entries: RestorePlanEntry[];
  /** Over every bundle doc, whatever its kind. */
  readonly counts: RestoreCounts;
  /** Case docs and document bodies apart (a doc of an unknown kind is in `counts` only). */
  readonly byKind: Readonly<Record<BackupDocKind, RestoreCounts>>;
}

/**
 * Does `bundleState` hold an item the doc with `localStateVector` lacks?
 *
 * Only structs (insertions) are compared: Yjs always sends the whole delete set whatever the state
 * vector, and a state vector says nothing about deletions. So a bundle whose only difference is a
 * deletion shows as "contained". That is why the restore applies every non-new bundle doc anyway
 * (applying an update is idempotent and never removes local data); the plan is what the clerk is
 * told, not a filter.
 */
function bundleAddsSomething(bundleState: Uint8Array, localStateVector: Uint8Array): boolean {
  const missing = Y.diffUpdate(bundleState, localStateVector);
  return Y.decodeUpdate(missing).structs.length > 0;
}

/**
 * @param localStateVectors `Y.encodeStateVector(doc)` of every local doc, keyed by doc id.
 * @example planRestore(new Map([['case:c-1', sv]]), backup.docs).byKind.document // { new: 3, contained: 10, merge: 2 }
 */
export function planRestore(localStateVectors: ReadonlyMap<string, Uint8Array>, bundleDocs: readonly BackupDoc[]): RestorePlan {
  const zero = (): Record<RestoreAction, number> => ({ new: 0, contained: 0, merge: 0 });
  const counts = zero();
  const byKind: Record<BackupDocKind, Record<RestoreAction, number>> = { case: zero(), document: zero() };
  const entries = bundleDocs.map((doc): RestorePlanEntry => {
    const local = localStateVectors.get(doc.docId);
    const action: RestoreAction = local === undefined ? 'new' : bundleAddsSomething(doc.state, local) ? 'merge' : 'contained';
    counts[action]++;
    const kind = backupDocKind(doc.docId);
    if (kind) byKind[kind][action]++;
    return { docId: doc.docId, action };
  });
  return { entries, counts, byKind };
}
