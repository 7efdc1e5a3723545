/**
 * The bench driver (`npm run bench`, via scripts/bench.mjs). Builds the app (out/web) and the
 * bench page (out/bench), serves both from ONE origin (the app at /, the bench page at /bench/),
 * drives a real headless Chromium with a throwaway profile, runs the scenarios of bench/README.md,
 * prints a table and writes bench/results/<timestamp>.json. Exit code 1 when a budget fails or a
 * scenario cannot run, after everything has been printed.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium.js';
import type { BaselineImportResult, BenchApi, GenerateResult, ImportResult, OpenCaseResult, SearchResult } from '../browser/api.js';
import { parseBenchArgs, type BenchOptions } from './args.js';
import { allPassed, formatMs, formatTable, percentile, type ScenarioRow } from './report.js';
import { catchUpRows, runCatchUpScenarios, type SyncScenarioResult } from './sync/catch-up-scenarios.js';
import { editorRows, runEditorScenarios, type EditorScenarioResult } from './editor-scenarios.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT_WEB = path.join(ROOT, 'out', 'web');
const OUT_BENCH = path.join(ROOT, 'out', 'bench');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

/** DESIGN §6 budgets on this machine (the import budget scales with the court size). */
const BUDGETS = {
  importPer20k: 60_000,
  openCaseP95: 150,
  searchP95: 50,
  coldStartP50: 1_500,
};

const log = (message: string) => console.log(`[bench] ${message}`);

function run(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function launch(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...chromiumLaunchOptions, viewport: { width: 1366, height: 768 } });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const text = message.text();
    // Resource errors are logged with their URL by the response listener below.
    if (text.startsWith('[bench]') || (message.type() === 'error' && !text.startsWith('Failed to load resource'))) console.log(`  page: ${text}`);
  });
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) console.log(`  page: HTTP ${response.status()} ${response.url()}`);
  });
  return page;
}

