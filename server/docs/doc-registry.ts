/**
 * The documents in memory: load on first use, share between users, persist every update, compact,
 * unload when idle. What it guarantees (anchors.md complaints #10 and #11):
 *
 * - Load, then sync: a doc is handed out only once its stored state is applied. A load that fails
 *   (store down, corrupt data) is an error for every waiter; no empty doc is ever served or stored.
 * - Every update the doc emits is appended to the store in the same tick (the SQLite store writes
 *   before its promise returns); a failed append closes the room's peers with 1011 and drops the
 *   doc, so nobody keeps editing a state the server cannot keep.
 * - A doc nobody holds is unloaded `idleUnloadMs` after its last release, after its writes
 *   settled; it is then compacted. A new load of the same doc waits for that unload to finish.
 * - Document rooms keep `gc: false` like their clients (shared/drafting/document-doc.ts): a client
 *   that syncs a document from the server must get the deleted text too, or its named versions
 *   could not be shown. A finalised document refuses content changes (document-rules.ts).
 */
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/sync/close-codes.js';
import { formatRoomName, roomDocKey, type RoomRef } from '../../shared/sync/rooms.js';
import { errorFields, type Logger } from '../log.js';
import { StoreError, type DocAccessStore, type DocStore } from '../store/store.js';
import { assertUpdateAllowed, documentAccessMeta } from './document-rules.js';
import { LiveDoc } from './live-doc.js';

export interface DocRegistryOptions {
  readonly store: DocStore & DocAccessStore;
  readonly logger: Logger;
  /** How long a doc stays loaded after its last user leaves. */
  readonly idleUnloadMs: number;
  /** Compact once a doc has this many pending updates. */
  readonly compactAfter?: number;
}

const LOAD_ORIGIN = Symbol('load');
/** Updates another server instance already stored (server/cluster): broadcast, never re-stored. */
const STORED_ORIGIN = Symbol('stored');

/** What a cluster of instances plugs in (server/cluster/pg-fanout.ts): it hears loads and unloads. */
export interface RegistryObserver {
  /** Called as a doc becomes loaded; `storedSeq` is the seq its stored state was read at. */
  docLoaded(live: LiveDoc, storedSeq: number): void;
  docUnloaded(live: LiveDoc): void;
}

export class DocRegistry {
  /** Loading or loaded docs, by room name. */
  private readonly entries = new Map<string, Promise<LiveDoc>>();
  /** Loaded docs only: tells an unload whether `live` is still the current copy of its room. */
  private readonly loaded = new Map<string, LiveDoc>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly pendingWrites = new Set<Promise<unknown>>();
  private closed = false;
  private observer: RegistryObserver | undefined;

  constructor(private readonly options: DocRegistryOptions) {}

  observe(observer: RegistryObserver): void {
    this.observer = observer;
  }

  /** The loading or loaded doc of a room, without holding it (undefined when not in memory). */
  peek(roomName: string): Promise<LiveDoc> | undefined {
    return this.entries.get(roomName);
  }

  /** Whether `live` is still the loaded copy of its room (not unloaded or replaced). */
  isLoaded(live: LiveDoc): boolean {
    return this.loaded.get(live.roomName) === live;
  }

  /**
   * Applies an update another instance already stored (seq `seq`): peers see it, the store does
   * not get it again. If the doc was waiting on missing structs, what this update unblocks came
   * from our own peers and was never stored, so that transaction is stored like any other.
   */
  applyStored(live: LiveDoc, update: Uint8Array, seq: number): void {
    const waiting = live.doc.store.pendingStructs !== null || live.doc.store.pendingDs !== null;
    Y.applyUpdate(live.doc, update, waiting ? undefined : STORED_ORIGIN);
    live.seq = Math.max(live.seq, seq);
  }

  /** Docs currently in memory (the gauge that shows eviction works). */
  loadedDocCount(): number {
    return this.entries.size;
  }

