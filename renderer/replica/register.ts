/**
 * The register's cold-start path: the first page of `listCases` straight from the `cases`
 * indexes, before the in-memory index (search.ts) has read all 20,000 rows (~1 s in Chromium).
 * It walks the sort's index in order and stops after one page, so the first page costs a few
 * milliseconds whatever the size of the court.
 *
 * It answers only the unfiltered register, whose total is the case count (case-count.ts: kept
 * from the last count, so the first page never waits for a walk of the store). A free-text query
 * or a filter returns `undefined` and the caller waits for the in-memory index: the `cases` table
 * has no index per filter to count with (schema v11: four index entries per case written, for
 * the first second after opening). Page contents and order are identical to the in-memory path
 * (the tie breakers in search.ts follow IndexedDB's index order); a test pins that.
 */
import type { Collection } from 'dexie';
import { caseRowOf } from './projection.js';
import type { CaseRecord, CourtdeskDb } from './schema.js';
import { hasQuery, hasStructuredFilter } from './search.js';
import type { CaseFilter, CasePage, CaseRow, CaseSort } from './types.js';

type Coll = Collection<CaseRecord, string>;

async function page(collection: Coll, offset: number, limit: number): Promise<CaseRow[]> {
  return (await collection.offset(offset).limit(limit).toArray()).map(caseRowOf);
}

/**
 * One page of the unfiltered register from the sort's index, or undefined when the filter needs
 * the in-memory index.
 *
 * @example await listFromIndexes(db, {}, 'numberDesc', 0, 50)
 */
export async function listFromIndexes(
  db: CourtdeskDb,
  filter: CaseFilter,
  sort: CaseSort,
  offset: number,
  limit: number,
  countCases: () => Promise<number> = () => db.cases.count(),
): Promise<CasePage | undefined> {
  if (hasQuery(filter) || hasStructuredFilter(filter)) return undefined;
  offset = Math.max(0, Math.floor(offset));
  limit = Math.max(0, Math.floor(limit));

  // The page first: a count of the store walks all of it (case-count.ts), and IndexedDB answers
  // one request after the other. The total may be the one kept from the last count, so a page
  // is never cut by it: it is at least what the page shows.
  const rows = limit === 0 ? [] : await sortedPage(db, sort, offset, limit);
  if (rows === undefined) return undefined;
  const total = Math.max(await countCases(), offset + rows.length);
  return { rows, total };
}

async function sortedPage(db: CourtdeskDb, sort: CaseSort, offset: number, limit: number): Promise<CaseRow[] | undefined> {
  switch (sort) {
    case 'numberDesc':
      return page(db.cases.orderBy('numberSortKey').reverse(), offset, limit);
    case 'numberAsc':
      return page(db.cases.orderBy('numberSortKey'), offset, limit);
    case 'updatedDesc':
      return page(db.cases.orderBy('updatedAt').reverse(), offset, limit);
    case 'nextHearing':
      return nextHearingPage(db, offset, limit);
  }
}

/**
 * Cases with a hearing ahead (by date), then the others (by id). Crossing from the first group
 * into the second needs the first group's size; it is known when the page ends inside the first
 * group, otherwise we give up and let the in-memory index answer.
 */
async function nextHearingPage(db: CourtdeskDb, offset: number, limit: number): Promise<CaseRow[] | undefined> {
  const ahead = await page(db.cases.where('nextHearingAt').above(''), offset, limit);
  if (ahead.length === limit) return ahead;
  if (ahead.length === 0 && offset > 0) return undefined;
  // The first group ended inside this page: it holds exactly offset + ahead.length cases.
  const rest = await page(db.cases.where('nextHearingAt').equals(''), 0, limit - ahead.length);
  return [...ahead, ...rest];
}
