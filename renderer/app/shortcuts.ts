/**
 * Global keyboard shortcuts (anchors #16: clerks must not be slowed down): `/` or Ctrl+K search,
 * Alt+1…5 switch screens, Esc goes back from a case file. Dialogs handle their own Esc (native
 * <dialog>), so nothing here runs while one is open.
 */
import { useEffect } from 'react';
import { SCREENS, screenHash, type Route } from './routes.js';
import { backToRegister, focusSearch, navigate, registerHash } from './navigation.js';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(type);
}

/** Alt+digit by physical key, so it works whatever the keyboard layout (Telex, VNI, US). */
function digitOf(event: KeyboardEvent): number | undefined {
  const match = /^Digit([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  return match ? Number(match[1]) : undefined;
}

export function goToScreenIndex(index: number): void {
  const screen = SCREENS[index];
  if (!screen) return;
  navigate(screen === 'cases' ? registerHash() : screenHash(screen));
}

export function useGlobalShortcuts(route: Route): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        focusSearch();
        return;
      }
      if (event.key === '/' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        focusSearch();
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        const digit = digitOf(event);
        if (digit !== undefined && digit <= SCREENS.length) {
          event.preventDefault();
          goToScreenIndex(digit - 1);
        }
        return;
      }
      if (event.key === 'Escape' && route.screen === 'case' && !isTypingTarget(event.target)) {
        event.preventDefault();
        backToRegister();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [route]);
}
