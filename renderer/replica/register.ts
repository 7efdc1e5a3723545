/**
 * The register's cold-start path: the first page of `listCases` straight from the `cases`
 * indexes, before the in-memory index (search.ts) has read all 20,000 rows (~1 s in Chromium).
 * It walks the sort's index in order and stops after one page, so the first page costs a few
 * milliseconds whatever the size of the court.
 *
 * It answers only the unfiltered register, whose total is the table's count. A free-text query
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
): Promise<CasePage | undefined> {
  if (hasQuery(filter) || hasStructuredFilter(filter)) return undefined;
  offset = Math.max(0, Math.floor(offset));
  limit = Math.max(0, Math.floor(limit));

  const total = await db.cases.count();
  if (limit === 0 || offset >= total) return { rows: [], total };

  switch (sort) {
    case 'numberDesc':
      return { rows: await page(db.cases.orderBy('numberSortKey').reverse(), offset, limit), total };
    case 'numberAsc':
      return { rows: await page(db.cases.orderBy('numberSortKey'), offset, limit), total };
    case 'updatedDesc':
      return { rows: await page(db.cases.orderBy('updatedAt').reverse(), offset, limit), total };
    case 'nextHearing':
      return nextHearingPage(db, offset, limit, total);
  }
}

/**
 * Cases with a hearing ahead (by date), then the others (by id). Crossing from the first group
 * into the second needs the first group's size; it is known when the page ends inside the first
 * group, otherwise we give up and let the in-memory index answer.
 */
async function nextHearingPage(db: CourtdeskDb, offset: number, limit: number, total: number): Promise<CasePage | undefined> {
  const ahead = await page(db.cases.where('nextHearingAt').above(''), offset, limit);
  if (ahead.length === limit) return { rows: ahead, total };
  if (ahead.length === 0 && offset > 0) return undefined;
  // The first group ended inside this page: it holds exactly offset + ahead.length cases.
  const rest = await page(db.cases.where('nextHearingAt').equals(''), 0, limit - ahead.length);
  return { rows: [...ahead, ...rest], total };
}
