/**
 * The renderer's answer when main asks, before installing a downloaded update, whether the app
 * may restart (docs/UPDATES.md, `update:prepareInstall`). Main installs only with no pending sync,
 * no unsaved work and `snapshotTaken: true`; otherwise it shows `blocked` with the reason.
 */
import type { PrepareInstallResult } from '../../shared/contracts/ipc.js';
import type { Replica } from '../replica/types.js';

export interface PrepareInstallDeps {
  readonly replica: Pick<Replica, 'info'> & { readonly sync: Pick<Replica['sync'], 'pendingCaseIds'> };
  /** The sync engine, when there is one: a last catch-up may clear the pending docs. */
  readonly engine?: { syncNow(): void; idle(): Promise<void> };
  /** How long to wait for that catch-up (main gives the whole answer 60 s). */
  readonly syncWaitMs?: number;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function prepareInstall(deps: PrepareInstallDeps): Promise<PrepareInstallResult> {
  if (deps.engine) {
    deps.engine.syncNow();
    // Signed out or offline, the catch-up ends at once or keeps retrying: never wait too long.
    await Promise.race([deps.engine.idle(), delay(deps.syncWaitMs ?? 15_000)]);
  }
  const pendingSync = (await deps.replica.sync.pendingCaseIds()).length;
  // "Snapshot": every edit is committed by the replica in a strict-durability Dexie transaction
  // before editCase resolves, so the data on disk is already complete; a read that succeeds
  // proves the database is open and readable. A file copy of the replica before installing is
  // still to do (docs/UPDATES.md).
  const snapshotTaken = await deps.replica.info().then(
    () => true,
    () => false,
  );
  // No screen edits text outside the replica yet (every form saves through editCase at once), so
  // there is never unsaved work to report; the document editors will count theirs here.
  return { pendingSync, unsaved: 0, snapshotTaken };
}

/** Registers the handler with the bridge (desktop; a no-op on the web). Returns the unsubscribe. */
export function registerPrepareInstall(
  onPrepareInstall: (handler: () => Promise<PrepareInstallResult>) => () => void,
  deps: PrepareInstallDeps,
): () => void {
  return onPrepareInstall(() => prepareInstall(deps));
}
