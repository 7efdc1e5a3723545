/**
 * The catch-up scenarios of `npm run bench` (sync issue), driven from bench/node/main.ts:
 *
 * 1. the real court server, in this process on 127.0.0.1, seeded with the demo court of the
 *    bench's size (`seedDemoCourt`, the same generator/seed/day as the import scenarios) and the
 *    demo accounts, behind a TCP pass-through that counts the sockets the browser opens;
 * 2. in the bench page (real Chromium, real IndexedDB): login, then `runCatchUp` into an EMPTY
 *    replica: time, pages, sockets (budget ≤ 60 s per 20,000 cases, ≤ 2 sockets);
 * 3. 500 case docs changed on the server by a second client's batch push (the judge), then the
 *    incremental catch-up (budget ≤ 3 s);
 * 4. baselines in the same page: raw Yjs, the same pull pages, one request each, `Y.applyUpdate`
 *    into in-memory docs, no IndexedDB; and the storage floor, the raw IndexedDB write of exactly
 *    the records the initial replica holds (one store, no index, same durability).
 *
 * The court holds three document bodies per case beside its cases (the 20,000 cases +
 * 60,000 documents): the initial replica pulls both; the incremental one changes case docs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { createCaseDocFromImport } from '../../../shared/domain/case-doc.js';
import { updateCaseFields } from '../../../shared/domain/case-mutations.js';
import { generateCourt } from '../../../shared/demo/index.js';
import { formatRoomName } from '../../../shared/sync/rooms.js';
import { BODIES_PER_CASE, seedDocumentBodies } from './document-bodies.js';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../../server/demo-accounts.js';
import { seedDemoCourt } from '../../../server/demo-court.js';
import { createJsonLogger } from '../../../server/log.js';
import { startServer, type RunningServer } from '../../../server/server.js';
import type { SyncBaselineResult, SyncCatchUpResult, SyncStorageFloorResult } from '../../browser/api.js';
import type { BenchOptions } from '../args.js';
import type { ScenarioRow } from '../report.js';
import { startProfile, startTrace, TRACE_CATEGORIES } from '../diagnostics.js';

export const SYNC_BUDGETS = { initialPer20k: 60_000, initialSockets: 2, incremental: 3_000, changedDocs: 500 };

const log = (message: string) => console.log(`[bench] ${message}`);

interface CountedServer {
  readonly url: string;
  readonly courtId: string;
  readonly server: RunningServer;
  /** Distinct TCP connections that carried a request since the last reset (keep-alive ones included). */
  sockets(): number;
  resetSockets(): void;
  close(): Promise<void>;
}

/**
 * Seeds a temp folder and starts the server. The sockets are counted by the server itself, as
 * each request arrives: a TCP pass-through in front (as before) piped the ~1 GB of an initial
 * replica through Node streams on the same two cores the server and the browser use.
 */
