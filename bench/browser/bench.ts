/**
 * The bench page (out/bench, served at /bench/ on the same origin as the app build). It holds
 * the generated court in memory and exposes `window.courtdeskBench` (api.ts) to the Node driver.
 * Everything runs against the real replica in real Chromium IndexedDB: budgets are never taken
 * from fake-indexeddb, which is ~11× faster than the real thing (perf-anchors §1.2).
 */
import * as Y from 'yjs';
import { generateCourt } from '../../shared/demo/index.js';
import { createRng } from '../../shared/demo/prng.js';
import { createCaseDoc } from '../../shared/domain/case-doc.js';
import type { CourtFile } from '../../shared/domain/schemas.js';
import { openReplica } from '../../renderer/replica/replica.js';
import { caseDocId, projectCase } from '../../renderer/replica/projection.js';
import { CASE_SORTS } from '../../renderer/replica/search.js';
import type { CaseRow, Replica } from '../../renderer/replica/types.js';
import type { BenchApi } from './api.js';
import {
  deleteAllDatabases,
  loadCaseRaw,
  naiveSearch,
  openBaselineDb,
  snapshotKey,
  writeChunked,
  type BaselineRecord,
} from './baseline.js';
import { makeQueries } from './queries.js';
import { syncBaseline, syncCatchUp, syncClose, syncLogin, syncStorageFloor } from './sync.js';
import { editorClose, editorFocus, editorKeystrokes, editorStoreMinutes, editorOpenJudgment, editorPrepareJudgment } from './editor.js';

let court: CourtFile | undefined;
let replica: Replica | undefined;
let baselineDb: IDBDatabase | undefined;

function requireCourt(): CourtFile {
  if (!court) throw new Error('generate() must run first');
  return court;
}

function closeReplica(): void {
  replica?.close();
  replica = undefined;
}

function closeBaseline(): void {
  baselineDb?.close();
  baselineDb = undefined;
}

function sampleIds(file: CourtFile, samples: number, seed: number): string[] {
  const rng = createRng(seed);
  const ids = new Set<string>();
  const wanted = Math.min(samples, file.cases.length);
  while (ids.size < wanted) ids.add(rng.pick(file.cases).id);
  return [...ids];
}

const api: BenchApi = {
  async reset() {
    closeReplica();
    closeBaseline();
    await deleteAllDatabases();
  },

  async generate({ cases, seed, today }) {
    const start = performance.now();
    const file = generateCourt({ cases, seed, today });
    court = file;
    return { cases: file.cases.length, ms: performance.now() - start };
  },

  async importReplica() {
    const file = requireCourt();
    closeReplica();
    const opened = await openReplica();
    replica = opened;
    let lastTenth = 0;
    const start = performance.now();
    const report = await opened.importCourtFile(file, ({ done, total }) => {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        console.log(`[bench] importCourtFile ${done}/${total}`);
      }
    });
    return { ms: performance.now() - start, imported: report.imported, skipped: report.skipped };
  },

  async importBaseline({ chunkSize }) {
    const file = requireCourt();
    const serializeStart = performance.now();
    const records: BaselineRecord[] = [];
    for (const c of file.cases) {
      const doc = createCaseDoc(c);
      const docId = caseDocId(c.id);
      // The same bytes the replica stores: a V1 snapshot of the case doc (schema.ts).
      records.push([snapshotKey(docId), { docId, state: Y.encodeStateAsUpdate(doc), updateCount: 0, updatedAt: c.updatedAt }]);
      doc.destroy();
      const { caseRow, partyRows, hearingRows, documentRows } = projectCase(c);
      records.push([`cases/${caseRow.id}`, caseRow]);
      for (const row of partyRows) records.push([`parties/${row.key}`, row]);
      for (const row of hearingRows) records.push([`hearings/${row.key}`, row]);
      for (const row of documentRows) records.push([`documents/${row.key}`, row]);
    }
    const serializeMs = performance.now() - serializeStart;
    closeBaseline();
    baselineDb = await openBaselineDb();
    const writeStart = performance.now();
    await writeChunked(baselineDb, records, chunkSize);
    return { serializeMs, writeMs: performance.now() - writeStart, records: records.length };
  },

  async openCases({ samples, seed }) {
    const file = requireCourt();
    const ids = sampleIds(file, samples, seed);

    // Cold-ish: a fresh replica instance, nothing of these cases in memory yet.
    closeReplica();
    const openStart = performance.now();
    const opened = await openReplica();
    replica = opened;
    const openMs = performance.now() - openStart;
    const replicaMs: number[] = [];
    const failures: string[] = [];
    for (const id of ids) {
      const start = performance.now();
      const result = await opened.loadCase(id);
      replicaMs.push(performance.now() - start);
      if (!result.ok) failures.push(`${id}: ${result.error.code}`);
    }

    closeBaseline();
    baselineDb = await openBaselineDb();
    const baselineMs: number[] = [];
    for (const id of ids) {
      const start = performance.now();
      await loadCaseRaw(baselineDb, caseDocId(id));
      baselineMs.push(performance.now() - start);
    }
    return { ids, openMs, replicaMs, baselineMs, failures };
  },

  async search({ queries: count, seed }) {
    const file = requireCourt();
    const opened = replica ?? (await openReplica());
    replica = opened;
    const rows: CaseRow[] = file.cases.map((c) => projectCase(c).caseRow).sort(CASE_SORTS.numberDesc);
    const queries = makeQueries(file.cases, count, seed);
    const replicaMs: number[] = [];
    const baselineMs: number[] = [];
    const replicaTotals: number[] = [];
    const baselineTotals: number[] = [];
    for (const { text } of queries) {
      let start = performance.now();
      const page = await opened.listCases({ query: text }, 'numberDesc', 0, 50);
      replicaMs.push(performance.now() - start);
      replicaTotals.push(page.total);

      start = performance.now();
      const naive = naiveSearch(rows, text, 50);
      baselineMs.push(performance.now() - start);
      baselineTotals.push(naive.total);
    }
    return { queries, replicaMs, baselineMs, replicaTotals, baselineTotals };
  },

  syncLogin,
  syncCatchUp,
  syncBaseline,
  syncStorageFloor,
  syncClose,
  editorStoreMinutes,
  editorFocus,
  editorKeystrokes,
  editorPrepareJudgment,
  editorOpenJudgment,
  editorClose,

  async closeAll() {
    closeReplica();
    closeBaseline();
  },
};

window.courtdeskBench = api;
document.body.dataset.ready = 'true';
