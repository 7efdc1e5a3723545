/**
 * Reading the stored state of many docs for a backup (export) or a restore plan (inspect).
 *
 * `storedDocState` is one read-only IndexedDB transaction per doc. Awaited one after another, a
 * court's replica (80,000 docs) spends minutes waiting on round trips; read-only transactions
 * run concurrently, so a window of them is kept in flight instead. Results come back in `docIds`
 * order, whatever order the reads finish in, so the bundle's doc order stays deterministic.
 */
import type { Replica } from '../replica/types.js';

/** Reads in flight at once: enough to hide the round trip, few enough to bound the memory held. */
export const READ_WINDOW = 64;

/**
 * Calls `onState` for every doc id in order (`undefined` for a doc that is not stored), reading
 * up to `window` docs ahead. A read that fails rejects the whole call.
 *
 * @example await readStates(replica, ['case:c-1', 'doc:d-1'], (docId, state, index) => keep(docId, state))
 */
export async function readStates(
  replica: Pick<Replica, 'sync'>,
  docIds: readonly string[],
  onState: (docId: string, state: Uint8Array | undefined, index: number) => void,
  window = READ_WINDOW,
): Promise<void> {
  for (let start = 0; start < docIds.length; start += window) {
    const slice = docIds.slice(start, start + window);
    const states = await Promise.all(slice.map((docId) => replica.sync.storedDocState(docId)));
    // onState may throw (a size limit): nothing more is read after it.
    states.forEach((state, i) => onState(slice[i]!, state, start + i));
  }
}
