/**
 * Calendar arithmetic on whole days, numbered from 1970-01-01 (UTC), so a deadline never drifts
 * with a laptop's time zone. Dates in and out of the public API are `YYYY-MM-DD` strings; the day
 * numbers are what the engine computes with (a 20,000-case court is ~100,000 deadlines).
 *
 * Months follow the Bộ luật Dân sự 2015 Điều 148 khoản 1 điểm b [GK]: a limit counted in months
 * ends on the same day number of the last month, or on that month's last day when it has no such
 * day (31 January + 1 month = 28 or 29 February).
 */

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` → day number. The caller has checked the format (see {@link isIsoDate}). */
export function toDay(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
}

const dayNames = new Map<number, string>();

/** Day number → `YYYY-MM-DD`. Cached: a court repeats the same few thousand days. */
export function fromDay(day: number): string {
  let text = dayNames.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayNames.size > 50_000) dayNames.clear();
    dayNames.set(day, text);
  }
  return text;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = toDay(text);
  return Number.isFinite(day) && fromDay(day) === text;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The calendar year of a day number. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Adds (or with n < 0 subtracts) months on a day number, clamping to the month's last day. */
export function addMonthsToDay(day: number, months: number): number {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const d = date.getUTCDate();
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d, lastOfTarget)) / MS_PER_DAY);
}

/**
 * @example addCalendarDays('2025-01-25', 10) // '2025-02-04'
 */
export function addCalendarDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/**
 * Vietnamese civil-law month arithmetic: same day number, or the last day of a shorter month.
 *
 * @example addMonths('2025-01-31', 1) // '2025-02-28'
 * @example addMonths('2024-08-31', 6) // '2025-02-28'
 */
export function addMonths(date: string, months: number): string {
  return fromDay(addMonthsToDay(toDay(date), months));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}
