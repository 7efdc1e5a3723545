/**
 * The register's cold-start path: the first page of `listCases` straight from the `cases`
 * indexes, before the in-memory index (search.ts) has read all 20,000 rows (~1 s in Chromium).
 * It walks the sort's index in order, applies the structured filters as it goes and stops after
 * one page, so the first page costs a few milliseconds whatever the size of the court.
 *
 * It answers only when it can count the matches cheaply (an index count): no free-text query
 * and at most one kind of filter. Otherwise it returns `undefined` and the caller waits for the
 * in-memory index. Page contents and order are identical to the in-memory path (the tie
 * breakers in search.ts follow IndexedDB's index order); a test pins that.
 */
import type { Collection } from 'dexie';
import type { CourtdeskDb } from './schema.js';
import { hasQuery, matchesFilter } from './search.js';
import type { CaseFilter, CasePage, CaseRow, CaseSort } from './types.js';

type Coll = Collection<CaseRow, string>;

function filterKinds(filter: CaseFilter): number {
  let kinds = 0;
  if (filter.types && filter.types.length > 0) kinds += 1;
  if (filter.statuses && filter.statuses.length > 0) kinds += 1;
  if (filter.judgeId) kinds += 1;
  if (filter.acceptedFrom || filter.acceptedTo) kinds += 1;
  return kinds;
}

/** How many rows match a filter of at most one kind, from an index count alone. */
function countByIndex(db: CourtdeskDb, filter: CaseFilter): Promise<number> {
  if (filter.types && filter.types.length > 0) return db.cases.where('type').anyOf([...filter.types]).count();
  if (filter.statuses && filter.statuses.length > 0) return db.cases.where('status').anyOf([...filter.statuses]).count();
  if (filter.judgeId) return db.cases.where('judgeId').equals(filter.judgeId).count();
  if (filter.acceptedFrom || filter.acceptedTo) {
    const from = filter.acceptedFrom || '';
    const to = filter.acceptedTo || '\uffff';
    return from > to ? Promise.resolve(0) : db.cases.where('acceptanceDate').between(from, to, true, true).count();
  }
  return db.cases.count();
}

function page(collection: Coll, filter: CaseFilter, offset: number, limit: number, filtered: boolean): Promise<CaseRow[]> {
  const scoped = filtered ? collection.filter((row) => matchesFilter(row, filter)) : collection;
  return scoped.offset(offset).limit(limit).toArray();
}

/**
 * One page from the indexes, or undefined when that would need a full scan.
 *
 * @example await listFromIndexes(db, { statuses: ['preparing'] }, 'numberDesc', 0, 50)
 */
export async function listFromIndexes(
  db: CourtdeskDb,
  filter: CaseFilter,
  sort: CaseSort,
  offset: number,
  limit: number,
): Promise<CasePage | undefined> {
  if (hasQuery(filter)) return undefined;
  const kinds = filterKinds(filter);
  if (kinds > 1) return undefined;
  const filtered = kinds > 0;
  offset = Math.max(0, Math.floor(offset));
  limit = Math.max(0, Math.floor(limit));

  const total = await countByIndex(db, filter);
  if (limit === 0 || offset >= total) return { rows: [], total };

  switch (sort) {
    case 'numberDesc':
      return { rows: await page(db.cases.orderBy('numberSortKey').reverse(), filter, offset, limit, filtered), total };
    case 'numberAsc':
      return { rows: await page(db.cases.orderBy('numberSortKey'), filter, offset, limit, filtered), total };
    case 'updatedDesc':
      return { rows: await page(db.cases.orderBy('updatedAt').reverse(), filter, offset, limit, filtered), total };
    case 'nextHearing':
      return nextHearingPage(db, filter, offset, limit, filtered, total);
  }
}

/**
 * Cases with a hearing ahead (by date), then the others (by id). Crossing from the first group
 * into the second needs the first group's filtered size; it is known when the page ends inside
 * the first group, otherwise we give up and let the in-memory index answer.
 */
async function nextHearingPage(
  db: CourtdeskDb,
  filter: CaseFilter,
  offset: number,
  limit: number,
  filtered: boolean,
  total: number,
): Promise<CasePage | undefined> {
  const ahead = await page(db.cases.where('nextHearingAt').above(''), filter, offset, limit, filtered);
  if (ahead.length === limit) return { rows: ahead, total };
  if (ahead.length === 0 && offset > 0) return undefined;
  // The first group ended inside this page: it holds exactly offset + ahead.length matches.
  const rest = await page(db.cases.where('nextHearingAt').equals(''), filter, 0, limit - ahead.length, filtered);
  return { rows: [...ahead, ...rest], total };
}
