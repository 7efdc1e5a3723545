/**
 * Documents' Y.Docs in the replica (DESIGN §3: one Y.Doc per document, replica id `doc:{id}`),
 * stored like case docs as a snapshot plus appended updates (doc-store.ts), in the same
 * IndexedDB database, through a connection of its own (the Replica contract does not hand out
 * its Dexie instance).
 *
 * The guarantee a clerk needs: **every keystroke is in IndexedDB within a second**. Local updates
 * are coalesced for at most {@link FLUSH_DELAY_MS} and written in ONE strict-durability
 * transaction together with `markLocalEdit`, so the batch catch-up pushes them; a pending batch
 * is flushed at once when the page is hidden or unloaded (`visibilitychange`, `pagehide`).
 * Updates that came from elsewhere (a live room; origins registered with `addRemoteOrigin`) are
 * stored too, but not marked as local edits. Writes of one document run one at a time; a failed
 * write keeps its updates queued and is retried, and `onError` tells the UI.
 *
 * @example
 * const store = await openDocumentStore();
 * const opened = await store.open(documentId);          // Result<OpenDocument>
 * if (opened.ok) bindEditor(opened.value.doc);          // every edit now persists by itself
 * await opened.value.close();                           // flushes, then stops listening
 */
import * as Y from 'yjs';
import { documentDocId } from '../../shared/drafting/document-doc.js';
import { domainError, err, ok, type DomainError, type Result } from '../../shared/domain/result.js';
import { unpack } from './body-packs.js';
import { applyStoredDoc, COMPACT_AFTER, hasStoredDoc, readStoredDoc, type StoredDoc } from './doc-store.js';
import { storageWriteError } from './errors.js';
import { openDatabase } from './open.js';
import { DEFAULT_DB_NAME, neverSyncedRecord, type CourtdeskDb } from './schema.js';
import { notifyLocalEdit } from './local-edits.js';
import { markLocalEdit } from './sync-state.js';

/** The longest a local update waits before it is written (well inside the one-second promise). */
export const FLUSH_DELAY_MS = 250;

/** The origin to use when applying updates that came from elsewhere. */
export const DOCUMENT_REMOTE_ORIGIN = Symbol('courtdesk.document-remote');

export interface DocumentStoreOptions {
  readonly name?: string;
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  readonly now?: () => string;
  /** Coalescing delay (tests); default {@link FLUSH_DELAY_MS}. */
  readonly flushDelayMs?: number;
  /** Where `visibilitychange`/`pagehide` come from; default the page's `document`/`window` when present. */
  readonly lifecycle?: PageLifecycle;
}

/** The page events that must flush at once (the tab is hidden, the window closes). */
export interface PageLifecycle {
  subscribe(flushNow: () => void): () => void;
}

export interface OpenDocument {
  readonly documentId: string;
  /** The live doc (guid = documentId, gc off for history snapshots). Bind the editor to it. */
  readonly doc: Y.Doc;
  /** Updates applied with this origin (e.g. a WebsocketProvider) are remote: stored, not marked. */
  addRemoteOrigin(origin: unknown): void;
  /** Writes what is pending now; resolves when it is committed. */
  flush(): Promise<void>;
  /** Re-reads storage into the live doc (another window or the catch-up wrote meanwhile). */
  reload(): Promise<Result<true>>;
  /** Applies an update that is ALREADY stored (the catch-up pulled it): not written again. */
  applyStoredUpdate(update: Uint8Array): void;
  /** Called when a write fails (the updates stay queued and are retried on the next flush). */
  onError(listener: (error: DomainError) => void): () => void;
  /** Called after each committed write, with nothing left pending at that moment or not. */
  onSaved(listener: (state: { readonly at: string; readonly pending: boolean }) => void): () => void;
  /** True while updates wait in memory for their write. */
  hasPending(): boolean;
  /** Flushes, then detaches and destroys the doc. */
  close(): Promise<void>;
}

export interface DocumentStore {
  /** True when the replica holds this document's doc. */
  has(documentId: string): Promise<boolean>;
  open(documentId: string): Promise<Result<OpenDocument>>;
  /**
   * Stores a new document whose content `init` writes into a fresh doc (one transaction, marked
   * as a local edit). Refuses an id that exists. The doc is returned open.
   */
  create(documentId: string, init: (doc: Y.Doc) => void): Promise<Result<OpenDocument>>;
  /** The merged stored state of a document, or undefined (export, tests). */
  state(documentId: string): Promise<Uint8Array | undefined>;
  close(): void;
}

/** A fresh document doc: guid = id (no random UUID), gc off so version snapshots stay readable. */
export function newDocumentDoc(documentId: string): Y.Doc {
  return new Y.Doc({ gc: false, guid: documentId });
}

function browserLifecycle(): PageLifecycle | undefined {
  if (typeof document === 'undefined' || typeof window === 'undefined') return undefined;
  return {
    subscribe(flushNow) {
      const onVisibility = () => {
        if (document.visibilityState === 'hidden') flushNow();
      };
      document.addEventListener('visibilitychange', onVisibility);
      window.addEventListener('pagehide', flushNow);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        window.removeEventListener('pagehide', flushNow);
      };
    },
  };
}

