import { describe, expect, it } from 'vitest';
import { formatRoute, parseHash, screenOf } from '../../../../renderer/app/routes.js';
import { EMPTY_REGISTER_QUERY } from '../../../../renderer/screens/register/filters.js';

const TODAY = '2026-01-07';

describe('hash routes', () => {
  it('defaults to Hôm nay', () => {
    expect(parseHash('', TODAY)).toEqual({ screen: 'today' });
    expect(parseHash('#/nowhere', TODAY)).toEqual({ screen: 'today' });
  });

  it('routes Số liệu (the caseload page), its own navigation entry', () => {
    expect(parseHash('#/caseload', TODAY)).toEqual({ screen: 'caseload' });
    expect(formatRoute({ screen: 'caseload' })).toBe('#/caseload');
    expect(screenOf({ screen: 'caseload' })).toBe('caseload');
  });

  it('parses a case file and keeps odd ids intact', () => {
    const route = parseHash('#/cases/case%3A12%2F2025', TODAY);
    expect(route).toEqual({ screen: 'case', caseId: 'case:12/2025' });
    expect(formatRoute(route)).toBe('#/cases/case%3A12%2F2025');
    expect(screenOf(route)).toBe('cases');
  });

  it('round-trips the register with its filters', () => {
    const hash = '#/cases?q=nguyen+van&type=DS%2CHS&status=scheduled&judge=j1&from=2025-01-01&sort=nextHearing';
    const route = parseHash(hash, TODAY);
    expect(route).toEqual({
      screen: 'cases',
      query: { ...EMPTY_REGISTER_QUERY, query: 'nguyen van', types: ['DS', 'HS'], statuses: ['scheduled'], judgeId: 'j1', acceptedFrom: '2025-01-01', sort: 'nextHearing' },
    });
    expect(parseHash(formatRoute(route), TODAY)).toEqual(route);
  });

  it('normalises the calendar week to its Monday and keeps the day inside it', () => {
    const route = parseHash('#/calendar?week=2026-01-09&view=day&day=2026-01-20', TODAY);
    expect(route).toEqual({ screen: 'calendar', calendar: { week: '2026-01-05', view: 'day', day: '2026-01-07', judgeId: '' } });
    expect(formatRoute(route)).toBe('#/calendar?week=2026-01-05&view=day&day=2026-01-07');
  });

  it('opens the calendar on this week by default', () => {
    expect(parseHash('#/calendar', TODAY)).toEqual({ screen: 'calendar', calendar: { week: '2026-01-05', view: 'week', day: TODAY, judgeId: '' } });
  });
});
