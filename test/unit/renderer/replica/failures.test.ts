/**
 * What the replica does when storage misbehaves: a full disk during an edit or an import, and
 * corrupt bytes in one case's doc. Errors are values with Vietnamese messages; what was stored
 * before is never lost or overwritten; other cases are unaffected.
 */
import { IDBKeyRange as FakeIDBKeyRange, IDBObjectStore as FakeObjectStore, indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { Dexie, liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { upsertHearing, upsertParty } from '../../../../shared/domain/case-mutations.js';
import { ReplicaReadError, ReplicaWriteError } from '../../../../renderer/replica/errors.js';
import { readCaseDetails } from '../../../../renderer/replica/projection.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb } from '../../../../renderer/replica/schema.js';
import type { HearingRow, Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb, makeCourtFile, tickingClock } from './fixtures.js';

const file = makeCourtFile({ seed: 11, cases: 20 });
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
  failingStores.clear();
});

async function openTest(idb: ReturnType<typeof fakeIdb>): Promise<Replica> {
  const replica = await openReplica({ ...idb, now: tickingClock() });
  opened.push(replica);
  return replica;
}

async function rawDb(idb: ReturnType<typeof fakeIdb>): Promise<CourtdeskDb> {
  const db = new CourtdeskDb(idb.name, idb);
  await db.open();
  opened.push(db);
  return db;
}

/** The test court imported into a fresh replica, closed again, and a raw connection to damage it with. */
async function importedThenClosed(): Promise<{ idb: ReturnType<typeof fakeIdb>; raw: CourtdeskDb }> {
  const idb = fakeIdb();
  const first = await openTest(idb);
  await first.importCourtFile(file);
  first.close();
  opened.pop();
  return { idb, raw: await rawDb(idb) };
}

/** Object stores whose writes fail as on a full disk. */
const failingStores = new Set<string>();
for (const method of ['add', 'put'] as const) {
  const original = FakeObjectStore.prototype[method];
  FakeObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (failingStores.has(this.name)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  } as typeof original;
}

describe('full disk', () => {
  it('returns the edit as an error, keeps the stored case and rolls the open doc back', async () => {
    const idb = fakeIdb();
    const replica = await openTest(idb);
    await replica.importCourtFile(file);
    const target = file.cases[4]!;
    const party = target.parties[0]!;
    expect((await replica.editCase(target.id, (doc, ctx) => upsertParty(doc, { ...party, fullName: 'Phan Văn Một' }, ctx))).ok).toBe(true);
    await replica.listCases({ query: 'mot' }, 'numberDesc', 0, 5);

    failingStores.add('docUpdates');
    const failed = await replica.editCase(target.id, (doc, ctx) => upsertParty(doc, { ...party, fullName: 'Phan Văn Hai' }, ctx));
    failingStores.clear();

    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error.code).toBe('replica.diskFull');
    expect(!failed.ok && failed.error.messageVi).toMatch(/^Không lưu được vì ổ đĩa đã đầy/);
    const loaded = await replica.loadCase(target.id);
    expect(loaded.ok && loaded.value.parties.find((p) => p.id === party.id)?.fullName).toBe('Phan Văn Một');
    expect((await replica.partiesOf(target.id)).find((p) => p.partyId === party.id)?.fullName).toBe('Phan Văn Một');
    expect((await replica.listCases({ query: 'phan van hai' }, 'numberDesc', 0, 5)).total).toBe(0);

    // The next edit, with space again, starts from the stored state.
    const retried = await replica.editCase(target.id, (doc, ctx) => upsertParty(doc, { ...party, fullName: 'Phan Văn Ba' }, ctx));
    expect(retried.ok).toBe(true);
    expect((await replica.listCases({ query: 'phan van ba' }, 'numberDesc', 0, 5)).rows.map((r) => r.id)).toEqual([target.id]);
  });

  it('rejects an import with a Vietnamese message and stores no half case', async () => {
    const idb = fakeIdb();
    const replica = await openTest(idb);
    failingStores.add('syncState');
    const error = await replica.importCourtFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    failingStores.clear();
    expect(error).toBeInstanceOf(ReplicaWriteError);
    expect((error as ReplicaWriteError).error.messageVi).toMatch(/^Không lưu được vì ổ đĩa đã đầy/);
    const raw = await rawDb(idb);
    expect(await raw.docSnapshots.count()).toBe(0);
    expect(await raw.cases.count()).toBe(0);
    expect(await replica.importCourtFile(file)).toEqual({ imported: 20, skipped: 0 });
  });
});

