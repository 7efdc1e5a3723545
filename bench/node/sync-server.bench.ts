/**
 * Server fan-out (sync issue bench): N WebSocket connections spread over D case docs of the REAL
 * court server (startServer in a child process, SQLite in a temp folder), R Yjs updates per
 * second for T seconds from random clients; for each update, the time until every OTHER client
 * of that doc received it. Budget: p99 ≤ 50 ms at 2,000 connections, 500 docs, 500 updates/s.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/node/sync-server.bench.ts [--quick]
 *        [--connections N] [--docs D] [--rate R] [--seconds T]
 *
 * A second run of the real server has another process writing to the same disk all along (1 GB
 * then an fsync, like a backup): the server must not pass the disk's
 * stalls on to live rooms (server/store/wal-checkpointer.ts). Reported with the same baseline,
 * without a budget: the budget is for the server on its own disk.
 *
 * Clients are raw y-websocket speakers (ws + lib0 encoders, one small Y.Doc each that only
 * writes its own map key), so 2,000 of them fit in this process. Baseline: the same clients and
 * the same bytes through a bare `ws` server that forwards each frame to the other sockets of
 * the room (no auth, no Yjs, no store), also in a child process → ratio.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEMO_COURT_ID, DEMO_ACCOUNTS, seedDemoAccounts } from '../../server/demo-accounts.js';
import { formatRoomName } from '../../shared/sync/rooms.js';
import { startServerChild, type ServerChild } from './sync/child.js';
import { allPassed, formatTable, percentile, type ScenarioRow } from './report.js';
import { positiveIntOption } from './args.js';

const BUDGET_P99_MS = 50;
const log = (message: string) => console.log(`[bench] ${message}`);

const option = positiveIntOption;

const quick = process.argv.includes('--quick');
const connections = option('--connections', quick ? 200 : 2000);
const docs = option('--docs', quick ? 50 : 500);
const rate = option('--rate', 500);
const seconds = option('--seconds', quick ? 5 : 15);

interface Client {
  readonly ws: WebSocket;
  readonly doc: Y.Doc;
  readonly room: number;
}

interface Pending {
  readonly sentAt: number;
  left: number;
}

interface RunResult {
  readonly latencies: number[];
  readonly sent: number;
  readonly incomplete: number;
  readonly connectMs: number;
  readonly rssStart: number;
  readonly rssConnected: number;
  readonly rssEnd: number;
  readonly loadedDocs?: number;
  /** The server's event-loop delay during the timed part. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/** The key of an update: the first struct's `client:clock` (the same after the server re-encodes it). */
function updateKey(update: Uint8Array): string | undefined {
  const meta = Y.parseUpdateMeta(update);
  for (const [client, clock] of meta.from) return `${client}:${clock}`;
  return undefined;
}

