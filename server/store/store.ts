/**
 * The court server's storage contract. Everything returns a Promise so that a networked store
 * (PostgreSQL, for several server instances) can implement it; the embedded SQLite store does its
 * work synchronously before the promise is returned, so an awaited `appendUpdate` is on disk
 * (in the WAL) by the time the message handler that called it returns.
 *
 * Docs are keyed by court and by their key inside the court (`case/{id}`, `doc/{id}`: see
 * `roomDocKey` in shared/sync/rooms.ts). Storage appends each update, then compacts the pending
 * updates into one snapshot under a per-document lock (STYLE §3, AFFiNE nbstore).
 */
import type { AccountRole } from '../../shared/sync/claims.js';

/** A failure of the storage itself (I/O, corruption). Callers answer 503 / close 1011, never crash. */
export class StoreError extends Error {
  constructor(
    readonly code: 'store.unavailable' | 'store.corrupt' | 'store.closed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export interface AppendResult {
  /** The court seq this update got (every stored update bumps its court's seq by one). */
  readonly seq: number;
  /** Updates of this doc not yet compacted into its snapshot. */
  readonly pendingUpdates: number;
}

export interface StoredDocState {
  /**
   * Snapshot and pending updates merged into one Yjs update (V1). Throws `StoreError('store.corrupt')`
   * rather than returning something partial: a doc that fails to load is an error, never empty.
   */
  readonly update: Uint8Array;
  /** The court seq of the doc's last change. */
  readonly seq: number;
}

export interface ChangedDoc {
  readonly docKey: string;
  readonly seq: number;
}

export interface ChangesPage {
  /** Docs whose last change is after `sinceSeq`, oldest change first. */
  readonly docs: readonly ChangedDoc[];
  readonly hasMore: boolean;
}

export interface DocStore {
  /** Appends one update and bumps the court's change sequence. */
  appendUpdate(court: string, docKey: string, update: Uint8Array): Promise<AppendResult>;
  /** The doc's merged state, or `null` when nothing was ever stored for it. */
  loadDoc(court: string, docKey: string): Promise<StoredDocState | null>;
  /** Merges the pending updates into the snapshot; a no-op when there are none. */
  compact(court: string, docKey: string): Promise<void>;
  /** The docs that changed after `sinceSeq`, at most `limit`, ordered by their last change. */
  changesSince(court: string, sinceSeq: number, limit: number): Promise<ChangesPage>;
  /** The court's latest seq (0 before the first update). */
  currentSeq(court: string): Promise<number>;
}

export interface UserRecord {
  readonly court: string;
  readonly user: string;
  /** `scrypt$N$r$p$salt$hash` (see server/auth/password.ts). */
  readonly passwordHash: string;
  readonly roles: readonly AccountRole[];
}

export interface UserStore {
  /** Creates or replaces an account; answers whether it existed. */
  putUser(record: UserRecord): Promise<{ created: boolean }>;
  getUser(court: string, user: string): Promise<UserRecord | null>;
}

/** One store for docs and accounts; `close` waits for nothing pending and releases the files. */
export interface ServerStore extends DocStore, UserStore {
  close(): Promise<void>;
}
