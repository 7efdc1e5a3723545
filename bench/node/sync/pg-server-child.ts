/**
 * A court server instance on PostgreSQL in its own process, for bench/node/sync-pg.bench.ts.
 * Same IPC as server-child.ts: argv `<dataDir> <pgUrl> [appendsPerCommit]`; → {kind:'listening', port};
 * ← {kind:'rss'} → {kind:'rss', rss, loadedDocs, connections}; ← {kind:'close'} → exits 0.
 */
import { createJsonLogger } from '../../../server/log.js';
import { startServer } from '../../../server/server.js';

const [dataDir, url, perCommit] = process.argv.slice(2);
const logger = createJsonLogger({ level: 'warn', write: (line) => void process.stderr.write(line) });
const server = await startServer({ dataDir: dataDir!, port: 0, logger, postgres: { url: url!, poolSize: 8, ...(perCommit === undefined ? {} : { maxAppendsPerCommit: Number(perCommit) }) } });
process.send?.({ kind: 'listening', port: server.port });
process.on('message', (message: { kind?: string }) => {
  if (message.kind === 'rss') process.send?.({ kind: 'rss', rss: process.memoryUsage().rss, loadedDocs: server.loadedDocCount(), connections: server.connectionCount() });
  if (message.kind === 'close') void server.close().then(() => process.exit(0));
});
