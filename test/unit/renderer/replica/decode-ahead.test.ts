/**
 * Case docs decoded ahead of their transaction (decode-ahead.ts) are used only for what they are:
 * a doc new to the replica, decoded from the very bytes being applied. A doc the replica already
 * holds is merged into what is stored, never replaced by a decoding from nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateCaseFields } from '../../../../shared/domain/case-mutations.js';
import { caseDocId } from '../../../../renderer/replica/projection.js';
import { openDatabase } from '../../../../renderer/replica/open.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CaseDocDecoder, type DecodeWorkerLike } from '../../../../renderer/replica/decode-ahead.js';
import { answer, type DecodeRequest, type DecodeResponse } from '../../../../renderer/replica/decode-worker.js';
import type { Replica, SyncPulledDocById } from '../../../../renderer/replica/types.js';
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

/** The server's copy of a generated court; `pull` gives its case docs by doc id. */
async function serverWith(cases: number, seed: number) {
  const court = await courtServer(open, cases, seed);
  const pull = async (caseIds: readonly string[] = court.ids, seq = 1): Promise<SyncPulledDocById[]> =>
    (await court.pull(caseIds, seq)).map(({ caseId, ...rest }) => ({ docId: caseDocId(caseId), ...rest }));
  return { ...court, pull };
}

/** Everything a pull leaves in the replica's tables, without volatile keys. */
async function tablesOf(name: string) {
  const db = await openDatabase(fakeIdb(name));
  opened.push(db);
  const [cases, packs, packedSync, syncState, snapshots] = await Promise.all([
    db.cases.orderBy('id').toArray(),
    db.bodyPacks.toArray(),
    db.packedSync.toArray(),
    db.syncState.orderBy('docId').toArray(),
    db.docSnapshots.orderBy('docId').toArray(),
  ]);
  return { cases, packDocs: packs.map((p) => p.docIds), packBytes: packs.map((p) => p.bytes), packedSync, syncState, snapshots };
}

describe('case docs decoded ahead of their transaction', () => {
  it('stores a first pull exactly as without decoding ahead, and the cases load', async () => {
    const { file, pull } = await serverWith(15, 31);
    const pulled = await pull();
    const plain = fakeIdb();
    const ahead = fakeIdb();
    const withoutAhead = await open(plain.name);
    const withAhead = await open(ahead.name);
    await withoutAhead.sync.applyRemoteDocs(pulled);
    // No Worker in Node: decoded on this thread, ahead of the transaction all the same.
    expect(await withAhead.sync.decodeAhead(pulled)).toEqual({ inWorker: 0, inThread: 15 });
    const report = await withAhead.sync.applyRemoteDocs(pulled);
    expect(report.failed).toEqual([]);
    expect(report.changedCaseIds).toHaveLength(15);
    // Taken by the apply: asking again decodes again (nothing was left behind).
    expect(await withAhead.sync.decodeAhead(pulled)).toEqual({ inWorker: 0, inThread: 15 });

    const a = await tablesOf(plain.name);
    const b = await tablesOf(ahead.name);
    expect(b.cases.length).toBe(15);
    expect(b).toEqual(a);
    for (const c of file.cases) {
      const loaded = await withAhead.loadCase(c.id);
      expect(loaded.ok && loaded.value.subject).toBe(c.subject);
    }
  });

  it('merges a full state pulled for a case holding unsent local edits, never replacing it with the decoding', async () => {
    const { ids, pull } = await serverWith(3, 32);
    const replica = await open();
    await replica.sync.applyRemoteDocs(await pull());
    const edited = await replica.editCase(ids[0]!, (doc, ctx) => updateCaseFields(doc, { notes: 'ghi chú chưa gửi', subject: 'Sửa trên máy chưa gửi' }, ctx));
    expect(edited.ok).toBe(true);

    // The server's whole state again (as a pull that claims nothing would get it): decoded from
    // nothing it reads as the server's case, without the local edit.
    const again = await pull([ids[0]!], 2);
    const probe = new CaseDocDecoder(() => undefined);
    await probe.decodeAhead(again);
    expect(probe.take(again[0]!.docId, again[0]!.update)?.projection?.caseRow.subject).not.toBe('Sửa trên máy chưa gửi');

    await replica.sync.decodeAhead(again);
    const report = await replica.sync.applyRemoteDocs(again);
    expect(report.failed).toEqual([]);
    const loaded = await replica.loadCase(ids[0]!);
    expect(loaded.ok && loaded.value.notes).toBe('ghi chú chưa gửi');
    const rows = await replica.listCases({}, 'numberAsc', 0, 10);
    expect(rows.rows.find((r) => r.id === ids[0])?.subject).toBe('Sửa trên máy chưa gửi');
    expect(await replica.sync.pendingCaseIds()).toEqual([ids[0]]);
  });

  it('applies two updates of one new doc in a page on top of each other, whatever was decoded ahead', async () => {
    const source = new Y.Doc({ gc: false });
    const { ids, pull } = await serverWith(1, 33);
    const [first] = await pull();
    Y.applyUpdate(source, first!.update);
    const before = Y.encodeStateVector(source);
    const replica = await open();
    const probe = await open();
    await probe.sync.applyRemoteDocs([first!]);
    expect((await probe.editCase(ids[0]!, (doc, ctx) => updateCaseFields(doc, { notes: 'thêm sau', subject: 'Tranh chấp hợp đồng vay tài sản' }, ctx))).ok).toBe(true);
    Y.applyUpdate(source, (await probe.sync.docState(ids[0]!))!);
    const second = { docId: first!.docId, update: Y.encodeStateAsUpdate(source, before), stateVector: Y.encodeStateVector(source), seq: 2 };

    await replica.sync.decodeAhead([first!, second]);
    const report = await replica.sync.applyRemoteDocs([first!, second]);
    expect(report.failed).toEqual([]);
    const loaded = await replica.loadCase(ids[0]!);
    expect(loaded.ok && loaded.value.notes).toBe('thêm sau');
    // The register's row is the projection of both updates, not of the first one decoded ahead.
    const row = (await replica.listCases({}, 'numberAsc', 0, 10)).rows[0];
    expect(row?.subject).toBe('Tranh chấp hợp đồng vay tài sản');
    // Both updates are stored: the sync state is the server's after the second.
    expect(await replica.sync.pendingCaseIds()).toEqual([]);
  });

  it('never hands a decoding to another doc, and leaves garbage to the apply to report', async () => {
    const { pull } = await serverWith(1, 34);
    const [pulled] = await pull();
    const decoder = new CaseDocDecoder(() => undefined);
    await decoder.decodeAhead([pulled!]);
    expect(decoder.take('case:other', pulled!.update)).toBeUndefined();
    // Taken once, even by the wrong doc: the next ask finds nothing.
    expect(decoder.take(pulled!.docId, pulled!.update)).toBeUndefined();

    const garbage = new Uint8Array([1, 2, 3, 250, 250]);
    await decoder.decodeAhead([{ docId: 'case:broken', update: garbage }]);
    expect(decoder.take('case:broken', garbage)).toBeUndefined();
    const replica = await open();
    await replica.sync.decodeAhead([{ docId: 'case:broken', update: garbage }]);
    const report = await replica.sync.applyRemoteDocs([{ docId: 'case:broken', update: garbage, stateVector: new Uint8Array([0]), seq: 1 }]);
    expect(report.failed.map((f) => f.caseId)).toEqual(['broken']);
  });
});

