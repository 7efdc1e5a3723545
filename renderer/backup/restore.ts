/**
 * "Khôi phục từ bản sao lưu", in two steps so the clerk decides with the facts in front of them:
 *
 * 1. `inspectBackup` verifies the whole bundle (shared/backup `readBackup`: zip, manifest, every
 *    doc's size and SHA-256, Yjs decoding) and plans the restore against the local docs. Nothing
 *    is written; a damaged, foreign or too-new file comes back as a Vietnamese error.
 * 2. `applyBackup` merges every doc through the replica's remote-apply path: a Yjs merge, which
 *    adds what the local doc lacks and never overwrites local edits; rows are re-projected in the
 *    same transaction, and every doc it changed becomes pending so sync pushes it to the server.
 */
import * as Y from 'yjs';
import { planRestore, readBackup, type ReadBackup, type RestorePlan } from '../../shared/backup/index.js';
import { domainError, err, ok, type Result } from '../../shared/domain/result.js';
import type { Replica, SyncPulledDoc } from '../replica/types.js';
import { caseIdOfBackup } from './export.js';
import type { BackupProgress } from './export.js';

export interface InspectedBackup {
  readonly backup: ReadBackup;
  readonly plan: RestorePlan;
}

export interface RestoreReport {
  /** Docs whose content changed (new or merged). */
  readonly changed: number;
  readonly failed: readonly { readonly caseId: string; readonly reason: string }[];
}

/** Docs per replica transaction: small enough to show progress, large enough to be quick. */
const RESTORE_CHUNK = 100;

export async function inspectBackup(replica: Replica, bytes: Uint8Array): Promise<Result<InspectedBackup>> {
  const read = await readBackup(bytes);
  if (!read.ok) return read;
  const unknown = read.value.docs.filter((d) => caseIdOfBackup(d.docId) === undefined);
  if (unknown.length > 0) {
    // A newer app's doc kind this version cannot store; refusing all keeps restores whole.
    return err(
      domainError(
        'backup.tooNew',
        'Tệp sao lưu chứa loại dữ liệu mà phiên bản Courtdesk này chưa biết. Hãy cập nhật ứng dụng trước khi khôi phục.',
        'The backup holds data this Courtdesk version does not know; update the app first.',
        unknown.slice(0, 3).map((d) => d.docId).join(', '),
      ),
    );
  }
  const local = new Map<string, Uint8Array>();
  for (const doc of read.value.docs) {
    const state = await replica.sync.docState(caseIdOfBackup(doc.docId)!);
    if (state) local.set(doc.docId, Y.encodeStateVectorFromUpdate(state));
  }
  return ok({ backup: read.value, plan: planRestore(local, read.value.docs) });
}

/**
 * Applies every bundle doc (the plan is what the clerk was told, not a filter: see
 * shared/backup/restore-plan.ts on deletions). Throws a `ReplicaWriteError` (Vietnamese
 * `error.messageVi`) when storage fails; chunks committed before stay, and are correct merges.
 */
export async function applyBackup(replica: Replica, inspected: InspectedBackup, onProgress?: (progress: BackupProgress) => void): Promise<RestoreReport> {
  const docs: SyncPulledDoc[] = inspected.backup.docs.map((d) => ({ caseId: caseIdOfBackup(d.docId)!, update: d.state, fromBackup: true }));
  let changed = 0;
  const failed: { caseId: string; reason: string }[] = [];
  onProgress?.({ done: 0, total: docs.length });
  for (let start = 0; start < docs.length; start += RESTORE_CHUNK) {
    const chunk = docs.slice(start, start + RESTORE_CHUNK);
    // No guard: a restore is asked for by the clerk after reading the plan, and only merges.
    const report = await replica.sync.applyRemote(chunk);
    changed += report.changedCaseIds.length;
    failed.push(...report.failed);
    onProgress?.({ done: start + chunk.length, total: docs.length });
  }
  return { changed, failed };
}
