/**
 * The court sync server, assembled: store, token signer, doc registry, HTTP API and the
 * y-websocket endpoint on one port. `startServer` is what the CLI, `npm start` and the tests use.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createTokenSigner, loadOrCreateSecret } from './auth/tokens.js';
import { DocRegistry } from './docs/doc-registry.js';
import { createRequestHandler } from './http/routes.js';
import { DEFAULT_MAX_PACK_BYTES } from './http/packs.js';
import { loadPackKeys, PACK_KEYS_DIR_NAME } from './packs/trusted-keys.js';
import { createJsonLogger, errorFields, type Logger } from './log.js';
import { openStoreBackend, type PostgresOptions } from './cluster/backend.js';
import type { ServerStore } from './store/store.js';
import { handleConnection } from './ws/connection.js';
import { createUpgradeHandler } from './ws/upgrade.js';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Folder of the SQLite file and the token secret. */
  dataDir: string;
  /** Folder court IT fills with the app's update feed (default `<dataDir>/updates`), served at /updates/. */
  updatesDir?: string;
  /** Court IT public keys packs must be signed with (`--pack-keys FILE`), besides `<dataDir>/pack-keys/*.pub`. */
  packKeysFile?: string;
  logger?: Logger;
  /** Unload a doc this long after its last client leaves (default 30 s; the budget is ≤ 60 s). */
  idleUnloadMs?: number;
  /** Largest WebSocket frame (default 8 MiB); a bigger frame closes that connection with 1009. */
  maxPayload?: number;
  /** Largest batch request body (default 64 MiB). */
  maxBatchBytes?: number;
  /** Another store implementation (PostgreSQL later, failure injection in tests). */
  store?: ServerStore;
  /** PostgreSQL instead of SQLite; several instances on one database act as one (server/cluster). */
  postgres?: PostgresOptions;
  /** Compact a doc once it has this many pending updates (default 200). */
  compactAfter?: number;
  pingIntervalMs?: number;
}

export interface RunningServer {
  /** `http://HOST:PORT`; the sync endpoint is `ws://HOST:PORT/sync`. */
  readonly url: string;
  readonly port: number;
  /** Docs in memory right now. */
  loadedDocCount(): number;
  connectionCount(): number;
  /** Observes every HTTP request as it arrives (monitoring; the bench counts the sockets that carry them). */
  onRequest(listener: (request: http.IncomingMessage) => void): () => void;
  /** Closes every connection (1001), flushes and compacts every doc, closes the store. */
  close(): Promise<void>;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 1234,
  dataDir: './court-data',
  idleUnloadMs: 30_000,
  maxPayload: 8 * 1024 * 1024,
  maxBatchBytes: 64 * 1024 * 1024,
  pingIntervalMs: 30_000,
} as const;

/**
 * @example
 *   const server = await startServer({ dataDir: './court-data', port: 0 });
 *   console.log(server.url); // http://127.0.0.1:PORT
 *   await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? createJsonLogger();
  const host = options.host ?? DEFAULTS.host;
  const maxPayload = options.maxPayload ?? DEFAULTS.maxPayload;
  const backend = await openStoreBackend({ ...options, logger });
  const store = backend.store;
  const tokens = createTokenSigner(loadOrCreateSecret(options.dataDir));
  const registry = new DocRegistry({
    store,
    logger,
    idleUnloadMs: options.idleUnloadMs ?? DEFAULTS.idleUnloadMs,
    ...(options.compactAfter === undefined ? {} : { compactAfter: options.compactAfter }),
  });
  const cluster = await backend.attach(registry, logger);
  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
  wss.on('error', (error) => logger.error('ws.server.error', errorFields(error)));

  const httpServer = http.createServer(
    createRequestHandler({
      users: store,
      tokens,
      logger,
      maxBodyBytes: options.maxBatchBytes ?? DEFAULTS.maxBatchBytes,
      batch: { registry, store, logger, maxUpdateBytes: maxPayload, maxPageBytes: maxPayload },
      stats: () => ({ loadedDocs: registry.loadedDocCount(), connections: wss.clients.size }),
      updatesDir: options.updatesDir ?? path.join(options.dataDir, 'updates'),
      packs: {
        store,
        maxPackBytes: DEFAULT_MAX_PACK_BYTES,
        trustedKeys: () => loadPackKeys({ dir: path.join(options.dataDir, PACK_KEYS_DIR_NAME), ...(options.packKeysFile ? { file: options.packKeysFile } : {}) }),
      },
      keys: { store },
    }),
  );
  // A catch-up keeps one connection busy with pauses while the app stores a page; Node's default
  // 5 s keep-alive closed it in such a pause, and the next request raced the close ("fetch
  // failed") or opened another socket (the budget is ≤ 2 for a whole initial replica).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  httpServer.on(
    'upgrade',
    createUpgradeHandler({
      wss,
      tokens,
      logger,
      onAccepted: (ws, room, claims) =>
        handleConnection(ws, room, claims, {
          registry,
          logger,
          pingIntervalMs: options.pingIntervalMs ?? DEFAULTS.pingIntervalMs,
          maxBufferedBytes: 4 * maxPayload,
        }),
    }),
  );
  httpServer.on('clientError', (error, socket) => {
    logger.warn('http.clientError', errorFields(error));
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? DEFAULTS.port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await cluster.close();
    await store.close();
    throw error;
  });
  httpServer.on('error', (error) => logger.error('http.server.error', errorFields(error)));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info('server.listening', { url, sync: `${url.replace(/^http/, 'ws')}/sync`, dataDir: options.dataDir, store: backend.kind, ...(backend.instanceId ? { instance: backend.instanceId } : {}) });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    loadedDocCount: () => registry.loadedDocCount(),
    connectionCount: () => wss.clients.size,
    onRequest(listener) {
      httpServer.on('request', listener);
      return () => httpServer.off('request', listener);
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await registry.close();
        await closedOrTimeout(wss, 1000);
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        httpServer.closeAllConnections();
        await stopped;
        await cluster.close();
        await store.close();
        logger.info('server.closed', { url });
      })();
      return closing;
    },
  };
}

/** Waits for the sockets to finish their close handshake (so clients see 1001), at most `ms`. */
function closedOrTimeout(wss: WebSocketServer, ms: number): Promise<void> {
  const open = [...wss.clients].filter((ws) => ws.readyState !== ws.CLOSED);
  if (open.length === 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    let left = open.length;
    for (const ws of open) {
      ws.once('close', () => {
        if (--left === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
}
