/**
 * Decoding pulled case docs before their write transaction, off the main thread. A pulled case
 * doc new to the replica is decoded, read (`readCase`) and projected: a third of the main
 * thread's time in an initial replica (bench/README.md), and all of it independent of what is
 * stored. The catch-up hands each chunk to {@link CaseDocDecoder.decodeAhead} as it arrives,
 * which is while the previous chunk is being written; workers (decode-worker.ts) decode it off
 * the main thread, and remote-apply.ts takes the result ({@link CaseDocDecoder.take}) for each doc
 * that turns out to be new. Anything else (a doc the replica holds, a second update of the doc in
 * the page, an update that does not stand alone) is decoded in the transaction as before.
 *
 * Where there are no workers (Node, the unit tests) or one fails to start, the same decoding (of
 * that worker's share) runs on the main thread in slices between turns of the event loop: still ahead of the transaction.
 *
 * Decodings are held in a WeakMap keyed by the very update bytes: one is only ever used for the
 * same bytes of the same doc, and one never taken (the chunk failed, the doc was stored after
 * all) goes with those bytes; nothing leaks.
 */
import { decodeCaseDoc, type DecodedCaseDoc } from './case-doc-decoding.js';
import type { DecodeRequest, DecodeResponse } from './decode-worker.js';
import { caseIdOfDoc } from './projection.js';
import type { DecodeAheadReport } from './types.js';
import { yieldToEventLoop } from './yield.js';


/** The part of a Worker the decoder uses (a fake in tests). */
export interface DecodeWorkerLike {
  onmessage: ((event: MessageEvent<DecodeResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: DecodeRequest, transfer: Transferable[]): void;
  terminate(): void;
}

interface Decoding extends DecodedCaseDoc {
  readonly docId: string;
}

type PulledItem = { readonly docId: string; readonly update: Uint8Array };

/** Docs decoded on the main thread between two turns of the event loop (~15 ms). */
const DOCS_PER_TURN = 25;
/** An idle worker is stopped after this long: catch-ups are occasional, its heap is not free. */
const WORKER_IDLE_MS = 30_000;

/** The app's worker, bundled by Vite from decode-worker.ts; undefined where there are no workers. */
export function createDecodeWorker(): DecodeWorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'courtdesk-decode' });
}

/**
 * Workers a chunk's case docs are shared between. While the main thread stores a chunk of case
 * docs it waits for the next chunk's decoding most of the time (decoding 500 case docs takes
 * longer than storing them), with a core free: two workers halve that wait.
 */
const DECODE_WORKERS = 2;

export class CaseDocDecoder {
  private readonly decoded = new WeakMap<Uint8Array, Decoding>();
  private readonly channels: WorkerChannel[];

  constructor(createWorker: () => DecodeWorkerLike | undefined = createDecodeWorker, workers = DECODE_WORKERS) {
    this.channels = Array.from({ length: workers }, () => new WorkerChannel(createWorker));
  }

  /**
   * Decodes the case docs among these pulled updates, for {@link take}. Never throws.
   *
   * In the workers when there are, none here: during an initial replica what keeps IndexedDB's
   * writer busy is this thread issuing the next writes at once (sharing each chunk's decoding
   * with this thread measured slower: bench/README.md, initial replica).
   */
  async decodeAhead(items: readonly PulledItem[]): Promise<DecodeAheadReport> {
    const cases = items.filter((item) => caseIdOfDoc(item.docId) !== undefined && !this.decoded.has(item.update));
    if (cases.length === 0) return { inWorker: 0, inThread: 0 };
    const keep = (item: PulledItem, decoded: DecodedCaseDoc | null | undefined) => {
      if (decoded) this.decoded.set(item.update, { docId: item.docId, ...decoded });
    };
    const size = Math.ceil(cases.length / this.channels.length);
    const parts = this.channels.map((_, i) => cases.slice(i * size, (i + 1) * size)).filter((part) => part.length > 0);
    const answers = await Promise.all(parts.map((part, i) => this.channels[i]!.decode(part)));
    let inWorker = 0;
    const left: PulledItem[] = [];
    parts.forEach((part, i) => {
      const answer = answers[i];
      if (answer) {
        part.forEach((item, j) => keep(item, answer[j]));
        inWorker += part.length;
      } else {
        left.push(...part);
      }
    });
    // No worker here, or one failed: its share is decoded on this thread, a slice per turn.
    for (let start = 0; start < left.length; start += DOCS_PER_TURN) {
      if (start > 0) await yieldToEventLoop();
      for (const item of left.slice(start, start + DOCS_PER_TURN)) keep(item, decodeCaseDoc(item.docId, item.update));
    }
    return { inWorker, inThread: left.length };
  }

