/**
 * The sync server on PostgreSQL (scale-out issue): a private PostgreSQL cluster on 127.0.0.1
 * (fsync ON: real commits), then fan-out, ONE instance vs TWO instances on one database (each in
 * its own process; in the two-instance run every doc has clients on both instances, so half of
 * every fan-out crosses instances through LISTEN/NOTIFY): connections held, updates/s delivered
 * to every peer at each offered rate (200, 300, 500/s) and at saturation, p50/p99 fan-out; ratios
 * two/one. Each is run with the store's group commit (a court's waiting appends in one commit,
 * server/store/pg-append-batcher.ts) and with one update per commit, in the same process.
 *
 * The catch-up of the 20,000-case court from PostgreSQL vs SQLite is sync-catchup.bench.ts.
 * Sized for 2 cores: the clients, two servers and PostgreSQL share them.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/node/sync-pg.bench.ts [--quick]
 *        [--connections N] [--docs D] [--rates R1,R2,…] [--seconds T] [--single-commit-too]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { formatRoomName } from '../../shared/sync/rooms.js';
import { addAccount } from '../../server/auth/accounts.js';
import { DEMO_ACCOUNTS, DEMO_COURT_ID } from '../../server/demo-accounts.js';
import { openPgStore } from '../../server/store/pg-store.js';
import { createDatabase, startPrivateCluster } from '../../test/integration/pg/pg-cluster.js';
import { positiveIntOption } from './args.js';
import { percentile } from './report.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const log = (message: string) => console.log(`[bench] ${message}`);
const quick = process.argv.includes('--quick');
const connections = positiveIntOption('--connections', quick ? 200 : 600);
const docs = positiveIntOption('--docs', quick ? 50 : 150);
const ratesAt = process.argv.indexOf('--rates');
const rates = (ratesAt > 0 ? process.argv[ratesAt + 1]! : quick ? '200' : '200,300,500').split(',').map(Number);
if (rates.some((r) => !Number.isSafeInteger(r) || r < 1)) {
  console.error('Lỗi: --rates phải là các số nguyên dương / Error: --rates must be positive integers, e.g. 200,300,500');
  process.exit(2);
}
const seconds = positiveIntOption('--seconds', quick ? 4 : 10);
const saturationRate = positiveIntOption('--saturation-rate', 2000);
/** Group commit (default) and, with --single-commit-too, one update per commit for comparison. */
const commitModes = process.argv.includes('--single-commit-too') ? ([500, 1] as const) : ([500] as const);

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

