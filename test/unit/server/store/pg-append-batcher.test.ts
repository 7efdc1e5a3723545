/**
 * Group commit of a court's appends (server/store/pg-append-batcher.ts), against an in-memory
 * statement that records what each commit held: one statement in flight per court, a doc's
 * waiting updates merged in emission order, limits respected, and a failed statement failing
 * every waiting update of its docs (and only those) until the doc has none left.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PgAppendBatcher, type AppendRow } from '../../../../server/store/pg-append-batcher.js';
import { StoreError, type AppendResult } from '../../../../server/store/store.js';

interface Commit {
  readonly court: string;
  readonly rows: readonly AppendRow[];
  release(fail?: Error): void;
}

/** A fake database: statements wait until the test releases them; seqs per court like the real one. */
function fakeDatabase() {
  const commits: Commit[] = [];
  const seqs = new Map<string, number>();
  const pending = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const write = (court: string, rows: readonly AppendRow[]) =>
    new Promise<ReadonlyMap<string, AppendResult>>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      commits.push({
        court,
        rows,
        release(fail) {
          inFlight--;
          if (fail) return reject(fail);
          const out = new Map<string, AppendResult>();
          for (const row of rows) {
            const seq = (seqs.get(court) ?? 0) + 1;
            seqs.set(court, seq);
            const key = `${court}/${row.docKey}`;
            pending.set(key, (pending.get(key) ?? 0) + 1);
            out.set(row.docKey, { seq, pendingUpdates: pending.get(key)! });
          }
          resolve(out);
        },
      });
    });
  return { commits, write, maxInFlight: () => maxInFlight };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const toError = (error: unknown) => (error instanceof StoreError ? error : new StoreError('store.unavailable', String(error)));

function editor(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

describe('PgAppendBatcher', () => {
  it('keeps one statement in flight per court and stores what waited in the next one, merged per doc', async () => {
    const db = fakeDatabase();
    const batcher = new PgAppendBatcher(db.write, toError);
    const a = editor(1);
    a.doc.getText('t').insert(0, 'một');
    const first = batcher.append('court-1', 'doc/a', a.updates.shift()!);
    await tick();
    expect(db.commits).toHaveLength(1);
    // While the first commit is in flight: three more updates of doc/a, one of doc/b, one of another court.
    a.doc.getText('t').insert(3, ' hai');
    a.doc.getText('t').insert(7, ' ba');
    a.doc.getText('t').delete(0, 1);
    const waiting = a.updates.splice(0).map((u) => batcher.append('court-1', 'doc/a', u));
    const b = batcher.append('court-1', 'doc/b', Y.encodeStateAsUpdate(new Y.Doc()));
    const other = batcher.append('court-2', 'doc/a', Y.encodeStateAsUpdate(new Y.Doc()));
    await tick();
    expect(db.commits.map((c) => c.court)).toEqual(['court-1', 'court-2']);
    db.commits[0]!.release();
    db.commits[1]!.release();
    expect(await first).toEqual({ seq: 1, pendingUpdates: 1 });
    expect(await other).toEqual({ seq: 1, pendingUpdates: 1 });
    await tick();
    const second = db.commits[2]!;
    expect(second.rows.map((r) => r.docKey)).toEqual(['doc/a', 'doc/b']);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, db.commits[0]!.rows[0]!.update);
    Y.applyUpdate(copy, second.rows[0]!.update);
    expect(copy.getText('t').toString()).toBe(a.doc.getText('t').toString());
    second.release();
    expect(await Promise.all(waiting)).toEqual([2, 2, 2].map((seq) => ({ seq, pendingUpdates: 2 })));
    expect(await b).toEqual({ seq: 3, pendingUpdates: 1 });
    expect(db.maxInFlight()).toBe(2); // one per court
    await batcher.settled();
  });

  it('respects the per-statement limits, a bigger single update still going alone', async () => {
    const db = fakeDatabase();
    const batcher = new PgAppendBatcher(db.write, toError, { maxUpdates: 2, maxBytes: 100 });
    const small = new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc()));
    const big = (() => {
      const d = new Y.Doc();
      d.getText('t').insert(0, 'x'.repeat(300));
      return Y.encodeStateAsUpdate(d);
    })();
    const all = [batcher.append('c', 'doc/1', small), batcher.append('c', 'doc/2', small), batcher.append('c', 'doc/3', small), batcher.append('c', 'doc/4', big), batcher.append('c', 'doc/5', small)];
    for (let i = 0; i < 4; i++) {
      await tick();
      db.commits.at(-1)!.release();
    }
    await Promise.all(all);
    expect(db.commits.map((c) => c.rows.map((r) => r.docKey))).toEqual([['doc/1', 'doc/2'], ['doc/3'], ['doc/4'], ['doc/5']]);
  });

  it('fails the waiting updates of a doc whose commit failed, and only those, until none is left', async () => {
    const db = fakeDatabase();
    const batcher = new PgAppendBatcher(db.write, toError);
    const u = Y.encodeStateAsUpdate(new Y.Doc());
    const first = batcher.append('c', 'doc/p', u);
    await tick();
    const behind = expect(batcher.append('c', 'doc/p', u)).rejects.toMatchObject({ code: 'store.unavailable', message: expect.stringContaining('earlier update') });
    const bystander = batcher.append('c', 'doc/q', u);
    db.commits[0]!.release(new Error('disk full'));
    await expect(first).rejects.toMatchObject({ name: 'StoreError', code: 'store.unavailable' });
    await tick();
    // The next statement holds doc/q only: doc/p's waiting update is refused, not stored after a gap.
    expect(db.commits[1]!.rows.map((r) => r.docKey)).toEqual(['doc/q']);
    await behind;
    db.commits[1]!.release();
    expect(await bystander).toMatchObject({ seq: 1 });
    // Nothing of doc/p is waiting any more: its client's re-send is stored.
    const again = batcher.append('c', 'doc/p', u);
    await tick();
    db.commits[2]!.release();
    expect(await again).toMatchObject({ seq: 2 });
  });
});
