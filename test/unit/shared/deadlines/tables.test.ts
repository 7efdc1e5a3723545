import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTableData, defaultTables, HolidayTableSchema, parseTables, RuleTableSchema } from '../../../../shared/deadlines/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

describe('bundled tables', () => {
  it('validate and compile', () => {
    const tables = defaultTables();
    expect(tables.rules.length).toBeGreaterThanOrEqual(30);
    expect(tables.rulesVersion).toMatch(/^\d{4}\.\d+$/);
    expect(tables.holidaysVersion).toMatch(/^\d{4}\.\d+$/);
  });

  it('give every rule a legal basis, a tag and a source when the tag is S', () => {
    for (const rule of defaultTables().rules) {
      expect(rule.basis, rule.id).toMatch(/Điều \d+|Nghị quyết/);
      if (rule.basisTag === 'S') expect(rule.source, rule.id).toMatch(/^https?:\/\//);
    }
  });

  it('list the rules in docs/DEADLINES.md, one row each', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/DEADLINES.md'), 'utf8');
    for (const rule of defaultTables().rules) expect(doc, rule.id).toContain(`\`${rule.id}\``);
  });

  it('hold the 2025 notice and five Tết days for every year', () => {
    const holidays = HolidayTableSchema.parse(bundledTableData().holidays);
    const tet2025 = holidays.daysOff.filter((d) => d.kind === 'tet' && d.date.startsWith('2025')).map((d) => d.date);
    expect(tet2025).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(holidays.daysOff.filter((d) => d.date.startsWith('2025')).every((d) => !d.assumed)).toBe(true);
    expect(holidays.workingWeekendDays.map((w) => w.date)).toEqual(['2025-04-26']);
    for (let year = holidays.firstYear; year <= holidays.lastYear; year += 1) {
      const tet = holidays.daysOff.filter((d) => d.kind === 'tet' && d.date.startsWith(String(year)));
      // Tết days on a weekend are listed as their nghỉ bù instead.
      const substitutes = holidays.daysOff.filter((d) => d.kind === 'substitute' && d.date.startsWith(String(year)) && d.name.includes('Tết Âm lịch'));
      expect(tet.length + substitutes.length, String(year)).toBe(5);
    }
  });

  it('are what scripts/import-holidays.mjs writes (no hand edits)', () => {
    const text = readFileSync(path.join(ROOT, 'shared/deadlines/data/holidays.json'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text).source).toContain('scripts/import-holidays.mjs');
  });
});

describe('parseTables', () => {
  const { rules, holidays } = bundledTableData();

  it('refuses a rule with an unknown unit, in Vietnamese', () => {
    const bad = structuredClone(rules) as { rules: { unit: string }[] };
    bad.rules[0]!.unit = 'weeks';
    const result = parseTables(bad, holidays);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toMatch(/^Bảng thời hạn tố tụng không hợp lệ/);
  });

  it('refuses duplicate rule ids and a day both off and worked', () => {
    const dup = structuredClone(rules) as { rules: unknown[] };
    dup.rules.push(dup.rules[0]);
    expect(RuleTableSchema.safeParse(dup).success).toBe(false);
    const clash = structuredClone(holidays) as { workingWeekendDays: { date: string }[] };
    clash.workingWeekendDays[0]!.date = '2025-01-29';
    const result = parseTables(rules, clash);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toContain('Bảng ngày nghỉ không hợp lệ');
  });
});
