/**
 * The PostgreSQL store, for a province or a whole court system served by several instances of
 * the sync server on one database. Same contract and same meaning as the SQLite store
 * (sqlite-store.ts); schema and migrations in pg-schema.ts.
 *
 * How it stays correct with several writers:
 *
 * - **Change sequence.** An append is ONE statement (bump the court's seq, insert the update,
 *   upsert the doc, and NOTIFY). The court row stays locked until that statement commits, so seqs
 *   commit in order: a reader who has seen seq N has seen every seq below N, and "changed since"
 *   never skips a doc, whichever instance wrote it.
 * - **Group commit.** An instance keeps one append statement in flight per court; what arrives
 *   meanwhile goes into the next one, each doc's waiting updates merged into one row, in the order
 *   its live copy emitted them (pg-append-batcher.ts). None is stored after a failed one of the
 *   same doc: the stored history of a doc is always a prefix of what its live copy emitted, so it
 *   never holds an update whose dependency is missing.
 * - **State vector.** The append statement also advances the doc's stored state vector
 *   (`courtdesk_sv_append`, under the court row lock), so loads return it without decoding.
 * - **Compaction** takes a per-document advisory lock (so two instances never compact one doc at
 *   once), reads snapshot + updates in one statement, merges, then replaces the snapshot and
 *   deletes exactly the update ids it merged. An update another instance appends meanwhile gets a
 *   new id, is not deleted, and stays pending. Appends never wait for the merge itself.
 * - **Reads** of a doc are one statement (snapshot UNION ALL updates), one MVCC snapshot: a
 *   compaction committing meanwhile can never make a load see the old snapshot without the
 *   updates that compaction merged and deleted.
 *
 * Any driver or connection failure becomes `StoreError('store.unavailable')`: the server answers
 * 503 / closes 1011 and keeps running; clients keep their updates and retry.
 */
import pg from 'pg';
import { groupBy } from '../../shared/collections/group-by.js';
import { isAccountRole } from '../../shared/sync/claims.js';
import { blobDigest, digestMatches } from './digest.js';
import { PgAppendBatcher, type AppendRow, type BatchLimits } from './pg-append-batcher.js';
import { clockMapFromJson, clockMapToJson, encodeClockMap, stateVectorOfUpdate, updateRanges } from './state-vector.js';
import { deviceKeyOf, mergeParts, packSummaryOf, parseStaffList, type DeviceKeyColumns, type PackColumns } from './rows.js';
import { MIGRATION_LOCK_KEY, PG_MIGRATIONS, UPDATES_CHANNEL } from './pg-schema.js';
import { StoreError, type AppendResult, type ChangesPage, type DeviceKeyRecord, type PackRecord, type PackSummary, type ServerStore, type StoredDocState, type UserRecord } from './store.js';

// BIGINT columns come back as strings by default; our seqs stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export interface PgStoreOptions {
  /** `postgres://USER:PASS@HOST:PORT/DB`. */
  readonly connectionString: string;
  /** Pooled connections (default 10). */
  readonly poolSize?: number;
  /**
   * This server instance's id. When set, every append NOTIFYs `courtdesk_updates` with
   * `{s: seq, c: court, k: docKey, i: instanceId, u: base64 update | null}` in the same
   * transaction, for the other instances (server/cluster/pg-fanout.ts).
   */
  readonly instanceId?: string;
  /** How long a call waits for a connection before failing with store.unavailable (default 5 s). */
  readonly connectTimeoutMs?: number;
  /**
   * Appends of one court stored by one statement (group commit, pg-append-batcher.ts; default
   * 500). 1 stores every update in its own commit, as before group commit (for comparison).
   */
  readonly maxAppendsPerCommit?: number;
}

/** Updates up to this size travel inside the notification; bigger ones are read from the table. */
export const MAX_NOTIFIED_UPDATE_BYTES = 4500;

