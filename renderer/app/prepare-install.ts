/**
 * The renderer's answer when main asks, before installing a downloaded update, whether the app
 * may restart (docs/UPDATES.md, `update:prepareInstall`). Main installs only with no pending sync,
 * no unsaved work and `snapshotTaken: true`; otherwise it shows `blocked` with the reason (this
 * side's own reason, `messageVi`, when the snapshot could not be built).
 */
import type { PrepareInstallResult } from '../../shared/contracts/ipc.js';
import { PREPARE_INSTALL_MESSAGE_MAX } from '../../shared/contracts/ipc-channels.js';
import type { Replica } from '../replica/types.js';
import { exportBackup } from '../backup/export.js';

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

/**
 * The pre-update snapshot's builder: a backup bundle of every case doc and of the document bodies
 * the court server has NOT acknowledged (`pending` scope, renderer/backup/export.ts). Its job is
 * to protect what exists only on this PC if the update damages the local database; every body the
 * server acknowledged can be pulled again. So a full-court replica (60,000 bodies, ~0.8 GB) still
 * fits in one bundle and in main's 60 s window (docs/BACKUP.md, docs/UPDATES.md).
 */
export function updateSnapshotBuilder(replica: Replica, appVersion: () => Promise<string>, options: { readonly maxBytes?: number } = {}): () => Promise<Uint8Array> {
  return async () => (await exportBackup(replica, { appVersion: await appVersion(), scope: 'pending', ...options })).bytes;
}

/** The clerk-readable reason a snapshot failed: the error's own Vietnamese text when it has one. */
export function snapshotFailureReason(error: unknown): { messageVi: string; messageEn: string } {
  const record = error && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  const detail = typeof record.message === 'string' ? record.message : String(error);
  const messageVi =
    typeof record.messageVi === 'string'
      ? record.messageVi
      : `không đọc được dữ liệu trên máy để sao lưu (${detail}). Dữ liệu trên máy vẫn nguyên vẹn; hãy khởi động lại ứng dụng rồi thử lại, hoặc báo bộ phận CNTT.`;
  const messageEn = typeof record.messageEn === 'string' ? record.messageEn : `the local data could not be read for the backup (${detail}).`;
  // The contract bounds the reason; a cut reason still tells the clerk what happened.
  const cut = (text: string) => (text.length <= PREPARE_INSTALL_MESSAGE_MAX ? text : `${text.slice(0, PREPARE_INSTALL_MESSAGE_MAX - 1)}…`);
  return { messageVi: cut(messageVi), messageEn: cut(messageEn) };
}

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
    // The snapshot (updateSnapshotBuilder) is a backup bundle of every case doc and of every body
    // the server has not acknowledged, as stored (every edit is already committed by a
    // strict-durability transaction); main checks it, writes it into the user data folder before
    // installing, and refuses to install without it (docs/UPDATES.md). Its failure goes back with
    // its reason, so the banner tells the clerk what to do instead of a generic refusal.
    try {
      const snapshot = await deps.buildSnapshot();
      return { pendingSync, unsaved: 0, snapshotTaken: true, snapshot };
    } catch (error) {
      console.error('Courtdesk: the snapshot before the update failed', error);
      return { pendingSync, unsaved: 0, snapshotTaken: false, ...snapshotFailureReason(error) };
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
