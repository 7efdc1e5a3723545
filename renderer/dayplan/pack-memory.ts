/**
 * Which days a clerk has prepared a pack for, and when (localStorage, per browser profile): the
 * calendar shows "Đã chuẩn bị lúc …" and the reminders know a tomorrow nobody prepared. Only the
 * time of the check is kept; the verdict is recomputed from the replica whenever it is shown, so
 * it can never go stale.
 */
const KEY = 'courtdesk.dayplan.prepared';
/** Days older than this are forgotten at the next write. */
const KEEP_DAYS = 60;

export type PreparedDays = Readonly<Record<string, string>>;

export function readPreparedDays(storage: Storage = localStorage): PreparedDays {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: Record<string, string> = {};
    for (const [day, at] of Object.entries(raw as Record<string, unknown>)) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(day) && typeof at === 'string') out[day] = at;
    }
    return out;
  } catch {
    return {};
  }
}

/** Records that `days` were checked at `at`; `today` prunes old entries. */
export function rememberPrepared(days: readonly string[], at: string, today: string, storage: Storage = localStorage): void {
  const cutoff = shift(today, -KEEP_DAYS);
  const next: Record<string, string> = {};
  for (const [day, when] of Object.entries(readPreparedDays(storage))) if (day >= cutoff) next[day] = when;
  for (const day of days) next[day] = at;
  try {
    storage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: the pack itself is still on the laptop; only the note is lost.
  }
}

function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