async function startCountedServer(options: BenchOptions): Promise<CountedServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-bench-catchup-'));
  const seedStart = performance.now();
  const seeded = await seedDemoCourt(dataDir, { today: options.today, cases: options.cases, seed: options.seed });
  await seedDemoAccounts(dataDir, seeded.courtId);
  const cases = generateCourt({ cases: options.cases, seed: options.seed, today: options.today }).cases;
  const bodies = await seedDocumentBodies(dataDir, seeded.courtId, cases);
  log(`  server seeded with ${seeded.seeded} case docs and ${bodies.docs} document bodies (${Math.round(bodies.bytes / 2 ** 20)} MiB) in ${Math.round(performance.now() - seedStart)} ms`);
  const server = await startServer({ dataDir, port: 0, logger: createJsonLogger({ level: 'warn', write: (l) => void process.stderr.write(l) }) });
  const used = new Set<net.Socket>();
  server.onRequest((request) => used.add(request.socket));
  return {
    url: server.url,
    courtId: seeded.courtId,
    server,
    sockets: () => used.size,
    resetSockets: () => used.clear(),
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A second client (the judge) changes `count` case docs in one batch push, straight to the server. */
async function changeDocsOnServer(server: CountedServer, options: BenchOptions, count: number): Promise<void> {
  const judge = DEMO_ACCOUNTS.find((a) => a.role === 'judge')!;
  const res = await fetch(`${server.server.url}/api/login`, { method: 'POST', body: JSON.stringify({ court: server.courtId, user: judge.user, password: judge.password }) });
  const { token } = (await res.json()) as { token: string };
  const cases = generateCourt({ cases: options.cases, seed: options.seed, today: options.today }).cases;
  const step = Math.max(1, Math.floor(cases.length / count));
  const push: { room: string; update: string }[] = [];
  for (let i = 0; i < cases.length && push.length < count; i += step) {
    const c = cases[i]!;
    // The server's seeded copy is these exact bytes (deterministic import client id).
    const doc = createCaseDocFromImport(c);
    const before = Y.encodeStateVector(doc);
    const edited = updateCaseFields(doc, { notes: `Thẩm phán ghi chú ${i}` }, { now: new Date().toISOString() });
    if (!edited.ok) throw new Error(edited.error.messageEn);
    push.push({ room: formatRoomName({ courtId: server.courtId, kind: 'case', id: c.id }), update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64') });
    doc.destroy();
  }
  const pushed = await fetch(`${server.server.url}/api/sync/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ push }),
  });
  const body = (await pushed.json()) as { acks: unknown[]; errors: unknown[] };
  if (body.acks.length !== push.length) throw new Error(`server change: ${body.acks.length}/${push.length} acked, errors ${JSON.stringify(body.errors).slice(0, 200)}`);
}

type Call = <R>(name: 'syncLogin' | 'syncCatchUp' | 'syncBaseline' | 'syncStorageFloor' | 'syncClose', arg?: unknown) => Promise<R>;

export interface SyncScenarioResult {
  initial?: Omit<SyncCatchUpResult, 'pageEndsMs'> & { sockets: number; caseDocsMs?: number; bodiesMs?: number };
  initialBaseline?: SyncBaselineResult & { sockets: number };
  /** Raw IndexedDB write of the records the initial replica holds: the storage floor. */
  storageFloor?: SyncStorageFloorResult;
  incremental?: SyncCatchUpResult & { sockets: number };
  incrementalBaseline?: SyncBaselineResult;
  error?: string;
}

/** Runs the catch-up scenarios in `page` (the bench page, already loaded). */
export async function runCatchUpScenarios(page: Page, call: Call, options: BenchOptions): Promise<SyncScenarioResult> {
  const out: SyncScenarioResult = {};
  log(`catch-up: seeding a loopback server with ${options.cases} cases`);
  const server = await startCountedServer(options);
  try {
    const clerk = DEMO_ACCOUNTS[0]!;
    // Sockets counted from the login on: the whole first session of a new machine.
    server.resetSockets();
    await call('syncLogin', { serverUrl: server.url, court: server.courtId, user: clerk.user, password: clerk.password });
    log('catch-up: runCatchUp into an empty replica (Chromium IndexedDB)');
    const profile = process.env['COURTDESK_BENCH_PROFILE'] ? await startProfile(page) : undefined;
    const trace = process.env['COURTDESK_BENCH_TRACE'] ? await startTrace(page, TRACE_CATEGORIES.io) : undefined;
    const initial = await call<SyncCatchUpResult>('syncCatchUp');
    if (profile) await profile.stop(process.env['COURTDESK_BENCH_PROFILE']!);
    if (trace) await trace.stop(process.env['COURTDESK_BENCH_TRACE']!);
    // The server's seq order puts the case docs (seeded first) before the document bodies: the
    // page that reaches seq = cases closes the case-doc phase.
    const { pageEndsMs, ...initialFigures } = initial;
    const caseDocsMs = pageEndsMs?.find((p) => p.seq >= options.cases)?.ms;
    out.initial = { ...initialFigures, sockets: server.sockets(), ...(caseDocsMs === undefined ? {} : { caseDocsMs, bodiesMs: Math.round(initial.ms - caseDocsMs) }) };
    log(`  ${initial.pulled} docs in ${Math.round(initial.ms)} ms (waiting for the server ${Math.round(initial.waitMs)} ms, reading state vectors ${Math.round(initial.askMs)} ms, storing ${Math.round(initial.storeMs)} ms), ${initial.pages} pages, ${initial.requests} requests, ${out.initial.sockets} sockets`);
    if (caseDocsMs !== undefined) log(`  the ${options.cases} case docs were stored by ${caseDocsMs} ms, the document bodies in the ${Math.round(initial.ms - caseDocsMs)} ms after`);
    // The decode worker must be the one decoding in Chromium; on the main thread means it failed.
    log(`  case docs decoded ahead: ${initial.decodedInWorker} in the decode worker, ${initial.decodedInThread} on the main thread`);

    // The incremental catch-up runs right after the initial one (as a clerk's second sync would),
    // before the baselines: the storage floor writes ~850 MB into this origin's IndexedDB and
    // deletes it, and the backend's clean-up of that made the next catch-up's reads wait on it
    // (2.6–6.4 s for the same code). The floor then also holds the 500 docs the incremental
    // catch-up wrote as their own snapshots (~2 MB of ~850 MB).
    log(`catch-up: ${SYNC_BUDGETS.changedDocs} docs changed on the server by a second client, then an incremental catch-up`);
    await changeDocsOnServer(server, options, SYNC_BUDGETS.changedDocs);
    server.resetSockets();
    const incrementalProfile = process.env['COURTDESK_BENCH_PROFILE'] ? await startProfile(page) : undefined;
    const incremental = await call<SyncCatchUpResult>('syncCatchUp');
    if (incrementalProfile) await incrementalProfile.stop(process.env['COURTDESK_BENCH_PROFILE']!.replace(/(\.cpuprofile)?$/, '.incremental.cpuprofile'));
    out.incremental = { ...incremental, sockets: server.sockets() };
    log(`  ${incremental.pulled} docs in ${Math.round(incremental.ms)} ms (waiting ${Math.round(incremental.waitMs)} ms, of which reading state vectors ${Math.round(incremental.askMs)} ms; storing ${Math.round(incremental.storeMs)} ms)`);
    out.incrementalBaseline = await call<SyncBaselineResult>('syncBaseline', { sinceSeq: initial.seq, limit: 500 });

    // From seq 0: every doc once, the 500 changed ones in their new state (the same data).
    log('catch-up baseline: raw Yjs pull into in-memory docs');
    server.resetSockets();
    const initialBaseline = await call<SyncBaselineResult>('syncBaseline', { sinceSeq: 0, limit: 500 });
    out.initialBaseline = { ...initialBaseline, sockets: server.sockets() };

    log('catch-up storage floor: the same records written raw to IndexedDB');
    out.storageFloor = await call<SyncStorageFloorResult>('syncStorageFloor', { chunkSize: 500 });
    const perTable = Object.entries(out.storageFloor.tables).map(([name, t]) => `${name} ${t.records} in ${Math.round(t.ms)} ms`);
    log(`  ${out.storageFloor.records} records (${Math.round(out.storageFloor.bytes / 2 ** 20)} MiB of doc state) in ${Math.round(out.storageFloor.ms)} ms: ${perTable.join(', ')}`);
  } catch (error) {
    out.error = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    log(`  catch-up failed: ${out.error}`);
  } finally {
    await call('syncClose').catch(() => undefined);
    await server.close();
  }
  return out;
}

/** The two table rows of the catch-up scenarios. */
export function catchUpRows(options: BenchOptions, r: SyncScenarioResult): ScenarioRow[] {
  const casesText = options.cases.toLocaleString('en-US');
  const bodiesText = (options.cases * BODIES_PER_CASE).toLocaleString('en-US');
  const expectedDocs = options.cases * (1 + BODIES_PER_CASE);
  const initialOk = r.initial && r.initial.pulled === expectedDocs && r.initial.casesInReplica === options.cases && r.initial.sockets <= SYNC_BUDGETS.initialSockets;
  const incrementalOk = r.incremental && r.incremental.pulled === SYNC_BUDGETS.changedDocs;
  return [
    {
      id: 'catchUpInitial',
      title: `initial replica: ${casesText} cases + ${bodiesText} documents`,
      metric: 'total',
      valueMs: r.initial?.ms ?? null,
      budgetMs: (SYNC_BUDGETS.initialPer20k * options.cases) / 20_000,
      baselineMs: r.initialBaseline?.ms ?? null,
      details: {
        ...(r.initial ?? {}),
        socketsBudget: SYNC_BUDGETS.initialSockets,
        baselinePages: r.initialBaseline?.pages,
        baselineDocs: r.initialBaseline?.docs,
        ...(r.storageFloor ? { storageFloorMs: Math.round(r.storageFloor.ms), storageFloorRecords: r.storageFloor.records, vsStorageFloor: r.initial ? Number((r.initial.ms / r.storageFloor.ms).toFixed(2)) : undefined } : {}),
      },
      ...(r.error && !r.initial ? { error: r.error } : r.initial && !initialOk ? { error: `pulled ${r.initial.pulled}/${expectedDocs} docs (${r.initial.casesInReplica} cases) over ${r.initial.sockets} sockets (budget ≤ ${SYNC_BUDGETS.initialSockets})` } : {}),
    },
    {
      id: 'catchUpIncremental',
      title: `incremental catch-up: ${SYNC_BUDGETS.changedDocs} changed docs`,
      metric: 'total',
      valueMs: r.incremental?.ms ?? null,
      budgetMs: SYNC_BUDGETS.incremental,
      baselineMs: r.incrementalBaseline?.ms ?? null,
      details: { ...(r.incremental ?? {}), baselinePages: r.incrementalBaseline?.pages, baselineDocs: r.incrementalBaseline?.docs },
      ...(r.error && !r.incremental ? { error: r.error } : r.incremental && !incrementalOk ? { error: `pulled ${r.incremental.pulled}, expected ${SYNC_BUDGETS.changedDocs}` } : {}),
    },
  ];
}