/** What `loadDocSince` answers: the parts of a doc another instance may lack. */
export interface DocSince {
  /** Merged snapshot (when it holds seqs after `afterSeq`) and updates after `afterSeq`; null when none. */
  readonly update: Uint8Array | null;
  /** The doc's last change: every update up to it is in `update` or was at or before `afterSeq`. */
  readonly seq: number;
}

interface PartRow {
  part: number;
  seq: number;
  data: Buffer | null;
  digest: Buffer | null;
  id: number;
  /** The doc's state vector (JSONB, parsed by the driver) on the snapshot row; null on update rows. */
  sv: unknown;
}
interface PagePartRow extends PartRow {
  doc_key: string;
}
interface UserRow {
  court: string;
  user_name: string;
  password_hash: string;
  roles: unknown;
  staff_id: string | null;
}
interface DeviceKeyRow extends DeviceKeyColumns {
  user_name: string;
}
type PackRow = PackColumns;

/**
 * One statement for a batch of a court's appends (pg-append-batcher.ts), one row per doc: bump the
 * court's seq by the row count (the court row stays locked until commit), insert the updates with
 * consecutive seqs, upsert the docs (pending count, last seq, state vector), NOTIFY when asked.
 * `$1` court, `$2..$6` arrays by row (doc key, data, digest, clock ranges JSON, notified base64),
 * `$7` row count, `$8` now, `$9` instance id.
 */
const APPEND_BATCH_SQL = `
  WITH input AS (
    SELECT * FROM unnest($2::text[], $3::bytea[], $4::bytea[], $5::jsonb[], $6::text[]) WITH ORDINALITY AS t(doc_key, data, digest, ranges, notice, ord)
  ), bumped AS (
    INSERT INTO courts AS c (court, seq) VALUES ($1, $7) ON CONFLICT (court) DO UPDATE SET seq = c.seq + $7
    RETURNING seq
  ), batch AS (
    SELECT input.doc_key, input.data, input.digest, input.ranges, input.notice, bumped.seq - $7 + input.ord AS seq FROM input, bumped
  ), stored AS (
    INSERT INTO updates (court, doc_key, seq, data, digest) SELECT $1, doc_key, seq, data, digest FROM batch
  ), doc AS (
    INSERT INTO docs AS d (court, doc_key, seq, pending, updated_at, state_vector)
    SELECT $1, doc_key, seq, 1, $8, courtdesk_sv_append('{}'::jsonb, ranges) FROM batch
    ON CONFLICT (court, doc_key) DO UPDATE SET seq = excluded.seq, pending = d.pending + 1, updated_at = excluded.updated_at,
      state_vector = courtdesk_sv_append(d.state_vector, (SELECT b.ranges FROM batch b WHERE b.doc_key = excluded.doc_key))
    RETURNING doc_key, seq, pending
  )`;
const APPEND_QUIET = `${APPEND_BATCH_SQL} SELECT doc_key, seq, pending FROM doc`;
const APPEND_NOTIFY = `${APPEND_BATCH_SQL}
  SELECT doc.doc_key, doc.seq, doc.pending,
         pg_notify('${UPDATES_CHANNEL}', json_build_object('s', doc.seq, 'c', $1::text, 'k', doc.doc_key, 'i', $9::text, 'u', batch.notice)::text)
    FROM doc JOIN batch ON batch.doc_key = doc.doc_key
   ORDER BY doc.seq`;

/** Snapshot first (part 0), then the updates in seq order, in one statement (one MVCC snapshot). */
const PARTS_SQL = `
  SELECT 0 AS part, seq, snapshot AS data, snapshot_digest AS digest, snapshot_seq AS id, state_vector AS sv FROM docs WHERE court = $1 AND doc_key = $2
  UNION ALL
  SELECT 1 AS part, seq, data, digest, id, NULL FROM updates WHERE court = $1 AND doc_key = $2
  ORDER BY part, seq`;

/**
 * PARTS_SQL for many docs in one round trip (a pull page). Not sorted here: sorting megabytes of
 * blobs would spill to disk; the rows are grouped and ordered per doc in memory.
 */
