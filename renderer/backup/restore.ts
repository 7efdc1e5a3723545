/**
 * "Khôi phục từ bản sao lưu", in two steps so the clerk decides with the facts in front of them:
 *
 * 1. `inspectBackup` verifies the whole bundle (shared/backup `readBackup`: zip, manifest, every
 *    doc's size and SHA-256, Yjs decoding), refuses it whole if a doc is of a kind this version
 *    does not know, and plans the restore against the local docs of both kinds (case docs and
 *    document bodies). Nothing is written; a damaged, foreign or too-new file comes back as a
 *    Vietnamese error.
 * 2. `applyBackup` merges every doc through the replica's remote-apply path, case docs first
 *    (`applyRemote`: rows re-projected in the same transaction) then document bodies
 *    (`applyRemoteDocs`), all marked `fromBackup`: a Yjs merge, which adds what the local doc
 *    lacks and never overwrites local edits; every doc it changed becomes pending so sync pushes
 *    it to the server, and a doc it did not change is not written at all.
 */
import * as Y from 'yjs';
import { backupDocKind, planRestore, readBackup, type BackupDoc, type BackupDocKind, type ReadBackup, type RestorePlan } from '../../shared/backup/index.js';
import { domainError, err, ok, type Result } from '../../shared/domain/result.js';
import type { Replica } from '../replica/types.js';
import { backupDocLabel } from './doc-label.js';
import { caseBackupId, caseIdOfBackup, type BackupProgress } from './export.js';
import { readStates } from './read-states.js';

export interface InspectedBackup {
  readonly backup: ReadBackup;
  readonly plan: RestorePlan;
}

export interface RestoreFailure {
  readonly docId: string;
  readonly kind: BackupDocKind;
  /** For the clerk: the case number or the document title, with the id. */
  readonly label: string;
  readonly reason: string;
}

export interface RestoreReport {
  /** Docs whose content changed (new or merged), of both kinds. */
  readonly changed: number;
  readonly changedCases: number;
  readonly changedDocuments: number;
  readonly failed: readonly RestoreFailure[];
}

/** Docs per replica transaction: small enough to show progress, large enough to be quick. */
const RESTORE_CHUNK = 100;

export async function inspectBackup(replica: Replica, bytes: Uint8Array): Promise<Result<InspectedBackup>> {
  const read = await readBackup(bytes);
  if (!read.ok) return read;
  const unknown = read.value.docs.filter((d) => backupDocKind(d.docId) === undefined);
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
  // Bundle ids are the replica's doc ids, so one lookup serves case docs and bodies alike.
  await readStates(
    replica,
    read.value.docs.map((d) => d.docId),
    (docId, state) => {
      if (state) local.set(docId, Y.encodeStateVectorFromUpdate(state));
    },
  );
  return ok({ backup: read.value, plan: planRestore(local, read.value.docs) });
}

/**
 * Applies every bundle doc (the plan is what the clerk was told, not a filter: see
 * shared/backup/restore-plan.ts on deletions). Throws a `ReplicaWriteError` (Vietnamese
 * `error.messageVi`) when storage fails; chunks committed before stay, and are correct merges.
 */
export async function applyBackup(replica: Replica, inspected: InspectedBackup, onProgress?: (progress: BackupProgress) => void): Promise<RestoreReport> {
  const docs = inspected.backup.docs;
  const cases = docs.filter((d) => backupDocKind(d.docId) === 'case');
  const bodies = docs.filter((d) => backupDocKind(d.docId) === 'document');
  const stateOf = new Map(docs.map((d) => [d.docId, d.state]));
  const failed: RestoreFailure[] = [];
  const fail = (docId: string, kind: BackupDocKind, reason: string) => failed.push({ docId, kind, label: backupDocLabel(docId, stateOf.get(docId)), reason });
  const total = cases.length + bodies.length;
  let done = 0;
  let changedCases = 0;
  let changedDocuments = 0;
  onProgress?.({ done, total });

  for (const chunk of chunks(cases)) {
    // No guard: a restore is asked for by the clerk after reading the plan, and only merges.
    const report = await replica.sync.applyRemote(chunk.map((d) => ({ caseId: caseIdOfBackup(d.docId)!, update: d.state, fromBackup: true })));
    changedCases += report.changedCaseIds.length;
    for (const f of report.failed) fail(caseBackupId(f.caseId), 'case', f.reason);
    done += chunk.length;
    onProgress?.({ done, total });
  }

  for (const chunk of chunks(bodies)) {
    changedDocuments += (await applyBodies(replica, chunk, (docId, reason) => fail(docId, 'document', reason))).size;
    done += chunk.length;
    onProgress?.({ done, total });
  }
  return { changed: changedCases + changedDocuments, changedCases, changedDocuments, failed };
}

/**
 * One chunk of bodies; answers the doc ids whose stored body changed. The replica's report lists
 * changed case ids only, so the changes are counted from the stored-doc updates the replica emits
 * for exactly the bodies it wrote (an identical body writes and emits nothing).
 */
async function applyBodies(replica: Replica, chunk: readonly BackupDoc[], fail: (docId: string, reason: string) => void): Promise<Set<string>> {
  const ids = new Set(chunk.map((d) => d.docId));
  const changed = new Set<string>();
  const off = replica.sync.onStoredDocUpdate((docId, _update, origin) => {
    if (origin === 'remote' && ids.has(docId)) changed.add(docId);
  });
  try {
    const report = await replica.sync.applyRemoteDocs(chunk.map((d) => ({ docId: d.docId, update: d.state, fromBackup: true })));
    // A failed body comes back under its doc id (it has no case id).
    for (const f of report.failed) {
      fail(f.caseId, f.reason);
      changed.delete(f.caseId);
    }
  } finally {
    off();
  }
  return changed;
}

function* chunks<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += RESTORE_CHUNK) yield items.slice(start, start + RESTORE_CHUNK);
}
