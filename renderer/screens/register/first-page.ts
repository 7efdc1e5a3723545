/**
 * The register's first page, asked for at start (boot.ts) when the app opens on the register,
 * before React has rendered the app's frame: its IndexedDB read (in the browser process) then
 * runs while the frame renders, and the register finds the rows waiting when it mounts instead of
 * asking only then. Used once, by the first query with the same filter and sort; a replica change
 * before that drops it (the register asks afresh).
 */
import { parseHash } from '../../app/routes.js';
import type { CasePage, Replica } from '../../replica/types.js';
import { toCaseFilter } from './filters.js';

/** Rows per page of the register (useCasePages.ts loads more as the list scrolls). */
export const PAGE_SIZE = 200;

let early: { readonly replica: Replica; readonly key: string; readonly page: Promise<CasePage>; readonly stop: () => void } | undefined;

/** The key of a register query: the same one useCasePages compares. */
export function registerQueryKey(filter: unknown, sort: unknown): string {
  return JSON.stringify([filter, sort]);
}

/** Asks for the first page of the register the URL opens on, if it opens on the register. */
export function askFirstPageEarly(replica: Replica, hash: string, today: string): void {
  const route = parseHash(hash, today);
  if (route.screen !== 'cases') return;
  const filter = toCaseFilter(route.query);
  const page = replica.listCases(filter, route.query.sort, 0, PAGE_SIZE);
  // An unused early page must not report an unhandled rejection: the register asks again.
  page.catch(() => undefined);
  early?.stop();
  const stop = replica.subscribe(() => {
    early = undefined;
    stop();
  });
  early = { replica, key: registerQueryKey(filter, route.query.sort), page, stop };
}

/** The page asked for at start, if it is this query's first page; given out once. */
export function takeEarlyPage(replica: Replica, key: string, offset: number, limit: number): Promise<CasePage> | undefined {
  if (!early || early.replica !== replica || early.key !== key || offset !== 0 || limit !== PAGE_SIZE) return undefined;
  const { page, stop } = early;
  early = undefined;
  stop();
  return page;
}
