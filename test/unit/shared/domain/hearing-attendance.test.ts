/** recordHearingAttendance: hearing mode's checklist reaches the case file's hearing, merged, outcome untouched. */
import { describe, expect, it } from 'vitest';
import { createCaseDoc, readCase } from '../../../../shared/domain/case-doc.js';
import { recordHearingAttendance } from '../../../../shared/domain/case-mutations.js';
import { CaseSchema } from '../../../../shared/domain/schemas.js';

const kase = CaseSchema.parse({
  id: 'c1',
  courtId: 'tand',
  type: 'DS',
  level: 'ST',
  acceptanceNumber: '12/2025/TLST-DS',
  acceptanceDate: '2025-03-01',
  subject: 'Tranh chấp hợp đồng vay tài sản',
  createdAt: '2025-03-01T00:00:00Z',
  updatedAt: '2025-03-01T00:00:00Z',
  parties: [
    { id: 'p1', role: 'plaintiff', fullName: 'Nguyễn Văn An' },
    { id: 'd1', role: 'defendant', fullName: 'Trần Thị Mơ' },
  ],
  hearings: [{ id: 'h1', startsAt: '2026-11-28T08:00', outcome: 'đang xét xử', attendance: { p1: 'absent' } }],
});

describe('recordHearingAttendance', () => {
  it('merges the checklist into the hearing and stamps the case', () => {
    const doc = createCaseDoc(kase);
    const result = recordHearingAttendance(doc, 'h1', { p1: 'present', d1: 'absent' }, { now: '2026-11-28T01:10:00.000Z' });
    expect(result.ok).toBe(true);
    const hearing = readCase(doc).hearings[0]!;
    expect(hearing.attendance).toEqual({ p1: 'present', d1: 'absent' });
    expect(hearing.outcome).toBe('đang xét xử');
    expect(readCase(doc).updatedAt).toBe('2026-11-28T01:10:00.000Z');
  });

  it('refuses an unknown hearing with a Vietnamese message and changes nothing', () => {
    const doc = createCaseDoc(kase);
    const before = readCase(doc);
    const result = recordHearingAttendance(doc, 'nope', { p1: 'present' }, { now: '2026-11-28T01:10:00.000Z' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toBe('Không tìm thấy phiên tòa.');
    expect(readCase(doc)).toEqual(before);
  });
});
