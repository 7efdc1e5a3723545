/**
 * The sync scenarios of the bench page: the app's own catch-up client (renderer/sync) into a
 * replica in real Chromium IndexedDB, and the raw-Yjs baseline (the same pull pages applied to
 * in-memory Y.Docs, no IndexedDB, no projection). The driver (bench/node/main.ts) runs the server.
 */
import type { Table } from 'dexie';
import * as Y from 'yjs';
import type { ChangesPage } from '../../shared/sync/batch.js';
import { decodeDocsPage } from '../../shared/sync/docs-wire.js';
import { openReplica } from '../../renderer/replica/replica.js';
import { CourtdeskDb } from '../../renderer/replica/schema.js';
import type { Replica } from '../../renderer/replica/types.js';
import { runCatchUp } from '../../renderer/sync/catch-up.js';
import { login, type Session } from '../../renderer/sync/session.js';
import { BASELINE_DB_NAME, openBaselineDb, writeChunked, type BaselineRecord } from './baseline.js';
import type { SyncBaselineResult, SyncCatchUpResult, SyncStorageFloorResult } from './api.js';

/** A database of its own, so the import scenarios' replica is left as it is. */
export const SYNC_DB_NAME = 'courtdesk-bench-sync';

let session: Session | undefined;
let replica: Replica | undefined;

export async function syncLogin(request: { serverUrl: string; court: string; user: string; password: string }): Promise<void> {
  const result = await login((input, init) => fetch(input, init), request);
  if (!result.ok) throw new Error(`login: ${result.error.messageEn}`);
  session = result.value;
}

/** One `runCatchUp` into the sync replica (opened empty on first use); requests counted. */
export async function syncCatchUp(): Promise<SyncCatchUpResult> {
  if (!session) throw new Error('syncLogin() must run first');
  replica ??= await openReplica({ name: SYNC_DB_NAME });
  let requests = 0;
  let pages = 0;
  const counting = (input: string, init?: RequestInit) => {
    requests++;
    if (input.endsWith('/api/sync/changes')) pages++;
    return fetch(input, init);
  };
  const start = performance.now();
  // When each page of changes was stored: the bench's seq order puts every case doc before the
  // document bodies, so this splits the time between the two kinds of work.
  const pageEndsMs: { seq: number; ms: number }[] = [];
  const onProgress = (progress: { phase: string; done: number }) => {
    if (progress.phase === 'pull') pageEndsMs.push({ seq: progress.done, ms: Math.round(performance.now() - start) });
  };
  const result = await runCatchUp({ replica: replica.sync, session, fetch: counting, onProgress });
  const ms = performance.now() - start;
  if (result.kind !== 'done') throw new Error(`catch-up ended with ${result.kind}: ${JSON.stringify(result).slice(0, 300)}`);
  const info = await replica.info();
  return { ms, requests, pages, pulled: result.pulled, pushed: result.pushed, seq: result.seq, docErrors: result.docErrors.length, casesInReplica: info.caseCount, waitMs: result.pullTimings.waitMs, storeMs: result.pullTimings.storeMs, askMs: result.pullTimings.askMs, decodedInWorker: result.decodedAhead.inWorker, decodedInThread: result.decodedAhead.inThread, pageEndsMs };
}

/**
 * Raw Yjs: the same two-step pull over the same transport (changes pages, binary docs answers of
 * the same size), each doc applied to a fresh in-memory Y.Doc: no IndexedDB, no projection.
 */
export async function syncBaseline(options: { sinceSeq: number; limit: number }): Promise<SyncBaselineResult> {
  if (!session) throw new Error('syncLogin() must run first');
  const { token, serverUrl } = session;
  const post = (path: string, body: unknown) =>
    fetch(`${serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const start = performance.now();
  const docs = new Map<string, Y.Doc>();
  let seq = options.sinceSeq;
  let pages = 0;
  for (;;) {
    const res = await post('/api/sync/changes', { sinceSeq: seq });
    if (!res.ok) throw new Error(`baseline changes: HTTP ${res.status}`);
    const page = (await res.json()) as ChangesPage;
    pages++;
    for (let at = 0; at < page.changes.length; at += options.limit) {
      const answer = await post('/api/sync/docs', { docs: page.changes.slice(at, at + options.limit).map((c) => ({ room: c.room })) });
      if (!answer.ok) throw new Error(`baseline docs: HTTP ${answer.status}`);
      // Read through a Blob, as the app does (renderer/sync/http.ts `readBytes`): Chromium's
      // `arrayBuffer()` costs ~4× the main thread, which would flatter the ratio.
      for (const doc of decodeDocsPage(new Uint8Array(await (await answer.blob()).arrayBuffer())).docs) {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, doc.update);
        docs.set(doc.room, ydoc);
      }
    }
    seq = page.nextSeq;
    if (!page.hasMore) break;
  }
  const ms = performance.now() - start;
  for (const doc of docs.values()) doc.destroy();
  return { ms, pages, docs: docs.size };
}

/**
 * The storage floor of the initial replica: the same records the catch-up stored (every table,
 * values as stored), written raw into one object store without secondary indexes, in chunks of
 * `chunkSize` per transaction with the replica's strict durability. No decoding, no projection,
 * no network: what IndexedDB alone costs on this machine for that data. Table by table, so the
 * whole replica is never in memory at once.
 */
export async function syncStorageFloor(options: { chunkSize: number }): Promise<SyncStorageFloorResult> {
  if (!replica) throw new Error('syncCatchUp() must run first');
  const source = new CourtdeskDb(SYNC_DB_NAME);
  await source.open();
  await deleteDatabase(BASELINE_DB_NAME);
  const target = await openBaselineDb();
  const tables: Record<string, { records: number; ms: number }> = {};
  let ms = 0;
  let records = 0;
  let bytes = 0;
  try {
    const replicaTables: readonly Table[] = [source.docSnapshots, source.bodyPacks, source.packedSync, source.syncState, ...source.rowTables];
    for (const table of replicaTables) {
      const primaryKey = table.schema.primKey.keyPath as string;
      const rows = (await table.toArray()) as Record<string, unknown>[];
      const raw: BaselineRecord[] = rows.map((row) => [`${table.name}/${String(row[primaryKey])}`, row]);
      for (const row of rows) {
        const state = row['state'] ?? row['bytes'];
        if (state instanceof Uint8Array) bytes += state.byteLength;
      }
      const start = performance.now();
      await writeChunked(target, raw, options.chunkSize);
      const spent = performance.now() - start;
      tables[table.name] = { records: raw.length, ms: spent };
      ms += spent;
      records += raw.length;
    }
  } finally {
    source.close();
    target.close();
    await deleteDatabase(BASELINE_DB_NAME);
  }
  return { ms, records, bytes, tables };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

export async function syncClose(): Promise<void> {
  replica?.close();
  replica = undefined;
  await deleteDatabase(SYNC_DB_NAME);
}
