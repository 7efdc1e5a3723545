/**
 * The embedded store: one SQLite file (better-sqlite3, WAL) in the server's data folder. Schema
 * and migrations are in sqlite-schema.ts.
 *
 * better-sqlite3 is synchronous, so every method does its work before returning its promise and
 * two calls never interleave: a write transaction (`BEGIN IMMEDIATE`) is the per-document lock
 * compaction needs. `synchronous = NORMAL` in WAL mode survives a crash of the process; a power
 * cut may lose the last commits, which the clients still hold and send again at their next sync
 * (their Yjs state vector tells the server what it lacks). The live server checkpoints the WAL in
 * a worker thread (`backgroundCheckpoints`, wal-checkpointer.ts) so that no commit waits for an
 * fsync of the database file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isAccountRole } from '../../shared/sync/claims.js';
import { blobDigest, digestMatches } from './digest.js';
import { MIGRATIONS } from './sqlite-schema.js';
import { appendRanges, clockMapFromJson, clockMapToJson, encodeClockMap, stateVectorOfUpdate, updateRanges } from './state-vector.js';
import { deviceKeyOf, mergeParts, packSummaryOf, parseStaffList, type DeviceKeyColumns, type PackColumns } from './rows.js';
import type { Logger } from '../log.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';
import { StoreError, type AppendResult, type ChangesPage, type DeviceKeyRecord, type PackRecord, type PackSummary, type ServerStore, type StoredDocState, type UserRecord } from './store.js';

export const SQLITE_FILE_NAME = 'courtdesk.sqlite';

interface DocRow {
  seq: number;
  snapshot: Buffer | null;
  snapshot_digest: Buffer | null;
  pending: number;
  state_vector: string | null;
}
interface UpdateRow {
  id: number;
  data: Buffer;
  digest: Buffer;
}
interface UserRow {
  court: string;
  user: string;
  password_hash: string;
  roles: string;
  staff_id: string | null;
}
interface DeviceKeyRow extends DeviceKeyColumns {
  user: string;
}
type PackRow = PackColumns;

export interface SqliteStoreOptions {
  /**
   * Checkpoint the WAL in a worker thread instead of inside commits (the live server; one-shot
   * commands leave SQLite's automatic checkpoint on).
   */
  readonly backgroundCheckpoints?: { readonly logger: Logger; readonly intervalMs?: number };
}

/**
 * Opens (creating if needed) the store in `dataDir` and applies pending migrations.
 *
 * @example
 *   const store = openSqliteStore('./court-data');
 *   await store.appendUpdate('tand-kv1-vinhlong', 'case/c-1', update);
 */
export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): ServerStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const checkpoints = options.backgroundCheckpoints;
  return new SqliteStore(db, checkpoints === undefined ? undefined : startWalCheckpointer(db, file, checkpoints));
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError('store.unavailable', `Database schema ${version} is newer than this server (${MIGRATIONS.length})`);
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next] as string);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
}