function notFound(documentId: string): DomainError {
  return domainError('document.notFound', 'Văn bản này chưa có trên máy (chưa tạo hoặc chưa đồng bộ về).', `Document ${documentId} is not in the replica.`);
}

function exists(documentId: string): DomainError {
  return domainError('document.exists', 'Văn bản này đã có trên máy.', `Document ${documentId} already exists.`);
}

function readError(cause: unknown): DomainError {
  return domainError(
    'document.readFailed',
    'Không đọc được văn bản từ bộ nhớ của máy. Dữ liệu không bị xóa; hãy thử mở lại.',
    'The document could not be read from local storage. Nothing was deleted.',
    cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
  );
}

/**
 * Appends one update, or replaces snapshot + pending updates with their merge once
 * {@link COMPACT_AFTER} are pending. The merge is made from the STORED bytes, never from the
 * live doc, so an update another writer stored meanwhile (the catch-up) is never dropped.
 */
async function appendStored(db: CourtdeskDb, docId: string, stored: StoredDoc, update: Uint8Array, now: string): Promise<void> {
  if (stored.updates.length + 1 < COMPACT_AFTER) {
    // A body still in its pack gets its own snapshot record before its first update (body-packs.ts).
    if (stored.packed) await unpack(db, stored.snapshot);
    await db.docUpdates.add({ docId, update });
    return;
  }
  const state = Y.mergeUpdates([stored.snapshot.state, ...stored.updates.map((u) => u.update), update]);
  const updateCount = stored.snapshot.updateCount + stored.updates.length + 1;
  await db.docSnapshots.put({ docId, state, updateCount, updatedAt: now });
  await db.docUpdates.bulkDelete(stored.updates.map((u) => u.seq!));
}

class PersistedDocument implements OpenDocument {
  readonly doc: Y.Doc;
  private readonly docId: string;
  private readonly remoteOrigins = new Set<unknown>([DOCUMENT_REMOTE_ORIGIN]);
  private local: Uint8Array[] = [];
  private remote: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly errorListeners = new Set<(error: DomainError) => void>();
  private readonly savedListeners = new Set<(state: { readonly at: string; readonly pending: boolean }) => void>();
  private readonly offLifecycle: () => void;
  private closed = false;

  constructor(
    private readonly db: CourtdeskDb,
    readonly documentId: string,
    doc: Y.Doc,
    private readonly now: () => string,
    private readonly delayMs: number,
    lifecycle: PageLifecycle | undefined,
  ) {
    this.doc = doc;
    this.docId = documentDocId(documentId);
    doc.on('update', this.onUpdate);
    this.offLifecycle = lifecycle?.subscribe(() => void this.flush().catch(() => undefined)) ?? (() => undefined);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (this.remoteOrigins.has(origin)) this.remote.push(update);
    else this.local.push(update);
    // The first update of a batch starts the clock; later ones ride along (≤ delay after the first).
    this.schedule(this.delayMs);
  };

