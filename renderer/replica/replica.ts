/**
 * The local replica (DESIGN §3): one Y.Doc per case persisted as snapshot + appended updates
 * (doc-store.ts), projected into indexed rows (projection.ts) for the register, the calendar and
 * search. See README.md beside this file for the invariants.
 *
 * @example
 * const replica = await openReplica();            // rejects with ReplicaOpenError
 * await replica.importCourtFile(file, (p) => bar.set(p.done / p.total));
 * const page = await replica.listCases({ query: 'nguyen van an' }, 'numberDesc', 0, 50);
 * const saved = await replica.editCase(id, (doc, ctx) => setCaseStatus(doc, 'preparing', ctx));
 * if (!saved.ok) toast(saved.error.messageVi);
 */
import Dexie from 'dexie';
import * as Y from 'yjs';
import { isEmptyCaseDoc, readCase } from '../../shared/domain/case-doc.js';
import { DomainException, domainError, err, ok, type DomainError, type Result } from '../../shared/domain/result.js';
import type { Case, CourtFile } from '../../shared/domain/schemas.js';
import { appendUpdate, applyStoredDoc, corruptDocError, DocCache, newDoc, readStoredDoc, readStoredDocs, storedDocIds, storedVersion } from './doc-store.js';
import { ReplicaReadError, ReplicaWriteError, storageWriteError } from './errors.js';
import { importCourtFile } from './import.js';
import { openDatabase } from './open.js';
import { caseDetailsOf, caseDocId, caseIdOfDoc, caseRecord, caseRowOf, projectCase, PROJECTION_VERSION, readCaseDetails, type CaseProjection } from './projection.js';
import { ImpliedSyncCache } from './implied-sync-cache.js';
import { rebuildProjection, replaceRows } from './rebuild.js';
import { applyRemoteUpdates, type RemoteUpdate } from './remote-apply.js';
import { CaseDocDecoder } from './decode-ahead.js';
import { CaseCount } from './case-count.js';
import { knownStateVectors, markAcked, markLocalEdit, mergedState, pendingDocIds, pushCandidates, stateVectorsOf } from './sync-state.js';
import { listFromIndexes } from './register.js';
import { DEFAULT_DB_NAME, type CaseDetails, type CaseRecord, type CourtdeskDb, type Migration } from './schema.js';
import { CaseSearchIndex } from './search.js';
import type {
  CaseEdit,
  CaseFilter,
  CasePage,
  CaseRow,
  CaseSort,
  DocumentRow,
  HearingRow,
  ImportProgress,
  ImportReport,
  PartyRow,
  RebuildReport,
  Replica,
  ReplicaChange,
  ReplicaInfo,
  DocUpdateOrigin,
  ReplicaSync,
  SyncApplyReport,
  SyncChangeSummary,
  SyncCursor,
} from './types.js';

export interface OpenReplicaOptions {
  /** IndexedDB database name; default "courtdesk". */
  readonly name?: string;
  /** Another IndexedDB implementation (tests pass fake-indexeddb's). */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Clock for `updatedAt` stamps (ISO-8601 UTC). */
  readonly now?: () => string;
  /** Progress of the projection rebuild that opening runs after an app update, if any. */
  readonly onRebuildProgress?: (progress: ImportProgress) => void;
  /** How many case docs stay decoded in memory. */
  readonly docCacheSize?: number;
  /** Tests only: another migration list, to simulate an older or a newer app. */
  readonly migrations?: readonly Migration[];
}

/** The Yjs transaction origin of edits made through the replica. */
export const REPLICA_ORIGIN = Symbol('courtdesk.replica');

/** Rows read per request when filling the in-memory index; small enough to let pages through. */
const INDEX_LOAD_CHUNK = 2000;
/** After a first page answered from the indexes, how long the background index load waits (one paint or more). */
const INDEX_LOAD_DELAY_MS = 300;
/**
 * How long after the start a kept case count shown is checked by a count of the store
 * (case-count.ts), unless the register's index has counted the cases by then (3–6 s for 20,000).
 */