const PAGE_PARTS_SQL = `
  SELECT 0 AS part, doc_key, seq, snapshot AS data, snapshot_digest AS digest, snapshot_seq AS id, state_vector AS sv
    FROM docs WHERE court = $1 AND doc_key = ANY($2::text[])
  UNION ALL
  SELECT 1 AS part, doc_key, seq, data, digest, id, NULL FROM updates WHERE court = $1 AND doc_key = ANY($2::text[])`;

/** Keeps state vectors computed on read, unless the doc changed since (its append kept it then). */
const FILL_SV_SQL = `
  UPDATE docs d SET state_vector = f.sv
    FROM unnest($2::text[], $3::jsonb[], $4::bigint[]) AS f(doc_key, sv, seq)
   WHERE d.court = $1 AND d.doc_key = f.doc_key AND d.seq = f.seq AND d.state_vector IS NULL`;

/** Like PARTS_SQL, but only what came after `$3`: the snapshot only when it merged later seqs. */
const PARTS_SINCE_SQL = `
  SELECT 0 AS part, seq, CASE WHEN snapshot_seq > $3 THEN snapshot END AS data,
         CASE WHEN snapshot_seq > $3 THEN snapshot_digest END AS digest, snapshot_seq AS id, NULL AS sv
    FROM docs WHERE court = $1 AND doc_key = $2
  UNION ALL
  SELECT 1 AS part, seq, data, digest, id, NULL FROM updates WHERE court = $1 AND doc_key = $2 AND seq > $3
  ORDER BY part, seq`;

/**
 * Connects, applies pending migrations, and answers the store.
 *
 * @example
 *   const store = await openPgStore({ connectionString: 'postgres://courtdesk:…@127.0.0.1:5432/courtdesk' });
 *   await store.appendUpdate('tand-kv1-vinhlong', 'case/c-1', update);
 */
export async function openPgStore(options: PgStoreOptions): Promise<PgStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'courtdesk-server',
  });
  // An idle pooled connection the database drops (restart, failover) must not crash the process;
  // the pool discards it and the next call opens a new one.
  pool.on('error', () => {});
  try {
    await migratePg(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw toStoreError(error);
  }
  return new PgStore(pool, options.instanceId, options.maxAppendsPerCommit === undefined ? {} : { maxUpdates: options.maxAppendsPerCommit });
}

