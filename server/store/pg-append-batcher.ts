/**
 * Group commit of the PostgreSQL appends of one court (pg-store.ts).
 *
 * Every append bumps its court's seq row, which stays locked until commit, so a court's appends
 * commit one after the other: one court could store only ~1 / commit time updates per second
 * (~300/s with fsync on the bench machine), and a second instance made it worse, because its
 * commits queued behind the first one's on the same row. Here an instance keeps at most ONE
 * append statement in flight per court; what arrives meanwhile waits, and the next statement
 * stores all of it at once: each doc's waiting updates merged into one (in the order its live copy
 * emitted them), every doc of the batch in one statement with consecutive seqs. The commit cost
 * is paid once per batch instead of once per update.
 *
 * What stays true:
 * - seqs still commit in order (still one statement holding the court row), so "changed since"
 *   never skips a doc;
 * - a doc's stored history stays a prefix of what its live copy emitted: once an append of a doc
 *   fails, every append of that doc still waiting fails too (until none is left waiting), as the
 *   per-doc queue did before;
 * - each caller learns the seq its update got (the merged row's seq) only after the commit.
 */
import * as Y from 'yjs';
import { groupBy } from '../../shared/collections/group-by.js';
import { StoreError, type AppendResult } from './store.js';

/** One row of an append statement: a doc and the update to store for it (merged if several). */
export interface AppendRow {
  readonly docKey: string;
  readonly update: Uint8Array;
}

/** Stores the rows in one statement; answers each doc's seq and pending count. */
export type WriteBatch = (court: string, rows: readonly AppendRow[]) => Promise<ReadonlyMap<string, AppendResult>>;

export interface BatchLimits {
  /** Updates per statement (default 500). */
  readonly maxUpdates?: number;
  /** Bytes per statement (default 8 MiB; a bigger single update still goes, alone). */
  readonly maxBytes?: number;
}

interface Waiting {
  readonly docKey: string;
  readonly update: Uint8Array;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface DocState {
  /** Appends of this doc not yet settled. */
  outstanding: number;
  /** An append of this doc failed: the ones still outstanding must not be stored. */
  failed: boolean;
}

export class PgAppendBatcher {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly draining = new Map<string, Promise<void>>();
  private readonly docs = new Map<string, DocState>();
  private readonly maxUpdates: number;
  private readonly maxBytes: number;

  constructor(
    private readonly write: WriteBatch,
    private readonly toError: (error: unknown) => StoreError,
    limits: BatchLimits = {},
  ) {
    this.maxUpdates = limits.maxUpdates ?? 500;
    this.maxBytes = limits.maxBytes ?? 8 * 2 ** 20;
  }

  append(court: string, docKey: string, update: Uint8Array): Promise<AppendResult> {
    const key = docId(court, docKey);
    let state = this.docs.get(key);
    if (state === undefined) {
      state = { outstanding: 0, failed: false };
      this.docs.set(key, state);
    }
    state.outstanding++;
    const result = new Promise<AppendResult>((resolve, reject) => {
      let queue = this.waiting.get(court);
      if (queue === undefined) {
        queue = [];
        this.waiting.set(court, queue);
      }
      queue.push({ docKey, update, resolve, reject });
    });
    if (!this.draining.has(court)) this.draining.set(court, this.drain(court));
    return result;
  }

  /** Resolves once nothing is waiting or in flight. */
  async settled(): Promise<void> {
    while (this.draining.size > 0) await Promise.allSettled([...this.draining.values()]);
  }

  private async drain(court: string): Promise<void> {
    // Starts on the next microtask, so appends made in the same tick share the first statement.
    await Promise.resolve();
    for (;;) {
      const queue = this.waiting.get(court);
      if (queue === undefined || queue.length === 0) {
        // In the same tick as the check: an append after this starts a new drain.
        this.waiting.delete(court);
        this.draining.delete(court);
        return;
      }
      let bytes = 0;
      let count = 0;
      while (count < queue.length && count < this.maxUpdates && (count === 0 || bytes + queue[count]!.update.byteLength <= this.maxBytes)) {
        bytes += queue[count]!.update.byteLength;
        count++;
      }
      await this.flush(court, queue.splice(0, count));
    }
  }

  private async flush(court: string, taken: readonly Waiting[]): Promise<void> {
    const byDoc = groupBy(taken, (item) => item.docKey);
    const rows: AppendRow[] = [];
    const stored: [string, Waiting[]][] = [];
    for (const [docKey, items] of byDoc) {
      if (this.docs.get(docId(court, docKey))?.failed === true) {
        this.fail(court, docKey, items, new StoreError('store.unavailable', `An earlier update of ${court}/${docKey} was not stored`));
        continue;
      }
      let update: Uint8Array;
      try {
        update = items.length === 1 ? items[0]!.update : Y.mergeUpdates(items.map((i) => i.update));
      } catch (error) {
        this.fail(court, docKey, items, new StoreError('store.unavailable', `Updates of ${court}/${docKey} cannot be merged`, { cause: error }));
        continue;
      }
      rows.push({ docKey, update });
      stored.push([docKey, items]);
    }
    if (rows.length === 0) return;
    let results: ReadonlyMap<string, AppendResult>;
    try {
      results = await this.write(court, rows);
    } catch (error) {
      const failure = this.toError(error);
      for (const [docKey, items] of stored) this.fail(court, docKey, items, failure);
      return;
    }
    for (const [docKey, items] of stored) {
      const result = results.get(docKey);
      if (result === undefined) {
        this.fail(court, docKey, items, new StoreError('store.unavailable', 'Court sequence did not advance'));
        continue;
      }
      for (const item of items) {
        this.settle(court, docKey);
        item.resolve(result);
      }
    }
  }

  private fail(court: string, docKey: string, items: readonly Waiting[], error: StoreError): void {
    const state = this.docs.get(docId(court, docKey));
    if (state !== undefined) state.failed = true;
    for (const item of items) {
      this.settle(court, docKey);
      item.reject(error);
    }
  }

  /** One append of the doc settled; a doc with none left starts afresh (its client re-sends). */
  private settle(court: string, docKey: string): void {
    const key = docId(court, docKey);
    const state = this.docs.get(key);
    if (state !== undefined && --state.outstanding === 0) this.docs.delete(key);
  }
}

function docId(court: string, docKey: string): string {
  return `${court}\u0000${docKey}`;
}
