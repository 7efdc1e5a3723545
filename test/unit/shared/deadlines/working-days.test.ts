import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../shared/demo/prng.js';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  countWorkingDays,
  daysBetween,
  defaultTables,
  isIsoDate,
  isWorkingDay,
  nextWorkingDay,
  onOrNextWorkingDay,
} from '../../../../shared/deadlines/index.js';

describe('calendar arithmetic', () => {
  it('adds calendar days across months and leap days', () => {
    expect(addCalendarDays('2025-01-25', 10)).toBe('2025-02-04');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('adds months the civil-law way: same day, or the last day of a shorter month', () => {
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-10-31', 2)).toBe('2025-12-31');
    expect(addMonths('2025-12-31', -1)).toBe('2025-11-30');
  });

  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-05')).toBe(false);
  });
});

describe('working days over the bundled holiday table', () => {
  it('knows weekends, statutory holidays, Tết, swaps and nghỉ bù', () => {
    expect(isWorkingDay('2025-01-24')).toBe(true); // Friday
    expect(isWorkingDay('2025-01-25')).toBe(false); // Saturday
    for (const day of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']) expect(isWorkingDay(day)).toBe(false);
    expect(isWorkingDay('2025-04-07')).toBe(false); // Giỗ Tổ Hùng Vương
    expect(isWorkingDay('2025-05-02')).toBe(false); // swapped off …
    expect(isWorkingDay('2025-04-26')).toBe(true); // … for this Saturday
    expect(isWorkingDay('2025-09-01')).toBe(false);
    expect(isWorkingDay('2025-09-02')).toBe(false);
    // 2026: Giỗ Tổ falls on Sunday 26/04 → nghỉ bù on Monday 27/04.
    expect(isWorkingDay('2026-04-27')).toBe(false);
    // 2023: 01/01 was a Sunday → Monday 02/01 off.
    expect(isWorkingDay('2023-01-02')).toBe(false);
  });

  it('moves to the next working day', () => {
    expect(nextWorkingDay('2025-01-24')).toBe('2025-02-03');
    expect(onOrNextWorkingDay('2025-01-24')).toBe('2025-01-24');
    expect(onOrNextWorkingDay('2025-04-30')).toBe('2025-05-05');
  });

  it('adds working days across Tết and back', () => {
    expect(addWorkingDays('2025-01-23', 3)).toBe('2025-02-04');
    expect(addWorkingDays('2025-02-04', -3)).toBe('2025-01-23');
    expect(countWorkingDays('2025-01-23', '2025-02-04')).toBe(3);
    expect(countWorkingDays('2025-02-04', '2025-01-23')).toBe(-3);
    expect(addWorkingDays('2025-01-25', 0)).toBe('2025-01-25');
  });

  it('treats only weekends as days off outside the table years', () => {
    const calendar = defaultTables().calendar;
    expect(calendar.firstYear).toBe(2020);
    expect(calendar.lastYear).toBe(2040);
    expect(isWorkingDay('2041-01-01')).toBe(true); // not in the table
    expect(isWorkingDay('2041-01-05')).toBe(false); // Saturday
  });
});

describe('working-day arithmetic is consistent (seeded random dates 2020–2040)', () => {
  const SEED = 20251128;
  const first = Date.UTC(2020, 0, 1) / 86_400_000;
  const last = Date.UTC(2040, 11, 31) / 86_400_000;
  const rng = createRng(SEED);
  const samples = Array.from({ length: 400 }, () => ({
    date: new Date(rng.int(first, last) * 86_400_000).toISOString().slice(0, 10),
    n: rng.int(1, 40),
  }));

  it('addWorkingDays(d, n) is a working day for n ≥ 1', () => {
    for (const { date, n } of samples) {
      const result = addWorkingDays(date, n);
      expect(isWorkingDay(result), `seed ${SEED}: ${date} + ${n}`).toBe(true);
      expect(result > date, `seed ${SEED}: ${date} + ${n}`).toBe(true);
    }
  });

  it('is strictly monotonic in n', () => {
    for (const { date, n } of samples.slice(0, 100)) {
      let previous = addWorkingDays(date, 0);
      for (let k = 1; k <= n; k += 1) {
        const next = addWorkingDays(date, k);
        expect(next > previous, `seed ${SEED}: ${date}, n ${k}`).toBe(true);
        previous = next;
      }
    }
  });

  it('countWorkingDays inverts it, forwards and backwards', () => {
    for (const { date, n } of samples) {
      expect(countWorkingDays(date, addWorkingDays(date, n)), `seed ${SEED}: ${date} + ${n}`).toBe(n);
      expect(countWorkingDays(date, addWorkingDays(date, -n)), `seed ${SEED}: ${date} − ${n}`).toBe(-n);
    }
  });

  it('has no working day strictly between d and nextWorkingDay(d)', () => {
    for (const { date } of samples) {
      const next = nextWorkingDay(date);
      expect(countWorkingDays(date, next), `seed ${SEED}: ${date}`).toBe(1);
      expect(addWorkingDays(date, 1)).toBe(next);
    }
  });

  it('addMonths never overflows into the next month', () => {
    for (const { date, n } of samples) {
      const result = addMonths(date, n);
      const months = (Number(result.slice(0, 4)) - Number(date.slice(0, 4))) * 12 + Number(result.slice(5, 7)) - Number(date.slice(5, 7));
      expect(months, `seed ${SEED}: ${date} + ${n} months`).toBe(n);
      expect(Number(result.slice(8, 10)) <= Number(date.slice(8, 10))).toBe(true);
    }
  });
});
