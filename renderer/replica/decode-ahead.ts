/**
 * Decoding pulled case docs before their write transaction, off the main thread. A pulled case
 * doc new to the replica is decoded, read (`readCase`) and projected: a third of the main
 * thread's time in an initial replica (bench/README.md), and all of it independent of what is
 * stored. The catch-up hands each chunk to {@link CaseDocDecoder.decodeAhead} as it arrives,
 * which is while the previous chunk is being written; a worker (decode-worker.ts) decodes it on
 * another core, and remote-apply.ts takes the result ({@link CaseDocDecoder.take}) for each doc
 * that turns out to be new. Anything else (a doc the replica holds, a second update of the doc in
 * the page, an update that does not stand alone) is decoded in the transaction as before.
 *
 * Where there is no worker (Node, the unit tests) or it fails to start, the same decoding runs on
 * the main thread in slices between turns of the event loop: still ahead of the transaction.
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

export { REMOTE_ORIGIN, type DecodedCaseDoc } from './case-doc-decoding.js';

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

export class CaseDocDecoder {
  private readonly decoded = new WeakMap<Uint8Array, Decoding>();
  /** undefined: not started yet; null: none here, or it failed (decode on this thread). */
  private worker: DecodeWorkerLike | null | undefined;
  private readonly waiting = new Map<number, { resolve: (decoded: readonly (DecodedCaseDoc | null)[] | undefined) => void }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly createWorker: () => DecodeWorkerLike | undefined = createDecodeWorker) {}

  /**
   * Decodes the case docs among these pulled updates, for {@link take}. Never throws.
   *
   * All in the worker when there is one, none here: during an initial replica both cores are
   * busy (this thread, IndexedDB's writer in the browser process, the worker), and what keeps
   * the writer busy is this thread issuing the next writes at once. Sharing each chunk's
   * decoding with this thread measured slower (bench/README.md, initial replica).
   */
  async decodeAhead(items: readonly PulledItem[]): Promise<DecodeAheadReport> {
    const cases = items.filter((item) => caseIdOfDoc(item.docId) !== undefined && !this.decoded.has(item.update));
    if (cases.length === 0) return { inWorker: 0, inThread: 0 };
    const keep = (item: PulledItem, decoded: DecodedCaseDoc | null | undefined) => {
      if (decoded) this.decoded.set(item.update, { docId: item.docId, ...decoded });
    };
    const fromWorker = await this.inWorker(cases);
    if (fromWorker) {
      cases.forEach((item, i) => keep(item, fromWorker[i]));
      return { inWorker: cases.length, inThread: 0 };
    }
    for (let start = 0; start < cases.length; start += DOCS_PER_TURN) {
      if (start > 0) await yieldToEventLoop();
      for (const item of cases.slice(start, start + DOCS_PER_TURN)) keep(item, decodeCaseDoc(item.docId, item.update));
    }
    return { inWorker: 0, inThread: cases.length };
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

  /** Stops the worker (the replica is closing). */
  close(): void {
    this.stopWorker();
    this.worker = null;
  }

  /** The worker's answer, or undefined when there is no worker or it failed (decode here). */
  private inWorker(items: readonly PulledItem[]): Promise<readonly (DecodedCaseDoc | null)[] | undefined> {
    const worker = this.startWorker();
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
        this.failWorker();
      }
    });
  }

  private startWorker(): DecodeWorkerLike | undefined {
    if (this.worker === undefined) {
      try {
        this.worker = this.createWorker() ?? null;
      } catch {
        this.worker = null;
      }
      if (this.worker) {
        this.worker.onmessage = (event) => this.answered(event.data);
        // A worker that cannot load (its script missing, refused) or throws: decode here.
        this.worker.onerror = () => this.failWorker();
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
        if (this.waiting.size === 0) this.stopWorker();
      }, WORKER_IDLE_MS);
    }
  }

  private failWorker(): void {
    this.stopWorker();
    this.worker = null;
  }

  /** Terminates the worker; whatever it was still decoding is decoded on this thread instead. */
  private stopWorker(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.worker?.terminate();
    // Restarted on the next catch-up (unless it failed: then `worker` is set to null after).
    this.worker = undefined;
    for (const { resolve } of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }
}
