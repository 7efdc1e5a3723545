/**
 * Dates the way Vietnamese court papers and clerks write them, pure and zone-independent: the
 * domain stores `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm` in the court's own time, so these functions
 * work on the strings' parts and never through a time zone (a laptop set to another zone must
 * still show a hearing at 08:00 on the right day).
 */
import type { Language } from './translate.js';

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

interface DayParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parts(localDate: string): DayParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(localDate);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** 0 = Sunday … 6 = Saturday, computed in UTC so no time zone can shift the day. */
export function weekdayIndex(localDate: string): number {
  const p = parts(localDate);
  if (!p) return -1;
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** @example formatWeekday('2026-01-05', 'vi') // 'Thứ Hai' */
export function formatWeekday(localDate: string, language: Language = 'vi'): string {
  const index = weekdayIndex(localDate);
  if (index < 0) return localDate;
  return (language === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[index] ?? localDate;
}

/** @example formatShortDate('2026-01-05') // '05/01/2026' */
export function formatShortDate(localDate: string): string {
  const p = parts(localDate);
  return p ? `${pad2(p.day)}/${pad2(p.month)}/${p.year}` : localDate;
}

/**
 * The long form of the forms' header line.
 *
 * @example formatLongDate('2026-01-05', 'vi') // 'ngày 05 tháng 01 năm 2026'
 */
export function formatLongDate(localDate: string, language: Language = 'vi'): string {
  const p = parts(localDate);
  if (!p) return localDate;
  if (language === 'vi') return `ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
  return `${p.day} ${MONTHS_EN[p.month - 1] ?? ''} ${p.year}`;
}

/** `HH:mm` of a LocalDateTime, or '' when it has no time part. */
export function formatTime(localDateTime: string): string {
  const match = /T(\d{2}):(\d{2})/.exec(localDateTime);
  return match ? `${match[1]}:${match[2]}` : '';
}

/** @example formatDateTime('2026-01-05T08:00') // '08:00 05/01/2026' */
export function formatDateTime(localDateTime: string): string {
  const time = formatTime(localDateTime);
  const date = formatShortDate(localDateTime.slice(0, 10));
  return time ? `${time} ${date}` : date;
}

/** An audit Timestamp (UTC instant) shown in the user's local clock as `HH:mm dd/MM/yyyy`. */
export function formatTimestamp(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return `${pad2(date.getHours())}:${pad2(date.getMinutes())} ${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** The local calendar day of `now` as `YYYY-MM-DD` (the laptop's clock: a clerk's "today"). */
export function localDay(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** Adds whole days to a `YYYY-MM-DD`, in UTC arithmetic (no DST surprises). */
export function addDays(localDate: string, days: number): string {
  const p = parts(localDate);
  if (!p) return localDate;
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** The Monday of the week that contains `localDate` (Vietnamese weeks start on Monday). */
export function mondayOf(localDate: string): string {
  const index = weekdayIndex(localDate);
  if (index < 0) return localDate;
  return addDays(localDate, index === 0 ? -6 : 1 - index);
}

/** Monday to Saturday of the week containing `localDate`: the court's working days. */
export function workWeek(localDate: string): string[] {
  const monday = mondayOf(localDate);
  return [0, 1, 2, 3, 4, 5].map((offset) => addDays(monday, offset));
}

export function isLocalDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}
