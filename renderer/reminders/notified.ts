/**
 * Which reminders were already shown as desktop notifications (localStorage), so the same
 * situation is never notified twice, across restarts. Ids of reminders that no longer exist are
 * forgotten, so a situation that ends and comes back later (a new due date) notifies again.
 */
const KEY = 'courtdesk.reminders.notified';

function read(storage: Storage): Set<string> {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The ids among `currentIds` not notified before; records them all as notified and forgets the
 * ids no longer current. Call it only once notifications can actually be shown.
 */
export function takeUnnotified(currentIds: readonly string[], storage: Storage = localStorage): string[] {
  const seen = read(storage);
  const fresh = currentIds.filter((id) => !seen.has(id));
  try {
    storage.setItem(KEY, JSON.stringify([...new Set(currentIds)]));
  } catch {
    // Storage refused: at worst a reminder is notified again after a restart.
  }
  return fresh;
}