async function runFanOut(server: ServerChild, urlOf: (room: number) => string): Promise<RunResult> {
  const rssStart = (await server.stats()).rss;
  const pending = new Map<string, Pending>();
  const latencies: number[] = [];
  const byRoom: Client[][] = Array.from({ length: docs }, () => []);

  const onFrame = (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (decoding.readVarUint(decoder) !== 0) return; // awareness and others
    const step = decoding.readVarUint(decoder);
    if (step !== 2) return; // step 1 / step 2 of the handshake
    const key = updateKey(decoding.readVarUint8Array(decoder));
    const entry = key === undefined ? undefined : pending.get(key);
    if (!entry) return;
    entry.left -= 1;
    if (entry.left === 0) {
      latencies.push(performance.now() - entry.sentAt);
      pending.delete(key!);
    }
  };

  const connectStart = performance.now();
  const clients: Client[] = [];
  // Open in waves of 100 so the handshakes do not all queue at once.
  for (let start = 0; start < connections; start += 100) {
    const wave: Promise<void>[] = [];
    for (let i = start; i < Math.min(connections, start + 100); i++) {
      const room = i % docs;
      const doc = new Y.Doc();
      doc.clientID = 100_000 + i; // distinct, so every update's key is unique
      const ws = new WebSocket(urlOf(room), { perMessageDeflate: false });
      const client: Client = { ws, doc, room };
      clients.push(client);
      byRoom[room]!.push(client);
      wave.push(
        new Promise<void>((resolve, reject) => {
          ws.once('open', () => {
            ws.send(syncStep1Frame(doc));
            resolve();
          });
          ws.once('error', reject);
          ws.once('close', (code) => reject(new Error(`connection ${i} closed with ${code}`)));
        }),
      );
      ws.on('message', onFrame);
    }
    await Promise.all(wave);
  }
  const connectMs = performance.now() - connectStart;
  // Let the handshakes (and the server's doc loads) settle before the timed part.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssConnected = (await server.stats()).rss;

  const senders = clients.filter((c) => byRoom[c.room]!.length > 1);
  let sent = 0;
  let seq = 0;
  const total = rate * seconds;
  const startAt = performance.now();
  await new Promise<void>((resolve) => {
    // Every 10 ms, send what the schedule says is due: the rate holds even if a tick is late.
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - startAt) / 1000) * rate));
      while (sent < due) {
        const client = senders[Math.floor(Math.random() * senders.length)]!;
        let update: Uint8Array | undefined;
        const capture = (u: Uint8Array) => (update = u);
        client.doc.on('update', capture);
        client.doc.getMap('bench').set(`c${client.doc.clientID}`, ++seq);
        client.doc.off('update', capture);
        const key = updateKey(update!)!;
        pending.set(key, { sentAt: performance.now(), left: byRoom[client.room]!.length - 1 });
        client.ws.send(syncUpdateFrame(update!));
        sent++;
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  // Stragglers: up to 3 s after the last send.
  const deadline = performance.now() + 3000;
  while (pending.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const end = await server.stats();
  for (const client of clients) client.ws.terminate();
  return { latencies, sent, incomplete: pending.size, connectMs, rssStart, rssConnected, rssEnd: end.rss, loopDelayP99Ms: end.loopDelayP99Ms, loopDelayMaxMs: end.loopDelayMaxMs, ...(end.loadedDocs === undefined ? {} : { loadedDocs: end.loadedDocs }) };
}

/**
 * Another process keeping the disk busy the way a backup does: 1 GB written in 8 MB pieces, then
 * one fsync, then the same file again (so the disk never fills). The writeback of that gigabyte
 * is what an fsync of anyone else's waits behind.
 */
function startDiskWriter(file: string): ChildProcess {
  const source = `
    const fs = require('node:fs');
    const chunk = Buffer.alloc(8 << 20, 1);
    let fd = fs.openSync(process.argv[1], 'w');
    for (let n = 1; ; n++) {
      fs.writeSync(fd, chunk);
      if (n % 128 === 0) { fs.fsyncSync(fd); fs.closeSync(fd); fd = fs.openSync(process.argv[1], 'w'); }
    }`;
  return spawn(process.execPath, ['-e', source, file], { stdio: 'ignore' });
}

/** The fan-out of the real server on `dataDir` (accounts seeded), in its own child process. */
async function runOurs(dataDir: string): Promise<RunResult> {
  const server = await startServerChild('courtdesk', dataDir);
  try {
    const account = DEMO_ACCOUNTS[0]!;
    const res = await fetch(`http://127.0.0.1:${server.port}/api/login`, {
      method: 'POST',
      body: JSON.stringify({ court: DEMO_COURT_ID, user: account.user, password: account.password }),
    });
    const { token } = (await res.json()) as { token: string };
    return await runFanOut(server, (room) => {
      const name = formatRoomName({ courtId: DEMO_COURT_ID, kind: 'case', id: `bench-${room}` });
      return `ws://127.0.0.1:${server.port}/sync/${name}?token=${encodeURIComponent(token)}`;
    });
  } finally {
    await server.close();
  }
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

log(`sync fan-out: ${connections} connections over ${docs} docs, ${rate} updates/s for ${seconds} s`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-bench-sync-'));
let ours: RunResult | undefined;
let busy: RunResult | undefined;
let bare: RunResult | undefined;
let error: string | undefined;
let busyError: string | undefined;
try {
  await seedDemoAccounts(dataDir, DEMO_COURT_ID);
  try {
    ours = await runOurs(dataDir);
    log('baseline: bare ws broadcast of the same frames');
    const baseline = await startServerChild('bare');
    try {
      bare = await runFanOut(baseline, (room) => `ws://127.0.0.1:${baseline.port}/sync/bench-${room}`);
    } finally {
      await baseline.close();
    }
  } catch (e) {
    error = message(e);
  }
  log('the real server again, while another process writes to the same disk');
  // A fresh store: the clients reuse their client ids, which the first run's docs already hold.
  const busyDir = path.join(dataDir, 'busy');
  await seedDemoAccounts(busyDir, DEMO_COURT_ID);
  const writer = startDiskWriter(path.join(dataDir, 'busy-disk.bin'));
  try {
    busy = await runOurs(busyDir);
  } catch (e) {
    busyError = message(e);
  } finally {
    const gone = new Promise((resolve) => writer.once('exit', resolve));
    writer.kill('SIGKILL');
    await gone;
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const p99Of = (r: RunResult | undefined) => (r && r.latencies.length > 0 && r.incomplete === 0 ? percentile(r.latencies, 99) : null);
const incomplete = (r: RunResult | undefined) => (r && r.incomplete > 0 ? { error: `${r.incomplete} of ${r.sent} updates did not reach every peer within 3 s` } : {});
const bareP99 = bare && bare.latencies.length > 0 ? percentile(bare.latencies, 99) : null;
const rows: ScenarioRow[] = [
  {
    id: 'syncFanOut',
    title: `server fan-out ${connections} conn/${docs} docs @${rate}/s`,
    metric: 'p99',
    valueMs: p99Of(ours),
    budgetMs: BUDGET_P99_MS,
    baselineMs: bareP99,
    details: {},
    ...(error ? { error } : incomplete(ours)),
  },
  {
    id: 'syncFanOutBusyDisk',
    title: 'the same, disk busy (another writer)',
    metric: 'p99',
    valueMs: p99Of(busy),
    // Measured, not budgeted: the budget is the server's on its own disk (the setting).
    budgetMs: null,
    baselineMs: bareP99,
    details: {},
    ...(busyError ? { error: busyError } : incomplete(busy)),
  },
];
console.log('');
console.log(formatTable(rows));
console.log('');
for (const row of rows) if (row.error) console.log(`  ERROR ${row.title}: ${row.error}`);
for (const [label, r] of [['courtdesk', ours], ['courtdesk, disk busy', busy], ['bare ws', bare]] as const) {
  if (!r) continue;
  console.log(
    `  ${label}: sent=${r.sent}, delivered to all peers=${r.latencies.length}, p50=${percentile(r.latencies, 50).toFixed(1)} ms, ` +
      `p95=${percentile(r.latencies, 95).toFixed(1)} ms, p99=${percentile(r.latencies, 99).toFixed(1)} ms, max=${Math.max(...r.latencies).toFixed(1)} ms, ` +
      `connect ${connections} in ${Math.round(r.connectMs)} ms, server RSS ${mib(r.rssStart)} → ${mib(r.rssConnected)} (connected) → ${mib(r.rssEnd)} MiB (after), ` +
      `server event-loop delay p99 ${r.loopDelayP99Ms.toFixed(1)} ms, max ${r.loopDelayMaxMs.toFixed(1)} ms` +
      (r.loadedDocs === undefined ? '' : `, loaded docs ${r.loadedDocs}`),
  );
}
if (ours) {
  const perDoc = (ours.rssEnd - ours.rssStart) / docs;
  const perDocBare = bare ? (bare.rssEnd - bare.rssStart) / docs : undefined;
  console.log(
    `  RSS per active doc (incl. its ${connections / docs} connections): ${(perDoc / 1024).toFixed(1)} KiB` +
      (perDocBare === undefined ? '' : ` (bare ws: ${(perDocBare / 1024).toFixed(1)} KiB)`),
  );
}
process.exitCode = allPassed(rows) ? 0 : 1;
