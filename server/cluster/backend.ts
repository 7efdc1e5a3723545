/**
 * Which store a server runs on, and what comes with it: SQLite in the data folder (the default,
 * one court on one machine), or PostgreSQL shared by several instances, with the LISTEN/NOTIFY
 * fan-out that makes them behave as one (pg-fanout.ts). `startServer` asks this module for the
 * store, then attaches the fan-out to its registry once the registry exists.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { DocRegistry } from '../docs/doc-registry.js';
import type { Logger } from '../log.js';
import { openPgStore } from '../store/pg-store.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { ServerStore } from '../store/store.js';
import { startPgFanout } from './pg-fanout.js';

export interface PostgresOptions {
  /** `postgres://USER:PASS@HOST:PORT/DB`. */
  readonly url: string;
  /** Pooled connections of this instance (default 10). */
  readonly poolSize?: number;
  /** This instance's id in notifications (default: host name, pid and a random suffix). */
  readonly instanceId?: string;
  /** Appends of a court stored per commit (group commit, default 500; 1 = one commit per update). */
  readonly maxAppendsPerCommit?: number;
}

export interface StoreBackend {
  readonly store: ServerStore;
  /** `sqlite` or `postgres`, for the start log line. */
  readonly kind: 'sqlite' | 'postgres' | 'custom';
  readonly instanceId?: string;
  /** Starts what the store needs beside the registry (the fan-out); `close` before the store closes. */
  attach(registry: DocRegistry, logger: Logger): Promise<{ close(): Promise<void> }>;
}

const NOTHING_ATTACHED = { close: async () => {} };

/**
 * @example
 *   const backend = await openStoreBackend({ dataDir, postgres: { url } });
 *   const registry = new DocRegistry({ store: backend.store, … });
 *   const attached = await backend.attach(registry, logger);
 */
export async function openStoreBackend(options: { dataDir: string; store?: ServerStore; postgres?: PostgresOptions; logger?: Logger }): Promise<StoreBackend> {
  if (options.store !== undefined) return { store: options.store, kind: 'custom', attach: async () => NOTHING_ATTACHED };
  const postgres = options.postgres;
  if (postgres === undefined) {
    // A live server checkpoints SQLite's WAL off its event loop (store/wal-checkpointer.ts).
    const store = openSqliteStore(options.dataDir, options.logger === undefined ? {} : { backgroundCheckpoints: { logger: options.logger } });
    return { store, kind: 'sqlite', attach: async () => NOTHING_ATTACHED };
  }
  const instanceId = postgres.instanceId ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const store = await openPgStore({
    connectionString: postgres.url,
    instanceId,
    ...(postgres.poolSize === undefined ? {} : { poolSize: postgres.poolSize }),
    ...(postgres.maxAppendsPerCommit === undefined ? {} : { maxAppendsPerCommit: postgres.maxAppendsPerCommit }),
  });
  return {
    store,
    kind: 'postgres',
    instanceId,
    async attach(registry, logger) {
      try {
        return await startPgFanout({ connectionString: postgres.url, instanceId, registry, store, logger });
      } catch (error) {
        await store.close();
        throw error;
      }
    },
  };
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}
