/**
 * The register's first page asked for at start (renderer/screens/register/first-page.ts): given
 * once to the register's first query with the same filter and sort, never to another query, and
 * dropped by a change of the replica before the register asks; only the register's URL asks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { updateCaseFields } from '../../../../../shared/domain/case-mutations.js';
import { openReplica } from '../../../../../renderer/replica/replica.js';
import type { Replica } from '../../../../../renderer/replica/types.js';
import { askFirstPageEarly, PAGE_SIZE, registerQueryKey, takeEarlyPage } from '../../../../../renderer/screens/register/first-page.js';
import { parseRegisterQuery, toCaseFilter } from '../../../../../renderer/screens/register/filters.js';
import { fakeIdb, makeCourtFile } from '../../replica/fixtures.js';

const opened: Replica[] = [];
afterEach(() => {
  for (const replica of opened.splice(0)) replica.close();
});

async function replicaWithCases(): Promise<Replica> {
  const replica = await openReplica(fakeIdb());
  opened.push(replica);
  await replica.importCourtFile(makeCourtFile({ seed: 5, cases: 6 }));
  return replica;
}

const defaultKey = () => {
  const query = parseRegisterQuery(new URLSearchParams());
  return registerQueryKey(toCaseFilter(query), query.sort);
};

describe('the register page asked for at start', () => {
  it('is the same page the register would read, given once', async () => {
    const replica = await replicaWithCases();
    askFirstPageEarly(replica, '#/cases', '2026-01-10');
    const early = takeEarlyPage(replica, defaultKey(), 0, PAGE_SIZE);
    expect(early).toBeDefined();
    const query = parseRegisterQuery(new URLSearchParams());
    expect(await early).toEqual(await replica.listCases(toCaseFilter(query), query.sort, 0, PAGE_SIZE));
    expect((await early)!.rows).toHaveLength(6);
    expect(takeEarlyPage(replica, defaultKey(), 0, PAGE_SIZE)).toBeUndefined();
  });

  it('is not given to another query, nor after a change of the replica', async () => {
    const replica = await replicaWithCases();
    askFirstPageEarly(replica, '#/cases', '2026-01-10');
    expect(takeEarlyPage(replica, registerQueryKey({ query: 'nguyen' }, 'numberDesc'), 0, PAGE_SIZE)).toBeUndefined();
    expect(takeEarlyPage(replica, defaultKey(), PAGE_SIZE, PAGE_SIZE)).toBeUndefined();
    const [first] = (await replica.listCases({}, 'numberDesc', 0, 1)).rows;
    expect((await replica.editCase(first!.id, (doc, ctx) => updateCaseFields(doc, { notes: 'đã sửa' }, ctx))).ok).toBe(true);
    expect(takeEarlyPage(replica, defaultKey(), 0, PAGE_SIZE)).toBeUndefined();
  });

  it('is asked for only when the app opens on the register', async () => {
    const replica = await replicaWithCases();
    askFirstPageEarly(replica, '#/calendar', '2026-01-10');
    expect(takeEarlyPage(replica, defaultKey(), 0, PAGE_SIZE)).toBeUndefined();
    askFirstPageEarly(replica, `#/cases/${encodeURIComponent('some-case')}`, '2026-01-10');
    expect(takeEarlyPage(replica, defaultKey(), 0, PAGE_SIZE)).toBeUndefined();
  });
});
