/**
 * Server fan-out (sync issue bench): N WebSocket connections spread over D case docs of the REAL
 * court server (startServer in a child process, SQLite in a temp folder), R Yjs updates per
 * second for T seconds from random clients; for each update, the time until every OTHER client
 * of that doc received it. Budget: p99 ≤ 50 ms at 2,000 connections, 500 docs, 500 updates/s.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/node/sync-server.bench.ts [--quick]
 *        [--connections N] [--docs D] [--rate R] [--seconds T]
 *
 * Clients are raw y-websocket speakers (ws + lib0 encoders, one small Y.Doc each that only
 * writes its own map key), so 2,000 of them fit in this process. Baseline: the same clients and
 * the same bytes through a bare `ws` server that forwards each frame to the other sockets of
 * the room (no auth, no Yjs, no store), also in a child process → ratio.
 */
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
  return { latencies, sent, incomplete: pending.size, connectMs, rssStart, rssConnected, rssEnd: end.rss, ...(end.loadedDocs === undefined ? {} : { loadedDocs: end.loadedDocs }) };
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

log(`sync fan-out: ${connections} connections over ${docs} docs, ${rate} updates/s for ${seconds} s`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-bench-sync-'));
let ours: RunResult | undefined;
let bare: RunResult | undefined;
let error: string | undefined;
try {
  await seedDemoAccounts(dataDir, DEMO_COURT_ID);
  const server = await startServerChild('courtdesk', dataDir);
  try {
    const account = DEMO_ACCOUNTS[0]!;
    const res = await fetch(`http://127.0.0.1:${server.port}/api/login`, {
      method: 'POST',
      body: JSON.stringify({ court: DEMO_COURT_ID, user: account.user, password: account.password }),
    });
    const { token } = (await res.json()) as { token: string };
    ours = await runFanOut(server, (room) => {
      const name = formatRoomName({ courtId: DEMO_COURT_ID, kind: 'case', id: `bench-${room}` });
      return `ws://127.0.0.1:${server.port}/sync/${name}?token=${encodeURIComponent(token)}`;
    });
  } finally {
    await server.close();
  }
  log('baseline: bare ws broadcast of the same frames');
  const baseline = await startServerChild('bare');
  try {
    bare = await runFanOut(baseline, (room) => `ws://127.0.0.1:${baseline.port}/sync/bench-${room}`);
  } finally {
    await baseline.close();
  }
} catch (e) {
  error = e instanceof Error ? e.message : String(e);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const row: ScenarioRow = {
  id: 'syncFanOut',
  title: `server fan-out ${connections} conn/${docs} docs @${rate}/s`,
  metric: 'p99',
  valueMs: ours && ours.latencies.length > 0 && ours.incomplete === 0 ? percentile(ours.latencies, 99) : null,
  budgetMs: BUDGET_P99_MS,
  baselineMs: bare && bare.latencies.length > 0 ? percentile(bare.latencies, 99) : null,
  details: {},
  ...(error ? { error } : ours && ours.incomplete > 0 ? { error: `${ours.incomplete} of ${ours.sent} updates did not reach every peer within 3 s` } : {}),
};
console.log('');
console.log(formatTable([row]));
console.log('');
if (row.error) console.log(`  ERROR ${row.error}`);
for (const [label, r] of [['courtdesk', ours], ['bare ws', bare]] as const) {
  if (!r) continue;
  console.log(
    `  ${label}: sent=${r.sent}, delivered to all peers=${r.latencies.length}, p50=${percentile(r.latencies, 50).toFixed(1)} ms, ` +
      `p95=${percentile(r.latencies, 95).toFixed(1)} ms, p99=${percentile(r.latencies, 99).toFixed(1)} ms, max=${Math.max(...r.latencies).toFixed(1)} ms, ` +
      `connect ${connections} in ${Math.round(r.connectMs)} ms, server RSS ${mib(r.rssStart)} → ${mib(r.rssConnected)} (connected) → ${mib(r.rssEnd)} MiB (after)` +
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
process.exitCode = allPassed([row]) ? 0 : 1;
