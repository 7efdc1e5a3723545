import { describe, expect, it } from 'vitest';
import { CLOSED_STATUSES, computeCaseload, monthOf, SIGNED_KINDS, weekOf } from '../../../../shared/caseload/aggregate.js';
import { inScope, scopeFor } from '../../../../shared/caseload/scope.js';
import { caseloadTables, formatDay, type TableLabels } from '../../../../shared/caseload/tables.js';
import { computeDeadlines } from '../../../../shared/deadlines/index.js';
import { generateCourt } from '../../../../shared/demo/index.js';

const TODAY = '2026-03-04'; // a Wednesday
const court = generateCourt({ cases: 300, seed: 3, today: TODAY });

const LABELS: TableLabels = {
  language: 'vi',
  open: { title: 'Vụ án đang giải quyết', type: 'Loại vụ án', total: 'Tổng' },
  hearings: { title: 'Phiên tòa, phiên họp', period: 'Thời gian', count: 'Số phiên', week: 'Cả tuần', month: 'Cả tháng' },
  overdue: { title: 'Thời hạn đã quá', number: 'Số thụ lý', type: 'Loại', limit: 'Thời hạn', due: 'Hạn cuối', days: 'Quá (ngày)', judge: 'Thẩm phán' },
  awaiting: { title: 'Văn bản chờ ký', number: 'Số thụ lý', document: 'Văn bản', kind: 'Loại văn bản', updated: 'Cập nhật', judge: 'Thẩm phán' },
  weekdays: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
};

describe('weekOf / monthOf', () => {
  it('gives Monday to Sunday, and the calendar month, across year ends', () => {
    expect(weekOf('2026-03-04')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(weekOf('2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(weekOf('2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('computeCaseload over the demo court', () => {
  const all = computeCaseload(court.cases, { today: TODAY });

  it('counts open cases by type and stage, the totals agreeing with a direct count', () => {
    const open = court.cases.filter((c) => !CLOSED_STATUSES.has(c.status));
    expect(all.totalCases).toBe(300);
    expect(all.openCases).toBe(open.length);
    expect(all.openCases).toBeGreaterThan(0);
    expect(Object.values(all.openByType).reduce((a, b) => a + b, 0)).toBe(open.length);
    expect(Object.values(all.openByStage).reduce((a, b) => a + b, 0)).toBe(open.length);
    expect(all.openByStage.effective).toBe(0);
    expect(all.openByType.DS).toBe(open.filter((c) => c.type === 'DS').length);
    expect(all.byTypeAndStage.DS.preparing).toBe(open.filter((c) => c.type === 'DS' && c.status === 'preparing').length);
  });

  it('counts this week\'s and this month\'s hearings', () => {
    const days = court.cases.flatMap((c) => c.hearings.filter((h) => h.status !== 'cancelled').map((h) => h.startsAt.slice(0, 10)));
    expect(all.hearingsThisWeek).toBe(days.filter((d) => d >= '2026-03-02' && d <= '2026-03-08').length);
    expect(all.hearingsThisMonth).toBe(days.filter((d) => d.startsWith('2026-03')).length);
    expect(all.hearingsThisWeek).toBeGreaterThan(0);
    expect(all.hearingsByDay.map((d) => d.day).slice(0, 6)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(Object.values(all.hearingsThisMonthByKind).reduce((a, b) => a + b, 0)).toBe(all.hearingsThisMonth);
  });

  it('lists the overdue limits the deadline engine reports, most overdue first', () => {
    const expected = court.cases.flatMap((c) => computeDeadlines(c, { today: TODAY }).filter((d) => d.status === 'overdue' && d.ruleId !== 'pub.judgment-publication'));
    const engineOnly = all.overdue.filter((o) => o.ruleId !== 'pub.judgment-publication');
    expect(engineOnly).toHaveLength(expected.length);
    for (let i = 1; i < all.overdue.length; i += 1) expect(all.overdue[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(all.overdue[i]!.daysOverdue);
    for (const item of all.overdue) expect(item.dueDate < TODAY).toBe(true);
  });

  it('lists unsigned drafts of minutes, judgments and decisions as awaiting signature', () => {
    const drafts = court.cases.flatMap((c) => c.documents.filter((d) => d.status === 'draft' && SIGNED_KINDS.has(d.kind)));
    expect(all.awaitingSignature).toHaveLength(drafts.length);
  });

  it('narrows to a judge, and to a clerk (the judges they serve)', () => {
    const clerk = court.staff.find((s) => s.role === 'clerk' && s.servesJudgeIds.length > 0)!;
    const judgeId = clerk.servesJudgeIds[0]!;
    const judge = computeCaseload(court.cases, { today: TODAY, scope: scopeFor(court.staff, judgeId) });
    expect(judge.totalCases).toBe(court.cases.filter((c) => c.judgeId === judgeId).length);
    const clerkScope = scopeFor(court.staff, clerk.id);
    const mine = computeCaseload(court.cases, { today: TODAY, scope: clerkScope });
    expect(mine.totalCases).toBe(court.cases.filter((c) => inScope(clerkScope, c)).length);
    expect(mine.totalCases).toBeGreaterThanOrEqual(judge.totalCases);
    expect(mine.totalCases).toBeLessThan(300);
    expect(computeCaseload(court.cases, { today: TODAY, scope: scopeFor(court.staff, 'no-such-person') }).totalCases).toBe(300);
  });
});

describe('caseloadTables', () => {
  it('turns the figures into four tables whose totals match the figures', () => {
    const figures = computeCaseload(court.cases, { today: TODAY });
    const tables = caseloadTables(figures, LABELS, (id) => court.staff.find((s) => s.id === id)?.name ?? '');
    expect(tables.map((t) => t.id)).toEqual(['open-cases', 'hearings', 'overdue', 'awaiting-signature']);
    const [open, hearings, overdue, awaiting] = tables;
    expect(open!.header[0]).toBe('Loại vụ án');
    expect(open!.header).toContain('Chuẩn bị xét xử');
    expect(open!.rows.at(-1)).toEqual(['Tổng', ...open!.rows.at(-1)!.slice(1, -1), figures.openCases]);
    expect(open!.rows.find((r) => r[0] === 'Dân sự')?.at(-1)).toBe(figures.openByType.DS);
    expect(hearings!.rows[2]).toEqual([`Thứ Tư ${formatDay('2026-03-04')}`, figures.hearingsByDay[2]!.count]);
    expect(hearings!.rows.find((r) => String(r[0]).startsWith('Cả tuần'))?.[1]).toBe(figures.hearingsThisWeek);
    expect(overdue!.rows).toHaveLength(figures.overdue.length);
    expect(awaiting!.rows).toHaveLength(figures.awaitingSignature.length);
  });
});
