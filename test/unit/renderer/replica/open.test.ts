/**
 * Opening the replica: older layouts are migrated with their data intact, a newer app's data is
 * refused with a Vietnamese message and left untouched, a missing IndexedDB and a blocked upgrade
 * are reported as values, and a stale projection is rebuilt from the docs.
 */
import { indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCaseDoc } from '../../../../shared/domain/case-doc.js';
import { ReplicaOpenError } from '../../../../renderer/replica/errors.js';
import { caseDetailsOf, caseDocId, caseRecord, projectCase, PROJECTION_VERSION } from '../../../../renderer/replica/projection.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb, MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../../../renderer/replica/schema.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb, makeCourtFile } from './fixtures.js';
import { writeOlderReplica } from './older-replica.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

async function openTracked(options: Parameters<typeof openReplica>[0]): Promise<Replica> {
  const replica = await openReplica(options);
  opened.push(replica);
  return replica;
}

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

/** A hypothetical next version of the app: one more migration. */
const NEXT: Migration = {
  why: 'test: a later app adds an index and a table',
  stores: { cases: 'id, numberSortKey, type, status, judgeId, acceptanceDate, nextHearingAt, updatedAt, courtId', drafts: 'id' },
  upgrade: async (tx) => {
    await tx.table('meta').put({ key: 'upgradedBy', value: 'next' });
  },
};

/**
 * The version-1 layout written with raw IndexedDB, as version 1 of the app stored it (fixture
 * per schema version, after tldraw). Never change it when the schema moves on: add a new one.
 */
