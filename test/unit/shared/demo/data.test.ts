import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allProvinces, homeProvince, placeOfAddress } from '../../../../shared/demo/places.js';
import { personName } from '../../../../shared/demo/people.js';
import { createRng } from '../../../../shared/demo/prng.js';
import { catalogueSize } from '../../../../shared/demo/subjects.js';
import { CASE_TYPES } from '../../../../shared/domain/vocabulary.js';

const DATA = path.resolve(import.meta.dirname, '../../../../shared/demo/data');
const readJson = (name: string) => JSON.parse(readFileSync(path.join(DATA, name), 'utf8')) as Record<string, unknown>;

describe('shipped demo data', () => {
  it.each(['names.json', 'admin-units.json'])('%s is small, NFC and cites its source', (name) => {
    const text = readFileSync(path.join(DATA, name), 'utf8');
    expect(text.length).toBeLessThan(40_000);
    expect(text).toBe(text.normalize('NFC'));
    const data = readJson(name);
    expect(String(data.source)).toMatch(/\.\.\/shared\/data\/.*SOURCES\.md/);
    expect(String(data.source)).toMatch(/commit [0-9a-f]{40}/);
  });

  it('holds all 124 units of Vĩnh Long and four neighbours, with no districts', () => {
    const home = homeProvince();
    expect(home.label).toBe('tỉnh Vĩnh Long');
    expect(home.units).toHaveLength(124);
    expect(home.units.map((u) => u.label)).toContain('xã Cái Nhum');
    expect(allProvinces().map((p) => p.label)).toEqual([
      'tỉnh Vĩnh Long',
      'thành phố Cần Thơ',
      'tỉnh Đồng Tháp',
      'tỉnh An Giang',
      'Thành phố Hồ Chí Minh',
    ]);
    for (const p of allProvinces()) for (const u of p.units) expect(u.label).toMatch(/^(xã|phường|đặc khu) \S/);
  });

  it('has no misspelt name tokens left', () => {
    const names = readJson('names.json') as { surnames: [string, number][]; given: Record<string, [string, number, unknown][]> };
    const tokens = [...names.surnames.map(([n]) => n), ...Object.values(names.given).flat().map(([n]) => n)];
    for (const bad of ['Le', 'Vuõ', 'Uùt', 'Hieàn', 'Búi']) expect(tokens).not.toContain(bad);
  });

  it('draws gendered names: "Thị" only for women', () => {
    const rng = createRng(3);
    const women = Array.from({ length: 400 }, () => personName(rng, 'female'));
    const men = Array.from({ length: 400 }, () => personName(rng, 'male'));
    expect(men.some((n) => n.split(' ').includes('Thị'))).toBe(false);
    expect(women.filter((n) => n.split(' ').includes('Thị')).length).toBeGreaterThan(200);
    expect(men.filter((n) => n.split(' ')[1] === 'Văn').length).toBeGreaterThan(50);
    expect(new Set([...men, ...women]).size).toBeGreaterThan(700);
  });

  it('maps an address back to its province', () => {
    expect(placeOfAddress('ấp 3, xã Tân Hòa, thành phố Cần Thơ').provinceCode).toBe('92');
    expect(placeOfAddress('khóm 2, phường Long Châu, tỉnh Vĩnh Long')).toMatchObject({ provinceCode: '86', commune: 'phường Long Châu' });
  });

  it('offers varied subjects: dozens for the common types', () => {
    for (const type of CASE_TYPES) expect(catalogueSize(type), type).toBeGreaterThan(0);
    expect(catalogueSize('DS')).toBeGreaterThanOrEqual(20);
    expect(catalogueSize('HS')).toBeGreaterThanOrEqual(20);
    expect(catalogueSize('HNGĐ')).toBeGreaterThanOrEqual(10);
  });
});
