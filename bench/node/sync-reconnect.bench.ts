/**
 * Reconnect after a day offline (sync issue bench): one case doc with N local edits made offline
 * (each a separate `editCase`, default 10,000), then ONE catch-up (`runCatchUp`, the app's client)
 * against the real server on 127.0.0.1: time until the push is acknowledged and the catch-up is
 * done. Budget ≤ 5 s. It also checks the edits went as ONE merged update for that doc (requests
 * and push items counted on the wire), not N messages, and that the server holds the last edit.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/node/sync-reconnect.bench.ts [--edits N] [--quick]
 *
 * The replica runs on fake-indexeddb here (Node): the push reads the doc's snapshot + pending
 * updates once, so IndexedDB is a small part of it, but fake-indexeddb is ~11× faster than
 * Chromium's (perf-anchors §1.2) and the edits themselves are not what is timed.
 * Baseline: `Y.mergeUpdates` of the same N raw updates + one `Y.applyUpdate` onto a fresh copy of
 * the case doc (no HTTP, no storage) → ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexedDB as fakeIndexedDB, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import * as Y from 'yjs';
import { updateCaseFields } from '../../shared/domain/case-mutations.js';
import { createCaseDocFromImport, readCase } from '../../shared/domain/case-doc.js';
import { generateCourt } from '../../shared/demo/index.js';
import { openReplica } from '../../renderer/replica/replica.js';
import { runCatchUp } from '../../renderer/sync/catch-up.js';
import { login } from '../../renderer/sync/session.js';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../../server/demo-accounts.js';
import { seedDemoCourt } from '../../server/demo-court.js';
import { createJsonLogger } from '../../server/log.js';
import { startServer } from '../../server/server.js';
import { allPassed, formatTable, type ScenarioRow } from './report.js';
import { positiveIntOption } from './args.js';

const BUDGET_MS = 5_000;
const TODAY = '2025-11-28';
const SEED = 20251128;
const COURT_CASES = 50;
const log = (message: string) => console.log(`[bench] ${message}`);

const option = positiveIntOption;

const edits = option('--edits', process.argv.includes('--quick') ? 2_000 : 10_000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'courtdesk-bench-reconnect-'));
const cleanups: (() => unknown)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
let row: ScenarioRow;
try {
  const seeded = await seedDemoCourt(dataDir, { today: TODAY, cases: COURT_CASES, seed: SEED });
  await seedDemoAccounts(dataDir, seeded.courtId);
  const server = await startServer({ dataDir, port: 0, logger: createJsonLogger({ level: 'warn', write: (l) => void process.stderr.write(l) }) });
  cleanups.unshift(() => server.close());
  const account = DEMO_ACCOUNTS[0]!;
  const session = await login(fetch, { serverUrl: server.url, court: seeded.courtId, user: account.user, password: account.password });
  if (!session.ok) throw new Error(session.error.messageEn);
  const replica = await openReplica({ name: `bench-reconnect-${process.pid}`, indexedDB: fakeIndexedDB, IDBKeyRange: FakeIDBKeyRange });
  cleanups.unshift(() => replica.close());

  // Online once: the replica receives the court.
  const first = await runCatchUp({ replica: replica.sync, session: session.value });
  if (first.kind !== 'done' || first.pulled !== COURT_CASES) throw new Error(`initial catch-up: ${JSON.stringify(first)}`);

  // A day offline: N separate edits of one case, each its own committed transaction.
  const caseId = generateCourt({ cases: COURT_CASES, seed: SEED, today: TODAY }).cases[0]!.id;
  const rawUpdates: Uint8Array[] = [];
  const stop = replica.sync.onDocUpdate((id, update, origin) => {
    if (id === caseId && origin === 'local') rawUpdates.push(update);
  });
  log(`${edits} offline edits of case ${caseId} (fake-indexeddb)`);
  const editStart = performance.now();
  for (let i = 1; i <= edits; i++) {
    const result = await replica.editCase(caseId, (doc, ctx) => updateCaseFields(doc, { notes: `Ghi chú lần ${i}` }, ctx));
    if (!result.ok) throw new Error(result.error.messageEn);
  }
  stop();
  const editMs = performance.now() - editStart;
  if (rawUpdates.length !== edits) throw new Error(`expected ${edits} local updates, saw ${rawUpdates.length}`);

  // Reconnect: one catch-up, every request on the wire counted.
  // Expected: one push (one item), one changes listing, one docs request. The pull lists the
  // pushed doc (its seq moved) and asks for what this replica lacks of it: nothing, but the
  // client cannot know that from state vectors alone (another client's deletion adds no struct),
  // so it asks (docs/SYNC-PROTOCOL.md §4.2).
  const requestsByPath = new Map<string, number>();
  let requests = 0;
  let pushItems = 0;
  let pushBytes = 0;
  const counting = (input: string, init?: RequestInit) => {
    requests++;
    const route = new URL(input).pathname;
    requestsByPath.set(route, (requestsByPath.get(route) ?? 0) + 1);
    const body = JSON.parse(String(init?.body ?? '{}')) as { push?: { update: string }[] };
    pushItems += body.push?.length ?? 0;
    for (const item of body.push ?? []) pushBytes += item.update.length;
    return fetch(input, init);
  };
  log('reconnect: one catch-up');
  const start = performance.now();
  const result = await runCatchUp({ replica: replica.sync, session: session.value, fetch: counting });
  const ms = performance.now() - start;
  if (result.kind !== 'done') throw new Error(`reconnect catch-up: ${JSON.stringify(result)}`);
  const pendingAfter = await replica.sync.pendingCaseIds();

  // The server holds the last edit: a fresh pull of that doc.
  const check = await fetch(`${server.url}/api/sync/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.value.token}` },
    body: JSON.stringify({ pull: { sinceSeq: 0, limit: 2000 } }),
  });
  const page = (await check.json()) as { pull: { docs: { room: string; update: string }[] } };
  const serverDoc = new Y.Doc();
  Y.applyUpdate(serverDoc, Buffer.from(page.pull.docs.find((d) => d.room.endsWith(`/case/${caseId}`))!.update, 'base64'));
  const serverNotes = readCase(serverDoc).notes;

  // Baseline: merge the raw updates, apply once on a fresh copy of the case.
  const original = generateCourt({ cases: COURT_CASES, seed: SEED, today: TODAY }).cases[0]!;
  const fresh = createCaseDocFromImport(original);
  const baseStart = performance.now();
  Y.applyUpdate(fresh, Y.mergeUpdates(rawUpdates));
  const baselineMs = performance.now() - baseStart;
  if (readCase(fresh).notes !== `Ghi chú lần ${edits}`) throw new Error('baseline: merged updates did not give the last edit');

  const expectedWire = requests === 3 && requestsByPath.get('/api/sync/batch') === 1 && requestsByPath.get('/api/sync/changes') === 1 && requestsByPath.get('/api/sync/docs') === 1;
  const oneMerged = result.pushed === 1 && pushItems === 1 && expectedWire && result.acked === 1 && pendingAfter.length === 0;
  const onServer = serverNotes === `Ghi chú lần ${edits}`;
  row = {
    id: 'reconnect',
    title: `reconnect: 1 doc, ${edits.toLocaleString('en-US')} offline edits`,
    metric: 'total',
    valueMs: ms,
    budgetMs: BUDGET_MS,
    baselineMs,
    details: { requests: [...requestsByPath].map(([route, n]) => `${route.replace('/api/sync/', '')}×${n}`).join(' '), pushItems, pushBase64Bytes: pushBytes, pushed: result.pushed, acked: result.acked, pendingAfter: pendingAfter.length, serverHasLastEdit: onServer, offlineEditsMs: Math.round(editMs) },
    ...(oneMerged && onServer ? {} : { error: `expected ONE merged push item acked and the last edit on the server; got ${requests} requests (${[...requestsByPath].map(([route, n]) => `${route} ×${n}`).join(', ')}), ${pushItems} push items, acked ${result.acked}, server notes "${serverNotes}"` }),
  };
} catch (e) {
  row = { id: 'reconnect', title: `reconnect: 1 doc, ${edits} offline edits`, metric: 'total', valueMs: null, budgetMs: BUDGET_MS, baselineMs: null, details: {}, error: e instanceof Error ? e.message : String(e) };
} finally {
  for (const cleanup of cleanups) await cleanup();
}
console.log('');
console.log(formatTable([row]));
console.log('');
if (row.error) console.log(`  ERROR ${row.error}`);
console.log(`  ${Object.entries(row.details).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
console.log('  (replica on fake-indexeddb in Node; baseline = Y.mergeUpdates of the raw updates + one Y.applyUpdate)');
process.exitCode = allPassed([row]) ? 0 : 1;
