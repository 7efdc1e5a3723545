/**
 * "Xuất bản sao lưu": every case doc of the replica, as stored (snapshot merged with its pending
 * updates), into one bundle built by shared/backup. Reads only; the replica is never changed.
 */
import { buildBackup, type BackupDoc } from '../../shared/backup/index.js';
import type { Replica } from '../replica/types.js';
import { backupFileName } from './file-name.js';

export interface BackupProgress {
  readonly done: number;
  readonly total: number;
}

export interface ExportedBackup {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly docCount: number;
}

export interface ExportOptions {
  readonly appVersion: string;
  readonly now?: () => Date;
  readonly onProgress?: (progress: BackupProgress) => void;
}

/** Bundle doc ids are the replica's own (`case:<caseId>`), so later doc kinds can join them. */
export const caseBackupId = (caseId: string): string => `case:${caseId}`;
export const caseIdOfBackup = (docId: string): string | undefined => (docId.startsWith('case:') ? docId.slice('case:'.length) : undefined);

export async function exportBackup(replica: Replica, options: ExportOptions): Promise<ExportedBackup> {
  const at = (options.now ?? (() => new Date()))();
  const [info, caseIds] = await Promise.all([replica.info(), replica.sync.caseIds()]);
  const docs: BackupDoc[] = [];
  options.onProgress?.({ done: 0, total: caseIds.length });
  for (const [i, caseId] of caseIds.entries()) {
    const state = await replica.sync.docState(caseId);
    // Listed a moment ago: a doc can only vanish if another window deleted it, which nothing does.
    if (state) docs.push({ docId: caseBackupId(caseId), state });
    if ((i + 1) % 50 === 0 || i + 1 === caseIds.length) options.onProgress?.({ done: i + 1, total: caseIds.length });
  }
  const court = info.court ? { id: info.court.id, name: info.court.name } : { id: 'local', name: 'Courtdesk' };
  const bytes = await buildBackup(docs, {
    createdAt: at.toISOString(),
    court,
    appVersion: options.appVersion,
    counts: { cases: info.caseCount },
  });
  return { name: backupFileName(info.court?.id ?? court.name, at), bytes, docCount: docs.length };
}
