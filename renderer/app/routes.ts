/**
 * Hash routes (`#/today`, `#/cases?…`, `#/cases/<id>`, `#/calendar?week=…`, `#/settings`).
 * Hash routing because the built app is loaded from `app://`, `file`-like bases and any web path:
 * the hash never reaches a server and never needs a rewrite rule. Pure parse and format.
 */
import { formatRegisterQuery, parseRegisterQuery, type RegisterQuery } from '../screens/register/filters.js';
import { formatCalendarQuery, parseCalendarQuery, type CalendarQuery } from '../screens/calendar/params.js';

export type Route =
  | { readonly screen: 'today' }
  | { readonly screen: 'cases'; readonly query: RegisterQuery }
  | { readonly screen: 'case'; readonly caseId: string }
  | { readonly screen: 'document'; readonly caseId: string; readonly documentId: string }
  | { readonly screen: 'calendar'; readonly calendar: CalendarQuery }
  | { readonly screen: 'caseload' }
  | { readonly screen: 'settings' };

export type Screen = 'today' | 'cases' | 'calendar' | 'caseload' | 'settings';

/** The navigation order: Alt+1…5 follow it. */
export const SCREENS: readonly Screen[] = ['today', 'cases', 'calendar', 'caseload', 'settings'];

export function parseHash(hash: string, today: string): Route {
  const raw = hash.replace(/^#/, '');
  const queryStart = raw.indexOf('?');
  const path = queryStart >= 0 ? raw.slice(0, queryStart) : raw;
  const params = new URLSearchParams(queryStart >= 0 ? raw.slice(queryStart + 1) : '');
  const segments = path.split('/').filter((s) => s.length > 0);
  const [first, second] = segments;
  switch (first) {
    case 'cases':
      if (second !== undefined && segments[2] === 'documents' && segments[3] !== undefined) {
        return { screen: 'document', caseId: safeDecode(second), documentId: safeDecode(segments[3]) };
      }
      if (second !== undefined) return { screen: 'case', caseId: safeDecode(second) };
      return { screen: 'cases', query: parseRegisterQuery(params) };
    case 'calendar':
      return { screen: 'calendar', calendar: parseCalendarQuery(params, today) };
    case 'settings':
      return { screen: 'settings' };
    case 'caseload':
      return { screen: 'caseload' };
    default:
      return { screen: 'today' };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function withParams(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `#${path}?${text}` : `#${path}`;
}

export function formatRoute(route: Route): string {
  switch (route.screen) {
    case 'today':
      return '#/today';
    case 'cases':
      return withParams('/cases', formatRegisterQuery(route.query));
    case 'case':
      return `#/cases/${encodeURIComponent(route.caseId)}`;
    case 'document':
      return `#/cases/${encodeURIComponent(route.caseId)}/documents/${encodeURIComponent(route.documentId)}`;
    case 'calendar':
      return withParams('/calendar', formatCalendarQuery(route.calendar));
    case 'settings':
      return '#/settings';
    case 'caseload':
      return '#/caseload';
  }
}

/** Which navigation entry a route belongs to (a case file belongs to the register). */
export function screenOf(route: Route): Screen {
  return route.screen === 'case' || route.screen === 'document' ? 'cases' : route.screen;
}

/** The plain hash of a navigation entry. */
export function screenHash(screen: Screen): string {
  return `#/${screen}`;
}
