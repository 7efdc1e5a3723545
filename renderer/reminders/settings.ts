/** Reminder settings (Cài đặt → Nhắc việc), per browser profile: how many days ahead, notifications on. */
import { useSyncExternalStore } from 'react';
import { DEFAULT_REMINDER_DAYS } from './compute.js';

const KEY = 'courtdesk.reminders.settings';
export const MAX_REMINDER_DAYS = 60;

export interface ReminderSettings {
  /** Deadlines due within this many days are reminded. */
  readonly days: number;
  /** Desktop notifications (the in-app panel is always on). */
  readonly notify: boolean;
}

export const DEFAULT_SETTINGS: ReminderSettings = { days: DEFAULT_REMINDER_DAYS, notify: true };

/** A value for `days` typed by the user, or an error message key when it is not a whole number 0–60. */
export function parseReminderDays(text: string): { ok: true; value: number } | { ok: false } {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return value <= MAX_REMINDER_DAYS ? { ok: true, value } : { ok: false };
}

function read(): ReminderSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof ReminderSettings, unknown>>;
    const days = typeof raw.days === 'number' && Number.isInteger(raw.days) && raw.days >= 0 && raw.days <= MAX_REMINDER_DAYS ? raw.days : DEFAULT_SETTINGS.days;
    return { days, notify: typeof raw.notify === 'boolean' ? raw.notify : DEFAULT_SETTINGS.notify };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

let current: ReminderSettings | undefined;
const listeners = new Set<() => void>();

export function getReminderSettings(): ReminderSettings {
  current ??= read();
  return current;
}

export function setReminderSettings(patch: Partial<ReminderSettings>): void {
  current = { ...getReminderSettings(), ...patch };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Kept for this session only.
  }
  for (const listener of listeners) listener();
}

export function subscribeReminderSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReminderSettings(): ReminderSettings {
  return useSyncExternalStore(subscribeReminderSettings, getReminderSettings);
}
