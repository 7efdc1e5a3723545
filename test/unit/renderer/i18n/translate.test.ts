import { describe, expect, it } from 'vitest';
import { formatCount, interpolate, isLanguage, translate } from '../../../../renderer/i18n/translate.js';
import { vi } from '../../../../renderer/i18n/vi.js';
import { en } from '../../../../renderer/i18n/en.js';
import type { MessageKey } from '../../../../renderer/i18n/vi.js';

describe('translate', () => {
  it('uses the Vietnamese catalogue by default and fills parameters', () => {
    expect(translate('vi', 'status.localCases', { count: 300 })).toBe('Dữ liệu trên máy: 300 vụ án');
    expect(translate('en', 'status.localCases', { count: 300 })).toBe('Data on this computer: 300 cases');
  });

  it('falls back to English, then to the key', () => {
    const catalogues = { vi: {}, en: { 'nav.today': 'Today' } };
    expect(translate('vi', 'nav.today', undefined, catalogues)).toBe('Today');
    expect(translate('vi', 'nav.cases', undefined, catalogues)).toBe('nav.cases');
  });

  it('keeps unknown parameters visible', () => {
    expect(interpolate('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });

  it('has an English message for every Vietnamese key, and no empty message', () => {
    const keys = Object.keys(vi) as MessageKey[];
    expect(keys.filter((key) => !en[key])).toEqual([]);
    expect(keys.filter((key) => vi[key].trim() === '')).toEqual([]);
  });

  it('uses the same parameters in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as MessageKey[]) {
      expect(params(en[key] ?? ''), key).toEqual(params(vi[key]));
    }
  });

  it('has the register search placeholder the clerks were promised', () => {
    expect(translate('vi', 'register.searchPlaceholder')).toBe('Tìm theo số thụ lý, đương sự, nội dung…');
  });

  it('recognises languages and formats counts per locale', () => {
    expect(isLanguage('vi')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(formatCount('vi', 20000)).toBe('20.000');
    expect(formatCount('en', 20000)).toBe('20,000');
  });
});
