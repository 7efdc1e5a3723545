/**
 * Client sync against the real court server: two replicas edit the same case offline, reconnect
 * and converge; a restarted server keeps everything; the same court imported on two machines
 * (and on the server) de-duplicates instead of losing the edits made inside a party's map.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertParty, updateCaseFields } from '../../../shared/domain/case-mutations.js';
import { createCaseDocFromImport, readCase } from '../../../shared/domain/case-doc.js';
import type { Case, CourtFile } from '../../../shared/domain/schemas.js';
import type { Replica } from '../../../renderer/replica/types.js';
import type { RunningServer } from '../../../server/server.js';
import { makeCourtFile } from '../../unit/renderer/replica/fixtures.js';
import { serverBackend, type StoreKind } from '../pg/helpers.js';
import { usePgCluster } from '../pg/pg-harness.js';
import { COURT, openTestReplica, sessionFor, syncOk } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function courtFile(cases = 5): CourtFile {
  const file = makeCourtFile({ seed: 11, cases });
  return { ...file, court: { ...file.court, id: COURT }, cases: file.cases.map((c) => ({ ...c, courtId: COURT })) };
}

/** The same scenarios on the embedded SQLite store and on PostgreSQL (a fresh database each). */
const STORES: readonly StoreKind[] = ['sqlite', 'postgres'];
const pg = usePgCluster();

async function setup(store: StoreKind = 'sqlite') {
  const backend = await serverBackend(store, pg);
  const dataDir = backend.dataDir;
  await backend.seedUser('thuky', COURT, 'clerk');
  await backend.seedUser('thamphan', COURT, 'judge');
  let server = await backend.start();
  cleanups.push(() => server.close());
  return {
    dataDir,
    server: () => server,
    async restart() {
      await server.close();
      server = await backend.start({ port: server.port });
    },
  };
}

async function replicaWith(label: string, file: CourtFile): Promise<Replica> {
  const replica = await openTestReplica(label);
  cleanups.push(() => replica.close());
  await replica.importCourtFile(file);
  return replica;
}

async function caseOf(replica: Replica, id: string): Promise<Case> {
  const loaded = await replica.loadCase(id);
  if (!loaded.ok) throw new Error(loaded.error.messageEn);
  return loaded.value;
}

const correctParty = (replica: Replica, caseId: string, partyId: string, patch: Record<string, unknown>) =>
  replica.editCase(caseId, (doc, ctx) => {
    const party = readCase(doc).parties.find((p) => p.id === partyId)!;
    return upsertParty(doc, { ...party, ...patch }, ctx);
  });

describe('deterministic import', () => {
  it('gives byte-identical docs for the same case and different client ids for different content', () => {
    const [a, b] = courtFile(2).cases;
    expect(Y.encodeStateAsUpdate(createCaseDocFromImport(a!))).toEqual(Y.encodeStateAsUpdate(createCaseDocFromImport(a!)));
    const docA = createCaseDocFromImport(a!);
    const docB = createCaseDocFromImport(b!);
    const idA = [...Y.decodeStateVector(Y.encodeStateVector(docA)).keys()];
    const idB = [...Y.decodeStateVector(Y.encodeStateVector(docB)).keys()];
    expect(idA).toHaveLength(1);
    expect(idA).not.toEqual(idB);
    // Later edits through the same doc object do not use the shared import id.
    docA.getMap('case').set('notes', 'x');
    expect(Y.decodeStateVector(Y.encodeStateVector(docA)).size).toBe(2);
  });

  for (const order of ['A syncs first', 'B syncs first'] as const) {
    it(`keeps an edit made inside a party after the same court is imported on two machines (${order})`, async () => {
      const env = await setup();
      // Eight cases, each edited: with random import client ids, each case would keep A's party
      // map only if A's id happened to win (1 in 2), so the bug would pass this test 1 in 256 times.
      const file = courtFile(8);
      const a = await replicaWith('a', file);
      const b = await replicaWith('b', file);
      for (const c of file.cases) {
        expect((await correctParty(a, c.id, 'p1', { address: 'Số 9 đường Phạm Thái Bường, phường 4' })).ok).toBe(true);
      }
      const sa = await sessionFor(env.server());
      const sb = await sessionFor(env.server(), 'thamphan');
      const first = order === 'A syncs first' ? [a, sa] as const : [b, sb] as const;
      const second = order === 'A syncs first' ? [b, sb] as const : [a, sa] as const;
      await syncOk(first[0], first[1]);
      await syncOk(second[0], second[1]);
      await syncOk(first[0], first[1]);
      for (const replica of [a, b]) {
        for (const original of file.cases) {
          const c = await caseOf(replica, original.id);
          expect(c.parties.find((p) => p.id === 'p1')?.address).toBe('Số 9 đường Phạm Thái Bường, phường 4');
          expect(c.parties.map((p) => p.id)).toEqual(original.parties.map((p) => p.id));
          expect(await replica.partiesOf(original.id)).toHaveLength(original.parties.length);
        }
        expect(await replica.sync.pendingCaseIds()).toEqual([]);
      }
    });
  }
});

