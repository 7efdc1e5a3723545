/**
 * "Xuất bản sao lưu": every doc of the replica, as stored (snapshot merged with its pending
 * updates), into one bundle built by shared/backup: the case docs AND the document bodies
 * (biên bản, bản án, quyết định typed on this PC, maybe never synced), since a restore without the
 * bodies would lose exactly the work a clerk did offline. Reads only; the replica is never changed.
 */
import { buildBackup, MAX_BACKUP_BYTES, type BackupDoc } from '../../shared/backup/index.js';
import { domainError, type DomainError } from '../../shared/domain/result.js';
import type { Replica } from '../replica/types.js';
import { backupFileName } from './file-name.js';
import { readStates } from './read-states.js';

export interface BackupProgress {
  readonly done: number;
  readonly total: number;
}

export interface ExportedBackup {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Every doc in the bundle: `caseCount + documentCount`. */
  readonly docCount: number;
  readonly caseCount: number;
  readonly documentCount: number;
}

export interface ExportOptions {
  readonly appVersion: string;
  readonly now?: () => Date;
  readonly onProgress?: (progress: BackupProgress) => void;
  /** The largest bundle to build (tests); default the largest a restore accepts. */
  readonly maxBytes?: number;
}

/**
 * The replica is larger than a bundle may be (512 MiB, what `readBackup` and the desktop dialogs
 * accept): refused while reading, before a bundle nobody could restore is built in memory.
 */
export class BackupTooLargeError extends Error {
  readonly error: DomainError;
  /** What BackupCard and prepare-install show (`errorMessageVi` reads it). */
  readonly messageVi: string;
  constructor(bytes: number, maxBytes: number) {
    const mib = (n: number) => Math.ceil(n / 2 ** 20);
    const error = domainError(
      'backup.replicaTooLarge',
      `Dữ liệu trên máy (hơn ${mib(bytes)} MiB) vượt quá cỡ tối đa của một bản sao lưu (${mib(maxBytes)} MiB). Chưa tạo bản sao lưu nào; dữ liệu trên máy vẫn nguyên vẹn.`,
      `The local data (over ${mib(bytes)} MiB) exceeds the largest backup (${mib(maxBytes)} MiB); no backup was made and local data is intact.`,
    );
    super(error.messageEn);
    this.name = 'BackupTooLargeError';
    this.error = error;
    this.messageVi = error.messageVi;
  }
}

/** Zip headers and the manifest line of one doc, over-estimated (a doc id is at most 80 chars). */
const PER_DOC_OVERHEAD = 400;

/** Bundle doc ids are the replica's own (`case:<caseId>`, `doc:<documentId>`). */
export const caseBackupId = (caseId: string): string => `case:${caseId}`;
export const caseIdOfBackup = (docId: string): string | undefined => (docId.startsWith('case:') ? docId.slice('case:'.length) : undefined);

/** Progress is reported every this many docs (and at the end): a React render per doc is waste. */
const PROGRESS_EVERY = 50;

export async function exportBackup(replica: Replica, options: ExportOptions): Promise<ExportedBackup> {
  const at = (options.now ?? (() => new Date()))();
  const [info, caseIds, documentDocIds] = await Promise.all([replica.info(), replica.sync.caseIds(), replica.sync.documentDocIds()]);
  // Case docs first, bodies after: a restore applies them in this order, so a restored case lists
  // its documents before their bodies arrive, as after a catch-up.
  const docIds = [...caseIds.map(caseBackupId), ...documentDocIds];
  const total = docIds.length;
  const docs: BackupDoc[] = [];
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES;
  let bytesSoFar = 0;
  let caseCount = 0;
  options.onProgress?.({ done: 0, total });
  await readStates(replica, docIds, (docId, state, i) => {
    // Listed a moment ago: a doc can only vanish if another window deleted it, which nothing does.
    if (state) {
      bytesSoFar += state.byteLength + PER_DOC_OVERHEAD;
      if (bytesSoFar > maxBytes) throw new BackupTooLargeError(bytesSoFar, maxBytes);
      docs.push({ docId, state });
      if (i < caseIds.length) caseCount++;
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === total) options.onProgress?.({ done: i + 1, total });
  });
  const documentCount = docs.length - caseCount;
  const court = info.court ? { id: info.court.id, name: info.court.name } : { id: 'local', name: 'Courtdesk' };
  const bytes = await buildBackup(docs, {
    createdAt: at.toISOString(),
    court,
    appVersion: options.appVersion,
    // `documents` is absent from bundles made before bodies were included (the restore says so).
    counts: { cases: info.caseCount, documents: documentCount },
  });
  return { name: backupFileName(info.court?.id ?? court.name, at), bytes, docCount: docs.length, caseCount, documentCount };
}
