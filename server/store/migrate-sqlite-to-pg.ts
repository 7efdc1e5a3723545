/**
 * `npm run server -- migrate --from-sqlite DIR --pg-url URL`: copies a court server's SQLite store
 * (courts and their seqs, docs with their snapshots, pending updates, accounts, device keys,
 * packs) into PostgreSQL, row for row, then verifies every document: the state loaded from
 * PostgreSQL must have the same state vector and the same content as the one loaded from SQLite,
 * and both stores must list the same changes. Run it with the SQLite server stopped.
 *
 * It refuses to write into a database that already holds any court of the SQLite file: merging
 * two change sequences would make clients skip changes. Everything is copied in one transaction,
 * so a failed copy leaves PostgreSQL as it was.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { openPgStore, type PgStore } from './pg-store.js';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite-store.js';
import { StoreError, type ServerStore, type StoredDocState } from './store.js';

export interface MigrationMismatch {
  readonly court: string;
  readonly docKey: string;
  readonly reason: string;
}

export interface MigrationReport {
  readonly courts: readonly { court: string; seq: number; docs: number }[];
  readonly docs: number;
  readonly snapshots: number;
  readonly updates: number;
  readonly users: number;
  readonly deviceKeys: number;
  readonly packs: number;
  /** Docs whose state vector and content matched after the copy. */
  readonly verified: number;
  readonly mismatches: readonly MigrationMismatch[];
}

/** Rows per INSERT … SELECT FROM unnest(…) round trip. */
const CHUNK = 500;
/** Docs per verification read. */
const VERIFY_CHUNK = 500;

type Row = Record<string, unknown>;

/**
 * @example
 *   const report = await migrateSqliteToPg('./court-data', 'postgres://courtdesk:…@127.0.0.1/courtdesk');
 *   if (report.mismatches.length > 0) process.exitCode = 1;
 */