describe.each(STORES)('two clients, one server (%s store)', (store) => {
  it('converge after editing the same case offline, and a restarted server keeps everything', async () => {
    const env = await setup(store);
    const file = courtFile(5);
    const a = await replicaWith('clerk', file);
    const sa = await sessionFor(env.server());
    const first = await syncOk(a, sa);
    expect(first.pushed).toBe(5);
    expect(first.acked).toBe(5);
    expect(await a.sync.pendingCaseIds()).toEqual([]);
    expect(await a.sync.lastSyncAt()).toBeDefined();

    // B starts empty and receives the court from the server.
    const b = await openTestReplica('judge');
    cleanups.push(() => b.close());
    const sb = await sessionFor(env.server(), 'thamphan');
    const progress: string[] = [];
    const initial = await syncOk(b, sb, { onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`) });
    expect(initial.pulled).toBe(5);
    expect((await b.info()).caseCount).toBe(5);
    expect(progress.at(-1)).toMatch(/^pull:(\d+)\/\1$/);

    // Both offline: different parties and a case field of the same case.
    const caseId = file.cases[1]!.id;
    expect((await correctParty(a, caseId, 'p1', { address: 'Ấp Phú Thạnh, xã Long Hồ' })).ok).toBe(true);
    expect((await correctParty(b, caseId, 'p2', { phone: '0909 123 456' })).ok).toBe(true);
    expect((await b.editCase(caseId, (doc, ctx) => updateCaseFields(doc, { notes: 'Thẩm phán ghi chú' }, ctx))).ok).toBe(true);
    expect(await a.sync.pendingCaseIds()).toEqual([caseId]);

    await syncOk(a, sa);
    await env.restart();
    const sa2 = { ...sa, serverUrl: env.server().url };
    const sb2 = { ...sb, serverUrl: env.server().url };
    await syncOk(b, sb2);
    await syncOk(a, sa2);

    for (const replica of [a, b]) {
      const c = await caseOf(replica, caseId);
      expect(c.parties.find((p) => p.id === 'p1')?.address).toBe('Ấp Phú Thạnh, xã Long Hồ');
      expect(c.parties.find((p) => p.id === 'p2')?.phone).toBe('0909 123 456');
      expect(c.notes).toBe('Thẩm phán ghi chú');
      expect(await replica.sync.pendingCaseIds()).toEqual([]);
    }
    const docA = Y.encodeStateVector(toDoc(await a.sync.docState(caseId)));
    const docB = Y.encodeStateVector(toDoc(await b.sync.docState(caseId)));
    expect(docA).toEqual(docB);

    // A fresh replica after another restart gets everything from the server's disk.
    await env.restart();
    const c = await openTestReplica('fresh');
    cleanups.push(() => c.close());
    await syncOk(c, { ...sa, serverUrl: env.server().url });
    expect((await caseOf(c, caseId)).notes).toBe('Thẩm phán ghi chú');
    expect((await c.info()).caseCount).toBe(5);
  });

  it('keeps a removal (no new struct) pending until the server acknowledges it', async () => {
    const env = await setup(store);
    const file = courtFile(2);
    const a = await replicaWith('a', file);
    const sa = await sessionFor(env.server());
    await syncOk(a, sa);
    const caseId = file.cases[0]!.id;
    expect((await a.editCase(caseId, (doc, ctx) => updateCaseFields(doc, { notes: undefined }, ctx))).ok).toBeDefined();
    const before = Y.encodeStateVector(toDoc(await a.sync.docState(caseId)));
    // Delete-only: remove a key (the nested party map goes, no struct is added for the delete itself).
    const removed = await a.editCase(caseId, (doc) => {
      doc.getMap('parties').delete('p2');
      return { ok: true as const, value: true };
    });
    expect(removed.ok).toBe(true);
    expect(Y.encodeStateVector(toDoc(await a.sync.docState(caseId)))).toEqual(before);
    expect(await a.sync.pendingCaseIds()).toEqual([caseId]);
    await syncOk(a, sa);
    expect(await a.sync.pendingCaseIds()).toEqual([]);
    const b = await openTestReplica('b');
    cleanups.push(() => b.close());
    await syncOk(b, await sessionFor(env.server(), 'thamphan'));
    expect((await caseOf(b, caseId)).parties.map((p) => p.id)).not.toContain('p2');
  });
});

function toDoc(state: Uint8Array | undefined): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

export type { RunningServer };
