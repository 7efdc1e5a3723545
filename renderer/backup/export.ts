/**
 * "Xuất bản sao lưu": docs of the replica, as stored (snapshot merged with its pending updates),
 * into one bundle built by shared/backup. Two scopes (docs/BACKUP.md):
 * - `all` (the manual export): every case doc AND every document body (biên bản, bản án, quyết
 *   định…), since a restore without the bodies would lose exactly the work a clerk did offline;
 * - `pending` (the pre-update snapshot, and the manual "Chỉ các văn bản chưa đồng bộ"): every case
 *   doc, but only the bodies the court server has not acknowledged (`pendingDocIds`, never-synced
 *   included). A body the server acknowledged can be pulled again after a damaged update; what
 *   exists only on this PC cannot. This keeps a full-court replica (60,000 bodies, ~0.8 GB: over
 *   the 512 MiB a bundle may hold and over main's 60 s window) backed up where it matters.
 * Reads only; the replica is never changed.
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

/** Which bodies go into the bundle; case docs always all go (small, and the index of everything). */
export type BackupScope = 'all' | 'pending';

export interface ExportedBackup {
  readonly name: string;
  readonly scope: BackupScope;
  readonly bytes: Uint8Array;
  /** Every doc in the bundle: `caseCount + documentCount`. */
  readonly docCount: number;
  readonly caseCount: number;
  readonly documentCount: number;
  /** Bodies left out because the court server holds them (`pending` scope; 0 for `all`). */
  readonly documentsOnServer: number;
}

export interface ExportOptions {
  readonly appVersion: string;
  readonly now?: () => Date;
  readonly onProgress?: (progress: BackupProgress) => void;
  /** The largest bundle to build (tests); default the largest a restore accepts. */
  readonly maxBytes?: number;
  /** Default `all`. */
  readonly scope?: BackupScope;
}

/**
 * The replica is larger than a bundle may be (512 MiB, what `readBackup` and the desktop dialogs
 * accept): refused while reading, before a bundle nobody could restore is built in memory.
 */
export class BackupTooLargeError extends Error {
  readonly error: DomainError;
  /** What BackupCard and prepare-install show (`errorMessageVi` reads it). */
  readonly messageVi: string;
  readonly messageEn: string;
  readonly scope: BackupScope;
  constructor(bytes: number, maxBytes: number, scope: BackupScope = 'all') {
    const mib = (n: number) => Math.ceil(n / 2 ** 20);
    // What the clerk can do differs: a full copy can shrink to the unsynced work (the rest is on
    // the court server); unsynced work too large for one bundle shrinks only by syncing it.
    const [whatToDoVi, whatToDoEn] =
      scope === 'all'
        ? [
            'Hãy chọn “Chỉ các văn bản chưa đồng bộ”: bản sao lưu đó gồm mọi hồ sơ và các văn bản chưa có trên máy chủ của tòa (văn bản đã đồng bộ tải lại được từ máy chủ).',
            'Choose “Only documents not yet synced”: that backup holds every case file and the documents the court server does not have yet (synced documents can be pulled again from the server).',
          ]
        : [
            'Hãy kết nối mạng nội bộ của tòa và chờ đồng bộ xong, rồi thử lại: văn bản đã đồng bộ không cần nằm trong bản sao lưu.',
            'Connect to the court network and wait for the sync to finish, then try again: synced documents need not be in the backup.',
          ];
    const error = domainError(
      'backup.replicaTooLarge',
      `Dữ liệu trên máy (hơn ${mib(bytes)} MiB) vượt quá cỡ tối đa của một bản sao lưu (${mib(maxBytes)} MiB). Chưa tạo bản sao lưu nào; dữ liệu trên máy vẫn nguyên vẹn. ${whatToDoVi}`,
      `The local data (over ${mib(bytes)} MiB) exceeds the largest backup (${mib(maxBytes)} MiB); no backup was made and local data is intact. ${whatToDoEn}`,
    );
    super(error.messageEn);
    this.name = 'BackupTooLargeError';
    this.error = error;
    this.messageVi = error.messageVi;
    this.messageEn = error.messageEn;
    this.scope = scope;
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
  const scope = options.scope ?? 'all';
  const [info, caseIds, storedBodyIds, pendingIds] = await Promise.all([
    replica.info(),
    replica.sync.caseIds(),
    replica.sync.documentDocIds(),
    scope === 'pending' ? replica.sync.pendingDocIds() : Promise.resolve([]),
  ]);
  const bodyIds = scope === 'all' ? storedBodyIds : pendingBodies(storedBodyIds, pendingIds);
  // Case docs first, bodies after: a restore applies them in this order, so a restored case lists
  // its documents before their bodies arrive, as after a catch-up.
  const docIds = [...caseIds.map(caseBackupId), ...bodyIds];
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
      if (bytesSoFar > maxBytes) throw new BackupTooLargeError(bytesSoFar, maxBytes, scope);
      docs.push({ docId, state });
      if (i < caseIds.length) caseCount++;
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === total) options.onProgress?.({ done: i + 1, total });
  });
  const documentCount = docs.length - caseCount;
  const documentsOnServer = storedBodyIds.length - bodyIds.length;
  const court = info.court ? { id: info.court.id, name: info.court.name } : { id: 'local', name: 'Courtdesk' };
  const bytes = await buildBackup(docs, {
    createdAt: at.toISOString(),
    court,
    appVersion: options.appVersion,
    // `documents` is absent from bundles made before bodies were included (the restore says so).
    // `documentsOnServer` only in a `pending` bundle: the restore plan tells the clerk those
    // bodies come back from the court server, not from the file (older readers ignore the count).
    counts: { cases: info.caseCount, documents: documentCount, ...(scope === 'pending' ? { documentsOnServer } : {}) },
  });
  const name = backupFileName(info.court?.id ?? court.name, at, scope === 'pending' ? 'chua-dong-bo' : undefined);
  return { name, scope, bytes, docCount: docs.length, caseCount, documentCount, documentsOnServer };
}

/**
 * The stored bodies the server has not acknowledged, in stored order. `pendingDocIds` also lists
 * case docs (all in the bundle anyway); a pending id with no stored body has nothing to copy.
 */
function pendingBodies(storedBodyIds: readonly string[], pendingIds: readonly string[]): string[] {
  const pending = new Set(pendingIds);
  return storedBodyIds.filter((docId) => pending.has(docId));
}
