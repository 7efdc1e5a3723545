/**
 * Reading the stored state of many docs for a backup (export) or a restore plan (inspect).
 *
 * One read per doc, awaited one after another, made a court's replica (80,000 docs) spend minutes
 * on round trips, and a doc still in its pack (replica/body-packs.ts: ~20 docs to a ~256 KB
 * record) loaded its whole pack for a ~13 KB slice. So docs are read a window at a time in one
 * read (`storedDocStates`): each pack the window touches is loaded once. Results come back in
 * `docIds` order, so the bundle's doc order stays deterministic.
 */
import type { Replica } from '../replica/types.js';

/** Docs per read: enough to share packs and hide the round trip, few enough to bound the memory held. */
export const READ_WINDOW = 256;

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
    const states = await replica.sync.storedDocStates(slice);
    // onState may throw (a size limit): nothing more is read after it.
    states.forEach((state, i) => onState(slice[i]!, state, start + i));
  }
}
