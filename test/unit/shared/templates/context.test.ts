import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../../shared/templates/context.js';
import { formatHeaderDate, formatLegalDate, formatOpening } from '../../../../shared/templates/dates.js';
import { CONTEXT_SPEC, type Spec } from '../../../../shared/templates/field-spec.js';
import { fieldRows, getValue, labelOf, type ContextValue } from '../../../../shared/templates/paths.js';
import { FIXTURE_COURT, draftingExtra } from './fixtures.js';

describe('Vietnamese legal dates', () => {
  it('pads days below 10 and the months 1 and 2 only', () => {
    expect(formatLegalDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatLegalDate('2021-03-10')).toBe('ngày 10 tháng 3 năm 2021');
    expect(formatLegalDate('2025-12-31')).toBe('ngày 31 tháng 12 năm 2025');
    expect(formatHeaderDate('2021-03-10')).toBe('10 - 3 - 2021');
    expect(formatOpening('2026-01-05T08:00')).toBe('Vào hồi 08 giờ 00 phút, ngày 05 tháng 01 năm 2026');
  });
});

/** Every key the context holds must be in the field table, and its value must have the table's type. */
function checkAgainstSpec(value: ContextValue, spec: Spec, where: string, problems: string[]): void {
  if (value === undefined) return;
  switch (spec.kind) {
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${where}: not an object`);
      for (const [key, child] of Object.entries(value as Record<string, ContextValue>)) {
        if (where === 'parties' && key === 'byId') continue; // for `extra` only, not a template path
        const childSpec = spec.fields[key];
        if (!childSpec) problems.push(`${where}.${key}: not in the field table`);
        else checkAgainstSpec(child, childSpec, `${where}.${key}`, problems);
      }
      return;
    case 'map':
      for (const [key, child] of Object.entries(value as Record<string, ContextValue>)) {
        if (!spec.keys.includes(key)) problems.push(`${where}.${key}: unknown key`);
        checkAgainstSpec(child, spec.value, `${where}.${key}`, problems);
      }
      return;
    case 'list':
      if (!Array.isArray(value)) return void problems.push(`${where}: not a list`);
      (value as ContextValue[]).forEach((item, i) => checkAgainstSpec(item, spec.item, `${where}.${i}`, problems));
      return;
    case 'bool':
      if (typeof value !== 'boolean') problems.push(`${where}: not a boolean`);
      return;
    case 'number':
      if (typeof value !== 'number') problems.push(`${where}: not a number`);
      return;
    case 'text':
      if (typeof value !== 'string') problems.push(`${where}: not text`);
  }
}

describe('buildContext', () => {
  for (const kase of FIXTURE_COURT.cases) {
    it(`matches the field table for case ${kase.id}`, () => {
      const context = buildContext({ court: FIXTURE_COURT.court, staff: FIXTURE_COURT.staff, kase, today: '2026-03-01', extra: draftingExtra(kase) });
      const problems: string[] = [];
      for (const [key, value] of Object.entries(context)) {
        const spec = CONTEXT_SPEC.fields[key];
        if (!spec) problems.push(`${key}: not in the field table`);
        else checkAgainstSpec(value, spec, key, problems);
      }
      expect(problems).toEqual([]);
    });
  }

  it('derives court, case, panel, parties and hearing values', () => {
    const kase = FIXTURE_COURT.cases.find((c) => c.id === 'c-ds');
    if (!kase) throw new Error('fixture');
    const ctx = buildContext({ court: FIXTURE_COURT.court, staff: FIXTURE_COURT.staff, kase, hearingKinds: ['trial'], today: '2026-02-06' });
    const at = (p: string) => getValue(ctx, p);
    expect(at('court.upperName')).toBe('TÒA ÁN NHÂN DÂN KHU VỰC 1 - VĨNH LONG');
    expect(at('court.upperDesignation')).toBe('NHÂN DÂN KHU VỰC 1 - VĨNH LONG');
    expect(at('court.place')).toBe('Vĩnh Long');
    expect(at('document.placeDate')).toBe('Vĩnh Long, ngày 06 tháng 02 năm 2026');
    expect(at('case.subjectText')).toBe('tranh chấp hợp đồng vay tài sản');
    expect(at('case.subjectLine')).toBe('V/v tranh chấp hợp đồng vay tài sản');
    expect(at('case.matterLabel')).toBe('vụ án dân sự');
    expect(at('case.judgmentDateHeader')).toBe('05 - 02 - 2026');
    expect(at('panel.presiding.titledName')).toBe('Bà Trần Thị Cẩm Anh');
    expect(at('panel.size')).toBe(3);
    expect(at('panel.prosecutor.organisation')).toBe('Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long');
    expect(at('hearing.opening')).toBe('Vào hồi 08 giờ 00 phút, ngày 05 tháng 02 năm 2026');
    expect(at('hearing.publicity')).toBe('công khai');
    expect(at('parties.byRole.plaintiff.0.representatives.0.fullName')).toBe('Lê Thị Hoa');
    expect(at('parties.byRole.interestedParty.0.attendance')).toBe('vắng mặt');
    expect(at('parties.byRole.defendant.0.titledName')).toBe('Công ty TNHH Thương mại Hòa Bình');
    expect(at('parties.hasAbsent')).toBe(true);
    const mediation = buildContext({ court: FIXTURE_COURT.court, staff: FIXTURE_COURT.staff, kase, hearingKinds: ['mediation'] });
    expect(getValue(mediation, 'hearing.room')).toBe('Phòng hòa giải số 2');
  });

  it('labels missing data with whose it is', () => {
    expect(labelOf('parties.byRole.accused.0.birthYear')).toBe('Năm sinh của bị cáo');
    expect(labelOf('parties.byRole.plaintiff.0.representatives.1.address')).toBe('Địa chỉ của người đại diện hợp pháp của nguyên đơn');
    expect(labelOf('panel.prosecutor.name')).toBe('Họ tên Kiểm sát viên');
  });
});

describe('docs/TEMPLATES.md', () => {
  it('documents every field path of the table', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../../docs/TEMPLATES.md'), 'utf8');
    const undocumented = fieldRows().filter((row) => !doc.includes(`\`${row.path}\``));
    expect(undocumented.map((r) => r.path)).toEqual([]);
  });
});