class SqliteStore implements ServerStore {
  private closed = false;
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly checkpointer?: WalCheckpointer,
  ) {
    this.statements = {
      bumpSeq: db.prepare<[string], { seq: number }>(
        'INSERT INTO courts (court, seq) VALUES (?, 1) ON CONFLICT (court) DO UPDATE SET seq = seq + 1 RETURNING seq',
      ),
      insertUpdate: db.prepare('INSERT INTO updates (court, doc_key, seq, data, digest) VALUES (?, ?, ?, ?, ?)'),
      upsertDoc: db.prepare<[string, string, number, number, string | null], { pending: number }>(
        `INSERT INTO docs (court, doc_key, seq, pending, updated_at, state_vector) VALUES (?, ?, ?, 1, ?, ?)
         ON CONFLICT (court, doc_key) DO UPDATE SET seq = excluded.seq, pending = pending + 1, updated_at = excluded.updated_at,
           state_vector = excluded.state_vector
         RETURNING pending`,
      ),
      getStateVector: db.prepare<[string, string], { state_vector: string | null }>('SELECT state_vector FROM docs WHERE court = ? AND doc_key = ?'),
      getDoc: db.prepare<[string, string], DocRow>('SELECT seq, snapshot, snapshot_digest, pending, state_vector FROM docs WHERE court = ? AND doc_key = ?'),
      fillStateVector: db.prepare('UPDATE docs SET state_vector = ? WHERE court = ? AND doc_key = ? AND seq = ? AND state_vector IS NULL'),
      getUpdates: db.prepare<[string, string], UpdateRow>('SELECT id, data, digest FROM updates WHERE court = ? AND doc_key = ? ORDER BY id'),
      setSnapshot: db.prepare('UPDATE docs SET snapshot = ?, snapshot_digest = ?, pending = 0, state_vector = ? WHERE court = ? AND doc_key = ?'),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE court = ? AND doc_key = ? AND id <= ?'),
      changesSince: db.prepare<[string, number, number], { doc_key: string; seq: number }>(
        'SELECT doc_key, seq FROM docs WHERE court = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      currentSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM courts WHERE court = ?'),
      getUser: db.prepare<[string, string], UserRow>('SELECT court, user, password_hash, roles, staff_id FROM users WHERE court = ? AND user = ?'),
      upsertUser: db.prepare(
        `INSERT INTO users (court, user, password_hash, roles, staff_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (court, user) DO UPDATE SET password_hash = excluded.password_hash, roles = excluded.roles,
           staff_id = excluded.staff_id, updated_at = excluded.updated_at`,
      ),
      upsertDeviceKey: db.prepare(
        `INSERT INTO device_keys (court, key_id, user, public_key, device_name, registered_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (court, key_id) DO UPDATE SET device_name = excluded.device_name`,
      ),
      listDeviceKeys: db.prepare<[string, string], DeviceKeyRow>('SELECT * FROM device_keys WHERE court = ? AND user = ? ORDER BY registered_at'),
      getDeviceKey: db.prepare<[string, string], DeviceKeyRow>('SELECT * FROM device_keys WHERE court = ? AND key_id = ?'),
      revokeDeviceKey: db.prepare('UPDATE device_keys SET revoked_at = ? WHERE court = ? AND key_id = ? AND revoked_at IS NULL'),
      insertPack: db.prepare(
        `INSERT INTO packs (court, kind, pack_id, version, bytes, sha256, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (court, kind, pack_id, version) DO NOTHING`,
      ),
      putDocAccess: db.prepare(
        'INSERT INTO doc_access (court, doc_key, restricted_to) VALUES (?, ?, ?) ON CONFLICT (court, doc_key) DO UPDATE SET restricted_to = excluded.restricted_to',
      ),
      getDocAccess: db.prepare<[string, string], { restricted_to: string | null }>('SELECT restricted_to FROM doc_access WHERE court = ? AND doc_key = ?'),
      listPacks: db.prepare<[string], PackRow>(
        'SELECT kind, pack_id, version, sha256, published_by, published_at FROM packs WHERE court = ? ORDER BY seq',
      ),
      getPack: db.prepare<[string, string, string, string], PackRow>(
        'SELECT kind, pack_id, version, bytes, sha256, published_by, published_at FROM packs WHERE court = ? AND kind = ? AND pack_id = ? AND version = ?',
      ),
    };
  }

  async appendUpdate(court: string, docKey: string, update: Uint8Array): Promise<AppendResult> {
    return this.run(() =>
      this.db
        .transaction((): AppendResult => {
          const seq = this.statements.bumpSeq.get(court)?.seq;
          if (seq === undefined) throw new StoreError('store.unavailable', 'Court sequence did not advance');
          this.statements.insertUpdate.run(court, docKey, seq, update, blobDigest(update));
          // Advanced here, once per write (inside the write lock), so no read ever decodes the doc for it.
          const stored = this.statements.getStateVector.get(court, docKey);
          const known = stored === undefined ? new Map<number, number>() : clockMapFromJson(stored.state_vector);
          const next = appendRanges(known, updateRanges(update));
          const pending = this.statements.upsertDoc.get(court, docKey, seq, Date.now(), next === null ? null : clockMapToJson(next))?.pending ?? 1;
          return { seq, pendingUpdates: pending };
        })
        .immediate(),
    );
  }

  async loadDoc(court: string, docKey: string): Promise<StoredDocState | null> {
    return this.run(() => this.db.transaction(() => this.readDoc(court, docKey)).deferred());
  }

  async loadDocs(court: string, docKeys: readonly string[]): Promise<ReadonlyMap<string, StoredDocState>> {
    // In-process SQLite has no round trip to save; one read transaction gives the page one snapshot.
    return this.run(() =>
      this.db
        .transaction(() => {
          const out = new Map<string, StoredDocState>();
          for (const docKey of docKeys) {
            const state = this.readDoc(court, docKey);
            if (state !== null) out.set(docKey, state);
          }
          return out;
        })
        .deferred(),
    );
  }

  async compact(court: string, docKey: string): Promise<void> {
    this.run(() =>
      this.db
        .transaction(() => {
          const doc = this.statements.getDoc.get(court, docKey);
          if (doc === undefined || doc.pending === 0) return;
          const { parts, lastUpdateId } = this.readParts(court, docKey, doc);
          if (lastUpdateId === undefined) return;
          // A corrupt part throws here, before anything is replaced: compaction never turns a
          // damaged history into a smaller, "valid" snapshot.
          const merged = mergeParts(parts, court, docKey);
          // Recomputed from the merged bytes (the write lock is held, nothing else changed them):
          // fills in an unknown state vector (unless a hole remains) and re-asserts a known one.
          const sv = stateVectorOfUpdate(merged, court, docKey);
          this.statements.setSnapshot.run(merged, blobDigest(merged), sv.keep ? clockMapToJson(sv.clocks) : null, court, docKey);
          this.statements.deleteUpdates.run(court, docKey, lastUpdateId);
        })
        .immediate(),
    );
  }

  async changesSince(court: string, sinceSeq: number, limit: number): Promise<ChangesPage> {
    return this.run(() => {
      const rows = this.statements.changesSince.all(court, sinceSeq, limit + 1);
      const page = rows.slice(0, limit).map((row) => ({ docKey: row.doc_key, seq: row.seq }));
      return { docs: page, hasMore: rows.length > limit };
    });
  }

  async currentSeq(court: string): Promise<number> {
    return this.run(() => this.statements.currentSeq.get(court)?.seq ?? 0);
  }

  async putUser(record: UserRecord): Promise<{ created: boolean }> {
    return this.run(() =>
      this.db
        .transaction(() => {
          const existed = this.statements.getUser.get(record.court, record.user) !== undefined;
          const now = Date.now();
          this.statements.upsertUser.run(record.court, record.user, record.passwordHash, JSON.stringify(record.roles), record.staffId ?? null, now, now);
          return { created: !existed };
        })
        .immediate(),
    );
  }

  async getUser(court: string, user: string): Promise<UserRecord | null> {
    return this.run(() => {
      const row = this.statements.getUser.get(court, user);
      if (row === undefined) return null;
      const roles: unknown = JSON.parse(row.roles);
      return {
        court: row.court,
        user: row.user,
        passwordHash: row.password_hash,
        roles: Array.isArray(roles) ? roles.filter(isAccountRole) : [],
        ...(row.staff_id === null ? {} : { staffId: row.staff_id }),
      };
    });
  }

  async putDeviceKey(record: DeviceKeyRecord): Promise<void> {
    this.run(() =>
      this.statements.upsertDeviceKey.run(
        record.court, record.keyId, record.user, record.publicKey, record.deviceName, record.registeredAt, record.revokedAt ?? null,
      ),
    );
  }

  async listDeviceKeys(court: string, user: string): Promise<readonly DeviceKeyRecord[]> {
    return this.run(() => this.statements.listDeviceKeys.all(court, user).map((row) => deviceKeyOf(row, row.user)));
  }

  async getDeviceKey(court: string, keyId: string): Promise<DeviceKeyRecord | null> {
    return this.run(() => {
      const row = this.statements.getDeviceKey.get(court, keyId);
      return row === undefined ? null : deviceKeyOf(row, row.user);
    });
  }

  async revokeDeviceKey(court: string, keyId: string, at: string): Promise<boolean> {
    return this.run(() => this.statements.revokeDeviceKey.run(at, court, keyId).changes > 0);
  }

  async putPack(court: string, record: PackRecord): Promise<{ created: boolean }> {
    return this.run(() => {
      const result = this.statements.insertPack.run(
        court, record.kind, record.packId, record.version, record.bytes, record.sha256, record.publishedBy, record.publishedAt,
      );
      return { created: result.changes > 0 };
    });
  }

  async listPacks(court: string): Promise<readonly PackSummary[]> {
    return this.run(() => this.statements.listPacks.all(court).map((row) => packSummaryOf(row)));
  }

  async getPack(court: string, kind: PackRecord['kind'], packId: string, version: string): Promise<PackRecord | null> {
    return this.run(() => {
      const row = this.statements.getPack.get(court, kind, packId, version);
      if (row === undefined || row.bytes === undefined) return null;
      return { ...packSummaryOf(row), bytes: new Uint8Array(row.bytes) };
    });
  }

  async putDocAccess(court: string, docKey: string, restrictedToStaff: readonly string[] | null): Promise<void> {
    this.run(() => this.statements.putDocAccess.run(court, docKey, restrictedToStaff === null ? null : JSON.stringify(restrictedToStaff)));
  }

  async getDocAccess(court: string, docKeys: readonly string[]): Promise<ReadonlyMap<string, readonly string[] | null>> {
    return this.run(() => {
      const out = new Map<string, readonly string[] | null>();
      for (const docKey of docKeys) {
        const row = this.statements.getDocAccess.get(court, docKey);
        if (row !== undefined) out.set(docKey, parseStaffList(row.restricted_to));
      }
      return out;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The worker's connection closes first, so this last one checkpoints and removes the WAL.
    await this.checkpointer?.stop();
    this.db.close();
  }

  /** The merged state and its state vector; an unknown state vector is computed once and kept. */
  private readDoc(court: string, docKey: string): StoredDocState | null {
    const doc = this.statements.getDoc.get(court, docKey);
    if (doc === undefined) return null;
    const update = mergeParts(this.readParts(court, docKey, doc).parts, court, docKey);
    let clocks = clockMapFromJson(doc.state_vector);
    if (clocks === null) {
      const sv = stateVectorOfUpdate(update, court, docKey);
      clocks = sv.clocks;
      // Same seq = same data: a doc appended to since is left for its append to have kept. A read
      // must not fail because keeping what it computed failed (a busy file): the next read computes again.
      if (sv.keep) {
        try {
          this.statements.fillStateVector.run(clockMapToJson(clocks), court, docKey, doc.seq);
        } catch {
          // kept by a later read or compaction
        }
      }
    }
    return { update, seq: doc.seq, stateVector: encodeClockMap(clocks) };
  }

  /**
   * Snapshot then pending updates, every digest checked. A doc whose `pending` count is 0 has no
   * update rows (the count and the rows change in the same transaction: append, compaction), so
   * their query is skipped: most docs of a catch-up are compacted, and the query was one SQLite
   * statement per doc served.
   */
  private readParts(court: string, docKey: string, doc: DocRow): { parts: Uint8Array[]; lastUpdateId: number | undefined } {
    const parts: Uint8Array[] = [];
    if (doc.snapshot !== null) {
      if (doc.snapshot_digest === null || !digestMatches(doc.snapshot, doc.snapshot_digest)) {
        throw new StoreError('store.corrupt', `Snapshot of ${court}/${docKey} fails its digest`);
      }
      parts.push(doc.snapshot);
    }
    let lastUpdateId: number | undefined;
    for (const row of doc.pending === 0 ? [] : this.statements.getUpdates.all(court, docKey)) {
      if (!digestMatches(row.data, row.digest)) {
        throw new StoreError('store.corrupt', `Update ${row.id} of ${court}/${docKey} fails its digest`);
      }
      parts.push(row.data);
      lastUpdateId = row.id;
    }
    if (parts.length === 0) throw new StoreError('store.corrupt', `Doc ${court}/${docKey} is listed but has no data`);
    return { parts, lastUpdateId };
  }

  /** Runs a synchronous database call, turning driver errors into `StoreError`s. */
  private run<T>(work: () => T): T {
    if (this.closed) throw new StoreError('store.closed', 'The store is closed');
    try {
      return work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('store.unavailable', error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
}

