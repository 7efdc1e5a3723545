import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/server.js';
import { COURT, login, provider, seedUser, start, synced, tempDataDir, waitFor } from './helpers.js';

/**
 * A short soak: rounds of many docs opened, edited and left. Every round must end with nothing
 * loaded and the heap back near where it was (the y-websocket server's leak, anchors.md #11).
 * The long soak (T9: 2,000 connections, 500 docs) belongs in bench/.
 */
const ROUNDS = 6;

/**
 * A real garbage collection before each heap reading: without one, heapUsed swings by ~10 MB
 * with the collector's timing and says nothing about leaks. `--expose-gc` can be switched on at
 * run time and the function fetched from a fresh context (vitest workers are not started with it).
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}
const DOCS_PER_ROUND = 40;
let server: RunningServer | undefined;
afterEach(async () => server?.close());

describe('memory under churn', () => {
  it('unloads every doc after each round and the heap stays flat', async () => {
    const dataDir = tempDataDir();
    await seedUser(dataDir);
    server = await start(dataDir, { idleUnloadMs: 20 });
    const token = await login(server);
    const heaps: number[] = [];
    // Each stock WebsocketProvider adds a process 'exit' listener (client side, not the server).
    process.setMaxListeners(DOCS_PER_ROUND + 20);
    for (let round = 0; round < ROUNDS; round++) {
      const clients = Array.from({ length: DOCS_PER_ROUND }, (_, i) => provider(server!, `court/${COURT}/doc/d-${round}-${i}`, token));
      await Promise.all(clients.map((c) => synced(c.provider)));
      for (const c of clients) c.doc.getText('body').insert(0, 'nội dung phiên tòa '.repeat(200));
      await waitFor(() => server!.loadedDocCount() === DOCS_PER_ROUND, 'all loaded');
      for (const c of clients) c.provider.destroy();
      await waitFor(() => server!.loadedDocCount() === 0 && server!.connectionCount() === 0, `round ${round} unloaded`, 10_000);
      collectGarbage();
      heaps.push(process.memoryUsage().heapUsed);
    }
    // Growth from the second round on (the first warms up caches and JIT) stays under 1 MB a
    // round; a leak of the docs alone would be ~40 × 4 KB of text plus Y.Doc overhead per round.
    const growthPerRound = ((heaps.at(-1) as number) - (heaps[1] as number)) / (ROUNDS - 2);
    expect(growthPerRound, `heaps ${heaps.map((h) => Math.round(h / 1e6)).join(', ')} MB`).toBeLessThan(1_000_000);
  });
});
