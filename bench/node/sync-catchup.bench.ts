/**
 * The server side of the initial catch-up, alone (issues #3 and #9): a court of N cases + 3N
 * document bodies (the browser bench's seeding: `seedDemoCourt` + `seedDocumentBodies`), every
 * doc fetched through the two-step HTTP pull a new replica makes (`/api/sync/changes` pages of
 * 2,000, then `/api/sync/docs` for those rooms with empty state vectors), the answer decoded but
 * not applied, so the time is the server's.
 *
 * For each store (SQLite; PostgreSQL after `migrate --from-sqlite` of the same court):
 * - **before**: the same server over a store wrapper with the previous read path: one `loadDoc`
 *   per doc and its state vector decoded from the update on every read;
 * - **per-doc**: the state vector kept by the store, but still one `loadDoc` per doc (what
 *   `loadDocs` alone is worth);
 * - **after**: the store as it is (`loadDocs` per 500 docs, the state vector kept by the store);
 * - **raw SELECT**: the same rows read straight from the database in this process, in pages of
 *   2,000 docs (SQLite: one prepared statement per doc; PostgreSQL: one query per page), the
 *   baseline the ratios are taken against.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/node/sync-catchup.bench.ts [--quick] [--cases N] [--rounds R]
 *        [--no-before] [--per-doc | --no-per-doc] [--before-rounds R]
 *
 * Full size (20,000 cases + 60,000 bodies) takes about half an hour on a loaded 2-core machine,
 * most of it the "before" runs (first round only by default).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import { generateCourt } from '../../shared/demo/index.js';
import { decodeDocsPage } from '../../shared/sync/docs-wire.js';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../server/demo-accounts.js';
import { seedDemoCourt } from '../../server/demo-court.js';
import { createJsonLogger } from '../../server/log.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { migrateSqliteToPg } from '../../server/store/migrate-sqlite-to-pg.js';
import { openPgStore } from '../../server/store/pg-store.js';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../server/store/sqlite-store.js';
import type { ServerStore, StoredDocState } from '../../server/store/store.js';
import { createDatabase, startPrivateCluster } from '../../test/integration/pg/pg-cluster.js';
import { positiveIntOption } from './args.js';
import { BODIES_PER_CASE, seedDocumentBodies } from './sync/document-bodies.js';

const log = (message: string) => console.log(`[bench] ${message}`);
const quick = process.argv.includes('--quick');
const cases = positiveIntOption('--cases', quick ? 2000 : 20_000);
const rounds = positiveIntOption('--rounds', 2);
const withBefore = !process.argv.includes('--no-before');
/** The slow "before" mode only in the first rounds (a full-size court takes minutes per run). */
const beforeRounds = positiveIntOption('--before-rounds', quick ? rounds : 1);
/** The middle mode that splits the gain between the stored state vector and `loadDocs` (default: --quick only). */
const withPerDoc = process.argv.includes('--per-doc') || (quick && !process.argv.includes('--no-per-doc'));
type Mode = 'before' | 'perDoc' | 'after';
const MODES: readonly Mode[] = [...(withBefore ? (['before'] as const) : []), ...(withPerDoc ? (['perDoc'] as const) : []), 'after'];
const TODAY = '2025-11-28';
const SEED = 20251128;
const PAGE = 2000;

/**
 * The read path before this change: one read per doc, and (`decode`) the state vector decoded
 * from the update on each read instead of the one the store keeps.
 */
