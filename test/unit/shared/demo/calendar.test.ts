import { describe, expect, it } from 'vitest';
import { fromDayNumber, localDateTime, mondayOf, timestampAt, toDayNumber, weekday, WorkCalendar, yearOf } from '../../../../shared/demo/calendar.js';

describe('day numbers', () => {
  it('round-trips dates, across month, leap-day and year ends', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2024-12-31', '2025-01-01', '2025-11-28']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    expect(toDayNumber('2025-03-01') - toDayNumber('2025-02-28')).toBe(1);
    expect(toDayNumber('2024-03-01') - toDayNumber('2024-02-28')).toBe(2);
  });

  it('knows the weekday, the Monday of the week and the year', () => {
    expect(weekday(toDayNumber('2025-11-28'))).toBe(5); // a Friday
    expect(weekday(toDayNumber('2025-11-30'))).toBe(0); // a Sunday
    expect(fromDayNumber(mondayOf(toDayNumber('2025-11-30')))).toBe('2025-11-24');
    expect(fromDayNumber(mondayOf(toDayNumber('2025-11-24')))).toBe('2025-11-24');
    expect(yearOf(toDayNumber('2025-12-31'))).toBe(2025);
  });

  it('writes Vietnamese local times as UTC instants and local date-times', () => {
    const day = toDayNumber('2025-03-10');
    expect(timestampAt(day, 8 * 60 + 15)).toBe('2025-03-10T01:15:00.000Z');
    // Before 07:00 in Vietnam it is still the previous day in UTC.
    expect(timestampAt(day, 6 * 60 + 30)).toBe('2025-03-09T23:30:00.000Z');
    expect(localDateTime(day, 7 * 60 + 30)).toBe('2025-03-10T07:30');
    expect(localDateTime(day, 13 * 60 + 5)).toBe('2025-03-10T13:05');
  });
});

describe('WorkCalendar', () => {
  const friday = toDayNumber('2025-11-28');
  const saturday = friday + 1;

  it('works Monday to Friday', () => {
    const cal = new WorkCalendar(friday);
    expect(cal.isWorkingDay(friday)).toBe(true);
    expect(cal.isWorkingDay(saturday)).toBe(false);
    expect(fromDayNumber(cal.onOrAfter(saturday))).toBe('2025-12-01');
    expect(fromDayNumber(cal.onOrBefore(saturday))).toBe('2025-11-28');
    expect(fromDayNumber(cal.addWorkingDays(friday, 1))).toBe('2025-12-01');
    expect(fromDayNumber(cal.addWorkingDays(friday, 5))).toBe('2025-12-05');
    expect(cal.addWorkingDays(friday, 0)).toBe(friday);
  });

  it('treats a weekend today as a working day (a declared make-up Saturday)', () => {
    const cal = new WorkCalendar(saturday);
    expect(cal.isWorkingDay(saturday)).toBe(true);
    expect(cal.isWorkingDay(saturday + 1)).toBe(false);
    expect(cal.onOrAfter(saturday)).toBe(saturday);
  });
});
