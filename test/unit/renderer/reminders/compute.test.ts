import { describe, expect, it } from 'vitest';
import { computeReminders, nextCourtDay, type NextDayHearing } from '../../../../renderer/reminders/compute.js';
import { computeDeadlines } from '../../../../shared/deadlines/index.js';
import { generateCourt } from '../../../../shared/demo/index.js';
import { CaseSchema, type Case, type CaseInput } from '../../../../shared/domain/schemas.js';

function kase(fields: Partial<CaseInput> = {}): Case {
  return CaseSchema.parse({
    id: 'c1',
    courtId: 'tand',
    type: 'DS',
    level: 'ST',
    acceptanceNumber: '12/2026/TLST-DS',
    acceptanceDate: '2026-01-05',
    subject: 'V/v đòi tài sản',
    status: 'preparing',
    parties: [{ id: 'p1', role: 'plaintiff', fullName: 'Nguyễn Văn An' }],
    createdAt: '2026-01-05T02:00:00Z',
    updatedAt: '2026-01-05T02:00:00Z',
    ...fields,
  });
}

describe('nextCourtDay', () => {
  it('is tomorrow, except that Saturday is followed by Monday', () => {
    expect(nextCourtDay('2026-03-04')).toBe('2026-03-05');
    expect(nextCourtDay('2026-03-06')).toBe('2026-03-07');
    expect(nextCourtDay('2026-03-07')).toBe('2026-03-09');
    expect(nextCourtDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('computeReminders', () => {
  it('reminds a limit due within N days, and not one further away or already passed', () => {
    const c = kase();
    const [preparation] = computeDeadlines(c, { today: '2026-01-05' }).filter((d) => d.ruleId === 'ds.st.preparation');
    expect(preparation?.dueDate).toBeDefined();
    const due = preparation!.dueDate!;
    const before = (days: number) => new Date(Date.parse(`${due}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const within = computeReminders({ cases: [c], today: before(2), withinDays: 3 }).filter((r) => r.kind === 'deadline' && r.ruleId === 'ds.st.preparation');
    expect(within).toHaveLength(1);
    expect(within[0]).toMatchObject({ id: `deadline:c1/ds.st.preparation/${due}`, daysLeft: 2, dueDate: due, acceptanceNumber: '12/2026/TLST-DS' });
    expect(computeReminders({ cases: [c], today: before(4), withinDays: 3 }).some((r) => r.kind === 'deadline' && r.ruleId === 'ds.st.preparation')).toBe(false);
    expect(computeReminders({ cases: [c], today: before(4), withinDays: 4 }).some((r) => r.kind === 'deadline' && r.ruleId === 'ds.st.preparation')).toBe(true);
    expect(computeReminders({ cases: [c], today: before(-1), withinDays: 3 }).some((r) => r.kind === 'deadline' && r.ruleId === 'ds.st.preparation')).toBe(false);
  });

  it('reminds minutes of a past hearing that are still a draft, not signed or locked ones, not today\'s', () => {
    const doc = (id: string, status: 'draft' | 'signed' | 'locked', createdAt: string) => ({ id, kind: 'hearingMinutes' as const, title: `Biên bản phiên tòa ${id}`, status, createdAt, updatedAt: createdAt });
    const c = kase({ documents: [doc('m1', 'draft', '2026-03-02T02:00:00Z'), doc('m2', 'signed', '2026-03-02T02:00:00Z'), doc('m3', 'locked', '2026-03-02T02:00:00Z'), doc('m4', 'draft', '2026-03-04T02:00:00Z')] });
    const reminders = computeReminders({ cases: [c], today: '2026-03-04', withinDays: 3 }).filter((r) => r.kind === 'minutesUnsigned');
    expect(reminders.map((r) => r.id)).toEqual(['minutes:c1/m1']);
  });

  it('reminds a judgment past its publication limit', () => {
    const c = kase({
      status: 'effective',
      judgmentDate: '2025-02-19',
      documents: [{ id: 'j1', kind: 'judgment', title: 'Bản án sơ thẩm', status: 'locked', createdAt: '2025-02-19T03:00:00Z', updatedAt: '2025-02-19T03:00:00Z' }],
    });
    const [publication] = computeReminders({ cases: [c], today: '2025-05-01', withinDays: 3 }).filter((r) => r.kind === 'publicationOverdue');
    expect(publication).toMatchObject({ id: 'publication:c1/2025-04-21', dueDate: '2025-04-21', daysOverdue: 10, title: 'Bản án sơ thẩm' });
    expect(computeReminders({ cases: [c], today: '2025-04-21', withinDays: 3 }).some((r) => r.kind === 'publicationOverdue')).toBe(false);
  });

  it('reminds tomorrow\'s hearings that are not ready, or whose day nobody prepared', () => {
    const ready: NextDayHearing = { caseId: 'c1', hearingId: 'h1', acceptanceNumber: '12/2026/TLST-DS', startsAt: '2026-03-05T08:00', readiness: { ready: true, issues: [] } };
    const missing: NextDayHearing = { ...ready, caseId: 'c2', hearingId: 'h2', startsAt: '2026-03-05T14:00', readiness: { ready: false, issues: [{ code: 'templateMissing', severity: 'blocking', subjects: [] }, { code: 'paperOnly', severity: 'info', subjects: ['x'] }] } };
    const prepared = computeReminders({ cases: [], today: '2026-03-04', withinDays: 3, nextDay: { day: '2026-03-05', prepared: true, hearings: [ready, missing] } });
    expect(prepared).toEqual([{ kind: 'hearingNotReady', id: 'hearing:c2/h2/2026-03-05', caseId: 'c2', acceptanceNumber: '12/2026/TLST-DS', hearingId: 'h2', startsAt: '2026-03-05T14:00', prepared: true, blocking: ['templateMissing'] }]);
    const unprepared = computeReminders({ cases: [], today: '2026-03-04', withinDays: 3, nextDay: { day: '2026-03-05', prepared: false, hearings: [ready, missing] } });
    expect(unprepared.map((r) => r.id)).toEqual(['hearing:c1/h1/2026-03-05', 'hearing:c2/h2/2026-03-05']);
  });

  it('over a demo court: ids are unique, hearings first, and every kind appears', () => {
    const court = generateCourt({ cases: 300, seed: 5, today: '2026-03-04' });
    const reminders = computeReminders({ cases: court.cases, today: '2026-03-04', withinDays: 7 });
    expect(new Set(reminders.map((r) => r.id)).size).toBe(reminders.length);
    expect(new Set(reminders.map((r) => r.kind))).toEqual(new Set(['deadline', 'publicationOverdue']));
    for (const r of reminders) if (r.kind === 'deadline') expect(r.daysLeft).toBeLessThanOrEqual(7);
  });
});