function perDocReads(inner: ServerStore, decode: boolean): ServerStore {
  const loadDoc = async (court: string, docKey: string): Promise<StoredDocState | null> => {
    const state = await inner.loadDoc(court, docKey);
    if (state === null || !decode) return state;
    return { ...state, stateVector: Y.encodeStateVectorFromUpdate(state.update) };
  };
  const loadDocs = async (court: string, docKeys: readonly string[]) => {
    const out = new Map<string, StoredDocState>();
    for (const docKey of docKeys) {
      const state = await loadDoc(court, docKey);
      if (state !== null) out.set(docKey, state);
    }
    return out;
  };
  return new Proxy(inner, {
    get(target, prop) {
      if (prop === 'loadDoc') return loadDoc;
      if (prop === 'loadDocs') return loadDocs;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface CatchUp {
  readonly ms: number;
  readonly docs: number;
  readonly bytes: number;
  readonly requests: number;
}

async function login(server: RunningServer, court: string): Promise<string> {
  const account = DEMO_ACCOUNTS[0]!;
  const res = await fetch(`${server.url}/api/login`, { method: 'POST', body: JSON.stringify({ court, user: account.user, password: account.password }) });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** A request retried on a network error (a keep-alive socket the server closed meanwhile), as the app does. */
async function post(url: string, token: string, body: unknown): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      return res;
    } catch (error) {
      if (attempt >= 3 || (error instanceof Error && error.message.includes('answered'))) throw error;
    }
  }
}

/** Every doc of the court through /api/sync/changes + /api/sync/docs, empty state vectors. */
async function catchUp(server: RunningServer, court: string): Promise<CatchUp> {
  const token = await login(server, court);
  const started = performance.now();
  let sinceSeq = 0;
  let docs = 0;
  let bytes = 0;
  let requests = 0;
  for (;;) {
    const page = (await (await post(`${server.url}/api/sync/changes`, token, { sinceSeq, limit: PAGE })).json()) as {
      changes: { room: string }[];
      nextSeq: number;
      hasMore: boolean;
    };
    requests++;
    if (page.changes.length > 0) {
      const body = new Uint8Array(await (await post(`${server.url}/api/sync/docs`, token, { docs: page.changes.map((c) => ({ room: c.room })) })).arrayBuffer());
      requests++;
      const answer = decodeDocsPage(body);
      if (answer.errors.length > 0) throw new Error(`docs errors: ${JSON.stringify(answer.errors.slice(0, 3))}`);
      docs += answer.docs.length;
      bytes += body.byteLength;
    }
    sinceSeq = page.nextSeq;
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - started, docs, bytes, requests };
}

/** The same rows straight from SQLite: doc keys in seq order, then per doc its snapshot and updates. */
function rawSqlite(dataDir: string, court: string): { ms: number; docs: number; bytes: number } {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    const started = performance.now();
    const keys = db.prepare('SELECT doc_key, seq FROM docs WHERE court = ? AND seq > ? ORDER BY seq LIMIT ?');
    const snapshot = db.prepare('SELECT snapshot FROM docs WHERE court = ? AND doc_key = ?');
    const updates = db.prepare('SELECT data FROM updates WHERE court = ? AND doc_key = ? ORDER BY id');
    let since = 0;
    let docs = 0;
    let bytes = 0;
    for (;;) {
      const page = keys.all(court, since, PAGE) as { doc_key: string; seq: number }[];
      if (page.length === 0) break;
      for (const { doc_key: key } of page) {
        bytes += (snapshot.get(court, key) as { snapshot: Buffer | null }).snapshot?.byteLength ?? 0;
        for (const row of updates.all(court, key) as { data: Buffer }[]) bytes += row.data.byteLength;
        docs++;
      }
      since = page.at(-1)!.seq;
    }
    return { ms: performance.now() - started, docs, bytes };
  } finally {
    db.close();
  }
}

/** The same rows straight from PostgreSQL: one query for the keys and one for the blobs of each page. */
async function rawPg(url: string, court: string): Promise<{ ms: number; docs: number; bytes: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    let since = 0;
    let docs = 0;
    let bytes = 0;
    for (;;) {
      const { rows: page } = await client.query<{ doc_key: string; seq: string }>('SELECT doc_key, seq FROM docs WHERE court = $1 AND seq > $2 ORDER BY seq LIMIT $3', [court, since, PAGE]);
      if (page.length === 0) break;
      const keys = page.map((r) => r.doc_key);
      const { rows } = await client.query<{ data: Buffer | null }>(
        `SELECT snapshot AS data FROM docs WHERE court = $1 AND doc_key = ANY($2::text[])
         UNION ALL SELECT data FROM updates WHERE court = $1 AND doc_key = ANY($2::text[])`,
        [court, keys],
      );
      for (const row of rows) bytes += row.data?.byteLength ?? 0;
      docs += page.length;
      since = Number(page.at(-1)!.seq);
    }
    return { ms: performance.now() - started, docs, bytes };
  } finally {
    await client.end();
  }
}