/** Calls one function of the page's `window.courtdeskBench`. */
async function call<R>(page: Page, name: keyof BenchApi, arg?: unknown): Promise<R> {
  return (await page.evaluate(
    async ({ name, arg }) => {
      const api = window.courtdeskBench;
      if (!api) throw new Error('bench page not ready');
      return (api[name] as (a?: unknown) => Promise<unknown>)(arg);
    },
    { name, arg },
  )) as R;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * Installed in the app page before any of its scripts: notes when the first register row is in
 * the DOM, then the next animation frame (the row is about to be painted). `performance.now()`
 * counts from the navigation start of the page. A string, not a function: tsx compiles this file
 * with esbuild's keepNames, whose `__name(...)` helper does not exist inside the page.
 */
const FIRST_ROW_PROBE = `(() => {
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || !document.querySelector('[data-testid="case-row"]')) return;
    seen = true;
    observer.disconnect();
    requestAnimationFrame(() => { window.__courtdeskFirstRowAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface PageScenarios {
  generate?: GenerateResult;
  import?: ImportResult;
  baseline?: BaselineImportResult;
  openCase?: OpenCaseResult;
  search?: SearchResult;
  userAgent?: string;
  errors: Partial<Record<'generate' | 'import' | 'baseline' | 'openCase' | 'search', string>>;
}

async function runPageScenarios(page: Page, benchUrl: string, options: BenchOptions): Promise<PageScenarios> {
  const out: PageScenarios = { errors: {} };
  await page.goto(benchUrl);
  await page.waitForFunction(() => window.courtdeskBench !== undefined, undefined, { timeout: 30_000 });
  out.userAgent = await page.evaluate(() => navigator.userAgent);
  await call(page, 'reset');

  /** Runs one scenario; a failure is recorded and the next scenario still runs. */
  const step = async <T>(key: keyof PageScenarios['errors'], label: string, work: () => Promise<T>): Promise<T | undefined> => {
    log(label);
    try {
      return await work();
    } catch (error) {
      out.errors[key] = errorText(error);
      log(`  ${key} failed: ${out.errors[key]}`);
      return undefined;
    }
  };

  out.generate = await step('generate', `generating ${options.cases} cases (seed ${options.seed})`, () =>
    call<GenerateResult>(page, 'generate', { cases: options.cases, seed: options.seed, today: options.today }),
  );
  if (!out.generate) return out;
  log(`  generated in ${formatMs(out.generate.ms)}`);
  out.import = await step('import', 'importCourtFile into an empty replica', () => call<ImportResult>(page, 'importReplica'));
  out.baseline = await step('baseline', 'baseline: raw IndexedDB bulk write of the same records', () =>
    call<BaselineImportResult>(page, 'importBaseline', { chunkSize: options.baselineChunk }),
  );
  out.openCase = await step('openCase', `open ${options.openCaseSamples} cases after a fresh openReplica`, () =>
    call<OpenCaseResult>(page, 'openCases', { samples: options.openCaseSamples, seed: options.seed + 1 }),
  );
  out.search = await step('search', `${options.searchQueries} register searches`, () =>
    call<SearchResult>(page, 'search', { queries: options.searchQueries, seed: options.seed + 2 }),
  );
  await call(page, 'closeAll');
  return out;
}

interface ColdStart {
  readonly timesMs: number[];
  readonly rowsShown: number[];
  readonly newDatabases: string[];
  error?: string;
}

async function runColdStarts(userDataDir: string, appUrl: string, runs: number): Promise<ColdStart> {
  const result: ColdStart = { timesMs: [], rowsShown: [], newDatabases: [] };
  for (let i = 0; i < runs; i++) {
    // A fresh browser process on the same profile: the replica's data is on disk, nothing is warm
    // in the renderer. Launch time is not counted; navigation start → first row is.
    const context = await launch(userDataDir);
    try {
      const page = await firstPage(context);
      await page.addInitScript({ content: FIRST_ROW_PROBE });
      await page.goto(appUrl, { waitUntil: 'commit' });
      try {
        await page.waitForFunction(() => window.__courtdeskFirstRowAt !== undefined, undefined, { timeout: 30_000 });
      } catch {
        result.error = `no [data-testid="case-row"] within 30 s at ${appUrl}`;
        return result;
      }
      result.timesMs.push(await page.evaluate(() => window.__courtdeskFirstRowAt!));
      result.rowsShown.push(await page.locator('[data-testid="case-row"]').count());
      // The app must read the replica the bench filled, not a database of its own.
      const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
      for (const name of names) {
        if (name !== 'courtdesk' && name !== 'courtdesk-bench-baseline' && !result.newDatabases.includes(name)) result.newDatabases.push(name);
      }
    } finally {
      await context.close();
    }
  }
  return result;
}

function buildRows(options: BenchOptions, page: PageScenarios, cold: ColdStart | undefined): ScenarioRow[] {
  const scale = options.cases / 20_000;
  const casesText = options.cases.toLocaleString('en-US');
  const rows: ScenarioRow[] = [];

  rows.push({
    id: 'import',
    title: `load a ${casesText}-case court`,
    metric: 'total',
    valueMs: page.import?.ms ?? null,
    budgetMs: BUDGETS.importPer20k * scale,
    // The raw write of records already serialised: the IndexedDB floor our import is held to.
    baselineMs: page.baseline?.writeMs ?? null,
    details: {
      imported: page.import?.imported,
      skipped: page.import?.skipped,
      casesPerSecond: page.import ? Math.round(options.cases / (page.import.ms / 1000)) : undefined,
      baselineSerializeMs: page.baseline?.serializeMs,
      baselineRecords: page.baseline?.records,
      baselineChunk: options.baselineChunk,
      baselineError: page.errors.baseline,
      generateMs: page.generate?.ms,
    },
    ...(page.errors.import || page.errors.generate ? { error: page.errors.import ?? page.errors.generate } : {}),
  });

  const open = page.openCase;
  rows.push({
    id: 'openCase',
    title: 'open a case',
    metric: 'p95',
    valueMs: open ? percentile(open.replicaMs, 95) : null,
    budgetMs: BUDGETS.openCaseP95,
    baselineMs: open ? percentile(open.baselineMs, 95) : null,
    details: open
      ? {
          samples: open.ids.length,
          p50: percentile(open.replicaMs, 50),
          max: Math.max(...open.replicaMs),
          baselineP50: percentile(open.baselineMs, 50),
          openReplicaMs: open.openMs,
          failures: open.failures,
        }
      : {},
    ...(page.errors.openCase ? { error: page.errors.openCase } : open && open.failures.length > 0 ? { error: `${open.failures.length} loads failed: ${open.failures.slice(0, 3).join(', ')}` } : {}),
  });

  const search = page.search;
  let searchDetails: Record<string, unknown> = {};
  if (search) {
    const missed = search.queries.filter((_, i) => search.replicaTotals[i] === 0 && (search.baselineTotals[i] ?? 0) > 0).map((q) => q.text);
    searchDetails = {
      queries: search.queries.length,
      p50: percentile(search.replicaMs, 50),
      max: Math.max(...search.replicaMs),
      firstQueryMs: search.replicaMs[0],
      baselineP50: percentile(search.baselineMs, 50),
      queriesWithNoHit: search.replicaTotals.filter((t) => t === 0).length,
      // Found by a plain substring scan but not by the register: worth a look, not a failure.
      missedVsBaseline: missed.slice(0, 10),
      missedVsBaselineCount: missed.length,
      sampleQueries: search.queries.slice(0, 9).map((q) => `${q.kind}: ${q.text}`),
    };
  }
  rows.push({
    id: 'search',
    title: `search over ${casesText} cases`,
    metric: 'p95',
    valueMs: search ? percentile(search.replicaMs, 95) : null,
    budgetMs: BUDGETS.searchP95,
    baselineMs: search ? percentile(search.baselineMs, 95) : null,
    details: searchDetails,
    ...(page.errors.search ? { error: page.errors.search } : {}),
  });

  rows.push({
    id: 'coldStart',
    title: 'cold start to case list (web)',
    metric: 'p50',
    valueMs: cold && cold.timesMs.length > 0 && !cold.error ? percentile(cold.timesMs, 50) : null,
    budgetMs: BUDGETS.coldStartP50,
    baselineMs: null,
    details: cold ? { runsMs: cold.timesMs, rowsShown: cold.rowsShown, unexpectedDatabases: cold.newDatabases } : {},
    ...(cold?.error ? { error: cold.error } : cold ? {} : { error: 'not run (the import failed)' }),
  });
  return rows;
}

/** One decimal for display; integers stay integers. */
function round(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 10) / 10;
}

function printNotes(rows: readonly ScenarioRow[]): void {
  for (const row of rows) {
    if (row.error) console.log(`  ${row.title}: ERROR ${row.error}`);
    const shown = Object.entries(row.details)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' ? round(x) : x))}`);
    if (shown.length > 0) console.log(`  ${row.title}: ${shown.join(', ')}`);
  }
}

