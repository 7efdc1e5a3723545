/**
 * sparse-get.ts: one cursor instead of a get per key. It must answer exactly what `bulkGet`
 * answers (values in the order asked, undefined for a miss, duplicates and unsorted keys), and
 * it must keep the caller's transaction alive when it finds nothing (or is asked nothing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../renderer/replica/open.js';
import type { CourtdeskDb, SyncStateRecord } from '../../../../renderer/replica/schema.js';
import { getSparse, storedKeys } from '../../../../renderer/replica/sparse-get.js';
import { fakeIdb } from './fixtures.js';

const opened: CourtdeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function dbWith(docIds: readonly string[]): Promise<CourtdeskDb> {
  const db = await openDatabase(fakeIdb());
  opened.push(db);
  await db.syncState.bulkPut(docIds.map((docId, i): SyncStateRecord => ({ docId, localVersion: i })));
  return db;
}

describe('getSparse', () => {
  it('answers what bulkGet answers, in the order asked', async () => {
    const db = await dbWith(['case:b', 'doc:m', 'doc:z', 'case:a']);
    const asked = ['doc:z', 'case:0', 'case:a', 'doc:m', 'doc:zz', 'case:a', 'case:c'];
    expect(await getSparse(db.syncState, asked)).toEqual(await db.syncState.bulkGet(asked));
    expect((await getSparse(db.syncState, asked)).map((r) => r?.localVersion)).toEqual([2, undefined, 3, 1, undefined, 3, undefined]);
  });

  it('keeps the transaction alive when nothing is found or nothing is asked', async () => {
    const db = await dbWith(['doc:a']);
    const written = await db.transaction('rw', db.syncState, async () => {
      expect(await getSparse(db.syncState, [])).toEqual([]);
      expect(await getSparse(db.syncState, ['doc:x', 'doc:y'])).toEqual([undefined, undefined]);
      expect(await storedKeys(db.syncState, [])).toEqual(new Set());
      // A request after them: a lost transaction zone throws PrematureCommitError here.
      await db.syncState.put({ docId: 'doc:b', localVersion: 7 });
      return db.syncState.get('doc:b');
    });
    expect(written?.localVersion).toBe(7);
  });
});

describe('storedKeys', () => {
  it('answers the keys the table holds among those asked', async () => {
    const db = await dbWith(['doc:1', 'doc:3', 'doc:5']);
    expect(await storedKeys(db.syncState, ['doc:5', 'doc:2', 'doc:1', 'doc:9'])).toEqual(new Set(['doc:1', 'doc:5']));
  });
});
