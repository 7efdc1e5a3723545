/**
 * The staff member the day pack, the reminders and the caseload page work for ("Tôi là …"),
 * remembered in localStorage and shared by the three through a tiny store, so changing it in one
 * place updates the others. Empty: the whole court.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'courtdesk.dayplan.staffId';
const listeners = new Set<() => void>();

function read(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

let current = read();

export function getStaffChoice(): string {
  return current;
}

export function setStaffChoice(staffId: string): void {
  current = staffId;
  try {
    localStorage.setItem(KEY, staffId);
  } catch {
    // Kept for this page only.
  }
  for (const listener of listeners) listener();
}

export function useStaffChoice(): [string, (staffId: string) => void] {
  const value = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
  );
  return [value, setStaffChoice];
}
