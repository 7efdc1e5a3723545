import { describe, expect, it } from 'vitest';
import { CaseSchema, type CaseInput } from '../../../../shared/domain/schemas.js';
import { caseDocId, caseIdOfDoc, projectCase } from '../../../../renderer/replica/projection.js';

function makeCase(overrides: Partial<CaseInput> = {}) {
  return CaseSchema.parse({
    id: 'c1',
    courtId: 'tand-kv1-vl',
    type: 'DS',
    level: 'ST',
    acceptanceNumber: '06/2025/TLST-DS',
    acceptanceDate: '2025-03-04',
    subject: 'V/v tranh chấp hợp đồng vay tài sản',
    judgeId: 'tp-01',
    clerkId: 'tk-01',
    parties: [
      { id: 'p4', role: 'representative', fullName: 'Lê Văn Đại', actsFor: ['p1'], order: 4 },
      { id: 'p3', role: 'interestedParty', fullName: 'Phạm Thị Cúc', order: 3 },
      { id: 'p2', role: 'defendant', fullName: 'Trần Thị Bình', order: 2 },
      { id: 'p1', role: 'plaintiff', fullName: 'Nguyễn Văn Ấn', order: 1 },
      { id: 'p5', role: 'plaintiff', fullName: 'Đặng Văn Em', order: 5 },
    ],
    hearings: [
      { id: 'h1', startsAt: '2026-01-05T08:00', status: 'adjourned' },
      { id: 'h3', startsAt: '2026-03-01T14:00' },
      { id: 'h2', startsAt: '2026-02-10T08:30', room: 'Phòng xử án số 1' },
    ],
    documents: [{ id: 'd1', kind: 'judgment', title: 'Bản án', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' }],
    createdAt: '2025-03-04T01:00:00Z',
    updatedAt: '2025-03-05T01:00:00Z',
    ...overrides,
  });
}

describe('projectCase', () => {
  it('summarises principal parties by role order, with "+n" for the other principals', () => {
    const { caseRow } = projectCase(makeCase());
    // Plaintiff, then defendant; the second plaintiff and the interested party are "+2"; the representative never shows.
    expect(caseRow.partySummary).toBe('Nguyễn Văn Ấn – Trần Thị Bình +2');
    const criminal = projectCase(
      makeCase({
        type: 'HS',
        acceptanceNumber: '10/2025/TLST-HS',
        parties: [
          { id: 'a1', role: 'accused', fullName: 'Võ Văn Một', order: 1 },
          { id: 'a2', role: 'accused', fullName: 'Võ Văn Hai', order: 2 },
          { id: 'w1', role: 'witness', fullName: 'Bùi Thị Ba', order: 3 },
        ],
      }),
    );
    expect(criminal.caseRow.partySummary).toBe('Võ Văn Một +1');
  });

  it('takes the earliest hearing still scheduled as the next one', () => {
    expect(projectCase(makeCase()).caseRow.nextHearingAt).toBe('2026-02-10T08:30');
    expect(projectCase(makeCase({ hearings: [{ id: 'h1', startsAt: '2026-01-05T08:00', status: 'held' }] })).caseRow.nextHearingAt).toBe('');
  });

  it('builds folded search text with the number (also unpadded), every name and the subject', () => {
    const { caseRow } = projectCase(makeCase({ judgmentNumber: '34/2025/DS-ST' }));
    expect(caseRow.searchText).toContain('06/2025/tlst-ds');
    expect(caseRow.searchText).toContain('6/2025/tlst-ds');
    expect(caseRow.searchText).toContain('34/2025/ds-st');
    expect(caseRow.searchText).toContain('nguyen van an');
    expect(caseRow.searchText).toContain('dang van em');
    expect(caseRow.searchText).toContain('le van dai');
    expect(caseRow.searchText).toContain('tranh chap hop dong vay tai san');
    expect(caseRow.numberSortKey).toBe('2025-000006');
  });

  it('projects child rows keyed by case, with the calendar fields', () => {
    const projection = projectCase(makeCase());
    expect(projection.partyRows.map((p) => p.key)).toEqual(['c1/p1', 'c1/p2', 'c1/p3', 'c1/p4', 'c1/p5']);
    expect(projection.partyRows[0]).toMatchObject({ caseId: 'c1', role: 'plaintiff', foldedName: 'nguyen van an' });
    expect(projection.hearingRows.find((h) => h.hearingId === 'h2')).toMatchObject({
      day: '2026-02-10',
      judgeId: 'tp-01',
      clerkId: 'tk-01',
      room: 'Phòng xử án số 1',
      acceptanceNumber: '06/2025/TLST-DS',
      partySummary: 'Nguyễn Văn Ấn – Trần Thị Bình +2',
    });
    expect(projection.documentRows).toEqual([
      { key: 'c1/d1', caseId: 'c1', docId: 'd1', kind: 'judgment', title: 'Bản án', status: 'draft', updatedAt: '2026-01-02T00:00:00Z' },
    ]);
  });

  it('falls back to the panel for judge and clerk when none is assigned', () => {
    const c = makeCase({
      judgeId: undefined,
      clerkId: undefined,
      panel: [
        { id: 'm2', role: 'clerk', staffId: 'tk-09', name: 'Thư ký B', order: 2 },
        { id: 'm1', role: 'presidingJudge', staffId: 'tp-09', name: 'Thẩm phán A', order: 1 },
      ],
    });
    expect(projectCase(c).caseRow).toMatchObject({ judgeId: 'tp-09', clerkId: 'tk-09' });
  });

  it('does not depend on the order of entities in the case', () => {
    const c = makeCase();
    const shuffled = { ...c, parties: [...c.parties].reverse(), hearings: [...c.hearings].reverse() };
    expect(projectCase(shuffled)).toEqual(projectCase(c));
  });

  it('names case docs case:<id>', () => {
    expect(caseDocId('c1')).toBe('case:c1');
    expect(caseIdOfDoc('case:c1')).toBe('c1');
    expect(caseIdOfDoc('doc:d1')).toBeUndefined();
  });
});
