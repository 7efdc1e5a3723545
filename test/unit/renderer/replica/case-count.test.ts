/**
 * The case count (renderer/replica/case-count.ts): counted at most once per change, the kept
 * count shown at once while a count runs behind it, a stale kept count corrected and announced
 * once, and a count taken across a change neither remembered nor kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { CaseCount, type CaseCountStore } from '../../../../renderer/replica/case-count.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb } from '../../../../renderer/replica/schema.js';
import { fakeIdb, makeCourtFile } from './fixtures.js';

/** A store whose counts resolve when the test says so. */
function controlledStore(stored: number | undefined) {
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  const kept: number[] = [];
  const store: CaseCountStore = {
    count: vi.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject }))),
    readStored: async () => stored,
    keep: async (n) => {
      kept.push(n);
      stored = n;
    },
  };
  return { store, pending, kept };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CaseCount', () => {
  it('counts once when nothing is kept, keeps the count, and answers from it until a change', async () => {
    const { store, pending, kept } = controlledStore(undefined);
    const stale = vi.fn();
    const count = new CaseCount(store, stale);
    const first = count.current();
    const second = count.current();
    await settle();
    expect(store.count).toHaveBeenCalledTimes(1);
    pending[0]!.resolve(20_000);
    expect(await first).toBe(20_000);
    expect(await second).toBe(20_000);
    expect(kept).toEqual([20_000]);
    expect(await count.current()).toBe(20_000);
    expect(store.count).toHaveBeenCalledTimes(1);
    // Once this run has counted, a change is followed by a fresh count (the kept one is for the start).
    count.changed();
    const third = count.current();
    await settle();
    expect(store.count).toHaveBeenCalledTimes(2);
    pending[1]!.resolve(20_001);
    expect(await third).toBe(20_001);
    expect(kept).toEqual([20_000, 20_001]);
    expect(stale).not.toHaveBeenCalled();
  });

  it('shows the kept count at once, counts behind it once, and says nothing when it was right', async () => {
    const { store, pending, kept } = controlledStore(300);
    const stale = vi.fn();
    const count = new CaseCount(store, stale);
    expect(await count.current()).toBe(300);
    expect(await count.current()).toBe(300);
    expect(store.count).toHaveBeenCalledTimes(1);
    pending[0]!.resolve(300);
    await settle();
    expect(stale).not.toHaveBeenCalled();
    // The same number is not written again.
    expect(kept).toEqual([]);
    expect(await count.current()).toBe(300);
    expect(store.count).toHaveBeenCalledTimes(1);
  });

  it('corrects a stale kept count and announces it once', async () => {
    const { store, pending, kept } = controlledStore(250);
    const stale = vi.fn();
    const count = new CaseCount(store, stale);
    expect(await count.current()).toBe(250);
    expect(await count.current()).toBe(250);
    pending[0]!.resolve(300);
    await settle();
    expect(stale).toHaveBeenCalledTimes(1);
    expect(kept).toEqual([300]);
    expect(await count.current()).toBe(300);
    // A change after that is counted before it is shown: the kept number was for the start.
    count.changed();
    const next = count.current();
    await settle();
    pending[1]!.resolve(301);
    expect(await next).toBe(301);
  });

  it('neither remembers nor keeps a count taken across a change', async () => {
    const { store, pending, kept } = controlledStore(undefined);
    const count = new CaseCount(store, () => undefined);
    const before = count.exact();
    count.changed();
    pending[0]!.resolve(10);
    expect(await before).toBe(10);
    await settle();
    expect(kept).toEqual([]);
    const after = count.current();
    await settle();
    pending[1]!.resolve(11);
    expect(await after).toBe(11);
    expect(kept).toEqual([11]);
  });

  it('checks a kept count later, and not at all once the index has counted the cases', async () => {
    const { store, pending, kept } = controlledStore(120);
    const stale = vi.fn();
    const deferred: (() => void)[] = [];
    const count = new CaseCount(store, stale, (work) => deferred.push(work));
    expect(await count.current()).toBe(120);
    expect(store.count).not.toHaveBeenCalled();
    // The register's index has read every case: 125, so the kept 120 was stale.
    count.observed(125);
    expect(stale).toHaveBeenCalledTimes(1);
    expect(kept).toEqual([125]);
    expect(await count.current()).toBe(125);
    deferred.forEach((work) => work());
    expect(store.count).not.toHaveBeenCalled();
    expect(pending).toHaveLength(0);
  });

  it('checks a kept count by a count when nothing else counted the cases', async () => {
    const { store, pending } = controlledStore(120);
    const stale = vi.fn();
    const deferred: (() => void)[] = [];
    const count = new CaseCount(store, stale, (work) => deferred.push(work));
    expect(await count.current()).toBe(120);
    deferred.forEach((work) => work());
    expect(store.count).toHaveBeenCalledTimes(1);
    pending[0]!.resolve(120);
    await settle();
    expect(stale).not.toHaveBeenCalled();
  });

  it('counts when the kept value is damaged (not a count), and keeps the count over it', async () => {
    for (const damaged of ['300', -1, 2.5, Number.NaN, null, { count: 300 }]) {
      const { store, pending, kept } = controlledStore(damaged as unknown as number);
      const count = new CaseCount(store, () => undefined);
      const answer = count.current();
      await settle();
      expect(store.count).toHaveBeenCalledTimes(1);
      pending[0]!.resolve(300);
      expect(await answer).toBe(300);
      expect(kept).toEqual([300]);
    }
  });

  it('counts again after a failed count', async () => {
    const { store, pending } = controlledStore(undefined);
    const count = new CaseCount(store, () => undefined);
    const failed = count.exact();
    pending[0]!.reject(new Error('disk'));
    await expect(failed).rejects.toThrow('disk');
    const again = count.exact();
    pending[1]!.resolve(5);
    expect(await again).toBe(5);
  });
});

describe('the replica’s case count', () => {
  it('is right after an import, kept for the next start, and a stale kept count is corrected and announced', async () => {
    const idb = fakeIdb();
    const replica = await openReplica(idb);
    await replica.importCourtFile(makeCourtFile({ seed: 3, cases: 4 }));
    expect((await replica.info()).caseCount).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 20));
    replica.close();

    // A run that stopped before it counted again: the kept count says 2.
    const db = new CourtdeskDb(idb.name, idb);
    await db.open();
    expect(await db.getMeta('caseCount')).toBe(4);
    await db.setMeta('caseCount', 2);
    db.close();

    const reopened = await openReplica(idb);
    const announced = new Promise<void>((resolve) => reopened.subscribe(() => resolve()));
    expect((await reopened.info()).caseCount).toBe(2);
    // The register's first page never holds fewer rows than it has: the total is at least what it shows.
    const page = await reopened.listCases({}, 'numberDesc', 0, 50);
    expect(page.rows).toHaveLength(4);
    expect(page.total).toBe(4);
    // The register's index (loaded after the first page) counts 4: the stale 2 is announced and replaced.
    await announced;
    expect((await reopened.info()).caseCount).toBe(4);
    reopened.close();
  });
});
