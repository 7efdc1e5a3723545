/**
 * Every case of a staff scope, read from the local replica (rows first, then each case doc):
 * the reminders and the caseload page compute from whole cases. Yields between chunks so a
 * large replica never freezes the UI; a case whose doc cannot be read is skipped and counted.
 *
 * Decoded cases are kept per replica and dropped exactly when the replica reports a change of
 * that case (`Replica.subscribe`; a bulk change drops them all), so the reminders recomputed
 * after an edit decode one doc, not the whole court. Past {@link MAX_CACHED} cases nothing more
 * is kept (memory), and those are read from their docs each time.
 */
import { inScope, type StaffScope } from '../../shared/caseload/scope.js';
import type { Case } from '../../shared/domain/schemas.js';
import type { Replica } from '../replica/types.js';

export interface ScopedCases {
  readonly cases: readonly Case[];
  /** Case ids whose doc could not be read (corrupt): left out of the figures. */
  readonly unreadable: readonly string[];
}

const CHUNK = 50;
const MAX_CACHED = 5_000;

const caches = new WeakMap<Replica, Map<string, Case>>();

function cacheOf(replica: Replica): Map<string, Case> {
  let cache = caches.get(replica);
  if (!cache) {
    const created = new Map<string, Case>();
    replica.subscribe((change) => {
      if (change.bulk) created.clear();
      else for (const id of change.caseIds) created.delete(id);
    });
    caches.set(replica, created);
    cache = created;
  }
  return cache;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function loadScopedCases(replica: Replica, scope: StaffScope, onProgress?: (done: number, total: number) => void): Promise<ScopedCases> {
  // Every case: no limit, rather than the total, which may be the count kept from before (case-count.ts).
  const page = await replica.listCases({}, 'numberDesc', 0, Number.POSITIVE_INFINITY);
  const rows = page.rows.filter((row) => inScope(scope, row));
  const cases: Case[] = [];
  const unreadable: string[] = [];
  const cache = cacheOf(replica);
  let decoded = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const id = rows[i]!.id;
    const cached = cache.get(id);
    if (cached) {
      cases.push(cached);
      continue;
    }
    const loaded = await replica.loadCase(id);
    decoded += 1;
    if (loaded.ok) {
      cases.push(loaded.value);
      if (cache.size < MAX_CACHED) cache.set(id, loaded.value);
    } else unreadable.push(id);
    if (decoded % CHUNK === 0) {
      onProgress?.(i + 1, rows.length);
      await pause();
    }
  }
  onProgress?.(rows.length, rows.length);
  return { cases, unreadable };
}
