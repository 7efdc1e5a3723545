/**
 * The sync server on PostgreSQL (scale-out issue): a private PostgreSQL cluster on 127.0.0.1
 * (fsync ON: real commits), then
 *
 * 1. fan-out, ONE instance vs TWO instances on one database (each in its own process; in the
 *    two-instance run every doc has clients on both instances, so half of every fan-out crosses
 *    instances through LISTEN/NOTIFY): connections held, updates/s delivered to every peer at a
 *    fixed offered rate and at saturation, p50/p99 fan-out; ratios two/one;
 * 2. catch-up of the demo court (20,000 cases by default) through `POST /api/sync/batch` pull
 *    pages from seq 0, server on PostgreSQL vs the same court on SQLite (migrated with the
 *    `migrate` tool, whose time is reported too); ratio PostgreSQL/SQLite.
 *
 * Sized for 2 cores: the clients, two servers and PostgreSQL share them.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/node/sync-pg.bench.ts [--quick]
 *        [--connections N] [--docs D] [--rate R] [--seconds T] [--cases N]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { BatchResponse } from '../../shared/sync/batch.js';
import { formatRoomName } from '../../shared/sync/rooms.js';
import { addAccount } from '../../server/auth/accounts.js';
import { DEMO_ACCOUNTS, DEMO_COURT_ID, seedDemoAccounts } from '../../server/demo-accounts.js';
import { seedDemoCourt } from '../../server/demo-court.js';
import { createJsonLogger } from '../../server/log.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { migrateSqliteToPg } from '../../server/store/migrate-sqlite-to-pg.js';
import { openPgStore } from '../../server/store/pg-store.js';
import { createDatabase, startPrivateCluster } from '../../test/integration/pg/pg-cluster.js';
import { positiveIntOption } from './args.js';
import { percentile } from './report.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const log = (message: string) => console.log(`[bench] ${message}`);
const quick = process.argv.includes('--quick');
const connections = positiveIntOption('--connections', quick ? 200 : 600);
const docs = positiveIntOption('--docs', quick ? 50 : 150);
const rate = positiveIntOption('--rate', quick ? 200 : 300);
const seconds = positiveIntOption('--seconds', quick ? 4 : 10);
const saturationRate = positiveIntOption('--saturation-rate', 2000);
const cases = positiveIntOption('--cases', quick ? 2000 : 20_000);
const TODAY = '2025-11-28';
const SEED = 20251128;

interface Instance {
  readonly port: number;
  stats(): Promise<{ rss: number; connections: number; loadedDocs: number }>;
  close(): Promise<void>;
}

function reply<T>(child: ChildProcess, kind: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance: no "${kind}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: { kind?: string }) => {
      if (message.kind !== kind) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
  });
}

async function startInstance(dataDir: string, url: string): Promise<Instance> {
  const child = fork(path.join(ROOT, 'bench/node/sync/pg-server-child.ts'), [dataDir, url], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await reply<{ port: number }>(child, 'listening', 30_000);
  return {
    port,
    async stats() {
      const answer = reply<{ rss: number; connections: number; loadedDocs: number }>(child, 'rss', 10_000);
      child.send({ kind: 'rss' });
      return answer;
    },
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ kind: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function frame(step: 0 | 2, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function updateKey(update: Uint8Array): string | undefined {
  for (const [client, clock] of Y.parseUpdateMeta(update).from) return `${client}:${clock}`;
  return undefined;
}

interface FanOutResult {
  readonly held: number;
  readonly sent: number;
  readonly delivered: number;
  readonly incomplete: number;
  readonly latencies: number[];
  readonly sendSeconds: number;
  readonly drainSeconds: number;
}

/**
 * Opens `connections` raw y-websocket clients over `docs` rooms (client i on instance
 * ⌊i/docs⌋ mod n, so each doc has clients on every instance), sends `rateR` updates/s for `secs`
 * from random clients, and times each update until every OTHER client of its doc has it.
 */
