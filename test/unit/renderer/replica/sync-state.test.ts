/**
 * The replica's sync bookkeeping without a server: pending = never synced or edited since the
 * last ack; an ack clears a doc only when it covers the doc and no edit came after the push;
 * remote updates are persisted, projected and never marked pending; the v5 migration gives every
 * doc of an older replica a sync record (pending), so pending is the `dirty` index alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCase } from '../../../../shared/domain/case-doc.js';
import { updateCaseFields, upsertParty } from '../../../../shared/domain/case-mutations.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb } from '../../../../renderer/replica/schema.js';
import { covers, minStateVector } from '../../../../renderer/replica/sync-state.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb, makeCourtFile } from './fixtures.js';
import { writeOlderReplica } from './older-replica.js';

const opened: Replica[] = [];
afterEach(() => {
  for (const replica of opened.splice(0)) replica.close();
});

async function open(name?: string): Promise<Replica> {
  const replica = await openReplica(fakeIdb(name));
  opened.push(replica);
  return replica;
}

function sv(entries: [number, number][]): Uint8Array {
  return Y.encodeStateVector(new Map(entries));
}

describe('state vector helpers', () => {
  it('min keeps only clients both know, at the smaller clock; covers compares per client', () => {
    expect(Y.decodeStateVector(minStateVector(sv([[1, 5], [2, 3]]), sv([[1, 2], [3, 9]])))).toEqual(new Map([[1, 2]]));
    expect(covers(sv([[1, 5], [2, 3]]), sv([[1, 5]]))).toBe(true);
    expect(covers(sv([[1, 4]]), sv([[1, 5]]))).toBe(false);
    expect(covers(sv([[1, 4]]), sv([[2, 1]]))).toBe(false);
  });
});

describe('replica sync bookkeeping', () => {
  it('counts imported docs as pending, clears them on a covering ack, and re-flags on an edit', async () => {
    const replica = await open();
    const file = makeCourtFile({ seed: 4, cases: 3 });
    await replica.importCourtFile(file);
    const ids = file.cases.map((c) => c.id).sort();
    expect(await replica.sync.pendingCaseIds()).toEqual(ids);

    const items = await replica.sync.pushItems(ids);
    const acks = items.map((item) => ({ caseId: item.caseId, stateVector: Y.encodeStateVectorFromUpdate(item.update), seq: 1, localVersion: item.localVersion }));
    expect(await replica.sync.acknowledge(acks)).toEqual(ids);
    expect(await replica.sync.pendingCaseIds()).toEqual([]);

    const id = ids[0]!;
    expect((await replica.editCase(id, (doc, ctx) => updateCaseFields(doc, { notes: 'ghi chú' }, ctx))).ok).toBe(true);
    expect(await replica.sync.pendingCaseIds()).toEqual([id]);
    const [item] = await replica.sync.pushItems([id]);
    // The push is the diff against what the server acknowledged, not the whole doc.
    expect(item!.update.byteLength).toBeLessThan(items.find((i) => i.caseId === id)!.update.byteLength);

    // An edit between the push and its ack keeps the doc pending.
    expect((await replica.editCase(id, (doc, ctx) => updateCaseFields(doc, { notes: 'ghi chú 2' }, ctx))).ok).toBe(true);
    const state = (await replica.sync.docState(id))!;
    expect(await replica.sync.acknowledge([{ caseId: id, stateVector: Y.encodeStateVectorFromUpdate(state), seq: 2, localVersion: item!.localVersion }])).toEqual([]);
    expect(await replica.sync.pendingCaseIds()).toEqual([id]);
  });

  it('applies remote updates with rows and notifications, and never marks them pending', async () => {
    const a = await open();
    const b = await open();
    const file = makeCourtFile({ seed: 6, cases: 2 });
    await a.importCourtFile(file);
    await b.importCourtFile(file);
    const id = file.cases[0]!.id;
    const before = (await a.sync.docState(id))!;
    expect(
      (await a.editCase(id, (doc, ctx) => upsertParty(doc, { ...readCase(doc).parties[0]!, fullName: 'Trần Thị Mơ' }, ctx))).ok,
    ).toBe(true);
    const diff = Y.diffUpdate((await a.sync.docState(id))!, Y.encodeStateVectorFromUpdate(before));

    const changes: string[][] = [];
    b.subscribe((change) => changes.push([...change.caseIds]));
    const serverSV = Y.encodeStateVectorFromUpdate((await a.sync.docState(id))!);
    const report = await b.sync.applyRemote([{ caseId: id, update: diff, stateVector: serverSV, seq: 7 }]);
    expect(report.applied).toBe(true);
    expect(report.changedCaseIds).toEqual([id]);
    // A page that removes nothing is not weighed by the guard: the replica is not counted for it.
    expect(report.summary).toMatchObject({ casesBlanked: [], partiesRemoved: 0, caseTotal: 0, partyTotal: 0 });
    expect(changes).toEqual([[id]]);
    expect((await b.partiesOf(id)).map((p) => p.fullName)).toContain('Trần Thị Mơ');
    const loaded = await b.loadCase(id);
    expect(loaded.ok && loaded.value.parties.some((p) => p.fullName === 'Trần Thị Mơ')).toBe(true);
    // Same content as the server (identical imports): b's copy of this doc is fully synced.
    expect(await b.sync.pendingCaseIds()).toEqual([file.cases[1]!.id]);
  });

  it('lets the guard refuse a page: nothing is written', async () => {
    const a = await open();
    const b = await open();
    const file = makeCourtFile({ seed: 8, cases: 3 });
    await a.importCourtFile(file);
    await b.importCourtFile(file);
    const id = file.cases[0]!.id;
    const before = (await a.sync.docState(id))!;
    expect((await a.editCase(id, (doc) => (doc.getMap('parties').delete('p2'), { ok: true as const, value: true }))).ok).toBe(true);
    const diff = Y.diffUpdate((await a.sync.docState(id))!, Y.encodeStateVectorFromUpdate(before));
    const report = await b.sync.applyRemote([{ caseId: id, update: diff }], () => false);
    expect(report.applied).toBe(false);
    expect(report.summary.partiesRemoved).toBe(1);
    // A page that removes something is put in proportion: the replica's totals before it.
    expect(report.summary.caseTotal).toBe(3);
    expect(report.summary.partyTotal).toBe((await Promise.all(file.cases.map((c) => b.partiesOf(c.id)))).flat().length);
    expect((await b.partiesOf(id)).map((p) => p.partyId)).toContain('p2');
  });

  it('migrates a version-4 replica whose docs have no sync record: data intact, every doc pending', async () => {
    const name = fakeIdb().name;
    const file = makeCourtFile({ seed: 9, cases: 2 });
    // Before v5 an import wrote no sync record.
    await writeOlderReplica(name, 4, file);
    const replica = await open(name);
    expect((await replica.info()).caseCount).toBe(2);
    expect(await replica.sync.pendingCaseIds()).toEqual(file.cases.map((c) => c.id).sort());
    expect((await replica.editCase(file.cases[0]!.id, (doc, ctx) => updateCaseFields(doc, { notes: 'sau nâng cấp' }, ctx))).ok).toBe(true);
    expect(await replica.sync.pendingCaseIds()).toEqual(file.cases.map((c) => c.id).sort());
  });

  it('never overwrites a stored doc that lacks its sync record: the page is applied again, merged', async () => {
    const idb = fakeIdb();
    const a = await open();
    const b = await open(idb.name);
    const file = makeCourtFile({ seed: 11, cases: 1 });
    const id = file.cases[0]!.id;
    await a.importCourtFile(file);
    await b.importCourtFile(file);
    expect((await b.editCase(id, (doc, ctx) => updateCaseFields(doc, { notes: 'ghi chú của thư ký' }, ctx))).ok).toBe(true);
    expect((await a.editCase(id, (doc, ctx) => updateCaseFields(doc, { subject: 'Tranh chấp hợp đồng vay tài sản' }, ctx))).ok).toBe(true);
    // Break the invariant on purpose (as a bug or an old writer would): b's doc has no record.
    const raw = new CourtdeskDb(idb.name, fakeIdb(idb.name));
    await raw.open();
    await raw.syncState.delete(`case:${id}`);
    raw.close();
    const state = (await a.sync.docState(id))!;
    const report = await b.sync.applyRemote([{ caseId: id, update: state, stateVector: Y.encodeStateVectorFromUpdate(state), seq: 3 }]);
    expect(report.applied).toBe(true);
    const merged = await b.loadCase(id);
    expect(merged.ok && merged.value.notes).toBe('ghi chú của thư ký');
    expect(merged.ok && merged.value.subject).toBe('Tranh chấp hợp đồng vay tài sản');
    expect(await b.sync.pendingCaseIds()).toEqual([id]);
  });

  it('keeps a sync record for every stored doc, so pending is the dirty index alone', async () => {
    const a = await open();
    const file = makeCourtFile({ seed: 10, cases: 3 });
    await a.importCourtFile(file);
    const state = (await a.sync.docState(file.cases[0]!.id))!;
    // A doc that arrives without the server's state (a live room, a backup) is pending too.
    const other = await open();
    const report = await other.sync.applyRemote([{ caseId: file.cases[0]!.id, update: state }]);
    expect(report.applied).toBe(true);
    expect(await other.sync.pendingCaseIds()).toEqual([file.cases[0]!.id]);
    // Acknowledged with a state vector that covers it: no longer pending, record kept clean.
    const [item] = await a.sync.pushItems([file.cases[0]!.id]);
    expect(await a.sync.acknowledge([{ caseId: file.cases[0]!.id, stateVector: Y.encodeStateVectorFromUpdate(state), seq: 1, localVersion: item!.localVersion }])).toEqual([file.cases[0]!.id]);
    expect(await a.sync.pendingCaseIds()).toEqual(file.cases.slice(1).map((c) => c.id).sort());
  });
});
