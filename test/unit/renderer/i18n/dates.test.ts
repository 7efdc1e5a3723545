import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDateTime,
  formatLongDate,
  formatShortDate,
  formatTime,
  formatWeekday,
  isLocalDate,
  localDay,
  mondayOf,
  workWeek,
} from '../../../../renderer/i18n/dates.js';

describe('Vietnamese dates', () => {
  it('writes the long form of the forms', () => {
    expect(formatLongDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatLongDate('2026-01-05', 'en')).toBe('5 January 2026');
  });

  it('writes dd/MM/yyyy and times', () => {
    expect(formatShortDate('2026-01-05')).toBe('05/01/2026');
    expect(formatTime('2026-01-05T08:30')).toBe('08:30');
    expect(formatDateTime('2026-01-05T14:00')).toBe('14:00 05/01/2026');
  });

  it('names weekdays the Vietnamese way', () => {
    expect(formatWeekday('2026-01-05')).toBe('Thứ Hai');
    expect(formatWeekday('2026-01-10')).toBe('Thứ Bảy');
    expect(formatWeekday('2026-01-11')).toBe('Chủ nhật');
    expect(formatWeekday('2026-01-07', 'en')).toBe('Wednesday');
  });

  it('computes weeks Monday to Saturday, across month and year ends', () => {
    expect(mondayOf('2026-01-11')).toBe('2026-01-05');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
    expect(workWeek('2025-12-31')).toEqual(['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03']);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('validates local dates and takes the local day of a Date', () => {
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('hôm nay')).toBe(false);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
