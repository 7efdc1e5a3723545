/**
 * The file snapshot before an update installs (docs/UPDATES.md): the renderer's backup bundle of
 * the replica is checked (a bundle shared/backup can read back), written atomically into
 * `<userData>/backups/before-update-<version>-<timestamp>.courtdesk-backup`, and only the newest
 * three such files are kept. Any failure comes back as a value with a Vietnamese reason: the
 * updater then refuses to install, so a clerk never updates without a copy of the data on disk.
 * File access goes through a small port, so the policy is tested without touching Electron.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readBackup } from '../shared/backup/index.js';
import type { Result } from '../shared/domain/result.js';
import { writeFileAtomic } from './save-file.js';

/** How many pre-update snapshots stay in the folder. */
export const SNAPSHOTS_KEPT = 3;
export const SNAPSHOT_FOLDER = 'backups';

const SNAPSHOT_NAME = /^before-update-(.+)-(\d{8}T\d{9}Z)\.courtdesk-backup$/;

export interface SnapshotFs {
  mkdir(dir: string): Promise<void>;
  list(dir: string): Promise<string[]>;
  write(filePath: string, bytes: Uint8Array): Promise<Result<void>>;
  remove(filePath: string): Promise<void>;
}

export const nodeSnapshotFs: SnapshotFs = {
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
  list: (dir) => readdir(dir),
  // Case data: readable by this user only (the user data folder may be shared on a court PC).
  write: (filePath, bytes) => writeFileAtomic(filePath, bytes, { mode: 0o600 }),
  remove: (filePath) => rm(filePath, { force: true }),
};

export type SnapshotOutcome = { readonly ok: true; readonly path: string; readonly removed: readonly string[] } | { readonly ok: false; readonly messageVi: string; readonly messageEn: string };

/** A version as a file-name part: letters, digits, dots and dashes only. */
const safeVersion = (version: string): string => version.replace(/[^0-9A-Za-z.-]/g, '_').slice(0, 40) || 'unknown';

/** `20260105T083000123Z`: sorts by time as text, and has no ':' (not allowed in Windows names). */
export function snapshotStamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/** @example snapshotFileName('0.2.0', new Date('2026-01-05T08:30:00Z')) // 'before-update-0.2.0-20260105T083000000Z.courtdesk-backup' */
export function snapshotFileName(version: string, now: Date): string {
  return `before-update-${safeVersion(version)}-${snapshotStamp(now)}.courtdesk-backup`;
}

/** Snapshot files of `names`, oldest first (by the stamp in the name, whatever the version). */
export function snapshotsOldestFirst(names: readonly string[]): string[] {
  return names
    .map((name) => ({ name, stamp: SNAPSHOT_NAME.exec(name)?.[2] }))
    .filter((n): n is { name: string; stamp: string } => n.stamp !== undefined)
    .sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.name.localeCompare(b.name)))
    .map((n) => n.name);
}

const failed = (messageVi: string, messageEn: string): SnapshotOutcome => ({
  ok: false,
  messageVi: `Chưa lưu được bản sao lưu dữ liệu trước khi cập nhật: ${messageVi} Bản cập nhật chưa được cài; dữ liệu trên máy vẫn nguyên vẹn.`,
  messageEn: `The backup before the update could not be saved: ${messageEn} The update was not installed; local data is intact.`,
});

export interface WriteSnapshotOptions {
  readonly userData: string;
  readonly version: string;
  readonly bytes: Uint8Array | undefined;
  readonly now?: Date;
  readonly fs?: SnapshotFs;
  readonly keep?: number;
}

export async function writeUpdateSnapshot(options: WriteSnapshotOptions): Promise<SnapshotOutcome> {
  const fs = options.fs ?? nodeSnapshotFs;
  const keep = options.keep ?? SNAPSHOTS_KEPT;
  if (!options.bytes || options.bytes.byteLength === 0) {
    return failed('ứng dụng không gửi bản sao lưu.', 'the app sent no backup bundle.');
  }
  // A bundle that cannot be read back is no snapshot: check it as an import would.
  const check = await readBackup(options.bytes);
  if (!check.ok) return failed(check.error.messageVi, check.error.messageEn);
  const dir = path.join(options.userData, SNAPSHOT_FOLDER);
  const target = path.join(dir, snapshotFileName(options.version, options.now ?? new Date()));
  try {
    await fs.mkdir(dir);
  } catch (error) {
    console.error('[snapshot] cannot create the folder', error);
    return failed(`không tạo được thư mục ${dir}.`, `cannot create ${dir}.`);
  }
  const written = await fs.write(target, options.bytes);
  if (!written.ok) return failed(written.error.messageVi, written.error.messageEn);
  // Rotation never blocks the install: the new snapshot is safe on disk already.
  const removed: string[] = [];
  try {
    const all = snapshotsOldestFirst(await fs.list(dir));
    for (const name of all.slice(0, Math.max(0, all.length - keep))) {
      try {
        await fs.remove(path.join(dir, name));
        removed.push(name);
      } catch (error) {
        console.warn(`[snapshot] cannot remove the old snapshot ${name}`, error);
      }
    }
  } catch (error) {
    console.warn('[snapshot] cannot list old snapshots', error);
  }
  return { ok: true, path: target, removed };
}
