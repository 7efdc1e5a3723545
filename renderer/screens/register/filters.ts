/**
 * The register's search and filters as URL parameters (`#/cases?q=…&type=DS,HS&…`), so the
 * back button after opening a case returns to the same list. Pure: parse and format only;
 * anything unknown or malformed in a hand-edited URL is dropped, never an error.
 */
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '../../../shared/domain/vocabulary.js';
import type { CaseFilter, CaseSort } from '../../replica/types.js';
import { isLocalDate } from '../../i18n/dates.js';

export const CASE_SORTS: readonly CaseSort[] = ['numberDesc', 'numberAsc', 'nextHearing', 'updatedDesc'];
export const DEFAULT_SORT: CaseSort = 'numberDesc';

export interface RegisterQuery {
  readonly query: string;
  readonly types: readonly CaseType[];
  readonly statuses: readonly CaseStatus[];
  readonly judgeId: string;
  readonly acceptedFrom: string;
  readonly acceptedTo: string;
  readonly sort: CaseSort;
}

export const EMPTY_REGISTER_QUERY: RegisterQuery = {
  query: '',
  types: [],
  statuses: [],
  judgeId: '',
  acceptedFrom: '',
  acceptedTo: '',
  sort: DEFAULT_SORT,
};

function listParam<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const seen = new Set<T>();
  for (const part of raw.split(',')) {
    const value = part.normalize('NFC').trim();
    if ((allowed as readonly string[]).includes(value)) seen.add(value as T);
  }
  // Keep the vocabulary's order so the same filter always gives the same URL.
  return allowed.filter((value) => seen.has(value));
}

export function parseRegisterQuery(params: URLSearchParams): RegisterQuery {
  const sort = params.get('sort');
  const from = params.get('from');
  const to = params.get('to');
  return {
    query: params.get('q') ?? '',
    types: listParam(params.get('type'), CASE_TYPES),
    statuses: listParam(params.get('status'), CASE_STATUSES),
    judgeId: params.get('judge') ?? '',
    acceptedFrom: isLocalDate(from) ? from : '',
    acceptedTo: isLocalDate(to) ? to : '',
    sort: CASE_SORTS.includes(sort as CaseSort) ? (sort as CaseSort) : DEFAULT_SORT,
  };
}

/** Only non-default values are written, so a plain register is just `#/cases`. */
export function formatRegisterQuery(query: RegisterQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.query) params.set('q', query.query);
  if (query.types.length) params.set('type', query.types.join(','));
  if (query.statuses.length) params.set('status', query.statuses.join(','));
  if (query.judgeId) params.set('judge', query.judgeId);
  if (query.acceptedFrom) params.set('from', query.acceptedFrom);
  if (query.acceptedTo) params.set('to', query.acceptedTo);
  if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
  return params;
}

/** The replica filter for a register query: empty parts are left out. */
export function toCaseFilter(query: RegisterQuery): CaseFilter {
  const trimmed = query.query.trim();
  return {
    ...(trimmed ? { query: trimmed } : {}),
    ...(query.types.length ? { types: query.types } : {}),
    ...(query.statuses.length ? { statuses: query.statuses } : {}),
    ...(query.judgeId ? { judgeId: query.judgeId } : {}),
    ...(query.acceptedFrom ? { acceptedFrom: query.acceptedFrom } : {}),
    ...(query.acceptedTo ? { acceptedTo: query.acceptedTo } : {}),
  };
}

export function hasFilters(query: RegisterQuery): boolean {
  return Boolean(
    query.types.length || query.statuses.length || query.judgeId || query.acceptedFrom || query.acceptedTo,
  );
}
