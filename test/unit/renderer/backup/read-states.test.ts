/** Reading many stored docs for a backup: a bounded window per read, results in the given order. */
import { describe, expect, it } from 'vitest';
import type { Replica } from '../../../../renderer/replica/types.js';
import { readStates } from '../../../../renderer/backup/read-states.js';

/** A replica that reads many docs at once, counting the docs read and the largest read. */
function slowReplica() {
  const stats = { inFlight: 0, maxInFlight: 0, reads: 0, largest: 0 };
  const sync = {
    storedDocStates: async (docIds: readonly string[]) => {
      stats.reads += docIds.length;
      stats.largest = Math.max(stats.largest, docIds.length);
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      stats.inFlight--;
      return docIds.map((docId) => (docId === 'doc:missing' ? undefined : new TextEncoder().encode(docId)));
    },
  } as unknown as Replica['sync'];
  return { replica: { sync }, stats };
}

describe('readStates', () => {
  it('hands every state over in the given order, reading one window of docs at a time', async () => {
    const { replica, stats } = slowReplica();
    const ids = [...Array.from({ length: 23 }, (_, i) => `case:c-${i}`), 'doc:missing', 'doc:d-1'];
    const seen: [string, string | undefined, number][] = [];
    await readStates(replica, ids, (docId, state, index) => seen.push([docId, state && new TextDecoder().decode(state), index]), 8);
    expect(seen.map(([docId]) => docId)).toEqual(ids);
    expect(seen.every(([docId, state, index]) => (docId === 'doc:missing' ? state === undefined : state === docId) && ids[index] === docId)).toBe(true);
    expect(stats.largest).toBe(8);
    expect(stats.maxInFlight).toBe(1);
  });

  it('stops reading when the callback throws (a size limit), and rejects with its error', async () => {
    const { replica, stats } = slowReplica();
    const ids = Array.from({ length: 40 }, (_, i) => `doc:d-${i}`);
    const tooLarge = new Error('too large');
    await expect(
      readStates(replica, ids, (_docId, _state, index) => {
        if (index === 5) throw tooLarge;
      }, 10),
    ).rejects.toBe(tooLarge);
    expect(stats.reads).toBe(10);
  });
});
