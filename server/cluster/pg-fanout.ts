/**
 * Cross-instance fan-out through PostgreSQL LISTEN/NOTIFY: several sync-server instances on one
 * database behave as one, so a clerk on instance 1 and a judge on instance 2 editing the same
 * document see each other live.
 *
 * Every append NOTIFYs `courtdesk_updates` in its own transaction (pg-store.ts), with
 * `{s: seq, c: court, k: docKey, i: instance, u: base64 update | null}`. PostgreSQL delivers
 * notifications only after commit and in commit order, and the court's seqs commit in order, so
 * one listening connection sees every stored update of every instance, in seq order.
 *
 * For each notification from ANOTHER instance about a doc this instance holds in memory (loaded
 * or loading), in order per doc:
 * - seq ≤ the doc's cursor (the seq through which it is known complete): already in, skip;
 * - small update carried in the notification: apply it, cursor = seq;
 * - otherwise (update too big for a notification, or a gap after a lost connection): read from
 *   the store what the doc lacks since its cursor (`loadDocSince`) and apply that.
 * Updates are applied with the registry's non-storing origin (`applyStored`): peers get them,
 * the store does not get them twice.
 *
 * When the listening connection drops (database restart, network), notifications sent meanwhile
 * are lost: it reconnects with backoff, LISTENs again, then re-reads every loaded doc since its
 * cursor. A doc loaded while we were deaf read the store itself, so it is complete too.
 */
import pg from 'pg';
import type { DocRegistry, RegistryObserver } from '../docs/doc-registry.js';
import type { LiveDoc } from '../docs/live-doc.js';
import { errorFields, type Logger } from '../log.js';
import { UPDATES_CHANNEL } from '../store/pg-schema.js';
import type { PgStore } from '../store/pg-store.js';

export interface PgFanoutOptions {
  readonly connectionString: string;
  /** This instance's id, as given to the store: its own notifications are ignored. */
  readonly instanceId: string;
  readonly registry: DocRegistry;
  readonly store: PgStore;
  readonly logger: Logger;
  /** First reconnect delay (doubles up to 5 s). */
  readonly reconnectMs?: number;
}

export interface PgFanout {
  /** Whether the LISTEN connection is up (for health output and tests). */
  listening(): boolean;
  close(): Promise<void>;
}

interface Notice {
  readonly s: number;
  readonly c: string;
  readonly k: string;
  readonly i: string;
  readonly u: string | null;
}

interface DocCursor {
  /** Every update of the doc up to this seq is in the live copy. */
  cursor: number;
  /** A read from the store failed: catch up from the store before trusting notifications again. */
  stale: boolean;
}

/**
 * @example
 *   const fanout = await startPgFanout({ connectionString, instanceId, registry, store, logger });
 *   // … on shutdown, before the store closes:
 *   await fanout.close();
 */
export async function startPgFanout(options: PgFanoutOptions): Promise<PgFanout> {
  const { registry, store, logger } = options;
  const cursors = new Map<LiveDoc, DocCursor>();
  /** Per-room chain, so one doc's notifications are handled one after the other, in order. */
  const chains = new Map<string, Promise<void>>();
  let client: pg.Client | undefined;
  let up = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = options.reconnectMs ?? 250;

  const observer: RegistryObserver = {
    docLoaded: (live, storedSeq) => void cursors.set(live, { cursor: storedSeq, stale: false }),
    docUnloaded: (live) => void cursors.delete(live),
  };
  registry.observe(observer);

  const enqueue = (room: string, work: () => Promise<void>): void => {
    const next = (chains.get(room) ?? Promise.resolve()).then(work).catch((error: unknown) => logger.error('cluster.apply.failed', { room, ...errorFields(error) }));
    chains.set(room, next);
    void next.finally(() => {
      if (chains.get(room) === next) chains.delete(room);
    });
  };

  /** Reads what `live` lacks since its cursor from the store and applies it. */
  const catchUp = async (live: LiveDoc, state: DocCursor): Promise<void> => {
    try {
      const since = await store.loadDocSince(live.room.courtId, live.docKey, state.cursor);
      if (!registry.isLoaded(live)) return;
      if (since?.update) registry.applyStored(live, since.update, since.seq);
      state.cursor = Math.max(state.cursor, since?.seq ?? 0);
      state.stale = false;
    } catch (error) {
      state.stale = true;
      throw error;
    }
  };

  const handle = (notice: Notice): void => {
    if (notice.i === options.instanceId) return;
    const room = `court/${notice.c}/${notice.k}`;
    const entry = registry.peek(room);
    if (entry === undefined) return; // not in memory here: the store has it for whoever loads it
    enqueue(room, async () => {
      const live = await entry.catch(() => undefined);
      const state = live === undefined ? undefined : cursors.get(live);
      if (live === undefined || state === undefined || !registry.isLoaded(live)) return;
      if (notice.s <= state.cursor) return;
      if (notice.u !== null && !state.stale) {
        registry.applyStored(live, Buffer.from(notice.u, 'base64'), notice.s);
        state.cursor = notice.s;
        return;
      }
      await catchUp(live, state);
    });
  };

  /** After a gap in the notifications: every doc in memory re-reads what it may have missed. */
  const resyncAll = (): void => {
    for (const [live, state] of cursors) {
      if (!registry.isLoaded(live)) continue;
      enqueue(live.roomName, () => catchUp(live, state));
    }
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.connectionString, keepAlive: true, application_name: 'courtdesk-fanout' });
    next.on('notification', (message) => {
      if (message.channel !== UPDATES_CHANNEL || message.payload === undefined) return;
      try {
        handle(JSON.parse(message.payload) as Notice);
      } catch (error) {
        logger.error('cluster.notice.invalid', errorFields(error));
      }
    });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = undefined;
      up = false;
      void next.end().catch(() => {});
      if (closed) return;
      logger.warn('cluster.listen.lost', error === undefined ? {} : errorFields(error));
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${UPDATES_CHANNEL}`);
    } catch (error) {
      lost(error);
      throw error;
    }
    up = true;
    delay = options.reconnectMs ?? 250;
    logger.info('cluster.listening', { instance: options.instanceId });
  };

  const scheduleReconnect = (): void => {
    if (closed || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().then(resyncAll, () => undefined);
    }, delay);
    retryTimer.unref();
    delay = Math.min(delay * 2, 5000);
  };

  try {
    await connect();
  } catch (error) {
    closed = true;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    throw error;
  }
  return {
    listening: () => up,
    async close() {
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      up = false;
      await current?.end().catch(() => {});
      await Promise.allSettled([...chains.values()]);
    },
  };
}
