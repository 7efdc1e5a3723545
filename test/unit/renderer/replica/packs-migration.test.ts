// Migration 4 (the `packs` table): a replica written by the previous layout opens with its docs
// intact and gains the table, empty.
import { afterEach, describe, expect, it } from 'vitest';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb, MIGRATIONS, SCHEMA_VERSION } from '../../../../renderer/replica/schema.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb, makeCourtFile } from './fixtures.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

describe('migration 4: packs', () => {
  it('adds an empty packs table to a version-3 replica and keeps its cases', async () => {
    const idb = fakeIdb();
    const packsIndex = MIGRATIONS.findIndex((m) => 'packs' in m.stores);
    expect(packsIndex).toBe(3);
    const older: Replica = await openReplica({ ...idb, migrations: MIGRATIONS.slice(0, packsIndex) });
    const file = makeCourtFile({ seed: 9, cases: 6 });
    await older.importCourtFile(file);
    older.close();

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