  /**
   * Loads (or shares) the doc of `room` and holds it until `release`. Rejects with a
   * `StoreError` when the doc cannot be loaded.
   */
  async acquire(room: RoomRef): Promise<LiveDoc> {
    if (this.closed) throw new StoreError('store.closed', 'The server is shutting down');
    const name = formatRoomName(room);
    let entry = this.entries.get(name);
    if (entry === undefined) {
      const loading = this.load(room, name);
      entry = loading;
      this.entries.set(name, loading);
      loading.catch(() => {
        if (this.entries.get(name) === loading) this.entries.delete(name);
      });
    }
    const live = await entry;
    // A forced unload (store failure) may have dropped this copy while we waited: load afresh.
    if (this.loaded.get(name) !== live) return this.acquire(room);
    live.holds++;
    if (live.idleTimer !== undefined) {
      clearTimeout(live.idleTimer);
      live.idleTimer = undefined;
    }
    return live;
  }

  /** Gives a hold back; at zero the doc is unloaded after the idle delay (or now, for batches). */
  release(live: LiveDoc, options: { unloadNow?: boolean } = {}): void {
    live.holds = Math.max(0, live.holds - 1);
    if (live.holds > 0 || this.loaded.get(live.roomName) !== live) return;
    if (options.unloadNow) {
      void this.unload(live);
      return;
    }
    if (live.idleTimer !== undefined) clearTimeout(live.idleTimer);
    live.idleTimer = setTimeout(() => void this.unload(live), this.options.idleUnloadMs);
    live.idleTimer.unref();
  }

  /**
   * Applies an update to a held doc; resolves once what it changed is stored, rejects when the
   * store failed (the update is then not acknowledged). Throws synchronously for an update Yjs
   * cannot read, and `DocumentFinalisedError` for a change to a finalised document (nothing is
   * applied or stored then).
   */
  applyUpdate(live: LiveDoc, update: Uint8Array, origin: unknown): Promise<void> {
    if (live.room.kind === 'doc') assertUpdateAllowed(live.doc, update);
    const writes: Promise<unknown>[] = [];
    live.collectWrites = writes;
    try {
      Y.applyUpdate(live.doc, update, origin);
    } finally {
      live.collectWrites = undefined;
    }
    return Promise.all(writes).then(() => undefined);
  }

  /** Waits until every write started so far has settled. */
  async flush(): Promise<void> {
    while (this.pendingWrites.size > 0) await Promise.allSettled([...this.pendingWrites]);
  }

  /** Closes every room (1001), unloads and compacts every doc, and waits for the writes. */
  async close(): Promise<void> {
    this.closed = true;
    const loaded = await Promise.allSettled([...this.entries.values()]);
    await Promise.all(
      loaded.map(async (result) => {
        if (result.status !== 'fulfilled') return;
        for (const peer of [...result.value.peers.keys()]) peer.close(CLOSE_CODES.goingAway, 'server shutting down');
        await this.unload(result.value, { force: true });
      }),
    );
    await Promise.allSettled([...this.unloading.values()]);
    await this.flush();
  }

