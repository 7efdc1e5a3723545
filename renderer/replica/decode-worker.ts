/**
 * The decode worker: decodes pulled case docs (case-doc-decoding.ts) off the main thread, which
 * is busy writing the previous chunk of the catch-up into IndexedDB meanwhile. Spoken to only by
 * decode-ahead.ts.
 */
import { decodeCaseDoc, type DecodedCaseDoc } from './case-doc-decoding.js';

/** A chunk's case docs: their updates one after the other in `bytes`, `ends[i]` closing doc i. */
export interface DecodeRequest {
  readonly id: number;
  readonly docIds: readonly string[];
  readonly ends: readonly number[];
  readonly bytes: ArrayBuffer;
}

export interface DecodeResponse {
  readonly id: number;
  /** In the order asked; null where the update did not decode on its own. */
  readonly decoded: readonly (DecodedCaseDoc | null)[];
}

/** The part of a worker's global scope used here (the renderer's types describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeResponse): void;
}

export function answer(request: DecodeRequest): DecodeResponse {
  const bytes = new Uint8Array(request.bytes);
  let start = 0;
  const decoded = request.docIds.map((docId, i) => {
    const end = request.ends[i]!;
    const result = decodeCaseDoc(docId, bytes.subarray(start, end));
    start = end;
    return result ?? null;
  });
  return { id: request.id, decoded };
}

// Only where this file is a worker's entry (a module importing `answer` has a window or no self).
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => scope.postMessage(answer(event.data));
}