  /** A background flush: its failure reaches the `onError` listeners, not the caller. */
  private schedule(delayMs: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined);
    }, delayMs);
  }

  addRemoteOrigin(origin: unknown): void {
    this.remoteOrigins.add(origin);
  }

  onError(listener: (error: DomainError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  onSaved(listener: (state: { readonly at: string; readonly pending: boolean }) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  hasPending(): boolean {
    return this.local.length > 0 || this.remote.length > 0;
  }

  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const run = this.writing.then(() => this.writePending());
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writePending(): Promise<void> {
    if (this.local.length === 0 && this.remote.length === 0) return;
    const local = this.local;
    const remote = this.remote;
    this.local = [];
    this.remote = [];
    const db = this.db;
    try {
      await db.transaction('rw', [...db.docTables, ...db.syncTables], async () => {
        const now = this.now();
        const all = [...remote, ...local];
        const update = all.length === 1 ? all[0]! : Y.mergeUpdates(all);
        // The common case reads two small things (the snapshot's key, a count on the docId index),
        // not the snapshot's bytes: a keystroke batch must stay cheap in a 100-page document.
        // A packed body has no snapshot record yet: it takes the slow path once, which unpacks it.
        const [hasSnapshot, pending] = await Promise.all([db.docSnapshots.where('docId').equals(this.docId).count(), db.docUpdates.where('docId').equals(this.docId).count()]);
        if (hasSnapshot > 0 && pending + 1 < COMPACT_AFTER) {
          await db.docUpdates.add({ docId: this.docId, update });
        } else {
          const stored = await readStoredDoc(db, this.docId);
          if (stored) await appendStored(db, this.docId, stored, update, now);
          // Removed from storage meanwhile (a restore): the live doc is all there is, store it whole.
          else {
            await db.docSnapshots.put({ docId: this.docId, state: Y.encodeStateAsUpdate(this.doc), updateCount: 0, updatedAt: now });
            // Every stored doc has a sync record (schema v5); a local edit below writes its own.
            if (local.length === 0 && !(await db.syncState.get(this.docId))) await db.syncState.put(neverSyncedRecord(this.docId));
          }
        }
        if (local.length > 0) await markLocalEdit(db, this.docId);
      });
    } catch (e) {
      // Keep the bytes: they go out with the next flush, in order before anything newer.
      this.local = [...local, ...this.local];
      this.remote = [...remote, ...this.remote];
      const error = storageWriteError(e);
      for (const listener of [...this.errorListeners]) listener(error);
      if (!this.closed) this.schedule(1000);
      throw e;
    }
    if (local.length > 0) notifyLocalEdit(this.docId);
    const saved = { at: this.now(), pending: this.hasPending() };
    for (const listener of [...this.savedListeners]) listener(saved);
  }

  async reload(): Promise<Result<true>> {
    let stored: StoredDoc | undefined;
    try {
      stored = await this.db.transaction('r', this.db.docTables, () => readStoredDoc(this.db, this.docId));
    } catch (e) {
      return err(readError(e));
    }
    if (!stored) return err(notFound(this.documentId));
    // Stored bytes are already stored: apply them as remote, so they are not written back.
    const temp = newDocumentDoc(this.documentId);
    const applied = applyStoredDoc(temp, this.docId, stored);
    if (!applied.ok) {
      temp.destroy();
      return applied;
    }
    const missing = Y.encodeStateAsUpdate(temp, Y.encodeStateVector(this.doc));
    temp.destroy();
    this.applyStoredUpdate(missing);
    return ok(true);
  }

  applyStoredUpdate(update: Uint8Array): void {
    if (this.closed) return;
    this.doc.off('update', this.onUpdate);
    try {
      Y.applyUpdate(this.doc, update, DOCUMENT_REMOTE_ORIGIN);
    } finally {
      this.doc.on('update', this.onUpdate);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      this.offLifecycle();
      this.doc.off('update', this.onUpdate);
      this.doc.destroy();
    }
  }
}

class DexieDocumentStore implements DocumentStore {
  constructor(
    private readonly db: CourtdeskDb,
    private readonly now: () => string,
    private readonly delayMs: number,
    private readonly lifecycle: PageLifecycle | undefined,
  ) {}

  async has(documentId: string): Promise<boolean> {
    return this.db.transaction('r', this.db.docTables, () => hasStoredDoc(this.db, documentDocId(documentId)));
  }

  async state(documentId: string): Promise<Uint8Array | undefined> {
    const docId = documentDocId(documentId);
    const stored = await this.db.transaction('r', this.db.docTables, () => readStoredDoc(this.db, docId));
    if (!stored) return undefined;
    return stored.updates.length === 0 ? stored.snapshot.state : Y.mergeUpdates([stored.snapshot.state, ...stored.updates.map((u) => u.update)]);
  }

  async open(documentId: string): Promise<Result<OpenDocument>> {
    const docId = documentDocId(documentId);
    let stored: StoredDoc | undefined;
    try {
      stored = await this.db.transaction('r', this.db.docTables, () => readStoredDoc(this.db, docId));
    } catch (e) {
      return err(readError(e));
    }
    if (!stored) return err(notFound(documentId));
    const doc = newDocumentDoc(documentId);
    const applied = applyStoredDoc(doc, docId, stored);
    if (!applied.ok) {
      doc.destroy();
      return applied;
    }
    return ok(new PersistedDocument(this.db, documentId, doc, this.now, this.delayMs, this.lifecycle));
  }

  async create(documentId: string, init: (doc: Y.Doc) => void): Promise<Result<OpenDocument>> {
    const docId = documentDocId(documentId);
    const doc = newDocumentDoc(documentId);
    try {
      init(doc);
    } catch (e) {
      doc.destroy();
      return err(domainError('document.initFailed', 'Không tạo được văn bản từ mẫu.', 'The document could not be created from its template.', String(e)));
    }
    const db = this.db;
    try {
      const created = await db.transaction('rw', [...db.docTables, ...db.syncTables], async () => {
        if (await hasStoredDoc(db, docId)) return false;
        await db.docSnapshots.put({ docId, state: Y.encodeStateAsUpdate(doc), updateCount: 0, updatedAt: this.now() });
        await markLocalEdit(db, docId);
        return true;
      });
      if (!created) {
        doc.destroy();
        return err(exists(documentId));
      }
      notifyLocalEdit(docId);
    } catch (e) {
      doc.destroy();
      return err(storageWriteError(e));
    }
    return ok(new PersistedDocument(this.db, documentId, doc, this.now, this.delayMs, this.lifecycle));
  }

  close(): void {
    this.db.close();
  }
}

/** Opens the document store on the replica's database (default name "courtdesk"). */
export async function openDocumentStore(options: DocumentStoreOptions = {}): Promise<DocumentStore> {
  const db = await openDatabase({
    name: options.name ?? DEFAULT_DB_NAME,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  return new DexieDocumentStore(db, options.now ?? (() => new Date().toISOString()), options.flushDelayMs ?? FLUSH_DELAY_MS, options.lifecycle ?? browserLifecycle());
}
