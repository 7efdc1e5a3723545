/**
 * The SQLite schema of the court server, as ordered migrations: the schema version is the number
 * of migrations applied (`PRAGMA user_version`), so a new migration is appended, never edited.
 *
 * ```
 *  courts                        docs                                    updates
 *  ┌──────────┬──────┐           ┌───────────────┬──────────────────┐    ┌───────────┬──────────────────┐
 *  │ court PK │ seq  │◀──court── │ court    PK   │ seq (last change)│    │ id PK auto│ court, doc_key   │
 *  └──────────┴──────┘           │ doc_key  PK   │ snapshot, digest │◀───│ seq       │ data, digest     │
 *   one change sequence          │ pending       │ updated_at       │    └───────────┴──────────────────┘
 *   per court                    └───────────────┴──────────────────┘     appended; compaction merges
 *                                 index (court, seq): "changed since"     them into docs.snapshot
 *  users
 *  ┌──────────┬─────────┬───────────────┬─────────────┬────────────────────────┐
 *  │ court PK │ user PK │ password_hash │ roles (JSON)│ created_at, updated_at │
 *  └──────────┴─────────┴───────────────┴─────────────┴────────────────────────┘
 * ```
 *  device_keys (court, key_id PK; user, public_key, device_name, registered_at, revoked_at)
 *  packs       (seq PK; court, kind, pack_id, version UNIQUE; bytes, sha256, published_by/at)
 *  doc_access  (court, doc_key PK; restricted_to: JSON staff ids, NULL = court-wide)
 *  docs.state_vector (migration 4): JSON {"client": clock} of snapshot + pending updates, NULL = unknown
 *
 * Every blob has a 16-byte digest (server/store/digest.ts) checked when it is read.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE courts (
    court TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE docs (
    court TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    snapshot BLOB,
    snapshot_digest BLOB,
    pending INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (court, doc_key)
  ) STRICT;
  CREATE INDEX docs_by_seq ON docs (court, seq);
  CREATE TABLE updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    court TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    digest BLOB NOT NULL
  ) STRICT;
  CREATE INDEX updates_by_doc ON updates (court, doc_key, id);
  CREATE TABLE users (
    court TEXT NOT NULL,
    user TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (court, user)
  ) STRICT;
  `,
  // 2: accounts linked to a staff member; device signing keys; published packs.
  `
  ALTER TABLE users ADD COLUMN staff_id TEXT;
  CREATE TABLE device_keys (
    court TEXT NOT NULL,
    key_id TEXT NOT NULL,
    user TEXT NOT NULL,
    public_key TEXT NOT NULL,
    device_name TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    revoked_at TEXT,
    PRIMARY KEY (court, key_id)
  ) STRICT;
  CREATE INDEX device_keys_by_user ON device_keys (court, user);
  CREATE TABLE packs (
    court TEXT NOT NULL,
    kind TEXT NOT NULL,
    pack_id TEXT NOT NULL,
    version TEXT NOT NULL,
    bytes BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    UNIQUE (court, kind, pack_id, version)
  ) STRICT;
  `,
  // 3: who may read each document (DocAccessStore), kept by the server as it applies updates.
  `
  CREATE TABLE doc_access (
    court TEXT NOT NULL,
    doc_key TEXT NOT NULL,
    restricted_to TEXT,
    PRIMARY KEY (court, doc_key)
  ) STRICT;
  `,
  // 4: each doc's state vector (JSON {"client": clock}, server/store/state-vector.ts), advanced by
  // every append so a pull never decodes a stored update to learn it. NULL = unknown (rows stored
  // before this migration): computed when the doc is read and kept from then on.
  `
  ALTER TABLE docs ADD COLUMN state_vector TEXT;
  `,
];