/** Applies the migrations this database lacks, once, even with several instances starting together. */
async function migratePg(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const version = rows[0]?.version ?? 0;
    if (version > PG_MIGRATIONS.length) {
      throw new StoreError('store.unavailable', `Database schema ${version} is newer than this server (${PG_MIGRATIONS.length})`);
    }
    for (let next = version; next < PG_MIGRATIONS.length; next++) {
      await client.query(PG_MIGRATIONS[next] as string);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [next + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export class PgStore implements ServerStore {
  private closed = false;
  private readonly batcher: PgAppendBatcher;

  constructor(
    readonly pool: pg.Pool,
    private readonly instanceId?: string,
    limits: BatchLimits = {},
  ) {
    this.batcher = new PgAppendBatcher((court, rows) => this.appendRows(court, rows), toStoreError, limits);
  }

  appendUpdate(court: string, docKey: string, update: Uint8Array): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreError('store.closed', 'The store is closed'));
    return this.batcher.append(court, docKey, update);
  }

  /** One statement storing a batch of the court's appends (one row per doc). */
  private async appendRows(court: string, rows: readonly AppendRow[]): Promise<ReadonlyMap<string, AppendResult>> {
    const ranges = rows.map((row) => {
      const r = updateRanges(row.update);
      return r === null ? null : JSON.stringify(r);
    });
    const params: unknown[] = [
      court,
      rows.map((row) => row.docKey),
      rows.map((row) => toBuffer(row.update)),
      rows.map((row) => blobDigest(row.update)),
      ranges,
      rows.map((row) => (this.instanceId !== undefined && row.update.byteLength <= MAX_NOTIFIED_UPDATE_BYTES ? toBuffer(row.update).toString('base64') : null)),
      rows.length,
      Date.now(),
    ];
    if (this.instanceId !== undefined) params.push(this.instanceId);
    const { rows: stored } = await this.query<{ doc_key: string; seq: number; pending: number }>(this.instanceId === undefined ? APPEND_QUIET : APPEND_NOTIFY, params);
    return new Map(stored.map((row) => [row.doc_key, { seq: row.seq, pendingUpdates: row.pending }]));
  }

  async loadDoc(court: string, docKey: string): Promise<StoredDocState | null> {
    const { rows } = await this.query<PartRow>(PARTS_SQL, [court, docKey]);
    const fills: StateVectorFill[] = [];
    const state = docState(court, docKey, rows, fills);
    await this.keepStateVectors(court, fills);
    return state;
  }

  async loadDocs(court: string, docKeys: readonly string[]): Promise<ReadonlyMap<string, StoredDocState>> {
    const out = new Map<string, StoredDocState>();
    if (docKeys.length === 0) return out;
    const { rows } = await this.query<PagePartRow>(PAGE_PARTS_SQL, [court, [...docKeys]]);
    const byDoc = groupBy(rows, (row) => row.doc_key);
    const fills: StateVectorFill[] = [];
    for (const [docKey, parts] of byDoc) {
      parts.sort((a, b) => a.part - b.part || a.seq - b.seq);
      const state = docState(court, docKey, parts, fills);
      if (state !== null) out.set(docKey, state);
    }
    await this.keepStateVectors(court, fills);
    return out;
  }

  /**
   * Stores the state vectors a read had to compute (docs stored before migration 3), one
   * statement for all. A read must not fail because of this: the next read computes them again.
   */
  private async keepStateVectors(court: string, fills: readonly StateVectorFill[]): Promise<void> {
    if (fills.length === 0) return;
    await this.query(FILL_SV_SQL, [court, fills.map((f) => f.docKey), fills.map((f) => f.json), fills.map((f) => f.seq)]).catch(() => undefined);
  }

  /**
   * What a copy of the doc that holds every update up to `afterSeq` lacks (server/cluster): the
   * updates after it, and the snapshot too when a compaction merged some of them. Null when the
   * doc was never stored.
   */
  async loadDocSince(court: string, docKey: string, afterSeq: number): Promise<DocSince | null> {
    const { rows } = await this.query<PartRow>(PARTS_SINCE_SQL, [court, docKey, afterSeq]);
    const head = rows[0];
    if (head === undefined || head.part !== 0) return null;
    const parts = checkedParts(rows, court, docKey);
    return { update: parts.length === 0 ? null : mergeParts(parts, court, docKey), seq: head.seq };
  }

  async compact(court: string, docKey: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [court, docKey]);
      const { rows } = await client.query<PartRow>(PARTS_SQL, [court, docKey]);
      const updates = rows.filter((row) => row.part === 1);
      const head = rows[0];
      if (head?.part !== 0 || updates.length === 0) return;
      // A corrupt part throws here, before anything is replaced: compaction never turns a
      // damaged history into a smaller, "valid" snapshot.
      const merged = mergeParts(checkedParts(rows, court, docKey), court, docKey);
      const mergedSeq = Math.max(...updates.map((row) => row.seq));
      // The merged bytes' state vector is exact for the doc as read; if another instance appended
      // since (the doc's seq moved), that append already advanced the stored one: keep it.
      const sv = stateVectorOfUpdate(merged, court, docKey);
      const clocks = sv.keep ? clockMapToJson(sv.clocks) : null;
      await client.query(
        `UPDATE docs SET snapshot = $3, snapshot_digest = $4, snapshot_seq = GREATEST(snapshot_seq, $5), pending = GREATEST(pending - $6, 0),
                state_vector = CASE WHEN seq = $7 THEN $8::jsonb ELSE state_vector END
          WHERE court = $1 AND doc_key = $2`,
        [court, docKey, toBuffer(merged), blobDigest(merged), mergedSeq, updates.length, head.seq, clocks],
      );
      await client.query('DELETE FROM updates WHERE id = ANY($1::bigint[])', [updates.map((row) => row.id)]);
    });
  }

  async changesSince(court: string, sinceSeq: number, limit: number): Promise<ChangesPage> {
    const { rows } = await this.query<{ doc_key: string; seq: number }>(
      'SELECT doc_key, seq FROM docs WHERE court = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [court, sinceSeq, limit + 1],
    );
    return { docs: rows.slice(0, limit).map((row) => ({ docKey: row.doc_key, seq: row.seq })), hasMore: rows.length > limit };
  }

  async currentSeq(court: string): Promise<number> {
    const { rows } = await this.query<{ seq: number }>('SELECT seq FROM courts WHERE court = $1', [court]);
    return rows[0]?.seq ?? 0;
  }

  async putUser(record: UserRecord): Promise<{ created: boolean }> {
    const now = Date.now();
    // xmax = 0 only on a freshly inserted row: whether the account existed, in the same statement.
    const { rows } = await this.query<{ created: boolean }>(
      `INSERT INTO users AS u (court, user_name, password_hash, roles, staff_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (court, user_name) DO UPDATE SET password_hash = excluded.password_hash, roles = excluded.roles,
         staff_id = excluded.staff_id, updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS created`,
      [record.court, record.user, record.passwordHash, JSON.stringify(record.roles), record.staffId ?? null, now],
    );
    return { created: rows[0]?.created === true };
  }

  async getUser(court: string, user: string): Promise<UserRecord | null> {
    const { rows } = await this.query<UserRow>('SELECT court, user_name, password_hash, roles, staff_id FROM users WHERE court = $1 AND user_name = $2', [court, user]);
    const row = rows[0];
    if (row === undefined) return null;
    return {
      court: row.court,
      user: row.user_name,
      passwordHash: row.password_hash,
      roles: Array.isArray(row.roles) ? row.roles.filter(isAccountRole) : [],
      ...(row.staff_id === null ? {} : { staffId: row.staff_id }),
    };
  }

  async putDeviceKey(record: DeviceKeyRecord): Promise<void> {
    await this.query(
      `INSERT INTO device_keys (court, key_id, user_name, public_key, device_name, registered_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (court, key_id) DO UPDATE SET device_name = excluded.device_name`,
      [record.court, record.keyId, record.user, record.publicKey, record.deviceName, record.registeredAt, record.revokedAt ?? null],
    );
  }

  async listDeviceKeys(court: string, user: string): Promise<readonly DeviceKeyRecord[]> {
    const { rows } = await this.query<DeviceKeyRow>('SELECT * FROM device_keys WHERE court = $1 AND user_name = $2 ORDER BY registered_at, key_id', [court, user]);
    return rows.map((row) => deviceKeyOf(row, row.user_name));
  }

  async getDeviceKey(court: string, keyId: string): Promise<DeviceKeyRecord | null> {
    const { rows } = await this.query<DeviceKeyRow>('SELECT * FROM device_keys WHERE court = $1 AND key_id = $2', [court, keyId]);
    return rows[0] === undefined ? null : deviceKeyOf(rows[0], rows[0].user_name);
  }

  async revokeDeviceKey(court: string, keyId: string, at: string): Promise<boolean> {
    const result = await this.query('UPDATE device_keys SET revoked_at = $1 WHERE court = $2 AND key_id = $3 AND revoked_at IS NULL', [at, court, keyId]);
    return (result.rowCount ?? 0) > 0;
  }

  async putPack(court: string, record: PackRecord): Promise<{ created: boolean }> {
    const result = await this.query(
      `INSERT INTO packs (court, kind, pack_id, version, bytes, sha256, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (court, kind, pack_id, version) DO NOTHING`,
      [court, record.kind, record.packId, record.version, toBuffer(record.bytes), record.sha256, record.publishedBy, record.publishedAt],
    );
    return { created: (result.rowCount ?? 0) > 0 };
  }

  async listPacks(court: string): Promise<readonly PackSummary[]> {
    const { rows } = await this.query<PackRow>('SELECT kind, pack_id, version, sha256, published_by, published_at FROM packs WHERE court = $1 ORDER BY seq', [court]);
    return rows.map(packSummaryOf);
  }

  async getPack(court: string, kind: PackRecord['kind'], packId: string, version: string): Promise<PackRecord | null> {
    const { rows } = await this.query<PackRow>(
      'SELECT kind, pack_id, version, bytes, sha256, published_by, published_at FROM packs WHERE court = $1 AND kind = $2 AND pack_id = $3 AND version = $4',
      [court, kind, packId, version],
    );
    const row = rows[0];
    if (row === undefined || row.bytes === undefined) return null;
    return { ...packSummaryOf(row), bytes: new Uint8Array(row.bytes) };
  }

  async putDocAccess(court: string, docKey: string, restrictedToStaff: readonly string[] | null): Promise<void> {
    await this.query(
      `INSERT INTO doc_access (court, doc_key, restricted_to) VALUES ($1, $2, $3)
       ON CONFLICT (court, doc_key) DO UPDATE SET restricted_to = excluded.restricted_to`,
      [court, docKey, restrictedToStaff === null ? null : JSON.stringify(restrictedToStaff)],
    );
  }

  async getDocAccess(court: string, docKeys: readonly string[]): Promise<ReadonlyMap<string, readonly string[] | null>> {
    const out = new Map<string, readonly string[] | null>();
    if (docKeys.length === 0) return out;
    const { rows } = await this.query<{ doc_key: string; restricted_to: string | null }>(
      'SELECT doc_key, restricted_to FROM doc_access WHERE court = $1 AND doc_key = ANY($2::text[])',
      [court, [...docKeys]],
    );
    for (const row of rows) out.set(row.doc_key, parseStaffList(row.restricted_to));
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already queued finish (or fail) before the pool goes.
    await this.batcher.settled();
    await this.pool.end();
  }

  /** One statement on a pooled connection; driver failures become `StoreError`s. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    if (this.closed) throw new StoreError('store.closed', 'The store is closed');
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** BEGIN … COMMIT on one connection; anything thrown rolls back and becomes a `StoreError`. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError('store.closed', 'The store is closed');
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw toStoreError(error);
    } finally {
      // A connection that could not even roll back is dropped, not handed to the next caller.
      client.release(broken);
    }
  }
}

/** Every failure the database or the network can give becomes a StoreError the server knows how to answer. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError('store.unavailable', `PostgreSQL: ${message}`, { cause: error });
}

/** A state vector a read computed, to be kept (`keepStateVectors`). */
interface StateVectorFill {
  readonly docKey: string;
  readonly json: string;
  readonly seq: number;
}

