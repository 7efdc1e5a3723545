import { describe, expect, it } from 'vitest';
import { canonicalCaseNumber, formatCaseNumber, parseCaseNumber } from '../../../../shared/domain/case-number.js';

describe('parseCaseNumber', () => {
  it.each([
    ['12/2025/TLST-DS', '12/2025/TLST-DS', 'acceptance'],
    ['06/2021/TLST- HS', '06/2021/TLST-HS', 'acceptance'],
    ['6/2021/tlst-hs', '06/2021/TLST-HS', 'acceptance'],
    ['Số: 23/2025/QĐXXST-HS', '23/2025/QĐXXST-HS', 'trialDecision'],
    ['23/2025/QDXXST-HS', '23/2025/QĐXXST-HS', 'trialDecision'],
    ['167/2025/QÐXXST-HS', '167/2025/QĐXXST-HS', 'trialDecision'],
    ['34/2025/DS-ST', '34/2025/DS-ST', 'judgment'],
    ['09/2016/KDTM-GĐT', '09/2016/KDTM-GĐT', 'judgment'],
    ['72/2025/QĐST-HNGĐ', '72/2025/QĐST-HNGĐ', 'decision'],
    ['72 / 2025 / QĐST – HNGD', '72/2025/QĐST-HNGĐ', 'decision'],
    ['43/2025/HSST-QĐ', '43/2025/HSST-QĐ', 'adjournment'],
    ['50/TLST-HS', '50/TLST-HS', 'acceptance'],
  ])('reads %s as %s', (raw, canonical, kind) => {
    const parsed = parseCaseNumber(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.kind).toBe(kind);
    expect(formatCaseNumber(parsed.value)).toBe(canonical);
  });

  it('keeps the parts', () => {
    const parsed = parseCaseNumber('19/2021/HS-ST');
    expect(parsed).toEqual({ ok: true, value: { kind: 'judgment', ordinal: 19, year: 2021, caseType: 'HS', level: 'ST' } });
  });

  it.each(['', '   ', 'abc', '12/2025', '12/2025/XYZ-DS', '0/2025/TLST-DS', '12/1800/TLST-DS', '12/2025/TLST-QQ'])(
    'refuses garbage %j with a Vietnamese message',
    (raw) => {
      const parsed = parseCaseNumber(raw);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.error.code).toBe('caseNumber.invalid');
      expect(parsed.error.messageVi).toMatch(/không hợp lệ/);
    },
  );

  it('refuses a number of another kind when one is expected', () => {
    const parsed = canonicalCaseNumber('34/2025/DS-ST', 'acceptance');
    expect(parsed.ok).toBe(false);
  });
});