async function fanOut(instances: readonly Instance[], token: string, rateR: number, secs: number): Promise<FanOutResult> {
  const pending = new Map<string, { sentAt: number; left: number }>();
  const latencies: number[] = [];
  const byRoom: { ws: WebSocket; doc: Y.Doc }[][] = Array.from({ length: docs }, () => []);
  const all: { ws: WebSocket; doc: Y.Doc; room: number }[] = [];
  for (let start = 0; start < connections; start += 100) {
    const wave: Promise<void>[] = [];
    for (let i = start; i < Math.min(connections, start + 100); i++) {
      const room = i % docs;
      const instance = instances[Math.floor(i / docs) % instances.length]!;
      const name = formatRoomName({ courtId: DEMO_COURT_ID, kind: 'doc', id: `bench-${room}` });
      const ws = new WebSocket(`ws://127.0.0.1:${instance.port}/sync/${name}?token=${encodeURIComponent(token)}`, { perMessageDeflate: false });
      const doc = new Y.Doc();
      doc.clientID = 200_000 + i;
      const client = { ws, doc, room };
      all.push(client);
      byRoom[room]!.push(client);
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
        const key = updateKey(decoding.readVarUint8Array(decoder));
        const entry = key === undefined ? undefined : pending.get(key);
        if (!entry) return;
        if (--entry.left === 0) {
          latencies.push(performance.now() - entry.sentAt);
          pending.delete(key!);
        }
      });
      wave.push(
        new Promise<void>((resolve, reject) => {
          ws.once('open', () => {
            ws.send(frame(0, Y.encodeStateVector(doc)));
            resolve();
          });
          ws.once('error', reject);
        }),
      );
    }
    await Promise.all(wave);
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const held = (await Promise.all(instances.map((i) => i.stats()))).reduce((sum, s) => sum + s.connections, 0);
  let sent = 0;
  let seq = 0;
  const total = rateR * secs;
  const startAt = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - startAt) / 1000) * rateR));
      while (sent < due) {
        const client = all[Math.floor(Math.random() * all.length)]!;
        let update: Uint8Array | undefined;
        const capture = (u: Uint8Array) => (update = u);
        client.doc.on('update', capture);
        client.doc.getMap('bench').set(`c${client.doc.clientID}`, ++seq);
        client.doc.off('update', capture);
        pending.set(updateKey(update!)!, { sentAt: performance.now(), left: byRoom[client.room]!.length - 1 });
        client.ws.send(frame(2, update!));
        sent++;
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  const sendSeconds = (performance.now() - startAt) / 1000;
  const deadline = performance.now() + 10_000;
  while (pending.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const drainSeconds = (performance.now() - startAt) / 1000;
  for (const client of all) client.ws.terminate();
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { held, sent, delivered: latencies.length, incomplete: pending.size, latencies, sendSeconds, drainSeconds };
}

async function token(port: number): Promise<string> {
  const account = DEMO_ACCOUNTS[0]!;
  const res = await fetch(`http://127.0.0.1:${port}/api/login`, { method: 'POST', body: JSON.stringify({ court: DEMO_COURT_ID, user: account.user, password: account.password }) });
  return ((await res.json()) as { token: string }).token;
}

/**
 * A fetch retried on a network error: applying a page can outlast the server's 5 s keep-alive,
 * and undici may then reuse the socket the server is closing ("fetch failed"), as an app would retry.
 */
async function retried(call: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Every pull page from seq 0, each doc applied to a fresh Y.Doc (what a Node client would do). */
async function catchUp(server: RunningServer): Promise<{ ms: number; docs: number; pages: number; bytes: number }> {
  const bearer = await token(server.port);
  const started = performance.now();
  let sinceSeq = 0;
  let pages = 0;
  let count = 0;
  let bytes = 0;
  for (;;) {
    const res = await retried(() =>
      fetch(`${server.url}/api/sync/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ pull: { sinceSeq, limit: 2000 } }),
      }),
    );
    if (res.status !== 200) throw new Error(`pull answered ${res.status}`);
    const page = ((await res.json()) as BatchResponse).pull!;
    pages++;
    for (const doc of page.docs) {
      const update = Buffer.from(doc.update, 'base64');
      bytes += update.byteLength;
      Y.applyUpdate(new Y.Doc(), update);
      count++;
    }
    sinceSeq = page.nextSeq;
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - started, docs: count, pages, bytes };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

const cluster = await startPrivateCluster({ durable: true });
const work = mkdtempSync(path.join(tmpdir(), 'courtdesk-bench-pg-'));
let failed = false;
try {
  // ---- 1. fan-out: one instance vs two on one database
  log(`fan-out: ${connections} connections over ${docs} docs, ${rate} updates/s for ${seconds} s, then ${saturationRate}/s offered for 3 s`);
  const results: Record<string, { fixed: FanOutResult; saturated: FanOutResult }> = {};
  for (const count of [1, 2]) {
    const url = await createDatabase(cluster.adminUrl);
    const dataDir = path.join(work, `fanout-${count}`);
    const seedStore = await openPgStore({ connectionString: url, poolSize: 1 });
    for (const a of DEMO_ACCOUNTS) await addAccount(seedStore, { court: DEMO_COURT_ID, user: a.user, password: a.password, roles: [a.role] });
    await seedStore.close();
    const instances: Instance[] = [];
    for (let i = 0; i < count; i++) instances.push(await startInstance(dataDir, url));
    try {
      const bearer = await token(instances[0]!.port);
      const fixed = await fanOut(instances, bearer, rate, seconds);
      const saturated = await fanOut(instances, bearer, saturationRate, 3);
      results[count] = { fixed, saturated };
    } finally {
      for (const instance of instances) await instance.close();
    }
  }
  console.log('');
  console.log('| instances | connections held | offered/s | delivered/s | p50 ms | p99 ms | incomplete | saturation delivered/s | saturation p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const count of [1, 2]) {
    const { fixed, saturated } = results[count]!;
    console.log(
      `| ${count} | ${fixed.held} | ${rate} | ${fmt(fixed.delivered / fixed.sendSeconds)} | ${fmt(percentile(fixed.latencies, 50))} | ${fmt(percentile(fixed.latencies, 99))} | ${fixed.incomplete} | ${fmt(saturated.delivered / saturated.drainSeconds)} | ${fmt(percentile(saturated.latencies, 99))} |`,
    );
    if (fixed.incomplete > 0 || fixed.held < connections) failed = true;
  }
  const [one, two] = [results[1]!, results[2]!];
  console.log(
    `  ratios two/one: p99 ${ratio(percentile(two.fixed.latencies, 99), percentile(one.fixed.latencies, 99))}, ` +
      `p50 ${ratio(percentile(two.fixed.latencies, 50), percentile(one.fixed.latencies, 50))}, ` +
      `saturation throughput ${ratio(two.saturated.delivered / two.saturated.drainSeconds, one.saturated.delivered / one.saturated.drainSeconds)}, ` +
      `connections ${ratio(two.fixed.held, one.fixed.held)}`,
  );

  // ---- 2. catch-up of the demo court: PostgreSQL vs SQLite
  log(`catch-up: demo court of ${cases} cases`);
  const sqliteDir = path.join(work, 'court-sqlite');
  let t = performance.now();
  const seeded = await seedDemoCourt(sqliteDir, { today: TODAY, cases, seed: SEED });
  await seedDemoAccounts(sqliteDir, seeded.courtId);
  log(`  SQLite seeded with ${seeded.seeded} case docs in ${Math.round(performance.now() - t)} ms`);
  const url = await createDatabase(cluster.adminUrl);
  t = performance.now();
  const report = await migrateSqliteToPg(sqliteDir, url);
  const migrateMs = performance.now() - t;
  log(`  migrate → PostgreSQL: ${report.docs} docs, ${report.verified} verified, ${report.mismatches.length} mismatches in ${Math.round(migrateMs)} ms`);
  if (report.mismatches.length > 0) failed = true;
  const quiet = createJsonLogger({ level: 'warn', write: (line) => void process.stderr.write(line) });
  const runs: Record<string, { ms: number; docs: number; pages: number; bytes: number }[]> = { sqlite: [], postgres: [] };
  for (let round = 0; round < 2; round++) {
    const onSqlite = await startServer({ dataDir: sqliteDir, port: 0, logger: quiet });
    runs.sqlite!.push(await catchUp(onSqlite).finally(() => onSqlite.close()));
    const onPg = await startServer({ dataDir: path.join(work, 'pg-secret'), port: 0, logger: quiet, postgres: { url } });
    runs.postgres!.push(await catchUp(onPg).finally(() => onPg.close()));
  }
  const best = (list: { ms: number }[]) => Math.min(...list.map((r) => r.ms));
  const [sq, pgRun] = [runs.sqlite![0]!, runs.postgres![0]!];
  console.log('');
  console.log('| store | docs | pages | MiB | best of 2 (ms) |');
  console.log('|---|---|---|---|---|');
  console.log(`| SQLite | ${sq.docs} | ${sq.pages} | ${fmt(sq.bytes / 2 ** 20)} | ${Math.round(best(runs.sqlite!))} |`);
  console.log(`| PostgreSQL | ${pgRun.docs} | ${pgRun.pages} | ${fmt(pgRun.bytes / 2 ** 20)} | ${Math.round(best(runs.postgres!))} |`);
  console.log(`  ratio PostgreSQL/SQLite: ${ratio(best(runs.postgres!), best(runs.sqlite!))}; migration of the court: ${Math.round(migrateMs)} ms`);
  if (sq.docs !== pgRun.docs || sq.docs < cases) failed = true;
} catch (error) {
  console.error(`[bench] sync-pg failed: ${error instanceof Error ? error.stack : String(error)}`);
  failed = true;
} finally {
  await cluster.destroy();
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
