import { describe, expect, it } from 'vitest';
import { documentFileName, sanitiseFilePart, templateShortId } from '../../../../renderer/documents/file-name.js';

describe('export file names', () => {
  it('keeps the form part of the legal id', () => {
    expect(templateShortId('NQ01-2017/52-DS')).toBe('52-DS');
    expect(templateShortId('NQ01-2017/48-DS/TRUC-TUYEN')).toBe('48-DS-TRUC-TUYEN');
    expect(templateShortId('NQ05-2017/27-HS')).toBe('27-HS');
    expect(templateShortId('')).toBe('van-ban');
  });

  it('turns slashes, spaces and diacritics into a portable name', () => {
    expect(sanitiseFilePart('12/2025/TLST-DS')).toBe('12-2025-TLST-DS');
    expect(sanitiseFilePart('72/2025/QĐST-HNGĐ')).toBe('72-2025-QDST-HNGD');
    expect(sanitiseFilePart(' Số: 5 / 2026 / TLST-KDTM ')).toBe('So-5-2026-TLST-KDTM');
    expect(sanitiseFilePart('a\\b:c*d?e"f<g>h|i')).toBe('a-b-c-d-e-f-g-h-i');
  });

  it('names the document and its publication copy', () => {
    expect(documentFileName('NQ01-2017/52-DS', '12/2025/TLST-DS')).toBe('52-DS-12-2025-TLST-DS.docx');
    expect(documentFileName('NQ01-2017/52-DS', '12/2025/TLST-DS', { publication: true })).toBe('52-DS-12-2025-TLST-DS-cong-bo.docx');
    expect(documentFileName('NQ01-2017/48-DS', '')).toBe('48-DS.docx');
  });
});
