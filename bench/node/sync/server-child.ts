/**
 * The server under test of the sync benches, in its OWN process so its RSS is its own. Started
 * with `fork` (tsx loader); answers on the IPC channel:
 *
 *   argv: courtdesk <dataDir> <idleUnloadMs> | bare
 *   → { kind: 'listening', port }            once the server listens
 *   ← { kind: 'rss' }  → { kind: 'rss', rss, loadedDocs?, connections?, loopDelayP99Ms, loopDelayMaxMs }
 *   ← { kind: 'close' } → closes and exits 0
 *
 * The event-loop delay is measured since the previous `rss` request: how long the server's only
 * JavaScript thread was kept from its queue (a synchronous fsync shows up here).
 *
 * `courtdesk` is the real server (startServer, SQLite in dataDir, logger at warn so logging is
 * not what we time). `bare` is the fan-out baseline: a plain `ws` server that forwards every
 * binary frame to the other sockets of the same URL path, with no auth, no Yjs, no store.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createJsonLogger } from '../../../server/log.js';
import { startServer } from '../../../server/server.js';

type Reply =
  | { kind: 'listening'; port: number }
  | { kind: 'rss'; rss: number; loadedDocs?: number; connections?: number; loopDelayP99Ms: number; loopDelayMaxMs: number };

const send = (reply: Reply) => process.send?.(reply);

async function courtdesk(dataDir: string, idleUnloadMs: number): Promise<{ stats: () => Partial<Reply>; close: () => Promise<void> }> {
  // Warnings and errors still reach stderr: a failing server must not look like a fast one.
  const logger = createJsonLogger({ level: 'warn', write: (line) => void process.stderr.write(line) });
  const server = await startServer({ dataDir, port: 0, logger, idleUnloadMs });
  send({ kind: 'listening', port: server.port });
  return { stats: () => ({ loadedDocs: server.loadedDocCount(), connections: server.connectionCount() }), close: () => server.close() };
}

async function bare(): Promise<{ stats: () => Partial<Reply>; close: () => Promise<void> }> {
  const rooms = new Map<string, Set<WebSocket>>();
  const httpServer = http.createServer();
  const wss = new WebSocketServer({ server: httpServer, perMessageDeflate: false });
  wss.on('connection', (ws, request) => {
    const room = (request.url ?? '/').split('?')[0]!;
    let peers = rooms.get(room);
    if (!peers) rooms.set(room, (peers = new Set()));
    peers.add(ws);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return;
      for (const peer of peers) if (peer !== ws) peer.send(data as Buffer);
    });
    ws.on('close', () => peers.delete(ws));
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  send({ kind: 'listening', port: (httpServer.address() as AddressInfo).port });
  return {
    stats: () => ({ connections: wss.clients.size }),
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

const [mode, dataDir, idle] = process.argv.slice(2);
const running = mode === 'bare' ? await bare() : await courtdesk(dataDir!, Number(idle ?? 30_000));
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
process.on('message', (message: { kind?: string }) => {
  if (message.kind === 'rss') {
    const delay = { loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6 };
    loopDelay.reset();
    send({ kind: 'rss', rss: process.memoryUsage().rss, ...running.stats(), ...delay } as Reply);
  }
  if (message.kind === 'close') void running.close().then(() => process.exit(0));
});
