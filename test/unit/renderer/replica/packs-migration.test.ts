// Migration 4 (the `packs` table): a replica written by the previous layout opens with its docs
// intact and gains the table, empty.
import { afterEach, describe, expect, it } from 'vitest';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb, MIGRATIONS, SCHEMA_VERSION } from '../../../../renderer/replica/schema.js';
import { fakeIdb, makeCourtFile } from './fixtures.js';
import { writeOlderReplica } from './older-replica.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

describe('migration 4: packs', () => {
  it('adds an empty packs table to a version-3 replica and keeps its cases', async () => {
    const idb = fakeIdb();
    const packsIndex = MIGRATIONS.findIndex((m) => 'packs' in m.stores);
    expect(packsIndex).toBe(3);
    await writeOlderReplica(idb.name, packsIndex, makeCourtFile({ seed: 9, cases: 6 }));

    const current = await openReplica(idb);
    opened.push(current);
    expect((await current.info()).caseCount).toBe(6);

    const raw = new CourtdeskDb(idb.name, idb);
    await raw.open();
    opened.push(raw);
    expect(raw.verno).toBe(SCHEMA_VERSION);
    expect(await raw.packs.count()).toBe(0);
    expect([...raw.backendDB().transaction('packs').objectStore('packs').indexNames]).toEqual(['kind']);
  });
});
