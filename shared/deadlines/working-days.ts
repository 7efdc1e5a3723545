/**
 * Working-day arithmetic on `YYYY-MM-DD` dates, over the bundled holiday table unless a calendar
 * is given. Thin wrappers over {@link WorkCalendar}, which works on day numbers.
 */
import { fromDay, toDay } from './dates.js';
import { defaultTables } from './tables.js';
import type { WorkCalendar } from './work-calendar.js';

const calendarOr = (calendar?: WorkCalendar): WorkCalendar => calendar ?? defaultTables().calendar;

/**
 * @example isWorkingDay('2025-01-29') // false: mùng 1 Tết Ất Tỵ
 * @example isWorkingDay('2025-04-26') // true: a Saturday worked instead of 2 May
 */
export function isWorkingDay(date: string, calendar?: WorkCalendar): boolean {
  return calendarOr(calendar).isWorkingDay(toDay(date));
}

/** The first working day strictly after `date`. @example nextWorkingDay('2025-01-24') // '2025-02-03' */
export function nextWorkingDay(date: string, calendar?: WorkCalendar): string {
  return fromDay(calendarOr(calendar).nextWorkingDay(toDay(date)));
}

/** `date` when it is a working day, else the next one: where a limit ending on a day off ends. */
export function onOrNextWorkingDay(date: string, calendar?: WorkCalendar): string {
  return fromDay(calendarOr(calendar).onOrNextWorkingDay(toDay(date)));
}

/** The n-th working day after `date` (before it for n < 0). @example addWorkingDays('2025-01-24', 1) // '2025-02-03' */
export function addWorkingDays(date: string, n: number, calendar?: WorkCalendar): string {
  return fromDay(calendarOr(calendar).addWorkingDays(toDay(date), n));
}

/** Working days in (from, to] (minus those in [to, from) when `to` is earlier): the inverse of {@link addWorkingDays}. */
export function countWorkingDays(from: string, to: string, calendar?: WorkCalendar): number {
  return calendarOr(calendar).countWorkingDays(toDay(from), toDay(to));
}