describe('corrupt doc', () => {
  it('gives an error for that case only, never an empty case, and never overwrites it', async () => {
    const { idb, raw } = await importedThenClosed();
    const [badUpdate, badSnapshot, good] = [file.cases[1]!, file.cases[2]!, file.cases[3]!];
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x07, 0x01, 0x02, 0x03]);
    await raw.docUpdates.add({ docId: `case:${badUpdate.id}`, update: garbage });
    await raw.docSnapshots.update(`case:${badSnapshot.id}`, { state: new Uint8Array([0x01, 0x02, 0x80]) });
    const before = { updates: await raw.docUpdates.toArray(), snapshots: await raw.docSnapshots.toArray() };

    const replica = await openTest(idb);
    for (const c of [badUpdate, badSnapshot]) {
      const loaded = await replica.loadCase(c.id);
      expect(loaded.ok, c.id).toBe(false);
      expect(!loaded.ok && loaded.error.code).toBe('replica.docCorrupt');
      expect(!loaded.ok && loaded.error.messageVi).toMatch(/bị hỏng/);
      const edited = await replica.editCase(c.id, (doc, ctx) =>
        upsertHearing(doc, { id: 'hx', startsAt: '2026-05-05T08:00' }, ctx),
      );
      expect(edited.ok).toBe(false);
    }
    const fine = await replica.loadCase(good.id);
    expect(fine.ok && fine.value.id).toBe(good.id);

    const report = await replica.rebuildProjection();
    expect([...report.failed].sort()).toEqual([badUpdate.id, badSnapshot.id].sort());
    expect(report.rebuilt).toBe(18);
    // Their rows stay, so the cases remain in the register; their stored bytes are untouched.
    expect((await replica.listCases({}, 'numberAsc', 0, 100)).total).toBe(20);
    expect((await replica.partiesOf(badUpdate.id)).length).toBe(badUpdate.parties.length);
    expect(await raw.docUpdates.toArray()).toEqual(before.updates);
    expect(await raw.docSnapshots.toArray()).toEqual(before.snapshots);
  });
});

describe('damaged case record', () => {
  it('answers a case whose stored details cannot be read from its doc, and rewrites the record', async () => {
    const { idb, raw } = await importedThenClosed();
    const target = file.cases.find((c) => c.parties.length > 0 && c.hearings.length > 0)!;
    await raw.cases.update(target.id, { details: '{"parties": [' });

    const replica = await openTest(idb);
    expect((await replica.partiesOf(target.id)).map((p) => p.partyId).sort()).toEqual(target.parties.map((p) => p.id).sort());
    expect((await replica.documentsOf(target.id)).length).toBe(target.documents.length);
    const day = target.hearings[0]!.startsAt.slice(0, 10);
    expect((await replica.hearingsBetween(day, day)).some((h) => h.caseId === target.id)).toBe(true);
    // The record is written again from the doc after the read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readCaseDetails(await raw.cases.get(target.id))?.parties.length).toBe(target.parties.length);
  });

  it('is a Vietnamese error, not an empty list, when the case doc cannot be read either', async () => {
    const { idb, raw } = await importedThenClosed();
    const target = file.cases.find((c) => c.parties.length > 0)!;
    await raw.cases.update(target.id, { details: 'not json' });
    await raw.docSnapshots.update(`case:${target.id}`, { state: new Uint8Array([0x01, 0x02, 0x80]) });

    const replica = await openTest(idb);
    const failure = await replica.partiesOf(target.id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ReplicaReadError);
    expect((failure as ReplicaReadError).error.code).toBe('replica.docCorrupt');
    expect((failure as ReplicaReadError).message).toMatch(/bị hỏng/);
  });
});

describe('reacting to changes', () => {
  it('lets liveQuery over hearingsBetween see an edit, and subscribe hear it', async () => {
    // liveQuery runs only where Dexie found a global IndexedDB (a browser); give it fake-indexeddb.
    Dexie.dependencies.indexedDB = fakeIndexedDB;
    Dexie.dependencies.IDBKeyRange = FakeIDBKeyRange;
    const replica = await openTest(fakeIdb());
    await replica.importCourtFile(file);
    const changes: string[] = [];
    replica.subscribe((change) => changes.push(...change.caseIds));
    const seen: (readonly HearingRow[])[] = [];
    const subscription = liveQuery(() => replica.hearingsBetween('2026-07-01', '2026-07-31')).subscribe((rows) => seen.push(rows));
    try {
      await waitFor(() => seen.length >= 1);
      expect(seen[0]).toEqual([]);
      const target = file.cases[0]!;
      await replica.editCase(target.id, (doc, ctx) => upsertHearing(doc, { id: 'h7', startsAt: '2026-07-07T08:00' }, ctx));
      await waitFor(() => seen.length >= 2);
      expect(seen.at(-1)!.map((h) => h.key)).toEqual([`${target.id}/h7`]);
      expect(changes).toEqual([target.id]);
    } finally {
      subscription.unsubscribe();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
