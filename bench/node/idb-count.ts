/**
 * What counting the cases costs in Chromium's IndexedDB (renderer/replica/case-count.ts). Fills
 * a throwaway profile with a 20,000-case court through the bench page (the app's own import),
 * then, each in a freshly started browser on that profile, runs reads in a given order and
 * reports each one's time: the store's `count()`, an index's `count()`, all primary keys, and the
 * register's first page (50 rows from the `numberSortKey` index).
 *
 * Session 11 on the 2-core VM (two fills): `count()` 580–993 ms first in a fresh browser,
 * 324–530 ms after another read; an index's count 534–1,574 ms; all keys 1,009–1,247 ms; the
 * register's first page 17–75 ms. A count is a walk of the store, whatever is counted: so the app
 * keeps its last count instead (case-count.ts).
 *
 * Run after a bench build (`npm run bench` builds out/web and out/bench):
 * `node --import tsx bench/node/idb-count.ts` (about 2 minutes).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ORDERS = ['count,icount,page', 'icount,page,count', 'page,icount,count', 'count,count', 'keys,count'];

/** Runs in the page (a string: the reads are plain IndexedDB, no bundler in between). */
const READS = `async (order) => {
  const done = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await done(indexedDB.open('courtdesk'));
  const lines = [];
  for (const step of order) {
    const start = performance.now();
    const store = db.transaction('cases', 'readonly').objectStore('cases');
    let value;
    if (step === 'count') value = await done(store.count());
    if (step === 'icount') value = await done(store.index('numberSortKey').count());
    if (step === 'keys') value = (await done(store.getAllKeys())).length;
    if (step === 'page') value = await new Promise((resolve) => {
      let rows = 0;
      const cursor = store.index('numberSortKey').openCursor(null, 'prev');
      cursor.onsuccess = () => { if (!cursor.result || rows >= 50) return resolve(rows); rows += 1; cursor.result.continue(); };
    });
    lines.push(step + ' (' + value + ') ' + (performance.now() - start).toFixed(0) + ' ms');
  }
  db.close();
  return lines.join(', ');
}`;

const server = await serveStatic({ root: path.join(ROOT, 'out', 'web'), port: 0, mounts: { '/bench/': path.join(ROOT, 'out', 'bench') } });
const profile = await mkdtemp(path.join(tmpdir(), 'courtdesk-idb-count-'));
const launch = () => chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions });
try {
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}bench/`);
  await page.waitForFunction(() => 'courtdeskBench' in window, undefined, { timeout: 30_000 });
  const call = (name: string, arg?: unknown) => page.evaluate(`window.courtdeskBench[${JSON.stringify(name)}](${JSON.stringify(arg ?? null)})`);
  await call('reset');
  await call('generate', { cases: 20_000, seed: 20251128, today: '2025-11-28' });
  console.log('imported:', JSON.stringify(await call('importReplica')));
  await call('closeAll');
  await context.close();
  for (const order of ORDERS) {
    const fresh = await launch();
    const reader = fresh.pages()[0] ?? (await fresh.newPage());
    // The origin's page, without the app: nothing else reads the database meanwhile.
    await reader.goto(`${server.url}bench/index.html`, { waitUntil: 'commit' });
    console.log(`${order.padEnd(18)} ${String(await reader.evaluate(`(${READS})(${JSON.stringify(order.split(','))})`))}`);
    await fresh.close();
  }
} finally {
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
