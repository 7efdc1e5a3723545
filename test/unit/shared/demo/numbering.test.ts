import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../../shared/demo/calendar.js';
import { NumberBook } from '../../../../shared/demo/numbering.js';

describe('NumberBook', () => {
  it('numbers by date within kind, type, level and year, restarting each year', () => {
    const book = new NumberBook();
    const got: Record<string, string> = {};
    const ask = (name: string, date: string, seq: number, type: 'DS' | 'HS' = 'DS', level: 'ST' | 'PT' = 'ST') =>
      book.request('acceptance', type, level, toDayNumber(date), seq, (n) => (got[name] = n));
    ask('late', '2025-03-02', 0);
    ask('first', '2025-01-01', 1);
    ask('sameDayB', '2025-02-01', 9);
    ask('sameDayA', '2025-02-01', 3);
    ask('nextYear', '2026-01-05', 2);
    ask('criminal', '2025-02-01', 4, 'HS');
    ask('appeal', '2025-02-01', 5, 'DS', 'PT');
    book.resolve();
    expect(got).toEqual({
      first: '01/2025/TLST-DS',
      sameDayA: '02/2025/TLST-DS',
      sameDayB: '03/2025/TLST-DS',
      late: '04/2025/TLST-DS',
      nextYear: '01/2026/TLST-DS',
      criminal: '01/2025/TLST-HS',
      appeal: '01/2025/TLPT-DS',
    });
  });

  it('starts a first year seen from mid-year where its pace since 1 January would be', () => {
    const book = new NumberBook();
    const got: string[] = [];
    // One acceptance every 10 days from 1 July 2025 (day 181 of the year): about 18 before it.
    const start = toDayNumber('2025-07-01');
    for (let i = 0; i < 10; i += 1) book.request('acceptance', 'DS', 'ST', start + i * 10, i, (n) => got.push(n));
    book.request('acceptance', 'DS', 'ST', toDayNumber('2026-01-02'), 10, (n) => got.push(n));
    book.resolve();
    const pace = 11 / (toDayNumber('2026-01-02') - start + 1);
    const offset = Math.round(pace * 181);
    expect(got[0]).toBe(`${String(offset + 1).padStart(2, '0')}/2025/TLST-DS`);
    expect(got.slice(0, 10).map((n) => Number(n.split('/')[0]))).toEqual(Array.from({ length: 10 }, (_, i) => offset + 1 + i));
    expect(got[10]).toBe('01/2026/TLST-DS');
  });

  it('writes every kind of number canonically', () => {
    const book = new NumberBook();
    const got: string[] = [];
    const day = toDayNumber('2025-01-01');
    book.request('trialDecision', 'HS', 'ST', day, 0, (n) => got.push(n));
    book.request('judgment', 'HNGĐ', 'ST', day, 1, (n) => got.push(n));
    book.request('decision', 'KDTM', 'ST', day, 2, (n) => got.push(n));
    book.request('adjournment', 'DS', 'ST', day, 3, (n) => got.push(n));
    book.resolve();
    expect(got).toEqual(['01/2025/QĐXXST-HS', '01/2025/HNGĐ-ST', '01/2025/QĐST-KDTM', '01/2025/DSST-QĐ']);
  });
});