/** A worker that answers with decode-worker.ts's own `answer`, its messages cloned like a real one's. */
class InProcessWorker implements DecodeWorkerLike {
  onmessage: ((event: MessageEvent<DecodeResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly requests: DecodeRequest[] = [];
  terminated = false;
  constructor(private readonly fail = false) {}
  postMessage(message: DecodeRequest, transfer: Transferable[]): void {
    const received = structuredClone(message, { transfer });
    this.requests.push(received);
    setTimeout(() => {
      if (this.fail) this.onerror?.({ message: 'cannot load' } as ErrorEvent);
      else this.onmessage?.({ data: structuredClone(answer(received)) } as MessageEvent<DecodeResponse>);
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the decode worker', () => {
  it('decodes a chunk sent as one buffer, bodies left out, exactly as this thread does', async () => {
    const { pull } = await serverWith(6, 35);
    const cases = await pull();
    // As they arrive: views into one received answer, with a document body among them.
    const page = new Uint8Array(cases.reduce((n, c) => n + c.update.byteLength, 0) + 64);
    let offset = 64;
    const items = cases.map((c) => {
      page.set(c.update, offset);
      const item = { docId: c.docId, update: page.subarray(offset, offset + c.update.byteLength) };
      offset += c.update.byteLength;
      return item;
    });
    const body = { docId: 'doc:d-1', update: page.subarray(0, 64) };
    const workers: InProcessWorker[] = [];
    const decoder = new CaseDocDecoder(() => {
      workers.push(new InProcessWorker());
      return workers.at(-1);
    });
    expect(await decoder.decodeAhead([items[0]!, body, ...items.slice(1)])).toEqual({ inWorker: 6, inThread: 0 });
    // Shared between the two workers, half each, one message each.
    expect(workers.map((w) => w.requests.map((r) => r.docIds))).toEqual([[items.slice(0, 3).map((i) => i.docId)], [items.slice(3).map((i) => i.docId)]]);
    // The received answer is untouched (a copy was handed over, not its buffer).
    expect(page.byteLength).toBeGreaterThan(0);

    const here = new CaseDocDecoder(() => undefined);
    await here.decodeAhead(items);
    for (const item of items) {
      const fromWorker = decoder.take(item.docId, item.update);
      expect(fromWorker?.projection?.caseRow.id).toBe(item.docId.slice('case:'.length));
      expect(fromWorker).toEqual(here.take(item.docId, item.update));
    }
    decoder.close();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('decodes on this thread when the worker fails to start or to load', async () => {
    const { pull } = await serverWith(2, 36);
    const items = await pull();
    const throwing = new CaseDocDecoder(() => {
      throw new Error('no workers here');
    });
    expect(await throwing.decodeAhead(items)).toEqual({ inWorker: 0, inThread: 2 });
    expect(throwing.take(items[0]!.docId, items[0]!.update)?.projection).toBeDefined();

    // One of the two workers cannot load: its half is decoded here, the other's in it.
    const broken = new InProcessWorker(true);
    const sound = new InProcessWorker();
    const pool = [broken, sound];
    const failing = new CaseDocDecoder(() => pool.shift());
    expect(await failing.decodeAhead(items)).toEqual({ inWorker: 1, inThread: 1 });
    expect(broken.terminated).toBe(true);
    for (const item of items) expect(failing.take(item.docId, item.update)?.projection).toBeDefined();
    // Not tried again after it failed.
    expect(await failing.decodeAhead(await pull())).toEqual({ inWorker: 1, inThread: 1 });
    expect(broken.requests).toHaveLength(1);
    expect(sound.requests).toHaveLength(2);
  });
});
