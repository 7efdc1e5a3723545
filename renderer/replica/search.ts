/**
 * The register's in-memory index of case rows: free-text search, filters, sorting and paging in
 * a few milliseconds over 20,000 cases (budget: p95 ≤ 50 ms, DESIGN §6).
 *
 * Why not MiniSearch or FlexSearch: the register needs every match (to count and to page), and
 * ranking all hits is what makes MiniSearch slow on common Vietnamese syllables (perf-anchors
 * T12). Case rows are short (number, parties, subject: ~150 characters), so a linear scan of
 * pre-folded strings with `String.prototype.includes` is both exact and fast (~1 µs per row).
 *
 * Matching: the query is folded (no diacritics, đ → d, lower case) and split on punctuation; a
 * row matches when every token starts a word of the row's folded text. Ranking, best first:
 *  0. the query is the start of the case's acceptance number ("12/2025", "6/2021/TLST");
 *  1. the query as typed, accents included, appears in the number, parties or subject
 *     ("con dế" ranks above "con dê");
 *  2. the folded query appears as a phrase ("nguyen van an" in that order);
 *  3. all tokens appear somewhere.
 * Inside a rank, rows keep the order the user chose (CaseSort).
 */
import { foldVietnamese, searchTokens } from '../../shared/text/fold.js';
import type { CaseFilter, CasePage, CaseRow, CaseSort } from './types.js';

interface Entry {
  row: CaseRow;
  /** ' ' + folded words separated by single spaces + ' ': a token t matches when ' ' + t is found. */
  words: string;
  /** Folded words of the acceptance number and its unpadded variant, for rank 0. */
  numberWords: readonly string[];
  /** Lower-case accented number, parties and subject, for rank 1. */
  accented: string;
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

function wordsOf(folded: string): string {
  return ` ${folded.split(NON_WORD).filter(Boolean).join(' ')} `;
}

function makeEntry(row: CaseRow): Entry {
  const number = row.acceptanceNumber;
  const unpadded = number.replace(/^0+(?=\d)/, '');
  const numberWords = [...new Set([number, unpadded])].map((n) => wordsOf(foldVietnamese(n)));
  return {
    row,
    words: wordsOf(row.searchText),
    numberWords,
    accented: `${number} ${row.partySummary} ${row.subject}`.normalize('NFC').toLowerCase(),
  };
}

/** True when the row passes the structured filters (everything but the free-text query). */
export function matchesFilter(row: CaseRow, filter: CaseFilter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(row.type)) return false;
  if (filter.statuses && filter.statuses.length > 0 && !filter.statuses.includes(row.status)) return false;
  if (filter.judgeId !== undefined && filter.judgeId !== '' && row.judgeId !== filter.judgeId) return false;
  if (filter.acceptedFrom !== undefined && filter.acceptedFrom !== '' && row.acceptanceDate < filter.acceptedFrom) return false;
  if (filter.acceptedTo !== undefined && filter.acceptedTo !== '' && row.acceptanceDate > filter.acceptedTo) return false;
  return true;
}

/** True when the filter narrows by type, status, judge or acceptance date. */
export function hasStructuredFilter(filter: CaseFilter): boolean {
  return Boolean(
    (filter.types && filter.types.length > 0) ||
      (filter.statuses && filter.statuses.length > 0) ||
      filter.judgeId ||
      filter.acceptedFrom ||
      filter.acceptedTo,
  );
}

