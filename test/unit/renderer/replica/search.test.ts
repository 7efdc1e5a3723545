import { describe, expect, it } from 'vitest';
import { CaseSchema } from '../../../../shared/domain/schemas.js';
import type { CaseType } from '../../../../shared/domain/vocabulary.js';
import { projectCase } from '../../../../renderer/replica/projection.js';
import { CaseSearchIndex } from '../../../../renderer/replica/search.js';
import type { CaseRow } from '../../../../renderer/replica/types.js';

let next = 0;
function row(names: string[], opts: { number?: string; subject?: string; type?: CaseType; status?: 'accepted' | 'preparing' } = {}): CaseRow {
  next += 1;
  const type = opts.type ?? 'DS';
  return projectCase(
    CaseSchema.parse({
      id: `c${String(next).padStart(3, '0')}`,
      courtId: 'tand',
      type,
      level: 'ST',
      acceptanceNumber: opts.number ?? `${next}/2025/TLST-${type}`,
      acceptanceDate: '2025-01-01',
      subject: opts.subject ?? 'V/v đòi tài sản',
      status: opts.status ?? 'accepted',
      parties: names.map((fullName, i) => ({ id: `p${i}`, role: i === 0 ? 'plaintiff' : 'defendant', fullName, order: i })),
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    }),
  ).caseRow;
}

function indexOf(rows: CaseRow[]): CaseSearchIndex {
  const index = new CaseSearchIndex();
  for (const r of rows) index.upsert(r);
  return index;
}

const ids = (index: CaseSearchIndex, query: string, extra = {}) =>
  index.query({ query, ...extra }, 'numberAsc', 0, 100).rows.map((r) => r.id);

describe('CaseSearchIndex', () => {
  const an = row(['Nguyễn Văn Ấn', 'Trần Văn Tuấn']);
  const anPlain = row(['Nguyễn Văn An', 'Lê Thị Hoa']);
  const dang = row(['Đặng Thị Mơ', 'Công ty TNHH Bình Minh']);
  const goat = row(['Hồ Văn Sáu'], { subject: 'V/v tranh chấp con dê' });
  const cricket = row(['Hồ Văn Bảy'], { subject: 'V/v tranh chấp con dế' });
  const numbered = row(['Phạm Văn Tư'], { number: '12/2025/TLST-HS', type: 'HS', subject: 'Trộm cắp tài sản', status: 'preparing' });
  const index = indexOf([an, anPlain, dang, goat, cricket, numbered]);

  it('matches without diacritics, đ as d, in any case', () => {
    expect(ids(index, 'nguyen van an')).toEqual([an.id, anPlain.id]);
    expect(ids(index, 'dang')).toEqual([dang.id]);
    expect(ids(index, 'd')).toEqual(expect.arrayContaining([dang.id]));
    expect(ids(index, 'ĐẶNG THỊ MƠ')).toEqual([dang.id]);
    expect(ids(index, 'binh minh')).toEqual([dang.id]);
  });

  it('needs every token, each at the start of a word', () => {
    expect(ids(index, 'nguyen hoa')).toEqual([anPlain.id]);
    expect(ids(index, 'nguy va')).toEqual([an.id, anPlain.id]);
    expect(ids(index, 'uan')).toEqual([]); // inside "Tuấn", not at a word start
    expect(ids(index, 'nguyen zzz')).toEqual([]);
  });

  it('ranks the exact accented match first', () => {
    expect(ids(index, 'Nguyễn Văn Ấn')).toEqual([an.id, anPlain.id]);
    expect(ids(index, 'Nguyễn Văn An')).toEqual([anPlain.id, an.id]);
    expect(ids(index, 'con dế')).toEqual([cricket.id, goat.id]);
    expect(ids(index, 'con dê')).toEqual([goat.id, cricket.id]);
  });

  it('ranks a case-number match first, however the number is typed', () => {
    const other = row(['Mai Văn Mười Hai'], { subject: 'V/v 12 2025' });
    const withOther = indexOf([numbered, other]);
    for (const query of ['12/2025', '12 2025', '12-2025', '12/2025/tlst-hs']) {
      expect(ids(withOther, query)[0], query).toBe(numbered.id);
    }
  });

  it('combines the query with filters and pages with a total', () => {
    expect(ids(index, 'tai san', { types: ['HS'] })).toEqual([numbered.id]);
    expect(ids(index, 'tai san', { statuses: ['accepted'] })).toEqual([an.id, anPlain.id, dang.id]);
    const page = index.query({ query: 'van' }, 'numberAsc', 1, 2);
    expect(page.total).toBe(5);
    expect(page.rows.length).toBe(2);
  });

  it('follows upserts and removals', () => {
    const local = indexOf([an, anPlain]);
    local.upsert({ ...an, searchText: `${an.searchText} vo thi on`, partySummary: 'Võ Thị Ơn' });
    expect(ids(local, 'vo thi on')).toEqual([an.id]);
    local.remove(an.id);
    expect(ids(local, 'nguyen')).toEqual([anPlain.id]);
    expect(local.size).toBe(1);
  });
});