  private async load(room: RoomRef, name: string): Promise<LiveDoc> {
    await this.unloading.get(name);
    const docKey = roomDocKey(room);
    const stored = await this.options.store.loadDoc(room.courtId, docKey);
    const doc = new Y.Doc({ gc: room.kind !== 'doc' });
    if (stored !== null) {
      try {
        Y.applyUpdate(doc, stored.update, LOAD_ORIGIN);
      } catch (error) {
        doc.destroy();
        throw new StoreError('store.corrupt', `Stored state of ${name} cannot be read`, { cause: error });
      }
      // Everything the server stores came out of a doc, so it is self-contained; structs waiting
      // for missing dependencies mean stored data is missing.
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
        doc.destroy();
        throw new StoreError('store.corrupt', `Stored state of ${name} has missing dependencies`);
      }
    }
    const live = new LiveDoc(room, name, docKey, doc, stored?.seq ?? 0);
    this.loaded.set(name, live);
    this.observer?.docLoaded(live, stored?.seq ?? 0);
    // Registered after the stored state is in, so loading never re-appends it.
    doc.on('update', (update: Uint8Array, origin: unknown) => this.persist(live, update, origin));
    this.options.logger.debug('doc.loaded', { room: name, bytes: stored?.update.byteLength ?? 0 });
    return live;
  }

  private persist(live: LiveDoc, update: Uint8Array, origin: unknown): void {
    if (origin === STORED_ORIGIN) {
      live.broadcastUpdate(update, origin);
      return;
    }
    const write = this.options.store.appendUpdate(live.room.courtId, live.docKey, update).then(
      (result) => {
        live.seq = Math.max(live.seq, result.seq);
        if (result.pendingUpdates >= (this.options.compactAfter ?? 200)) this.compactSoon(live);
      },
      (error: unknown) => {
        this.options.logger.error('store.append.failed', { room: live.roomName, ...errorFields(error) });
        this.fail(live);
        throw error;
      },
    );
    this.track(write);
    live.collectWrites?.push(write);
    if (live.room.kind === 'doc') this.recordAccess(live);
    live.broadcastUpdate(update, origin);
  }

  /**
   * Keeps the store's doc-access index (DocAccessStore) in step with the document's meta, so the
   * batch pull can check thousands of documents without decoding them. Written only when the
   * panel restriction changes (in practice once, when the document is created).
   */
  private recordAccess(live: LiveDoc): void {
    const restricted = documentAccessMeta(live.doc)?.restrictedToStaff ?? null;
    const recorded = JSON.stringify(restricted);
    if (live.recordedAccess === recorded) return;
    live.recordedAccess = recorded;
    const write = this.options.store.putDocAccess(live.room.courtId, live.docKey, restricted).catch((error: unknown) => {
      live.recordedAccess = undefined;
      this.options.logger.error('store.access.failed', { room: live.roomName, ...errorFields(error) });
      throw error;
    });
    this.track(write);
    live.collectWrites?.push(write);
  }

  /** The store lost an update of this doc: nobody may keep editing the in-memory copy. */
  private fail(live: LiveDoc): void {
    for (const peer of [...live.peers.keys()]) peer.close(CLOSE_CODES.serverError, 'store failed');
    void this.unload(live, { force: true, skipCompaction: true });
  }

  private compactSoon(live: LiveDoc): void {
    if (live.compacting) return;
    live.compacting = true;
    const run = this.options.store
      .compact(live.room.courtId, live.docKey)
      .catch((error: unknown) => this.options.logger.error('store.compact.failed', { room: live.roomName, ...errorFields(error) }))
      .finally(() => (live.compacting = false));
    this.track(run);
  }

  private unload(live: LiveDoc, options: { force?: boolean; skipCompaction?: boolean } = {}): Promise<void> {
    if (!options.force && (live.holds > 0 || live.peers.size > 0)) return Promise.resolve();
    const name = live.roomName;
    if (this.loaded.get(name) !== live) return this.unloading.get(name) ?? Promise.resolve();
    this.loaded.delete(name);
    this.observer?.docUnloaded(live);
    this.entries.delete(name);
    // The store is the truth, so the memory can go now; the writes already started finish below.
    live.destroy();
    const writesSoFar = [...this.pendingWrites];
    const done = (async () => {
      await Promise.allSettled(writesSoFar);
      if (!options.skipCompaction) {
        try {
          await this.options.store.compact(live.room.courtId, live.docKey);
        } catch (error) {
          this.options.logger.error('store.compact.failed', { room: name, ...errorFields(error) });
        }
      }
      this.options.logger.debug('doc.unloaded', { room: name });
    })();
    this.unloading.set(name, done);
    void done.finally(() => {
      if (this.unloading.get(name) === done) this.unloading.delete(name);
    });
    return done;
  }

  private track(work: Promise<unknown>): void {
    this.pendingWrites.add(work);
    void work.catch(() => {}).finally(() => this.pendingWrites.delete(work));
  }
}
