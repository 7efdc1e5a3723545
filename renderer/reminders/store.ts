/**
 * The reminders of the running app: one computation at a time, shared by the nav count and the
 * Hôm nay panel, recomputed a few seconds after start (never competing with the cold start),
 * after changes to the replica (debounced), when the settings or the chosen staff change, and
 * every ten minutes (the day turns, deadlines come closer). New reminders become desktop
 * notifications through the bridge, each situation once (notified.ts).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useReplica } from '../app/replica-context.js';
import { bridge } from '../bridge/index.js';
import { localDay } from '../i18n/dates.js';
import { getLanguage, t } from '../i18n/language.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { openDocProbe } from '../dayplan/local-docs.js';
import { useStaffChoice } from '../dayplan/staff-choice.js';
import type { Reminder } from './compute.js';
import { takeUnnotified } from './notified.js';
import { reminderText } from './reminder-text.js';
import { getReminderSettings, useReminderSettings } from './settings.js';

export interface ReminderState {
  readonly reminders: readonly Reminder[];
  readonly computedAt?: string;
  readonly computing: boolean;
  readonly error?: string;
}

let state: ReminderState = { reminders: [], computing: false };
const listeners = new Set<() => void>();

function set(next: ReminderState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function useReminderState(): ReminderState {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => state,
  );
}

const FIRST_RUN_DELAY_MS = 3_000;
const CHANGE_DEBOUNCE_MS = 5_000;
const PERIOD_MS = 10 * 60_000;
/** More new reminders than this at once become one summary notification. */
const MAX_SINGLE_NOTIFICATIONS = 3;

/** Shows the reminders not notified before (each situation once). */
export async function notifyNew(reminders: readonly Reminder[]): Promise<void> {
  if (!getReminderSettings().notify || bridge.notificationPermission() !== 'granted') return;
  const fresh = new Set(takeUnnotified(reminders.map((r) => r.id)));
  const items = reminders.filter((r) => fresh.has(r.id));
  if (items.length === 0) return;
  if (items.length > MAX_SINGLE_NOTIFICATIONS) {
    await bridge.notify({ title: t('dayplan.reminders.notifyTitle'), body: t('dayplan.reminders.notifyMany', { count: items.length }) });
    return;
  }
  for (const item of items) {
    const text = reminderText(item, t, getLanguage());
    await bridge.notify({ title: `${t('dayplan.reminders.notifyTitle')}: ${text.heading}`, body: text.line });
  }
}

/** Runs the reminders for the open replica; mount once, in the shell. */
export function useReminderEngine(): void {
  const { replica, info } = useReplica();
  const { sessions } = useSync();
  const [staffId] = useStaffChoice();
  const settings = useReminderSettings();
  const probe = useMemo(() => openDocProbe(), []);
  useEffect(() => () => probe.close(), [probe]);

  useEffect(() => {
    const court = info.court;
    if (!court) return;
    let cancelled = false;
    let running = false;
    let again = false;
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      set({ ...state, computing: true });
      try {
        const { runReminders } = await import('./run.js');
        const reminders = await runReminders({ replica, probe, court, staff: info.staff, staffId, today: localDay(), withinDays: settings.days, serverConfigured: Boolean(sessions.load()?.token) });
        if (cancelled) return;
        set({ reminders, computedAt: new Date().toISOString(), computing: false });
        await notifyNew(reminders);
      } catch (cause) {
        if (!cancelled) set({ ...state, computing: false, error: cause instanceof Error ? cause.message : String(cause) });
      } finally {
        running = false;
        if (again && !cancelled) {
          again = false;
          void run();
        }
      }
    };
    const first = setTimeout(() => void run(), FIRST_RUN_DELAY_MS);
    const period = setInterval(() => void run(), PERIOD_MS);
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const off = replica.subscribe(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void run(), CHANGE_DEBOUNCE_MS);
    });
    return () => {
      cancelled = true;
      clearTimeout(first);
      clearInterval(period);
      clearTimeout(debounce);
      off();
    };
  }, [replica, info.court, info.staff, staffId, settings.days, sessions, probe]);
}
