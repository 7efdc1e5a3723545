import { describe, expect, it } from 'vitest';
import { foldVietnamese, searchTokens } from '../../../../shared/text/fold.js';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn Ấn', 'nguyen van an'],
    ['Đặng Thị Ðào', 'dang thi dao'],
    ['đường Đồng Khởi', 'duong dong khoi'],
    ['ĐỖ VĂN ĐẠT', 'do van dat'],
    ['Hòa giải thành', 'hoa giai thanh'],
    ['Phường   Long\tChâu ', 'phuong long chau'],
    ['', ''],
  ])('folds %j to %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds the Icelandic eth (U+00D0, U+00F0) as đ', () => {
    expect(foldVietnamese('\u00d0inh \u00f0ức')).toBe('dinh duc');
    expect(foldVietnamese('\u00d0')).toBe(foldVietnamese('Đ'));
  });

  it('gives the same result for NFD and NFC input', () => {
    const nfc = 'Nguyễn Thị Được';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe('nguyen thi duoc');
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
  });

  it('keeps digits and punctuation', () => {
    expect(foldVietnamese('12/2025/TLST-HNGĐ')).toBe('12/2025/tlst-hngd');
  });

  it('is idempotent', () => {
    const once = foldVietnamese('Trần Thị Ánh Tuyết');
    expect(foldVietnamese(once)).toBe(once);
  });
});

describe('searchTokens', () => {
  it('splits a case number and names into folded tokens', () => {
    expect(searchTokens('12/2025/TLST-HNGĐ Lê Thị Ðào')).toEqual(['12', '2025', 'tlst', 'hngd', 'le', 'thi', 'dao']);
  });

  it('returns nothing for punctuation only', () => {
    expect(searchTokens(' -/., ')).toEqual([]);
  });
});
