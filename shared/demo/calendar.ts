/**
 * Day arithmetic for the demo court, on whole days numbered from 1970-01-01 (UTC), so dates never
 * drift with a laptop's time zone. Hearings are held Monday to Friday; the generator's `today` is
 * also treated as a working day when it falls on a weekend (courts do sit on the Saturdays they
 * declare "làm bù"), so the "Hôm nay" screen is never empty in a demo opened on a Sunday.
 */

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` → day number. The caller has validated the format. */
export function toDayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** Day number → `YYYY-MM-DD`. Cached: a court file repeats the same few hundred days many times. */
export function fromDayNumber(day: number): string {
  let text = dayNames.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dayNames.set(day, text);
  }
  return text;
}
const dayNames = new Map<number, string>();

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return Number(fromDayNumber(day).slice(0, 4));
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}

/**
 * An ISO-8601 UTC timestamp for a local Vietnamese time (UTC+7, no DST) on a day.
 *
 * @example timestampAt(toDayNumber('2025-03-10'), 8 * 60 + 15) // '2025-03-10T01:15:00.000Z'
 */
export function timestampAt(day: number, localMinutes: number): string {
  let utc = localMinutes - 7 * 60;
  let utcDay = day;
  while (utc < 0) {
    utc += 24 * 60;
    utcDay -= 1;
  }
  utcDay += Math.floor(utc / (24 * 60));
  utc %= 24 * 60;
  return `${fromDayNumber(utcDay)}T${hhmm(utc)}:00.000Z`;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `YYYY-MM-DDTHH:mm`, the local time a hearing is set for. */
export function localDateTime(day: number, localMinutes: number): string {
  return `${fromDayNumber(day)}T${hhmm(localMinutes)}`;
}

export class WorkCalendar {
  constructor(readonly today: number) {}

  isWorkingDay(day: number): boolean {
    const wd = weekday(day);
    return (wd >= 1 && wd <= 5) || day === this.today;
  }

  /** `day` itself if it is a working day, else the next one. */
  onOrAfter(day: number): number {
    let d = day;
    while (!this.isWorkingDay(d)) d += 1;
    return d;
  }

  /** `day` itself if it is a working day, else the previous one. */
  onOrBefore(day: number): number {
    let d = day;
    while (!this.isWorkingDay(d)) d -= 1;
    return d;
  }

  /** The working day `n` working days after `day` (n ≥ 0; n = 0 gives onOrAfter(day)). */
  addWorkingDays(day: number, n: number): number {
    let d = this.onOrAfter(day);
    for (let left = n; left > 0; left -= 1) d = this.onOrAfter(d + 1);
    return d;
  }
}