async function startInstance(dataDir: string, url: string, appendsPerCommit: number): Promise<Instance> {
  const child = fork(path.join(ROOT, 'bench/node/sync/pg-server-child.ts'), [dataDir, url, String(appendsPerCommit)], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

/**
 * Every sent update a received one holds. A peer on another instance may get several clients'
 * updates merged into one (the store's group commit notifies one merged row per doc), so each
 * client's clock range counts, not just the first struct.
 */
function receivedKeys(update: Uint8Array): string[] {
  const { from, to } = Y.parseUpdateMeta(update);
  const keys: string[] = [];
  for (const [client, first] of from) {
    for (let clock = first; clock < (to.get(client) ?? first); clock++) keys.push(`${client}:${clock}`);
  }
  return keys;
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
/** fanOut runs so far: each run's clients get their own Yjs client ids. */
let runs = 0;

async function fanOut(instances: readonly Instance[], token: string, rateR: number, secs: number): Promise<FanOutResult> {
  // The clients never apply what the server sends, so their clocks restart at 0: a client id
  // reused from an earlier run on the same docs would send clocks the server already holds
  // (ignored as duplicates, never fanned out), counted as "not delivered".
  const idBase = 200_000 + ++runs * 10_000;
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
      doc.clientID = idBase + i;
      const client = { ws, doc, room };
      all.push(client);
      byRoom[room]!.push(client);
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
        for (const key of receivedKeys(decoding.readVarUint8Array(decoder))) {
          const entry = pending.get(key);
          if (!entry) continue;
          if (--entry.left === 0) {
            latencies.push(performance.now() - entry.sentAt);
            pending.delete(key);
          }
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

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

const cluster = await startPrivateCluster({ durable: true });
const work = mkdtempSync(path.join(tmpdir(), 'courtdesk-bench-pg-'));
let failed = false;
try {
  log(`fan-out: ${connections} connections over ${docs} docs, ${rates.join('/')} updates/s for ${seconds} s each, then ${saturationRate}/s offered for 3 s`);
  const results = new Map<string, { fixed: FanOutResult[]; saturated: FanOutResult }>();
  for (const perCommit of commitModes) {
    for (const count of [1, 2]) {
      const url = await createDatabase(cluster.adminUrl);
      const dataDir = path.join(work, `fanout-${perCommit}-${count}`);
      const seedStore = await openPgStore({ connectionString: url, poolSize: 1 });
      for (const a of DEMO_ACCOUNTS) await addAccount(seedStore, { court: DEMO_COURT_ID, user: a.user, password: a.password, roles: [a.role] });
      await seedStore.close();
      const instances: Instance[] = [];
      for (let i = 0; i < count; i++) instances.push(await startInstance(dataDir, url, perCommit));
      try {
        const bearer = await token(instances[0]!.port);
        const fixed: FanOutResult[] = [];
        for (const rateR of rates) {
          const result = await fanOut(instances, bearer, rateR, seconds);
          log(`  ${perCommit === 1 ? 'one update per commit' : 'group commit'}, ${count} instance(s), ${rateR}/s: p99 ${fmt(percentile(result.latencies, 99))} ms, ${result.incomplete} not delivered`);
          fixed.push(result);
        }
        results.set(`${perCommit}/${count}`, { fixed, saturated: await fanOut(instances, bearer, saturationRate, 3) });
      } finally {
        for (const instance of instances) await instance.close();
      }
    }
  }
  for (const perCommit of commitModes) {
    console.log('');
    console.log(perCommit === 1 ? 'One update per commit (no group commit):' : 'Group commit (a court\'s waiting appends in one commit):');
    console.log('');
    console.log('| instances | connections held | offered/s | delivered/s | p50 ms | p99 ms | not delivered in 10 s |');
    console.log('|---|---|---|---|---|---|---|');
    for (const count of [1, 2]) {
      const { fixed } = results.get(`${perCommit}/${count}`)!;
      fixed.forEach((r, i) => {
        console.log(
          `| ${count} | ${r.held} | ${rates[i]} | ${fmt(r.delivered / r.sendSeconds)} | ${fmt(percentile(r.latencies, 50))} | ${fmt(percentile(r.latencies, 99))} | ${r.incomplete} |`,
        );
        // One update per commit is the comparison run: its losses at high rates are the point.
        if (perCommit !== 1 && (r.incomplete > 0 || r.held < connections)) failed = true;
      });
    }
    const [one, two] = [results.get(`${perCommit}/1`)!, results.get(`${perCommit}/2`)!];
    rates.forEach((rateR, i) => {
      const [a, b] = [one.fixed[i]!, two.fixed[i]!];
      console.log(
        `  ${rateR}/s, two/one: p99 ${ratio(percentile(b.latencies, 99), percentile(a.latencies, 99))}, p50 ${ratio(percentile(b.latencies, 50), percentile(a.latencies, 50))}, ` +
          `delivered/s ${ratio(b.delivered / b.sendSeconds, a.delivered / a.sendSeconds)}`,
      );
    });
    console.log(
      `  saturation (${saturationRate}/s offered): one ${fmt(one.saturated.delivered / one.saturated.drainSeconds)}/s, two ${fmt(two.saturated.delivered / two.saturated.drainSeconds)}/s, ` +
        `two/one ${ratio(two.saturated.delivered / two.saturated.drainSeconds, one.saturated.delivered / one.saturated.drainSeconds)}`,
    );
  }
  if (commitModes.length === 2) {
    for (const count of [1, 2]) {
      const [group, single] = [results.get(`500/${count}`)!, results.get(`1/${count}`)!];
      console.log(
        `  ${count} instance(s), group/single commit: ` +
          rates.map((rateR, i) => `${rateR}/s p99 ${ratio(percentile(group.fixed[i]!.latencies, 99), percentile(single.fixed[i]!.latencies, 99))}`).join(', ') +
          `, saturation throughput ${ratio(group.saturated.delivered / group.saturated.drainSeconds, single.saturated.delivered / single.saturated.drainSeconds)}`,
      );
    }
  }
} catch (error) {
  console.error(`[bench] sync-pg failed: ${error instanceof Error ? error.stack : String(error)}`);
  failed = true;
} finally {
  await cluster.destroy();
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
