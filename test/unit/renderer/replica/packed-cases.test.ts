/**
 * Case docs pulled for the first time are packed like bodies (body-packs.ts), and those pulled
 * clean keep no syncState record: the pack implies it (schema v9). Everything that asks "which
 * cases are stored" must still see them: loading and editing a case, the register's rows, a
 * projection rebuild, an import of a file holding the same case, and the next pull.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { updateCaseFields } from '../../../../shared/domain/case-mutations.js';
import { openDatabase } from '../../../../renderer/replica/open.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { courtServer, fakeIdb } from './fixtures.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

async function open(name?: string): Promise<Replica> {
  const replica = await openReplica(fakeIdb(name));
  opened.push(replica);
  return replica;
}

function serverWith(cases: number, seed: number) {
  return courtServer(open, cases, seed);
}

describe('case docs pulled into packs', () => {
  it('stores a first pull in packs with no sync records, and loads, lists and rebuilds every case', async () => {
    const { file, ids, pull } = await serverWith(12, 21);
    const idb = fakeIdb();
    const replica = await open(idb.name);
    const report = await replica.sync.applyRemote(await pull(ids));
    expect(report.failed).toEqual([]);

    const db = await openDatabase(idb);
    opened.push(db);
    expect(await db.docSnapshots.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect(await db.bodyPacks.count()).toBeLessThan(ids.length);
    expect(await replica.sync.pendingCaseIds()).toEqual([]);
    expect(await replica.sync.caseIds()).toEqual(ids);
    expect((await replica.listCases({}, 'numberAsc', 0, 100)).total).toBe(ids.length);
    for (const c of file.cases) {
      const loaded = await replica.loadCase(c.id);
      expect(loaded.ok && loaded.value.subject).toBe(c.subject);
    }
    // What the next full pull asks with: each case's server state.
    const known = await replica.sync.knownStateVectors();
    expect([...known.keys()].sort()).toEqual(ids);

    const rebuilt = await replica.rebuildProjection();
    expect(rebuilt).toEqual({ rebuilt: ids.length, failed: [] });
    expect((await replica.listCases({}, 'numberAsc', 0, 100)).total).toBe(ids.length);
  });

  it('reads many packed docs at once (a backup\'s window) exactly as one at a time, in the order asked', async () => {
    const { ids, pull } = await serverWith(10, 25);
    const replica = await open();
    await replica.sync.applyRemote(await pull(ids));
    expect((await replica.editCase(ids[3]!, (doc, ctx) => updateCaseFields(doc, { notes: 'đã sửa' }, ctx))).ok).toBe(true);
    const asked = ['case:absent', ...[...ids].reverse().map((id) => `case:${id}`)];
    const many = await replica.sync.storedDocStates(asked);
    expect(many).toEqual(await Promise.all(asked.map((docId) => replica.sync.storedDocState(docId))));
    expect(many[0]).toBeUndefined();
    expect(many.slice(1).every((state) => state !== undefined)).toBe(true);
  });

  it('copies a packed case out on its first edit: pending, and the push is the edit alone', async () => {
    const { ids, pull } = await serverWith(3, 22);
    const replica = await open();
    await replica.sync.applyRemote(await pull(ids));
    const id = ids[1]!;
    const full = (await replica.sync.docState(id))!;
    expect((await replica.editCase(id, (doc, ctx) => updateCaseFields(doc, { notes: 'ghi chú của thư ký' }, ctx))).ok).toBe(true);
    expect(await replica.sync.pendingCaseIds()).toEqual([id]);
    const [item] = await replica.sync.pushItems([id]);
    expect(item!.update.byteLength).toBeLessThan(full.byteLength / 4);
    const loaded = await replica.loadCase(id);
    expect(loaded.ok && loaded.value.notes).toBe('ghi chú của thư ký');
  });

  it('merges a later pulled change into a packed case and writes its record, clean', async () => {
    const { server, ids, pull } = await serverWith(3, 23);
    const idb = fakeIdb();
    const replica = await open(idb.name);
    await replica.sync.applyRemote(await pull(ids));
    const id = ids[0]!;
    // Loaded (and cached) before the change: the cache must not serve the packed version after it.
    expect((await replica.loadCase(id)).ok).toBe(true);
    expect((await server.editCase(id, (doc, ctx) => updateCaseFields(doc, { subject: 'V/v tranh chấp hợp đồng thuê nhà' }, ctx))).ok).toBe(true);
    const report = await replica.sync.applyRemote(await pull([id], 2));
    expect(report.changedCaseIds).toEqual([id]);
    const loaded = await replica.loadCase(id);
    expect(loaded.ok && loaded.value.subject).toBe('V/v tranh chấp hợp đồng thuê nhà');
    expect((await replica.listCases({ query: 'thue nha' }, 'numberAsc', 0, 10)).rows.map((r) => r.id)).toEqual([id]);
    expect(await replica.sync.pendingCaseIds()).toEqual([]);
    // The first write of a packed doc copies its packed bytes out as its own snapshot, as they
    // are (no re-encoding), and appends the change.
    const db = await openDatabase(idb);
    opened.push(db);
    const pack = (await db.bodyPacks.where('docIds').equals(`case:${id}`).toArray())[0]!;
    const at = pack.docIds.indexOf(`case:${id}`);
    const own = await db.docSnapshots.get(`case:${id}`);
    expect(own?.updateCount).toBe(0);
    expect(own?.state).toEqual(pack.bytes.slice(at === 0 ? 0 : pack.ends[at - 1], pack.ends[at]));
    expect(await db.docUpdates.where('docId').equals(`case:${id}`).count()).toBe(1);
  });

  it('never imports over a packed case: the file\'s copy is skipped and the pulled one kept', async () => {
    const { file, ids, pull } = await serverWith(4, 24);
    const replica = await open();
    await replica.sync.applyRemote(await pull(ids.slice(0, 2)));
    const report = await replica.importCourtFile(file);
    expect(report).toEqual({ imported: 2, skipped: 2 });
    // Only the two imported cases are pending: the pulled ones were not replaced by the file's.
    expect(await replica.sync.pendingCaseIds()).toEqual(ids.slice(2));
  });
});
