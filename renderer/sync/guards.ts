/**
 * Guards from rivals' data-loss reports (anchors, "User complaints" #1, #2, #6, #7, #10):
 *
 * - Mass change: a pulled page that would blank or strip many cases at once is not applied until
 *   the user confirms (a server restored from an empty backup must not wipe a clerk's replica).
 * - Clock skew: the PC clock is compared with the server's `Date` header and flagged beyond five
 *   minutes. Ordering never depends on wall time (Yjs orders by client clocks), but deadlines,
 *   hearing times and "last synced at" do, so clerks should know.
 * - Storage: persistent storage is requested (the browser may otherwise evict IndexedDB under
 *   pressure) and low free space is reported before writes start failing.
 *
 * There is deliberately no "reset sync" anywhere: nothing here or in catch-up.ts ever throws
 * local updates away.
 */
import type { SyncChangeSummary } from '../replica/types.js';

export interface MassChangeThresholds {
  /** Share of the replica's cases (0–1) a single page may blank without asking. */
  readonly caseShare: number;
  /** Share of the replica's parties (0–1) a single page may remove without asking. */
  readonly partyShare: number;
  /** Below these absolute numbers nothing is "mass" (a tiny replica, a single correction). */
  readonly minCases: number;
  readonly minParties: number;
}

export const DEFAULT_MASS_CHANGE: MassChangeThresholds = { caseShare: 0.05, partyShare: 0.1, minCases: 3, minParties: 10 };

/** True when the change needs the user's explicit confirmation. */
export function isMassChange(summary: SyncChangeSummary, thresholds: MassChangeThresholds = DEFAULT_MASS_CHANGE): boolean {
  const blanked = summary.casesBlanked.length;
  const casesTooMany = blanked >= thresholds.minCases && blanked > summary.caseTotal * thresholds.caseShare;
  const partiesTooMany = summary.partiesRemoved >= thresholds.minParties && summary.partiesRemoved > summary.partyTotal * thresholds.partyShare;
  return casesTooMany || partiesTooMany;
}

export const CLOCK_SKEW_LIMIT_MS = 5 * 60_000;

/** Local clock minus server clock, when the server's Date header is known. */
export function clockSkewMs(serverDate: number | undefined, localNow: number): number | undefined {
  return serverDate === undefined ? undefined : localNow - serverDate;
}

export function isClockSkewed(skewMs: number | undefined): boolean {
  return skewMs !== undefined && Math.abs(skewMs) > CLOCK_SKEW_LIMIT_MS;
}

export interface StorageHealth {
  /** Whether the browser granted persistent storage (undefined: API missing). */
  readonly persisted?: boolean;
  readonly usage?: number;
  readonly quota?: number;
  /** True when less than {@link LOW_SPACE_BYTES} or 10% of the quota is left. */
  readonly low: boolean;
}

export const LOW_SPACE_BYTES = 200 * 1024 * 1024;

/** Requests persistent storage once and measures what is left. Never throws. */
export async function checkStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageHealth> {
  if (!storage) return { low: false };
  let persisted: boolean | undefined;
  try {
    persisted = (await storage.persisted?.()) || (await storage.persist?.());
  } catch {
    persisted = undefined;
  }
  try {
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || quota === undefined) return { ...(persisted === undefined ? {} : { persisted }), low: false };
    const left = quota - usage;
    return { ...(persisted === undefined ? {} : { persisted }), usage, quota, low: left < LOW_SPACE_BYTES || left < quota * 0.1 };
  } catch {
    return { ...(persisted === undefined ? {} : { persisted }), low: false };
  }
}