const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}x` : 'n/a');
const best = (list: readonly { ms: number }[]) => Math.min(...list.map((r) => r.ms));

const cluster = await startPrivateCluster({ durable: true });
const work = mkdtempSync(path.join(tmpdir(), 'courtdesk-bench-catchup-'));
const quiet = createJsonLogger({ level: 'warn', write: (line) => void process.stderr.write(line) });
let failed = false;
try {
  const sqliteDir = path.join(work, 'court');
  let t = performance.now();
  const seeded = await seedDemoCourt(sqliteDir, { today: TODAY, cases, seed: SEED });
  await seedDemoAccounts(sqliteDir, seeded.courtId);
  const court = seeded.courtId;
  const bodies = await seedDocumentBodies(sqliteDir, court, generateCourt({ cases, seed: SEED, today: TODAY }).cases);
  // The bodies are court-wide documents; a server that stored them live would have recorded that
  // (DocAccessStore) as it applied them. Recorded here the same way, in one statement.
  const db = new Database(path.join(sqliteDir, SQLITE_FILE_NAME));
  db.prepare(`INSERT OR IGNORE INTO doc_access (court, doc_key, restricted_to) SELECT court, doc_key, NULL FROM docs WHERE court = ? AND doc_key LIKE 'doc/%'`).run(court);
  db.close();
  const expected = seeded.seeded + bodies.docs;
  log(`seeded ${seeded.seeded} cases + ${bodies.docs} bodies (${(bodies.bytes / 2 ** 20).toFixed(0)} MiB of bodies) in ${fmt(performance.now() - t)}`);
  const url = await createDatabase(cluster.adminUrl);
  t = performance.now();
  const report = await migrateSqliteToPg(sqliteDir, url);
  const migrateMs = performance.now() - t;
  log(`migrated to PostgreSQL: ${report.docs} docs, ${report.verified} verified, ${report.mismatches.length} mismatches in ${fmt(migrateMs)}`);
  if (report.mismatches.length > 0) failed = true;
  // Reads of a settled database (as after any bulk load): planner statistics and visibility map.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('VACUUM ANALYZE');
  await admin.end();

  const stores = {
    sqlite: () => openSqliteStore(sqliteDir),
    postgres: () => openPgStore({ connectionString: url, poolSize: 8 }),
  };
  const runs: Record<string, Record<Mode, CatchUp[]> & { raw: { ms: number; docs: number; bytes: number }[] }> = {};
  for (let round = 1; round <= rounds; round++) {
    for (const kind of ['sqlite', 'postgres'] as const) {
      const entry = (runs[kind] ??= { before: [], perDoc: [], after: [], raw: [] });
      const raw = kind === 'sqlite' ? rawSqlite(sqliteDir, court) : await rawPg(url, court);
      entry.raw.push(raw);
      for (const mode of MODES.filter((m) => m === 'after' || round <= beforeRounds)) {
        const store = await stores[kind]();
        const server = await startServer({ dataDir: sqliteDir, port: 0, logger: quiet, store: mode === 'after' ? store : perDocReads(store, mode === 'before') });
        try {
          const result = await catchUp(server, court);
          entry[mode].push(result);
          log(`round ${round} ${kind} ${mode}: ${result.docs} docs, ${(result.bytes / 2 ** 20).toFixed(0)} MiB, ${result.requests} requests in ${fmt(result.ms)} (raw SELECT ${fmt(raw.ms)})`);
          if (result.docs !== expected) failed = true;
        } finally {
          await server.close();
          await store.close();
        }
      }
    }
  }
  console.log('');
  console.log(`Catch-up of ${cases.toLocaleString('en-US')} cases + ${(cases * BODIES_PER_CASE).toLocaleString('en-US')} bodies (${expected.toLocaleString('en-US')} docs), best of ${rounds}:`);
  console.log('');
  console.log('| store | raw SELECT | before (per-doc load, SV decoded) | per-doc load, stored SV | after (loadDocs, stored SV) | after/before | before/raw | after/raw |');
  console.log('|---|---|---|---|---|---|---|---|');
  const cell = (list: readonly CatchUp[]) => (list.length > 0 ? fmt(best(list)) : 'n/a');
  const bestOr = (list: readonly CatchUp[]) => (list.length > 0 ? best(list) : Number.NaN);
  for (const kind of ['sqlite', 'postgres'] as const) {
    const r = runs[kind]!;
    const [raw, after, before] = [best(r.raw), best(r.after), bestOr(r.before)];
    console.log(
      `| ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${fmt(raw)} | ${cell(r.before)} | ${cell(r.perDoc)} | ${fmt(after)} | ${ratio(after, before)} | ${ratio(before, raw)} | ${ratio(after, raw)} |`,
    );
    if (r.perDoc.length > 0) console.log(`  ${kind}: stored SV alone ${ratio(best(r.perDoc), before)} of before; loadDocs alone ${ratio(after, best(r.perDoc))} of per-doc loads`);
  }
  const [sq, pq] = [runs.sqlite!, runs.postgres!];
  console.log(`  PostgreSQL/SQLite after: ${ratio(best(pq.after), best(sq.after))}; before: ${pq.before.length > 0 ? ratio(best(pq.before), best(sq.before)) : 'n/a'}; migration of the court: ${fmt(migrateMs)}`);
} catch (error) {
  console.error(`[bench] sync-catchup failed: ${error instanceof Error ? error.stack : String(error)}`);
  failed = true;
} finally {
  await cluster.destroy();
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
