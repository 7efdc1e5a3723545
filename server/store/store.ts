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
  /**
   * `Y.encodeStateVectorFromUpdate(update)`, kept by the store beside the snapshot (advanced once
   * per append, never computed per read: server/store/state-vector.ts).
   */
  readonly stateVector: Uint8Array;
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
  /**
   * `loadDoc` of many docs of one court at once (a pull page: one round trip instead of one per
   * doc). Docs never stored are absent from the map; a corrupt doc rejects the whole call, so the
   * caller loads the page doc by doc to tell which one failed.
   */
  loadDocs(court: string, docKeys: readonly string[]): Promise<ReadonlyMap<string, StoredDocState>>;
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
  /**
   * The staff member (`Staff.id` of the court file) this account is: how the server knows that a
   * user is on a case's panel (deliberation minutes) and whose signature a device key gives.
   */
  readonly staffId?: string;
}

export interface UserStore {
  /** Creates or replaces an account; answers whether it existed. */
  putUser(record: UserRecord): Promise<{ created: boolean }>;
  getUser(court: string, user: string): Promise<UserRecord | null>;
}

/** A signing key a user registered from one device (Ed25519, raw 32-byte public key). */
export interface DeviceKeyRecord {
  readonly court: string;
  readonly user: string;
  /** base64url SHA-256 of the raw public key, first 16 bytes: stable, short, unique enough. */
  readonly keyId: string;
  /** Raw Ed25519 public key, base64 (standard). */
  readonly publicKey: string;
  /** What the user called the device ("Laptop phòng xử án 2"). */
  readonly deviceName: string;
  /** ISO timestamps. */
  readonly registeredAt: string;
  readonly revokedAt?: string;
}

export interface DeviceKeyStore {
  /** Registers a key; registering the same keyId again replaces its name and clears nothing else. */
  putDeviceKey(record: DeviceKeyRecord): Promise<void>;
  /** Every key of a user, revoked ones included (a signature made before revocation stays valid). */
  listDeviceKeys(court: string, user: string): Promise<readonly DeviceKeyRecord[]>;
  /** One key of the court by id, or null. */
  getDeviceKey(court: string, keyId: string): Promise<DeviceKeyRecord | null>;
  /** Marks a key revoked at `at` (ISO); answers whether it existed. */
  revokeDeviceKey(court: string, keyId: string, at: string): Promise<boolean>;
}

/** A signed template or deadline-table pack court IT published (the bytes as `templates build/sign` wrote them). */
export interface PackRecord {
  /** Which kind of pack (`templates` or `deadlines`). */
  readonly kind: 'templates' | 'deadlines';
  /** The pack's own id and semver version, read from its manifest when published. */
  readonly packId: string;
  readonly version: string;
  readonly bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`. */
  readonly sha256: string;
  readonly publishedBy: string;
  /** ISO timestamp. */
  readonly publishedAt: string;
}

export type PackSummary = Omit<PackRecord, 'bytes'>;

export interface PackStore {
  /** Stores a pack of a court; publishing the same (kind, packId, version) again stores nothing and answers `created: false`. */
  putPack(court: string, record: PackRecord): Promise<{ created: boolean }>;
  /** Every pack of a court, newest publication last. */
  listPacks(court: string): Promise<readonly PackSummary[]>;
  getPack(court: string, kind: PackRecord['kind'], packId: string, version: string): Promise<PackRecord | null>;
}

/**
 * Who may read each document, recorded when the server applies its updates: the staff ids of a
 * panel-only document (biên bản nghị án), or `null` for a court-wide one. The batch pull checks
 * thousands of documents per request; reading this index instead of decoding each document's
 * meta keeps that check at one query per request.
 */
export interface DocAccessStore {
  putDocAccess(court: string, docKey: string, restrictedToStaff: readonly string[] | null): Promise<void>;
  /** The recorded access of these docs; a doc with nothing recorded is absent from the map. */
  getDocAccess(court: string, docKeys: readonly string[]): Promise<ReadonlyMap<string, readonly string[] | null>>;
}

/** One store for docs, accounts, device keys, packs and doc access; `close` waits for nothing pending and releases the files. */
export interface ServerStore extends DocStore, UserStore, DeviceKeyStore, PackStore, DocAccessStore {
  close(): Promise<void>;
}