  /**
   * The decoding of this update of this doc, once (it is forgotten as it is taken). Undefined when
   * there is none, or when the update did not decode on its own.
   */
  take(docId: string, update: Uint8Array): DecodedCaseDoc | undefined {
    const decoded = this.decoded.get(update);
    if (decoded === undefined) return undefined;
    this.decoded.delete(update);
    return decoded.docId === docId ? decoded : undefined;
  }

  /** Stops the workers (the replica is closing). */
  close(): void {
    for (const channel of this.channels) channel.close();
  }
}

/** One decode worker: started on first use, stopped when idle, given up on when it fails. */
class WorkerChannel {
  /** undefined: not started yet; null: none here, or it failed (decode on the main thread). */
  private worker: DecodeWorkerLike | null | undefined;
  private readonly waiting = new Map<number, { resolve: (decoded: readonly (DecodedCaseDoc | null)[] | undefined) => void }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly createWorker: () => DecodeWorkerLike | undefined) {}

  /** The worker's answer, or undefined when there is no worker or it failed (decode here). */
  decode(items: readonly PulledItem[]): Promise<readonly (DecodedCaseDoc | null)[] | undefined> {
    const worker = this.start();
    if (!worker) return Promise.resolve(undefined);
    // The updates are views into the received answer: copied into one buffer that is handed
    // over (transferred, not cloned), a few hundred KB per chunk.
    const ends: number[] = [];
    let length = 0;
    for (const item of items) ends.push((length += item.update.byteLength));
    const bytes = new Uint8Array(length);
    items.forEach((item, i) => bytes.set(item.update, ends[i]! - item.update.byteLength));
    const id = this.nextId++;
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve });
      try {
        worker.postMessage({ id, docIds: items.map((item) => item.docId), ends, bytes: bytes.buffer }, [bytes.buffer]);
      } catch {
        this.fail();
      }
    });
  }

  close(): void {
    this.stop();
    this.worker = null;
  }

  private start(): DecodeWorkerLike | undefined {
    if (this.worker === undefined) {
      try {
        this.worker = this.createWorker() ?? null;
      } catch {
        this.worker = null;
      }
      if (this.worker) {
        this.worker.onmessage = (event) => this.answered(event.data);
        // A worker that cannot load (its script missing, refused) or throws: decode here.
        this.worker.onerror = () => this.fail();
      }
    }
    return this.worker ?? undefined;
  }

  private answered(response: DecodeResponse): void {
    const waiting = this.waiting.get(response.id);
    this.waiting.delete(response.id);
    waiting?.resolve(response.decoded);
    if (this.waiting.size === 0 && this.worker) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = undefined;
        if (this.waiting.size === 0) this.stop();
      }, WORKER_IDLE_MS);
    }
  }

  private fail(): void {
    this.stop();
    this.worker = null;
  }

  /** Terminates the worker; whatever it was still decoding is decoded on the main thread instead. */
  private stop(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.worker?.terminate();
    // Restarted on the next catch-up (unless it failed: then `worker` is set to null after).
    this.worker = undefined;
    for (const { resolve } of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }
}