/** The merged state of a doc's part rows (snapshot row first); an unknown state vector is computed and queued in `fills`. */
function docState(court: string, docKey: string, rows: readonly PartRow[], fills: StateVectorFill[]): StoredDocState | null {
  const head = rows[0];
  if (head === undefined || head.part !== 0) return null;
  const parts = checkedParts(rows, court, docKey);
  if (parts.length === 0) throw new StoreError('store.corrupt', `Doc ${court}/${docKey} is listed but has no data`);
  const update = mergeParts(parts, court, docKey);
  let clocks = clockMapFromJson(head.sv);
  if (clocks === null) {
    const sv = stateVectorOfUpdate(update, court, docKey);
    clocks = sv.clocks;
    if (sv.keep) fills.push({ docKey, json: clockMapToJson(clocks), seq: head.seq });
  }
  return { update, seq: head.seq, stateVector: encodeClockMap(clocks) };
}

/** The blobs of part rows (snapshot first, when present), each digest checked. */
function checkedParts(rows: readonly PartRow[], court: string, docKey: string): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (const row of rows) {
    if (row.data === null) continue;
    if (row.digest === null || !digestMatches(row.data, row.digest)) {
      throw new StoreError('store.corrupt', `${row.part === 0 ? 'Snapshot' : `Update ${row.id}`} of ${court}/${docKey} fails its digest`);
    }
    parts.push(row.data);
  }
  return parts;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

