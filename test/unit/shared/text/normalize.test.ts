import { describe, expect, it } from 'vitest';
import { normalizeDeep, normalizeText } from '../../../../shared/text/normalize.js';

describe('normalizeText', () => {
  it('composes NFD into NFC, trims and collapses spaces', () => {
    const nfd = '  Nguye\u0302\u0303n \u00a0 Va\u0306n  An ';
    expect(normalizeText(nfd)).toBe('Nguyễn Văn An');
    expect(normalizeText(nfd).length).toBe(13);
  });
});

describe('normalizeDeep', () => {
  it('walks objects and arrays, leaving other values and byte arrays alone', () => {
    const bytes = new Uint8Array([1, 2]);
    const out = normalizeDeep({ name: ' Trần  Thị ', tags: ['Đ\u0300', 3], nested: { ok: true, nil: null }, bytes });
    expect(out).toEqual({ name: 'Trần Thị', tags: ['Đ\u0300'.normalize('NFC'), 3], nested: { ok: true, nil: null }, bytes });
    expect(out.bytes).toBe(bytes);
  });
});