/** True when the filter carries a free-text query with at least one searchable token. */
export function hasQuery(filter: CaseFilter): boolean {
  return filter.query !== undefined && searchTokens(filter.query).length > 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of each CaseSort. Ties fall back to the case id, in the same direction as the
 * IndexedDB index walk, so the cold-start path (Dexie indexes, see register.ts) and this index
 * return identical pages.
 */
export const CASE_SORTS: Record<CaseSort, (a: CaseRow, b: CaseRow) => number> = {
  numberDesc: (a, b) => cmp(b.numberSortKey, a.numberSortKey) || cmp(b.id, a.id),
  numberAsc: (a, b) => cmp(a.numberSortKey, b.numberSortKey) || cmp(a.id, b.id),
  updatedDesc: (a, b) => cmp(b.updatedAt, a.updatedAt) || cmp(b.id, a.id),
  // Cases with a hearing ahead first, soonest first; the rest after, by id.
  nextHearing: (a, b) => {
    if (a.nextHearingAt === '' && b.nextHearingAt !== '') return 1;
    if (b.nextHearingAt === '' && a.nextHearingAt !== '') return -1;
    return cmp(a.nextHearingAt, b.nextHearingAt) || cmp(a.id, b.id);
  },
};

/** Sorts rows in place with the order of `sort`. */
export function sortRows(rows: CaseRow[], sort: CaseSort): CaseRow[] {
  return rows.sort(CASE_SORTS[sort]);
}

interface CompiledQuery {
  /** ' ' + token for each token, longest first (most selective, so misses exit early). */
  needles: readonly string[];
  phrase: string;
  accented: string;
  hasAccents: boolean;
}

function compileQuery(query: string): CompiledQuery | undefined {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return undefined;
  const accented = query.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return {
    needles: [...new Set(tokens)].sort((a, b) => b.length - a.length).map((t) => ` ${t}`),
    phrase: ` ${tokens.join(' ')}`,
    accented,
    // Typed without diacritics, rank 1 would say nothing rank 2 does not.
    hasAccents: accented !== foldVietnamese(accented),
  };
}

/** Rank of a matching entry (0 best), or -1 when it does not match. */
function rankOf(entry: Entry, q: CompiledQuery): number {
  for (const needle of q.needles) {
    if (!entry.words.includes(needle)) return -1;
  }
  if (entry.numberWords.some((n) => n.startsWith(q.phrase))) return 0;
  if (q.hasAccents && entry.accented.includes(q.accented)) return 1;
  if (entry.words.includes(q.phrase)) return 2;
  return 3;
}

const RANKS = 4;

export class CaseSearchIndex {
  private readonly entries = new Map<string, Entry>();
  /** Entries in each sort's order, computed on demand and dropped on any change. */
  private readonly sorted = new Map<CaseSort, Entry[]>();

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  upsert(row: CaseRow): void {
    this.entries.set(row.id, makeEntry(row));
    this.sorted.clear();
  }

  remove(id: string): void {
    if (this.entries.delete(id)) this.sorted.clear();
  }

  clear(): void {
    this.entries.clear();
    this.sorted.clear();
  }

  /**
   * Filters, searches, ranks and pages.
   *
   * @example index.query({ query: 'nguyen van an', statuses: ['preparing'] }, 'numberDesc', 0, 50)
   */
  query(filter: CaseFilter, sort: CaseSort, offset: number, limit: number): CasePage {
    const ordered = this.inOrder(sort);
    const from = Math.max(0, Math.floor(offset));
    const to = from + Math.max(0, Math.floor(limit));
    const compiled = filter.query === undefined ? undefined : compileQuery(filter.query);
    const filtered = hasStructuredFilter(filter);
    if (!compiled && !filtered) return { rows: ordered.slice(from, to).map((e) => e.row), total: ordered.length };

    // Pass 1: the rank of every entry (-1: no match) and how many entries each rank holds.
    // No per-match allocation: 20,000 rows stay a few milliseconds even when most match.
    const ranks = new Int8Array(ordered.length);
    const counts = new Array<number>(RANKS).fill(0);
    for (let i = 0; i < ordered.length; i += 1) {
      const entry = ordered[i]!;
      const rank = filtered && !matchesFilter(entry.row, filter) ? -1 : compiled ? rankOf(entry, compiled) : RANKS - 1;
      ranks[i] = rank;
      if (rank >= 0) counts[rank]! += 1;
    }
    // Pass 2: collect only the requested page, rank by rank, each rank in the sort's order.
    const rows: CaseRow[] = [];
    let position = 0;
    for (let rank = 0; rank < RANKS && position < to; rank += 1) {
      if (position + counts[rank]! <= from) {
        position += counts[rank]!;
        continue;
      }
      for (let i = 0; i < ordered.length && position < to; i += 1) {
        if (ranks[i] !== rank) continue;
        if (position >= from) rows.push(ordered[i]!.row);
        position += 1;
      }
    }
    return { rows, total: counts.reduce((a, b) => a + b, 0) };
  }

  private inOrder(sort: CaseSort): Entry[] {
    let ordered = this.sorted.get(sort);
    if (!ordered) {
      const compare = CASE_SORTS[sort];
      ordered = [...this.entries.values()].sort((a, b) => compare(a.row, b.row));
      this.sorted.set(sort, ordered);
    }
    return ordered;
  }
}
