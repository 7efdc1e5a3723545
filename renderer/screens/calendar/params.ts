/**
 * The calendar's URL parameters (`#/calendar?week=2026-01-05&view=day&day=2026-01-07&judge=…`).
 * `week` is any day of the week; it is normalised to its Monday. Pure.
 */
import { isLocalDate, mondayOf, workWeek } from '../../i18n/dates.js';

export type CalendarView = 'week' | 'day';

export interface CalendarQuery {
  /** The Monday of the week shown. */
  readonly week: string;
  readonly view: CalendarView;
  /** The day shown in day view; always inside `week`. */
  readonly day: string;
  readonly judgeId: string;
}

export function parseCalendarQuery(params: URLSearchParams, today: string): CalendarQuery {
  const dayParam = params.get('day');
  const weekParam = params.get('week');
  const week = mondayOf(isLocalDate(weekParam) ? weekParam : isLocalDate(dayParam) ? dayParam : today);
  const days = workWeek(week);
  let day: string;
  if (isLocalDate(dayParam) && mondayOf(dayParam) === week) day = dayParam;
  else if (mondayOf(today) === week && days.includes(today)) day = today;
  else day = week;
  return { week, view: params.get('view') === 'day' ? 'day' : 'week', day, judgeId: params.get('judge') ?? '' };
}

export function formatCalendarQuery(query: CalendarQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set('week', query.week);
  if (query.view === 'day') {
    params.set('view', 'day');
    params.set('day', query.day);
  }
  if (query.judgeId) params.set('judge', query.judgeId);
  return params;
}
