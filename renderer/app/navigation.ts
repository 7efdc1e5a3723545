/**
 * The current hash route as a React store, and navigation. `navigate` pushes a history entry (so
 * back/forward work); `replace` rewrites the current one, used while typing in the search box so
 * each keystroke does not become a back-button step.
 */
import { useSyncExternalStore } from 'react';
import { localDay } from '../i18n/dates.js';
import { formatRoute, parseHash, type Route } from './routes.js';

const listeners = new Set<() => void>();
let cachedHash = '';
let cachedRoute: Route = { screen: 'today' };
const REGISTER_KEY = 'courtdesk.lastRegisterHash';

/** The last register hash (with its filters), so "Vụ án" returns to the list as it was left. */
let lastRegisterHash = readLastRegisterHash();

function readLastRegisterHash(): string {
  try {
    return sessionStorage.getItem(REGISTER_KEY) ?? '#/cases';
  } catch {
    return '#/cases';
  }
}

function rememberRegisterHash(hash: string): void {
  lastRegisterHash = hash;
  try {
    sessionStorage.setItem(REGISTER_KEY, hash);
  } catch {
    // Only this page's memory then; the register still opens.
  }
}

/** What each history entry pushed by the app records: the hash it was opened from. */
interface EntryState {
  readonly from?: string;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('hashchange', notify);
    window.addEventListener('popstate', notify);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('hashchange', notify);
      window.removeEventListener('popstate', notify);
    }
  };
}

/** The parsed route, cached per hash so React sees a stable object between renders. */
function snapshot(): Route {
  const hash = window.location.hash;
  if (hash !== cachedHash) {
    cachedHash = hash;
    cachedRoute = parseHash(hash, localDay());
    if (cachedRoute.screen === 'cases') rememberRegisterHash(hash || '#/cases');
  }
  return cachedRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

export function navigate(target: Route | string, options: { replace?: boolean } = {}): void {
  const hash = typeof target === 'string' ? target : formatRoute(target);
  if (hash === window.location.hash) return;
  if (options.replace) {
    history.replaceState(history.state, '', hash);
  } else {
    // pushState (not location.hash) so the entry remembers where it was opened from, which
    // survives a reload: Esc on a case file can then go back to the exact list.
    const state: EntryState = { from: window.location.hash };
    history.pushState(state, '', hash);
  }
  notify();
}

/** Opens a case file. */
export function openCase(caseId: string): void {
  navigate({ screen: 'case', caseId });
}

export function registerHash(): string {
  return lastRegisterHash;
}

/** Esc on a case file: back to the list it was opened from (history), else to the register. */
export function backToRegister(): void {
  const from = (history.state as EntryState | null)?.from;
  if (typeof from === 'string' && parseHash(from, localDay()).screen === 'cases') history.back();
  else navigate(lastRegisterHash);
}

const SEARCH_SELECTOR = '[data-testid="case-search"]';

/** `/` and Ctrl+K: focus the register's search box, opening the register first when needed. */
export function focusSearch(): void {
  const existing = document.querySelector<HTMLInputElement>(SEARCH_SELECTOR);
  if (existing) {
    existing.focus();
    existing.select();
    return;
  }
  navigate(lastRegisterHash);
  let tries = 0;
  const attempt = () => {
    const input = document.querySelector<HTMLInputElement>(SEARCH_SELECTOR);
    if (input) {
      input.focus();
      input.select();
    } else if (tries++ < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
