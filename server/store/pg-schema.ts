/**
 * The PostgreSQL schema of the court server, as ordered migrations: the schema version is the
 * number of migrations applied (rows of `schema_migrations`), so a new migration is appended,
 * never edited. The server applies pending migrations at start, inside one transaction holding an
 * advisory lock, so several instances starting together migrate once.
 *
 * ```
 *  courts                        docs                                        updates
 *  ┌──────────┬────────┐         ┌──────────────┬─────────────────────────┐   ┌────────────────┬──────────────────┐
 *  │ court PK │ seq    │◀─court──│ court    PK  │ seq (last change)       │   │ id PK bigserial│ court, doc_key   │
 *  └──────────┴────────┘         │ doc_key  PK  │ snapshot, digest        │◀──│ seq            │ data, digest     │
 *   one change sequence per      │ pending      │ snapshot_seq (merged ≤) │   └────────────────┴──────────────────┘
 *   court; its row lock orders   │ updated_at   │                         │    appended; compaction merges them
 *   the appends of the court     └──────────────┴─────────────────────────┘    into docs.snapshot and deletes
 *                                 index (court, seq): "changed since"          exactly the ids it merged
 *  users       (court, user_name PK; password_hash, roles jsonb, staff_id, created_at, updated_at)
 *  device_keys (court, key_id PK; user_name, public_key, device_name, registered_at, revoked_at)
 *  packs       (seq PK; court, kind, pack_id, version UNIQUE; bytes, sha256, published_by/at)
 *  schema_migrations (version PK, applied_at)
 *  docs.state_vector (migration 3): JSONB {"client": clock} of snapshot + pending updates, NULL = unknown
 * ```
 *
 * Same tables and meaning as the SQLite store (sqlite-schema.ts) so the migration tool copies
 * rows one for one; `user` is a reserved word here, hence `user_name`. `snapshot_seq` (the
 * highest seq merged into the snapshot) lets another instance tell whether the update rows after
 * a seq are still all there, or whether it must read the snapshot too (server/cluster).
 * Every blob has its 16-byte digest (server/store/digest.ts), checked when it is read.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE courts (
    court TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
  );
  CREATE TABLE docs (
    court TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    snapshot BYTEA,
    snapshot_digest BYTEA,
    snapshot_seq BIGINT NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (court, doc_key)
  );
  CREATE INDEX docs_by_seq ON docs (court, seq);
  CREATE TABLE updates (
    id BIGSERIAL PRIMARY KEY,
    court TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    digest BYTEA NOT NULL
  );
  CREATE INDEX updates_by_doc ON updates (court, doc_key, seq);
  CREATE TABLE users (
    court TEXT NOT NULL,
    user_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles JSONB NOT NULL,
    staff_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (court, user_name)
  );
  CREATE TABLE device_keys (
    court TEXT NOT NULL,
    key_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    device_name TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    revoked_at TEXT,
    PRIMARY KEY (court, key_id)
  );
  CREATE INDEX device_keys_by_user ON device_keys (court, user_name);
  CREATE TABLE packs (
    seq BIGSERIAL PRIMARY KEY,
    court TEXT NOT NULL,
    kind TEXT NOT NULL,
    pack_id TEXT NOT NULL,
    version TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    sha256 TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    UNIQUE (court, kind, pack_id, version)
  );
  `,
  // 2: who may read each document (DocAccessStore).
  `
  CREATE TABLE doc_access (
    court TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    restricted_to TEXT,
    PRIMARY KEY (court, doc_key)
  );
  `,
  // 3: each doc's state vector (JSONB {"client": clock}, server/store/state-vector.ts), advanced
  // inside the append statement under the court's row lock, so a pull never decodes a stored
  // update to learn it. NULL = unknown (rows stored before this migration): computed when the doc
  // is read and kept from then on. courtdesk_sv_append is appendRanges of state-vector.ts in SQL.
  `
  ALTER TABLE docs ADD COLUMN state_vector JSONB;
  CREATE FUNCTION courtdesk_sv_append(sv JSONB, ranges JSONB) RETURNS JSONB
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT CASE
      WHEN sv IS NULL OR ranges IS NULL THEN NULL
      WHEN EXISTS (SELECT 1 FROM jsonb_each(ranges) AS r(client, span)
                    WHERE (r.span->>0)::bigint > COALESCE((sv->>r.client)::bigint, 0)) THEN NULL
      ELSE sv || COALESCE((SELECT jsonb_object_agg(r.client, GREATEST(COALESCE((sv->>r.client)::bigint, 0), (r.span->>1)::bigint))
                             FROM jsonb_each(ranges) AS r(client, span)), '{}'::jsonb)
    END
  $fn$;
  `,
];

/** The advisory lock key (any constant) that serialises migrations across instances. */
export const MIGRATION_LOCK_KEY = 0x636f7572; // "cour"

/** The LISTEN/NOTIFY channel of stored updates (server/cluster/pg-fanout.ts). */
export const UPDATES_CHANNEL = 'courtdesk_updates';
