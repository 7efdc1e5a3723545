import { describe, expect, it } from 'vitest';
import { legalEffectDate, notPublishable, publicationDue } from '../../../../shared/dayplan/publication-due.js';
import { CaseSchema, type Case, type CaseInput } from '../../../../shared/domain/schemas.js';

function kase(fields: Partial<CaseInput> = {}): Case {
  return CaseSchema.parse({
    id: 'c1',
    courtId: 'tand',
    type: 'DS',
    level: 'ST',
    acceptanceNumber: '12/2025/TLST-DS',
    acceptanceDate: '2025-01-06',
    subject: 'V/v tranh chấp hợp đồng vay tài sản',
    status: 'effective',
    judgmentDate: '2025-02-19',
    parties: [{ id: 'p1', role: 'plaintiff', fullName: 'Nguyễn Văn An' }],
    documents: [{ id: 'd1', kind: 'judgment', title: 'Bản án sơ thẩm', status: 'locked', createdAt: '2025-02-19T03:00:00Z', updatedAt: '2025-02-22T03:00:00Z' }],
    createdAt: '2025-01-06T02:00:00Z',
    updatedAt: '2025-02-22T03:00:00Z',
    ...fields,
  });
}

describe('legalEffectDate', () => {
  it('a civil first-instance judgment takes effect the day after the last appeal or protest limit (protest by the higher procuracy: 1 month)', () => {
    // 19/02 + 15 days appeal = 06/03; + 1 month higher-level protest = 19/03 (a Thursday): effect 20/03.
    expect(legalEffectDate(kase())).toBe('2025-03-20');
  });

  it('a criminal first-instance judgment: 30 days of higher-level protest', () => {
    const criminal = kase({ type: 'HS', acceptanceNumber: '5/2025/TLST-HS', subject: 'Trộm cắp tài sản', judgmentDate: '2025-02-10', parties: [{ id: 'p1', role: 'accused', fullName: 'Trần Văn Bình' }] });
    expect(legalEffectDate(criminal)).toBe('2025-03-13');
  });

  it('an appeal judgment takes effect when pronounced; a case not effective has no date', () => {
    expect(legalEffectDate(kase({ level: 'PT', acceptanceNumber: '3/2025/TLPT-DS' }))).toBe('2025-02-19');
    expect(legalEffectDate(kase({ status: 'decided' }))).toBeUndefined();
    expect(legalEffectDate(kase({ judgmentDate: undefined }))).toBeUndefined();
  });
});

describe('publicationDue', () => {
  it('is due 30 days after legal effect, overdue after', () => {
    expect(publicationDue(kase(), '2025-04-01')).toMatchObject({ legalEffectDate: '2025-03-20', dueDate: '2025-04-21', daysLeft: 20, documentId: 'd1', documentTitle: 'Bản án sơ thẩm' });
    expect(publicationDue(kase(), '2025-05-01')?.daysLeft).toBe(-10);
  });

  it('owes nothing once published, for a closed hearing or a minor, or before legal effect', () => {
    const published = kase();
    expect(publicationDue({ ...published, documents: published.documents.map((d) => ({ ...d, status: 'published' as const })) }, '2025-05-01')).toBeUndefined();
    const minor = kase({ parties: [{ id: 'p1', role: 'plaintiff', fullName: 'Nguyễn Văn An', isMinor: true }] });
    expect(notPublishable(minor)).toBe(true);
    expect(publicationDue(minor, '2025-05-01')).toBeUndefined();
    const closed = kase({ hearings: [{ id: 'h1', startsAt: '2025-02-19T08:00', status: 'held', closed: true }] });
    expect(publicationDue(closed, '2025-05-01')).toBeUndefined();
    expect(publicationDue(kase({ status: 'appealed' }), '2025-05-01')).toBeUndefined();
  });
});