export async function migrateSqliteToPg(dataDir: string, pgUrl: string, onProgress: (event: string, fields: Row) => void = () => {}): Promise<MigrationReport> {
  // Opening through the store first applies its migrations, so the file has today's schema.
  await openSqliteStore(dataDir).close();
  const sqlite = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
  const pg = await openPgStore({ connectionString: pgUrl, poolSize: 2 });
  try {
    const courts = sqlite.prepare('SELECT court, seq FROM courts ORDER BY court').all() as { court: string; seq: number }[];
    const existing = await pg.query<{ court: string }>(
      `SELECT court FROM courts WHERE court = ANY($1) UNION SELECT court FROM docs WHERE court = ANY($1) UNION SELECT court FROM users WHERE court = ANY($1)`,
      [allCourts(sqlite)],
    );
    if (existing.rows.length > 0) {
      throw new StoreError('store.unavailable', `PostgreSQL already holds court(s) ${existing.rows.map((r) => r.court).join(', ')}; refusing to merge into them`);
    }
    const counts = await pg.transaction(async (client) => {
      const copy = async (table: string, columns: string[], types: string[], rows: Row[]) => {
        for (let start = 0; start < rows.length; start += CHUNK) {
          const chunk = rows.slice(start, start + CHUNK);
          const arrays = columns.map((column) => chunk.map((row) => row[column] ?? null));
          const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest})`, arrays);
        }
        onProgress('migrate.copied', { table, rows: rows.length });
        return rows.length;
      };
      await copy('courts', ['court', 'seq'], ['text', 'bigint'], courts);
      const docs: Row[] = (sqlite.prepare('SELECT court, doc_key, seq, snapshot, snapshot_digest, pending, updated_at, state_vector FROM docs').all() as Row[]).map((row) => ({
        ...row,
        // SQLite does not record which seqs its snapshot merged; the doc's last change bounds them.
        snapshot_seq: row.snapshot === null ? 0 : row.seq,
      }));
      await copy(
        'docs',
        // The state vector is the same JSON in both stores (state-vector.ts); NULL stays unknown.
        ['court', 'doc_key', 'seq', 'snapshot', 'snapshot_digest', 'snapshot_seq', 'pending', 'updated_at', 'state_vector'],
        ['text', 'text', 'bigint', 'bytea', 'bytea', 'bigint', 'integer', 'bigint', 'jsonb'],
        docs,
      );
      const updates = sqlite.prepare('SELECT court, doc_key, seq, data, digest FROM updates ORDER BY id').all() as Row[];
      await copy('updates', ['court', 'doc_key', 'seq', 'data', 'digest'], ['text', 'text', 'bigint', 'bytea', 'bytea'], updates);
      const users = sqlite.prepare('SELECT court, user AS user_name, password_hash, roles, staff_id, created_at, updated_at FROM users').all() as Row[];
      await copy(
        'users',
        ['court', 'user_name', 'password_hash', 'roles', 'staff_id', 'created_at', 'updated_at'],
        ['text', 'text', 'text', 'jsonb', 'text', 'bigint', 'bigint'],
        users,
      );
      const keys = sqlite.prepare('SELECT court, key_id, user AS user_name, public_key, device_name, registered_at, revoked_at FROM device_keys').all() as Row[];
      await copy(
        'device_keys',
        ['court', 'key_id', 'user_name', 'public_key', 'device_name', 'registered_at', 'revoked_at'],
        ['text', 'text', 'text', 'text', 'text', 'text', 'text'],
        keys,
      );
      const packs = sqlite.prepare('SELECT court, kind, pack_id, version, bytes, sha256, published_by, published_at FROM packs ORDER BY seq').all() as Row[];
      await copy(
        'packs',
        ['court', 'kind', 'pack_id', 'version', 'bytes', 'sha256', 'published_by', 'published_at'],
        ['text', 'text', 'text', 'text', 'bytea', 'text', 'text', 'text'],
        packs,
      );
      // Who may read each document: without it, the first pull from PostgreSQL would decode every
      // document body again to learn it, one write per document.
      const access = sqlite.prepare('SELECT court, doc_key, restricted_to FROM doc_access').all() as Row[];
      await copy('doc_access', ['court', 'doc_key', 'restricted_to'], ['text', 'text', 'text'], access);
      return {
        docs: docs.length,
        snapshots: docs.filter((d) => d.snapshot !== null).length,
        updates: updates.length,
        users: users.length,
        deviceKeys: keys.length,
        packs: packs.length,
      };
    });
    const verification = await verify(dataDir, pg, courts, onProgress);
    return { ...counts, ...verification };
  } finally {
    sqlite.close();
    await pg.close();
  }
}

/** Every court with any row, not only those with docs (a court may have accounts only). */
function allCourts(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare('SELECT court FROM courts UNION SELECT court FROM users UNION SELECT court FROM device_keys UNION SELECT court FROM packs').all() as { court: string }[];
  return rows.map((r) => r.court);
}

async function verify(
  dataDir: string,
  pg: PgStore,
  courts: readonly { court: string; seq: number }[],
  onProgress: (event: string, fields: Row) => void,
): Promise<Pick<MigrationReport, 'courts' | 'verified' | 'mismatches'>> {
  const source: ServerStore = openSqliteStore(dataDir);
  const mismatches: MigrationMismatch[] = [];
  const perCourt: { court: string; seq: number; docs: number }[] = [];
  let verified = 0;
  try {
    for (const { court, seq } of courts) {
      if ((await pg.currentSeq(court)) !== seq) mismatches.push({ court, docKey: '*', reason: 'court seq differs' });
      const changes = await source.changesSince(court, 0, Number.MAX_SAFE_INTEGER);
      const copied = await pg.changesSince(court, 0, Number.MAX_SAFE_INTEGER);
      if (JSON.stringify(changes) !== JSON.stringify(copied)) mismatches.push({ court, docKey: '*', reason: 'changed-since lists differ' });
      // A chunk of docs per read (one round trip to PostgreSQL per chunk); a chunk that fails to
      // load (a damaged doc) is compared doc by doc, so the failure is reported for its doc.
      for (let start = 0; start < changes.docs.length; start += VERIFY_CHUNK) {
        const keys = changes.docs.slice(start, start + VERIFY_CHUNK).map((d) => d.docKey);
        const loaded = await Promise.all([source.loadDocs(court, keys), pg.loadDocs(court, keys)]).catch(() => null);
        for (const docKey of keys) {
          const reason = loaded === null ? await compareDoc(source, pg, court, docKey) : compareStates(loaded[0].get(docKey) ?? null, loaded[1].get(docKey) ?? null);
          if (reason === null) verified++;
          else mismatches.push({ court, docKey, reason });
        }
      }
      perCourt.push({ court, seq, docs: changes.docs.length });
      onProgress('migrate.verified', { court, docs: changes.docs.length });
    }
  } finally {
    await source.close();
  }
  return { courts: perCourt, verified, mismatches };
}

function sameClocks(a: Uint8Array, b: Uint8Array): boolean {
  const [x, y] = [Y.decodeStateVector(a), Y.decodeStateVector(b)];
  return x.size === y.size && [...x].every(([client, clock]) => y.get(client) === clock);
}

/** Null when both stores give the same doc; else why not. */
async function compareDoc(source: ServerStore, target: ServerStore, court: string, docKey: string): Promise<string | null> {
  let a;
  let b;
  try {
    [a, b] = [await source.loadDoc(court, docKey), await target.loadDoc(court, docKey)];
  } catch (error) {
    return `cannot load: ${error instanceof Error ? error.message : String(error)}`;
  }
  return compareStates(a, b);
}

/** Null when the doc loaded from SQLite (`a`) and from PostgreSQL (`b`) are the same; else why not. */
function compareStates(a: StoredDocState | null, b: StoredDocState | null): string | null {
  if (a === null || b === null) return a === b ? null : 'missing in PostgreSQL';
  if (a.seq !== b.seq) return `seq ${a.seq} ≠ ${b.seq}`;
  const computed = Buffer.from(Y.encodeStateVectorFromUpdate(b.update));
  // What a pull will answer (the stored state vector) must be the copied doc's own.
  if (!sameClocks(b.stateVector, computed) || !sameClocks(a.stateVector, b.stateVector)) return 'stored state vector differs';
  // Rows copied byte for byte merge to the same bytes: the same doc, nothing more to decode.
  if (Buffer.from(a.update).equals(Buffer.from(b.update))) return null;
  if (!Buffer.from(Y.encodeStateVectorFromUpdate(a.update)).equals(computed)) return 'state vectors differ';
  // Same state vector, same delete set: the merged states encode to the same bytes.
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  Y.applyUpdate(docA, a.update);
  Y.applyUpdate(docB, b.update);
  const same = Buffer.from(Y.encodeStateAsUpdate(docA)).equals(Buffer.from(Y.encodeStateAsUpdate(docB)));
  docA.destroy();
  docB.destroy();
  return same ? null : 'content differs';
}
