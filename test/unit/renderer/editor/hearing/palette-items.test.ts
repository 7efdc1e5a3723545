/** The quick palette's filter: diacritics-free word starts or initials. */
import { describe, expect, it } from 'vitest';
import { filterPalette, matchesQuery, paletteItems } from '../../../../../renderer/editor/hearing/palette-items.js';

describe('quick palette filter', () => {
  it('matches word starts without diacritics', () => {
    expect(matchesQuery('Bị cáo Nguyễn Văn A trả lời:', 'bi cao tra')).toBe(true);
    expect(matchesQuery('Bị cáo Nguyễn Văn A trả lời:', 'nguyen van a hoi')).toBe(false);
    expect(matchesQuery('Kiểm sát viên hỏi:', 'ksv hoi')).toBe(true);
    expect(matchesQuery('Đương sự', 'duong')).toBe(true);
    expect(matchesQuery('anything', '  ')).toBe(true);
  });

  it('lists turns then phrases and filters both', () => {
    const items = paletteItems([{ key: 'panel:1', label: 'Chủ tọa', defaultVerb: 'hỏi', group: 'officer' }], ['Không có ý kiến.']);
    expect(items.map((i) => i.text)).toEqual(['Chủ tọa hỏi:', 'Chủ tọa trả lời:', 'Chủ tọa trình bày:', 'Không có ý kiến.']);
    expect(filterPalette(items, 'khong y kien').map((i) => i.kind)).toEqual(['phrase']);
    expect(filterPalette(items, 'chu toa tra').map((i) => i.text)).toEqual(['Chủ tọa trả lời:']);
  });
});
