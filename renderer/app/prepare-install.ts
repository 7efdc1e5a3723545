/**
 * The renderer's answer when main asks, before installing a downloaded update, whether the app
 * may restart (docs/UPDATES.md, `update:prepareInstall`). Main installs only with no pending sync,
 * no unsaved work and `snapshotTaken: true`; otherwise it shows `blocked` with the reason.
 */
import type { PrepareInstallResult } from '../../shared/contracts/ipc.js';
import type { Replica } from '../replica/types.js';

export interface PrepareInstallDeps {
  readonly replica: Pick<Replica, 'info'> & { readonly sync: Pick<Replica['sync'], 'pendingDocIds'> };
  /** The sync engine, when there is one: a last catch-up may clear the pending docs. */
  readonly engine?: { syncNow(): void; idle(): Promise<void> };
  /** How long to wait for that catch-up (main gives the whole answer 60 s). */
  readonly syncWaitMs?: number;
  /** Builds the backup bundle of the replica (renderer/backup/export.ts) that main writes to disk. */
  readonly buildSnapshot?: () => Promise<Uint8Array>;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function prepareInstall(deps: PrepareInstallDeps): Promise<PrepareInstallResult> {
  if (deps.engine) {
    deps.engine.syncNow();
    // Signed out or offline, the catch-up ends at once or keeps retrying: never wait too long.
    await Promise.race([deps.engine.idle(), delay(deps.syncWaitMs ?? 15_000)]);
  }
  const pendingSync = (await deps.replica.sync.pendingDocIds()).length;
  // No screen edits text outside the replica yet (every form saves through editCase at once), so
  // there is never unsaved work to report; the document editors will count theirs here.
  if (deps.buildSnapshot) {
    // The snapshot is a backup bundle of every doc as stored, case docs and document bodies (the
    // minutes typed offline) alike (every edit is already committed by a strict-durability
    // transaction); main checks it, writes it into the user data folder before installing, and
    // refuses to install without it (docs/UPDATES.md).
    try {
      const snapshot = await deps.buildSnapshot();
      return { pendingSync, unsaved: 0, snapshotTaken: true, snapshot };
    } catch (error) {
      console.error('Courtdesk: the snapshot before the update failed', error);
      return { pendingSync, unsaved: 0, snapshotTaken: false };
    }
  }
  // Without a bundle builder a read that succeeds only proves the database is readable; main
  // still refuses to install for want of a snapshot file.
  const snapshotTaken = await deps.replica.info().then(
    () => true,
    () => false,
  );
  return { pendingSync, unsaved: 0, snapshotTaken };
}

/** Registers the handler with the bridge (desktop; a no-op on the web). Returns the unsubscribe. */
export function registerPrepareInstall(
  onPrepareInstall: (handler: () => Promise<PrepareInstallResult>) => () => void,
  deps: PrepareInstallDeps,
): () => void {
  return onPrepareInstall(() => prepareInstall(deps));
}
