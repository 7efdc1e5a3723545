/**
 * Working-day arithmetic over a holiday table. A working day is a weekday that is not a day off,
 * or a weekend day the table says is worked (làm bù). Outside the table's years only weekends are
 * off: the engine says so in a deadline's note rather than guess a Tết it does not know.
 *
 * All methods work on day numbers (./dates.ts); ./working-days.ts has the `YYYY-MM-DD` API.
 */
import { fromDay, toDay, weekdayOf, yearOfDay } from './dates.js';
import type { DayOff, HolidayTable } from './holiday-table.js';

export class WorkCalendar {
  readonly version: string;
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly firstDay: number;
  private readonly lastDay: number;
  private readonly weekend: readonly boolean[];
  private readonly off: ReadonlyMap<number, DayOff>;
  private readonly worked: ReadonlySet<number>;

  constructor(table: HolidayTable) {
    this.version = table.version;
    this.firstYear = table.firstYear;
    this.lastYear = table.lastYear;
    this.firstDay = toDay(`${table.firstYear}-01-01`);
    this.lastDay = toDay(`${table.lastYear}-12-31`);
    this.weekend = [0, 1, 2, 3, 4, 5, 6].map((d) => table.weekend.includes(d));
    this.off = new Map(table.daysOff.map((d) => [toDay(d.date), d]));
    this.worked = new Set(table.workingWeekendDays.map((w) => toDay(w.date)));
  }

  /** Whether the table knows the holidays of the year holding `day`. */
  covers(day: number): boolean {
    return day >= this.firstDay && day <= this.lastDay;
  }

  isWorkingDay(day: number): boolean {
    if (this.worked.has(day)) return true;
    return this.weekend[weekdayOf(day)] !== true && !this.off.has(day);
  }

  /** The table's entry for a day off (a holiday, nghỉ bù, swap), if the day is one. */
  dayOff(day: number): DayOff | undefined {
    return this.off.get(day);
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: number): number {
    let next = day + 1;
    while (!this.isWorkingDay(next)) next += 1;
    return next;
  }

  /** `day` itself when it is a working day, else the next one (BLDS 2015 Điều 148 khoản 5). */
  onOrNextWorkingDay(day: number): number {
    return this.isWorkingDay(day) ? day : this.nextWorkingDay(day);
  }

  /**
   * The n-th working day after `day` (n ≥ 1), or before it (n ≤ -1); `day` itself for n = 0.
   * A limit of "3 ngày làm việc" from an event ends on addWorkingDays(event, 3).
   */
  addWorkingDays(day: number, n: number): number {
    let current = day;
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      current += step;
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  /**
   * Working days in (from, to]; when `to` is earlier, minus the working days in [to, from), so
   * that countWorkingDays(d, addWorkingDays(d, n)) === n for every n, negative ones included.
   */
  countWorkingDays(from: number, to: number): number {
    let count = 0;
    if (to >= from) {
      for (let day = from + 1; day <= to; day += 1) if (this.isWorkingDay(day)) count += 1;
      return count;
    }
    for (let day = to; day < from; day += 1) if (this.isWorkingDay(day)) count -= 1;
    return count;
  }

  /** Debug aid: the days off of a year as `YYYY-MM-DD name`. */
  listYear(year: number): string[] {
    const out: string[] = [];
    for (const [day, entry] of this.off) if (yearOfDay(day) === year) out.push(`${fromDay(day)} ${entry.name}`);
    return out.sort();
  }
}