async function writeVersion1Fixture(name: string): Promise<{ caseId: string; partyName: string }> {
  const c = makeCourtFile({ seed: 3, cases: 1 }).cases[0]!;
  const rows = projectCase(c);
  const state = Y.encodeStateAsUpdate(createCaseDoc(c));
  await new Promise<void>((resolve, reject) => {
    const request = fakeIndexedDB.open(name, 10);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('docSnapshots', { keyPath: 'docId' });
      db.createObjectStore('docUpdates', { keyPath: 'seq', autoIncrement: true }).createIndex('docId', 'docId');
      const cases = db.createObjectStore('cases', { keyPath: 'id' });
      for (const index of ['numberSortKey', 'type', 'status', 'judgeId', 'acceptanceDate', 'nextHearingAt', 'updatedAt']) {
        cases.createIndex(index, index);
      }
      const parties = db.createObjectStore('parties', { keyPath: 'key' });
      parties.createIndex('caseId', 'caseId');
      parties.createIndex('foldedName', 'foldedName');
      const hearings = db.createObjectStore('hearings', { keyPath: 'key' });
      hearings.createIndex('caseId', 'caseId');
      hearings.createIndex('day', 'day');
      hearings.createIndex('[judgeId+day]', ['judgeId', 'day']);
      db.createObjectStore('documents', { keyPath: 'key' }).createIndex('caseId', 'caseId');
      db.createObjectStore('meta', { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['docSnapshots', 'cases', 'parties', 'hearings', 'documents', 'meta'], 'readwrite');
      tx.objectStore('docSnapshots').put({ docId: caseDocId(c.id), state, updateCount: 0, updatedAt: '2026-01-01T00:00:00Z' });
      tx.objectStore('cases').put(rows.caseRow);
      for (const row of rows.partyRows) tx.objectStore('parties').put(row);
      for (const row of rows.hearingRows) tx.objectStore('hearings').put(row);
      for (const row of rows.documentRows) tx.objectStore('documents').put(row);
      tx.objectStore('meta').put({ key: 'projectionVersion', value: 1 });
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
  return { caseId: c.id, partyName: c.parties[0]!.fullName };
}

describe('migrations', () => {
  it('lists migrations in order; the version is the list length', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.every((m) => m.why.length > 0)).toBe(true);
  });

  it('opens a version-1 replica with the current app, data intact', async () => {
    const idb = fakeIdb();
    const { caseId, partyName } = await writeVersion1Fixture(idb.name);
    const replica = await openTracked(idb);
    const loaded = await replica.loadCase(caseId);
    expect(loaded.ok && loaded.value.parties.map((p) => p.fullName)).toContain(partyName);
    expect((await replica.partiesOf(caseId)).map((p) => p.fullName)).toContain(partyName);
    expect((await replica.info()).caseCount).toBe(1);
    replica.close();

    // Version 2 dropped parties.foldedName, version 8 keyed parties by case, version 10 put a
    // case's rows in one details record, version 11 into the case's own record: the upgraded
    // database keeps no table of the old layout, and the rows were rebuilt into the new one.
    const raw = new CourtdeskDb(idb.name, idb);
    await raw.open();
    opened.push(raw);
    expect(raw.verno).toBe(SCHEMA_VERSION);
    expect([...raw.backendDB().objectStoreNames]).not.toContain('parties');
    expect([...raw.backendDB().objectStoreNames]).not.toContain('caseDetails');
    const cases = raw.backendDB().transaction('cases').objectStore('cases');
    expect(cases.keyPath).toBe('id');
    expect([...cases.indexNames].sort()).toEqual(['hearingDays', 'judgeDays', 'nextHearingAt', 'numberSortKey', 'updatedAt']);
    expect(caseDetailsOf(await raw.cases.get(caseId)).parties.map((p) => p.fullName)).toContain(partyName);
  });

  it('migrates the current layout to a later one, keeping docs and rows', async () => {
    const idb = fakeIdb();
    const file = makeCourtFile({ seed: 4, cases: 12 });
    const current = await openReplica(idb);
    await current.importCourtFile(file);
    current.close();

    const later = await openTracked({ ...idb, migrations: [...MIGRATIONS, NEXT] });
    expect((await later.info()).caseCount).toBe(12);
    for (const c of file.cases) {
      const loaded = await later.loadCase(c.id);
      expect(loaded.ok && loaded.value.acceptanceNumber).toBe(c.acceptanceNumber);
    }
    const raw = new CourtdeskDb(idb.name, { ...idb, migrations: [...MIGRATIONS, NEXT] });
    await raw.open();
    opened.push(raw);
    expect(raw.verno).toBe(MIGRATIONS.length + 1);
    expect(await raw.meta.get('upgradedBy' as never)).toEqual({ key: 'upgradedBy', value: 'next' });
  });
});

describe('migrations 8 and 10: a case\'s rows in one record', () => {
  it('re-keys a version-6 replica\'s rows by case, rebuilt from the docs', async () => {
    const idb = fakeIdb();
    const file = makeCourtFile({ seed: 12, cases: 8 });
    await writeOlderReplica(idb.name, 6, file);
    const replica = await openTracked(idb);
    for (const c of file.cases) {
      expect(await replica.partiesOf(c.id)).toEqual(projectCase(c).partyRows);
      expect(await replica.documentsOf(c.id)).toEqual(projectCase(c).documentRows);
    }
    for (const day of [...new Set(file.cases.flatMap((c) => c.hearings.map((h) => h.startsAt.slice(0, 10))))]) {
      const expected = file.cases.flatMap((c) => projectCase(c).hearingRows).filter((h) => h.day === day);
      expect(new Set((await replica.hearingsBetween(day, day)).map((h) => h.key))).toEqual(new Set(expected.map((h) => h.key)));
    }
    const raw = new CourtdeskDb(idb.name, idb);
    await raw.open();
    opened.push(raw);
    const withRows = file.cases.filter((c) => c.parties.length + c.hearings.length + c.documents.length > 0);
    const withDetails = (await raw.cases.toArray()).filter((record) => record.details !== undefined).map((record) => record.id);
    expect(withDetails.sort()).toEqual(withRows.map((c) => c.id).sort());
    expect((await raw.meta.get('projectionVersion'))?.value).toBe(PROJECTION_VERSION);
  });
});

describe('refusals', () => {
  it('refuses data from a newer app with a Vietnamese message and deletes nothing', async () => {
    const idb = fakeIdb();
    const newer = await openReplica({ ...idb, migrations: [...MIGRATIONS, NEXT] });
    await newer.importCourtFile(makeCourtFile({ seed: 5, cases: 5 }));
    newer.close();

    const error = await rejection(openReplica(idb));
    expect(error).toBeInstanceOf(ReplicaOpenError);
    expect((error as ReplicaOpenError).code).toBe('versionTooNew');
    expect((error as ReplicaOpenError).messageVi).toMatch(/^Dữ liệu trên máy được tạo bởi phiên bản Courtdesk mới hơn/);

    // Still all there, and still the newer layout (the older app did not patch it).
    const again = await openTracked({ ...idb, migrations: [...MIGRATIONS, NEXT] });
    expect((await again.info()).caseCount).toBe(5);
    const raw = new CourtdeskDb(idb.name, { ...idb, migrations: [...MIGRATIONS, NEXT] });
    await raw.open();
    opened.push(raw);
    expect(raw.backendDB().version).toBe((MIGRATIONS.length + 1) * 10);
    expect([...raw.backendDB().objectStoreNames]).toContain('drafts');
  });

  it('reports a missing IndexedDB as unavailable', async () => {
    expect(typeof globalThis.indexedDB).toBe('undefined');
    const error = await rejection(openReplica({ name: 'no-idb' }));
    expect(error).toBeInstanceOf(ReplicaOpenError);
    expect((error as ReplicaOpenError).code).toBe('unavailable');
    expect((error as ReplicaOpenError).messageVi).toMatch(/Không mở được kho dữ liệu/);
  });

  it('reports an upgrade blocked by an old connection that will not close', async () => {
    const idb = fakeIdb();
    (await openReplica(idb)).close();
    // An older window that ignores versionchange (Dexie would close itself; raw IDB does not).
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = fakeIndexedDB.open(idb.name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    opened.push(holder);
    const error = await rejection(openReplica({ ...idb, migrations: [...MIGRATIONS, NEXT] }));
    expect((error as ReplicaOpenError).code).toBe('blocked');
    expect((error as ReplicaOpenError).messageVi).toMatch(/đang mở ở một cửa sổ/);
  });
});

describe('projection version', () => {
  it('rebuilds rows left by another projection version from the docs, docs untouched', async () => {
    const idb = fakeIdb();
    const file = makeCourtFile({ seed: 6, cases: 15 });
    (await openReplica(idb)).close();
    const first = await openReplica(idb);
    await first.importCourtFile(file);
    first.close();

    // Simulate rows written by an older projection: wrong summaries, a missing party, an orphan.
    const raw = new CourtdeskDb(idb.name, idb);
    await raw.open();
    const snapshotsBefore = await raw.docSnapshots.toArray();
    await raw.cases.toCollection().modify({ partySummary: 'cũ' });
    const first0 = (await raw.cases.get(file.cases[0]!.id))!;
    const details0 = caseDetailsOf(first0);
    await raw.cases.put({ ...first0, details: JSON.stringify({ ...details0, parties: details0.parties.filter((p) => p.partyId !== 'p1') }) });
    await raw.cases.put({ ...(await raw.cases.get(file.cases[1]!.id))!, id: 'orphan' });
    await raw.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION - 1 });
    raw.close();

    const progress: number[] = [];
    const replica = await openTracked({ ...idb, onRebuildProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBe(15);
    const check = new CourtdeskDb(idb.name, idb);
    await check.open();
    opened.push(check);
    expect(await check.cases.toArray()).toEqual(file.cases.map((c) => caseRecord(projectCase(c))));
    expect((await check.cases.toArray()).flatMap((record) => caseDetailsOf(record).parties)).toEqual(file.cases.flatMap((c) => projectCase(c).partyRows));
    expect(await check.docSnapshots.toArray()).toEqual(snapshotsBefore);
    expect((await check.meta.get('projectionVersion'))?.value).toBe(PROJECTION_VERSION);
    expect((await replica.listCases({}, 'numberAsc', 0, 100)).total).toBe(15);
  });
});
