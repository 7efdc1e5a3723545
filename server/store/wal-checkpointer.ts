/**
 * SQLite WAL checkpoints off the event loop.
 *
 * Why: with `journal_mode = WAL` and `synchronous = NORMAL` a commit only appends to the WAL
 * file, but every ~1,000 WAL pages SQLite's automatic checkpoint runs inside the committing call:
 * it copies the pages into the database file and fsyncs it, on the server's only JavaScript
 * thread. While the disk is busy (a nightly backup, another service writing) that fsync waits for
 * everyone's writeback, and every live room waits with it: with another process writing 1 GB
 * between fsyncs, the fan-out bench's p99 was 50 and 413 ms in two runs (event-loop stalls up to
 * 0.14 and 0.52 s), against 24, 60 and 204 ms in three runs with this (stalls up to 0.09, 0.15
 * and 0.28 s: the WAL writes themselves still wait for writeback; a writer thread would be the
 * next step). On a quiet disk both are ~8–11 ms (bench/README.md).
 * Here the live connection's automatic checkpoint is turned off and a
 * worker thread with its own connection runs a PASSIVE checkpoint every `intervalMs`; WAL lets it
 * copy pages while the event loop keeps committing, and the WAL restarts from its beginning once
 * a checkpoint has caught up.
 *
 * Safety: the automatic checkpoint comes back on the live connection whenever the worker cannot
 * start or stops on its own, so the WAL never grows without bound. Nothing here is needed for
 * durability: a commit is in the WAL either way.
 *
 * The worker is a string evaluated by Node, not a module file: it then runs the same under tsx,
 * vitest and plain Node, and it requires better-sqlite3 by the path this module resolved.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { errorFields, type Logger } from '../log.js';

/** SQLite's default `wal_autocheckpoint`, restored when the worker is gone. */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface WalCheckpointerOptions {
  /** How often the worker checkpoints (default 1,000 ms). */
  readonly intervalMs?: number;
  readonly logger: Logger;
}

export interface WalCheckpointer {
  /** Stops the worker (its last checkpoint finishes first) and gives the checkpoints back to `db`. */
  stop(): Promise<void>;
  /** Resolves once the worker's connection is open (tests, and logging that it runs). */
  readonly ready: Promise<boolean>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
parentPort.postMessage({ kind: 'ready' });
const checkpoint = () => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ kind: 'checkpoint', result });
};
const timer = setInterval(() => {
  try { checkpoint(); } catch (error) { parentPort.postMessage({ kind: 'failed', message: String(error && error.message || error) }); }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { db.close(); } finally { parentPort.close(); }
});
`;

/**
 * Starts checkpointing `file` (the database `db` has open) in a worker thread.
 *
 * @example
 *   const checkpointer = startWalCheckpointer(db, '/srv/court-data/courtdesk.sqlite', { logger });
 *   // … on close, before db.close():
 *   await checkpointer.stop();
 */
export function startWalCheckpointer(db: Database.Database, file: string, options: WalCheckpointerOptions): WalCheckpointer {
  const { logger } = options;
  const handBack = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  db.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 1000 },
    });
  } catch (error) {
    handBack();
    logger.error('store.checkpoint.workerFailed', errorFields(error));
    return { stop: async () => {}, ready: Promise.resolve(false) };
  }
  // The worker never keeps the process alive: SIGTERM's close stops it, and a process that ends
  // without closing leaves a WAL SQLite replays on the next open.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let resolveReady: (running: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (resolveReady = resolve));
  worker.on('message', (message: { kind: string; message?: string; result?: { busy: number; log: number; checkpointed: number } }) => {
    if (message.kind === 'ready') resolveReady(true);
    else if (message.kind === 'failed') logger.warn('store.checkpoint.failed', { error: message.message ?? 'unknown' });
    else if (message.kind === 'checkpoint' && message.result && message.result.log > 0) logger.debug('store.checkpoint', message.result);
  });
  worker.on('error', (error) => {
    logger.error('store.checkpoint.workerFailed', errorFields(error));
  });
  void exited.then(() => {
    resolveReady(false);
    if (!stopping) {
      logger.warn('store.checkpoint.workerStopped', {});
      handBack();
    }
  });
  return {
    ready,
    async stop() {
      if (stopping) return exited;
      stopping = true;
      // Held again while it stops: an unreferenced worker would let the process end (exit 0)
      // in the middle of a close that still has the database to close.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      handBack();
    },
  };
}