const CASE_COUNT_CHECK_DELAY_MS = 10_000;

/**
 * Opens the replica. Rejects with a {@link ReplicaOpenError} (Vietnamese `messageVi`, a `code`)
 * when the data is from a newer app, another window blocks an upgrade, or IndexedDB is missing.
 * When the rows were projected by another projection version, they are rebuilt before this
 * resolves (docs untouched).
 */
export async function openReplica(options: OpenReplicaOptions = {}): Promise<Replica> {
  const db = await openDatabase({
    name: options.name ?? DEFAULT_DB_NAME,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  const replica = new DexieReplica(db, options.now ?? (() => new Date().toISOString()), options.docCacheSize ?? 32);
  await replica.ensureProjectionVersion(options.onRebuildProgress);
  return replica;
}

/** Aborts an edit's transaction carrying the value editCase returns. */
class EditAbort {
  constructor(readonly result: Result<never>) {}
}

function notFound(caseId: string): DomainError {
  return domainError('replica.caseNotFound', 'Không tìm thấy vụ án này trên máy.', `Case ${caseId} is not in the replica.`);
}

function editFailed(e: unknown): DomainError {
  if (e instanceof DomainException) return e.error;
  return domainError(
    'replica.editFailed',
    'Không thực hiện được thay đổi này do một lỗi không mong muốn. Dữ liệu đã lưu vẫn còn nguyên.',
    'The edit failed unexpectedly. The stored data is intact.',
    e instanceof Error ? `${e.name}: ${e.message}` : String(e),
  );
}

type IndexState = 'empty' | 'loading' | 'ready';

class DexieReplica implements Replica {
  private readonly docs: DocCache;
  /** Decodes pulled case docs before their write transaction, in workers where there are some. */
  private readonly decoder = new CaseDocDecoder();
  private readonly index = new CaseSearchIndex();
  private indexState: IndexState = 'empty';
  private indexLoad: Promise<void> | undefined;
  /** Case ids changed while the index was loading: the loader must not overwrite them. */
  private touchedDuringLoad = new Set<string>();
  private generation = 0;
  private readonly listeners = new Set<(change: ReplicaChange) => void>();
  private readonly docUpdateListeners = new Set<(caseId: string, update: Uint8Array, origin: DocUpdateOrigin) => void>();
  private readonly storedDocListeners = new Set<(docId: string, update: Uint8Array, origin: DocUpdateOrigin) => void>();
  readonly sync: ReplicaSync;
  /** Edits run one at a time so the cached doc of a case is never edited by two at once. */
  private editQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The sync records implied by packs, in memory for the catch-up (implied-sync-cache.ts). */
  private readonly implied: ImpliedSyncCache;
  /** How many cases, without a walk of the store on the way to the first screen (case-count.ts). */
  private readonly caseCount: CaseCount;

  constructor(
    private readonly db: CourtdeskDb,
    private readonly now: () => string,
    docCacheSize: number,
  ) {
    this.docs = new DocCache(docCacheSize);
    this.implied = new ImpliedSyncCache(db);
    this.sync = this.createSync();
    // Outside whatever transaction the caller is in: the count and its keeping are the replica's own.
    this.caseCount = new CaseCount(
      {
        count: () => Dexie.ignoreTransaction(() => db.cases.count()),
        readStored: () => Dexie.ignoreTransaction(() => db.getMeta('caseCount')),
        keep: (count) => Dexie.ignoreTransaction(() => db.setMeta('caseCount', count)),
      },
      () => this.notify({ caseIds: [], bulk: false }),
      // Checked a while after the start: by then the register's index has usually counted them.
      (work) => {
        setTimeout(() => {
          if (!this.closed) work();
        }, CASE_COUNT_CHECK_DELAY_MS);
      },
    );
  }

  /** The sync face of the replica (types.ts `ReplicaSync`); writes share the edit queue. */
  private createSync(): ReplicaSync {
    const db = this.db;
    const caseIdsOf = (docIds: readonly string[]) => docIds.map(caseIdOfDoc).filter((id): id is string => id !== undefined);
    return {
      pendingCaseIds: async () => caseIdsOf(await pendingDocIds(db)),
      pushItems: async (caseIds) =>
        (await pushCandidates(db, caseIds.map(caseDocId))).map((c) => ({ caseId: caseIdOfDoc(c.docId)!, update: c.update, localVersion: c.localVersion })),
      acknowledge: async (acks) =>
        caseIdsOf(await markAcked(db, acks.map((a) => ({ docId: caseDocId(a.caseId), stateVector: a.stateVector, seq: a.seq, localVersion: a.localVersion })))),
      knownStateVectors: async () => {
        const out = new Map<string, Uint8Array>();
        for (const [docId, sv] of await knownStateVectors(db)) {
          const caseId = caseIdOfDoc(docId);
          if (caseId !== undefined) out.set(caseId, sv);
        }
        return out;
      },
      applyRemote: (docs, guard) =>
        this.queueRemote(
          docs.map((d) => ({ docId: caseDocId(d.caseId), update: d.update, ...(d.stateVector ? { serverSV: d.stateVector } : {}), ...(d.seq === undefined ? {} : { seq: d.seq }), ...(d.fromBackup ? { fromBackup: true } : {}) })),
          guard,
        ),
      pendingDocIds: () => pendingDocIds(db),
      pushDocItems: (docIds) => pushCandidates(db, docIds),
      acknowledgeDocs: (acks) => markAcked(db, acks),
      stateVectorsOf: async (docIds) => stateVectorsOf(db, docIds, await this.implied.ready()),
      decodeAhead: (docs) => this.decoder.decodeAhead(docs),
      applyRemoteDocs: (docs, guard) =>
        this.queueRemote(
          docs.map((d) => ({ docId: d.docId, update: d.update, ...(d.stateVector ? { serverSV: d.stateVector } : {}), ...(d.seq === undefined ? {} : { seq: d.seq }), ...(d.fromBackup ? { fromBackup: true } : {}) })),
          guard,
        ),
      onStoredDocUpdate: (listener) => {
        this.storedDocListeners.add(listener);
        return () => this.storedDocListeners.delete(listener);
      },
      caseIds: async () => caseIdsOf(await storedDocIds(db)),
      documentDocIds: async () => (await storedDocIds(db)).filter((docId) => caseIdOfDoc(docId) === undefined),
      docState: (caseId) => this.sync.storedDocState(caseDocId(caseId)),
      storedDocState: async (docId) => {
        const stored = await db.transaction('r', db.docTables, () => readStoredDoc(db, docId));
        return stored ? mergedState(stored) : undefined;
      },
      storedDocStates: async (docIds) => {
        const stored = await db.transaction('r', db.docTables, () => readStoredDocs(db, docIds));
        return docIds.map((docId) => {
          const doc = stored.get(docId);
          return doc ? mergedState(doc) : undefined;
        });
      },
      onDocUpdate: (listener) => {
        this.docUpdateListeners.add(listener);
        return () => this.docUpdateListeners.delete(listener);
      },
      getCursor: () => db.getMeta('syncCursor'),
      setCursor: async (cursor: SyncCursor, completedAt?: string) => {
        await db.meta.bulkPut([{ key: 'syncCursor', value: cursor }, ...(completedAt ? [{ key: 'lastSyncAt' as const, value: completedAt }] : [])]);
      },
      lastSyncAt: () => db.getMeta('lastSyncAt'),
    };
  }

  /** Runs `work` after every write queued before it; a failure does not stop the queue. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.editQueue.then(work);
    this.editQueue = run.catch(() => undefined);
    return run;
  }

  /** Remote writes share the edit queue, so a cached doc is never written by two at once. */
  private queueRemote(items: readonly RemoteUpdate[], guard: ((summary: SyncChangeSummary) => boolean) | undefined): Promise<SyncApplyReport> {
    return this.enqueue(() => this.runRemote(items, guard ?? (() => true)));
  }

  /** Remote updates: one transaction (remote-apply.ts), then cache, index and listeners. */
  private async runRemote(items: readonly RemoteUpdate[], guard: (summary: SyncChangeSummary) => boolean): Promise<SyncApplyReport> {
    let result: Awaited<ReturnType<typeof applyRemoteUpdates>>;
    try {
      result = await applyRemoteUpdates(this.db, items, this.now(), guard, await this.implied.ready(), this.decoder);
    } catch (e) {
      for (const item of items) this.docs.drop(item.docId);
      throw new ReplicaWriteError(storageWriteError(e));
    }
    this.implied.remember(result.packedSync);
    for (const [docId, cached] of result.docs) this.docs.set(docId, cached);
    for (const docId of result.uncached) this.docs.drop(docId);
    if (result.projections.length > 0) this.applyRowChanges(result.projections.map((p) => p.caseRow), []);
    for (const [docId, update] of result.updates) {
      const caseId = caseIdOfDoc(docId);
      if (caseId !== undefined) this.emitDocUpdate(caseId, update, 'remote');
      else this.emitStoredDocUpdate(docId, update, 'remote');
    }
    if (result.changedCaseIds.length > 0) this.emit({ caseIds: result.changedCaseIds, bulk: false });
    return {
      applied: result.applied,
      summary: result.summary,
      changedCaseIds: result.changedCaseIds,
      failed: result.failed.map((f) => ({ caseId: caseIdOfDoc(f.docId) ?? f.docId, reason: f.reason })),
    };
  }

  private emitStoredDocUpdate(docId: string, update: Uint8Array, origin: DocUpdateOrigin): void {
    for (const listener of [...this.storedDocListeners]) {
      try {
        listener(docId, update, origin);
      } catch (e) {
        console.error('Courtdesk: a doc update listener failed', e);
      }
    }
  }

  private emitDocUpdate(caseId: string, update: Uint8Array, origin: DocUpdateOrigin): void {
    this.emitStoredDocUpdate(caseDocId(caseId), update, origin);
    for (const listener of [...this.docUpdateListeners]) {
      try {
        listener(caseId, update, origin);
      } catch (e) {
        console.error('Courtdesk: a doc update listener failed', e);
      }
    }
  }

  async ensureProjectionVersion(onProgress?: (progress: ImportProgress) => void): Promise<void> {
    const version = await this.db.getMeta('projectionVersion');
    if (version === PROJECTION_VERSION) return;
    if ((await this.db.docSnapshots.count()) === 0 && (await this.db.bodyPacks.count()) === 0) {
      await this.db.setMeta('projectionVersion', PROJECTION_VERSION);
      return;
    }
    await this.rebuildProjection(onProgress);
  }

  async info(): Promise<ReplicaInfo> {
    const [court, staff, demoLoadedAt, caseCount] = await Promise.all([
      this.db.getMeta('court'),
      this.db.getMeta('staff'),
      this.db.getMeta('demoLoadedAt'),
      this.caseCount.current(),
    ]);
    return {
      ...(court ? { court } : {}),
      staff: staff ?? [],
      ...(demoLoadedAt ? { demoLoadedAt } : {}),
      caseCount,
    };
  }

  async importCourtFile(file: CourtFile, onProgress?: (progress: ImportProgress) => void): Promise<ImportReport> {
    let report: ImportReport;
    try {
      report = await importCourtFile(this.db, file, {
        now: this.now,
        ...(onProgress ? { onProgress } : {}),
        onChunkCommitted: (rows) => this.applyRowChanges(rows, []),
      });
    } catch (e) {
      throw new ReplicaWriteError(storageWriteError(e));
    }
    if (report.imported > 0) this.emit({ caseIds: [], bulk: true });
    return report;
  }

  async listCases(filter: CaseFilter, sort: CaseSort, offset: number, limit: number): Promise<CasePage> {
    if (this.indexState !== 'ready') {
      const page = await listFromIndexes(this.db, filter, sort, offset, limit, () => this.caseCount.current());
      if (page) {
        // Fill the in-memory index in the background: the next query will need it. A moment
        // later, so that its first reads (2,000 records each) do not hold up the first page's
        // paint; a query that needs it before then awaits it below.
        setTimeout(() => {
          if (this.closed) return;
          this.ensureIndex().catch((e: unknown) => {
            if (!this.closed) console.warn('Courtdesk: loading the case index failed', e);
          });
        }, INDEX_LOAD_DELAY_MS);
        return page;
      }
      await this.ensureIndex();
    }
    return this.index.query(filter, sort, offset, limit);
  }

  async hearingsBetween(fromDay: string, toDay: string, judgeId?: string): Promise<readonly HearingRow[]> {
    if (fromDay > toDay) return [];
    // A case with hearings on several days of the range is found once per day: kept once.
    const found = judgeId
      ? await this.db.cases.where('judgeDays').between([judgeId, fromDay], [judgeId, toDay], true, true).toArray()
      : await this.db.cases.where('hearingDays').between(fromDay, toDay, true, true).toArray();
    const cases = new Map(found.map((record) => [record.id, record]));
    const details = await Promise.all([...cases.values()].map((record) => this.detailsOf(record)));
    const rows = details.flatMap(({ hearings }) => hearings.filter((h) => h.day >= fromDay && h.day <= toDay && (judgeId === undefined || h.judgeId === judgeId)));
    return rows.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.key < b.key ? -1 : 1));
  }

  async partiesOf(caseId: string): Promise<readonly PartyRow[]> {
    return (await this.detailsOf(await this.db.cases.get(caseId))).parties;
  }

  async documentsOf(caseId: string): Promise<readonly DocumentRow[]> {
    return (await this.detailsOf(await this.db.cases.get(caseId))).documents;
  }

  /**
   * The parties, hearings and documents of a stored case. A record whose details cannot be read
   * (damaged on disk) is answered from the case doc, which holds the truth, and rewritten after
   * this read, not in it: these readers also run inside Dexie's liveQuery, which cannot write.
   * Only a case whose doc cannot be read either is an error (Vietnamese message).
   */
  private async detailsOf(record: CaseRecord | undefined): Promise<CaseDetails> {
    const details = readCaseDetails(record);
    // readCaseDetails answers "none" for a missing record: undefined means a damaged one.
    if (details !== undefined || record === undefined) return details!;
    const doc = await this.openDoc(record.id);
    if (!doc.ok) throw new ReplicaReadError(doc.error);
    let projection: CaseProjection;
    try {
      projection = projectCase(readCase(doc.value));
    } catch (e) {
      throw new ReplicaReadError(corruptDocError(caseDocId(record.id), e));
    }
    setTimeout(() => void this.repairRows(record.id), 0);
    return caseDetailsOf(caseRecord(projection));
  }

  /** Writes a case's rows again from its doc (a damaged record found by a read), in the edit queue. */
  private repairRows(caseId: string): Promise<void> {
    // Projected again inside the queue, not handed over from the read: an edit queued in
    // between has written newer rows, which the read's projection must not overwrite.
    const run = this.enqueue(async () => {
      const doc = await this.openDoc(caseId);
      if (!doc.ok) return;
      const projection = projectCase(readCase(doc.value));
      await this.db.transaction('rw', this.db.rowTables, () => replaceRows(this.db, [projection]));
    });
    // A failed repair leaves the record as it was: the next read answers from the doc again.
    return run.catch(() => undefined);
  }

  async loadCase(caseId: string): Promise<Result<Case>> {
    const doc = await this.openDoc(caseId);
    if (!doc.ok) return doc;
    try {
      return ok(readCase(doc.value));
    } catch (e) {
      return err(e instanceof DomainException ? e.error : corruptDocError(caseDocId(caseId), e));
    }
  }

  editCase<T>(caseId: string, edit: CaseEdit<T>): Promise<Result<T>> {
    return this.enqueue(() => this.runEdit(caseId, edit));
  }

  async rebuildProjection(onProgress?: (progress: ImportProgress) => void): Promise<RebuildReport> {
    let report: RebuildReport;
    try {
      report = await rebuildProjection(this.db, {
        ...(onProgress ? { onProgress } : {}),
        onRows: (rows, removed) => this.applyRowChanges(rows, removed),
      });
    } catch (e) {
      throw new ReplicaWriteError(storageWriteError(e));
    }
    this.resetIndex();
    this.emit({ caseIds: [], bulk: true });
    return report;
  }

  subscribe(listener: (change: ReplicaChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.docUpdateListeners.clear();
    this.docs.clear();
    this.decoder.close();
    this.resetIndex();
    this.db.close();
  }

  /** Decoded doc of a case, from the cache or from storage. Errors are values. */
  private async openDoc(caseId: string): Promise<Result<Y.Doc>> {
    const docId = caseDocId(caseId);
    const cached = this.docs.get(docId);
    if (cached) return ok(cached.doc);
    let stored: Awaited<ReturnType<typeof readStoredDoc>>;
    try {
      stored = await this.db.transaction('r', this.db.docTables, () => readStoredDoc(this.db, docId));
    } catch (e) {
      return err(storageReadError(e));
    }
    if (!stored) return err(notFound(caseId));
    const doc = newDoc(docId);
    const applied = applyStoredDoc(doc, docId, stored);
    if (!applied.ok || isEmptyCaseDoc(doc)) {
      doc.destroy();
      return applied.ok ? err(corruptDocError(docId, 'the doc holds no case')) : applied;
    }
    // An edit may have cached a newer doc while we were reading: keep that one.
    const raced = this.docs.get(docId);
    if (raced) {
      doc.destroy();
      return ok(raced.doc);
    }
    this.docs.set(docId, { doc, version: storedVersion(stored) });
    return ok(doc);
  }

  /**
   * One edit, one transaction: read the stored doc (so the in-memory copy is exactly what is
   * stored, even if another window wrote meanwhile), run the edit, then append its update and
   * replace the case's rows. Any failure aborts the transaction and drops the cached doc, so
   * memory never holds an edit that storage does not.
   */
  private async runEdit<T>(caseId: string, edit: CaseEdit<T>): Promise<Result<T>> {
    const docId = caseDocId(caseId);
    const now = this.now();
    const db = this.db;
    let outcome: { result: Result<T>; projection?: CaseProjection; update?: Uint8Array };
    try {
      outcome = await db.transaction(
        'rw',
        [...db.docTables, ...db.syncTables, ...db.rowTables],
        async () => {
          const stored = await readStoredDoc(db, docId);
          if (!stored) throw new EditAbort(err(notFound(caseId)));
          const cached = this.docs.get(docId);
          const doc = cached?.doc ?? newDoc(docId);
          // Usually the cached doc is exactly what is stored; re-merge only when it is not.
          if (cached?.version !== storedVersion(stored)) {
            const applied = applyStoredDoc(doc, docId, stored);
            if (!applied.ok) throw new EditAbort(applied);
          }
          if (isEmptyCaseDoc(doc)) throw new EditAbort(err(corruptDocError(docId, 'the doc holds no case')));
          this.docs.set(docId, { doc, version: storedVersion(stored) });

          const updates: Uint8Array[] = [];
          const onUpdate = (update: Uint8Array) => updates.push(update);
          doc.on('update', onUpdate);
          let result: Result<T>;
          try {
            result = edit(doc, { now, origin: REPLICA_ORIGIN });
          } catch (e) {
            throw new EditAbort(err(editFailed(e)));
          } finally {
            doc.off('update', onUpdate);
          }
          // A refused edit must not have written anything; if it did, undo by aborting.
          if (!result.ok) {
            if (updates.length > 0) throw new EditAbort(result);
            return { result };
          }
          if (updates.length === 0) return { result };

          let projection: CaseProjection;
          try {
            projection = projectCase(readCase(doc));
          } catch (e) {
            throw new EditAbort(err(editFailed(e)));
          }
          const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
          const { version } = await appendUpdate(db, docId, stored, update, doc, now);
          await replaceRows(db, [projection]);
          await markLocalEdit(db, docId);
          this.docs.set(docId, { doc, version });
          return { result, projection, update };
        },
      );
    } catch (e) {
      this.docs.drop(docId);
      if (e instanceof EditAbort) return e.result;
      return err(storageWriteError(e));
    }
    if (outcome.projection) {
      this.applyRowChanges([outcome.projection.caseRow], []);
      this.emit({ caseIds: [caseId], bulk: false });
    }
    if (outcome.update) this.emitDocUpdate(caseId, outcome.update, 'local');
    return outcome.result;
  }

  /** Keeps the in-memory index in step with committed rows. */
  private applyRowChanges(rows: readonly CaseRow[], removed: readonly string[]): void {
    if (this.indexState === 'empty') return; // it will read them from the table when it loads
    for (const row of rows) {
      this.index.upsert(row);
      if (this.indexState === 'loading') this.touchedDuringLoad.add(row.id);
    }
    for (const id of removed) {
      this.index.remove(id);
      if (this.indexState === 'loading') this.touchedDuringLoad.add(id);
    }
  }

  private async ensureIndex(): Promise<void> {
    while (this.indexState !== 'ready') {
      if (this.closed) {
        throw new ReplicaWriteError(
          domainError('replica.closed', 'Kho dữ liệu trên máy đã đóng. Hãy mở lại Courtdesk.', 'The replica is closed.'),
        );
      }
      this.indexLoad ??= this.loadIndex();
      await this.indexLoad;
    }
  }

  /** Reads every case row in primary-key pages; stops early if the index was reset meanwhile. */
  private async loadIndex(): Promise<void> {
    const generation = this.generation;
    this.indexState = 'loading';
    this.touchedDuringLoad = new Set();
    try {
      let lastId: string | undefined;
      for (;;) {
        const rows =
          lastId === undefined
            ? await this.db.cases.orderBy(':id').limit(INDEX_LOAD_CHUNK).toArray()
            : await this.db.cases.where(':id').above(lastId).limit(INDEX_LOAD_CHUNK).toArray();
        if (generation !== this.generation) return;
        for (const record of rows) {
          if (!this.touchedDuringLoad.has(record.id)) this.index.upsert(caseRowOf(record));
        }
        if (rows.length < INDEX_LOAD_CHUNK) break;
        lastId = rows[rows.length - 1]!.id;
      }
      this.indexState = 'ready';
      this.touchedDuringLoad = new Set();
      this.caseCount.observed(this.index.size);
    } catch (e) {
      // Reset or closed meanwhile: whoever waits starts again (or has gone away).
      if (generation !== this.generation) return;
      this.resetIndex();
      throw e;
    }
  }

  private resetIndex(): void {
    this.generation += 1;
    this.index.clear();
    this.indexState = 'empty';
    this.indexLoad = undefined;
    this.touchedDuringLoad = new Set();
  }

  /** A change of cases: the count is taken again, then every listener hears of it. */
  private emit(change: ReplicaChange): void {
    this.caseCount.changed();
    // The loaded index is kept in step with every committed row: its size is the count.
    if (this.indexState === 'ready') this.caseCount.observed(this.index.size);
    this.notify(change);
  }

  private notify(change: ReplicaChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (e) {
        console.error('Courtdesk: a replica listener failed', e);
      }
    }
  }
}

function storageReadError(e: unknown): DomainError {
  return domainError(
    'replica.readFailed',
    'Không đọc được dữ liệu trên máy. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại Courtdesk.',
    'Reading the local data failed.',
    e instanceof Error ? `${e.name}: ${e.message}` : String(e),
  );
}