/** Runs the bench; resolves to the process exit code. */
export async function runBench(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    console.error(parsed.message);
    return 2;
  }
  const options = parsed.options;
  const started = Date.now();

  if (options.build) {
    log('building the app (out/web) and the bench page (out/bench)');
    if ((await run('npx', ['vite', 'build', '-c', 'vite.renderer.config.ts', '--logLevel', 'warn'])) !== 0) {
      console.error('Không build được giao diện — the renderer build failed');
      return 1;
    }
    if ((await run('npx', ['vite', 'build', '-c', 'bench/vite.bench.config.ts'])) !== 0) {
      console.error('Không build được trang đo — the bench page build failed');
      return 1;
    }
  }

  const server = await serveStatic({ root: OUT_WEB, port: 0, mounts: { '/bench/': OUT_BENCH } });
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'courtdesk-bench-'));
  let page: PageScenarios = { errors: {} };
  let cold: ColdStart | undefined;
  let sync: SyncScenarioResult = {};
  let editor: EditorScenarioResult | undefined;
  try {
    if (!options.syncOnly && !options.editorOnly) {
      const context = await launch(userDataDir);
      try {
        page = await runPageScenarios(await firstPage(context), `${server.url}bench/`, options);
      } finally {
        await context.close();
      }
      if (page.import) {
        log(`cold start of the app, ${options.coldStartRuns} runs`);
        cold = await runColdStarts(userDataDir, `${server.url}${options.appPath}`, options.coldStartRuns);
      }
    }
    // The editor scenarios in a fresh browser process, with a database of their own.
    if (!options.syncOnly) {
      const context = await launch(userDataDir);
      try {
        const editorPage = await firstPage(context);
        await editorPage.goto(`${server.url}bench/`);
        await editorPage.waitForFunction(() => window.courtdeskBench !== undefined, undefined, { timeout: 30_000 });
        editor = await runEditorScenarios(editorPage, (name, arg) => call(editorPage, name, arg), log);
      } finally {
        await context.close();
      }
    }
    // The catch-up scenarios last, in a fresh browser process, into a replica of their own.
    if (!options.editorOnly) {
      const context = await launch(userDataDir);
      try {
        const syncPage = await firstPage(context);
        await syncPage.goto(`${server.url}bench/`);
        await syncPage.waitForFunction(() => window.courtdeskBench !== undefined, undefined, { timeout: 30_000 });
        sync = await runCatchUpScenarios(syncPage, (name, arg) => call(syncPage, name, arg), options);
      } finally {
        await context.close();
      }
    }
  } catch (error) {
    console.error(`[bench] aborted: ${errorText(error)}`);
  } finally {
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }

  const rows = [
    ...(options.syncOnly || options.editorOnly ? [] : buildRows(options, page, cold)),
    ...(editor ? editorRows(editor) : []),
    ...(options.editorOnly ? [] : catchUpRows(options, sync)),
  ];
  console.log('');
  console.log(formatTable(rows));
  console.log('');
  printNotes(rows);

  const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..+$/, '');
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${stamp}.json`);
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, userAgent: page.userAgent },
    options,
    scenarios: rows,
    raw: { openCase: page.openCase, search: page.search, coldStart: cold, catchUp: sync, editor },
    elapsedMs: Date.now() - started,
  };
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n[bench] ${path.relative(ROOT, file)} written; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  return allPassed(rows) ? 0 : 1;
}
