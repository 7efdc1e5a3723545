/**
 * The chosen UI language, persisted in localStorage and observable from React. A module-level
 * store (not a context) because the whole app shares one language and t() is also needed in
 * non-component code (dialogs' validation messages).
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { Label } from '../../shared/domain/vocabulary.js';
import type { MessageKey } from './vi.js';
import { DEFAULT_LANGUAGE, formatCount, isLanguage, labelIn, translate, type Language, type Params } from './translate.js';

const STORAGE_KEY = 'courtdesk.language';
const listeners = new Set<() => void>();

function readStored(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled by policy; the default language is still usable.
    return DEFAULT_LANGUAGE;
  }
}

let current: Language = readStored();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted, but the switch still applies to this session.
  }
  document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates with the current language (outside React). */
export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

export interface I18n {
  readonly language: Language;
  t(key: MessageKey, params?: Params): string;
  /** A vocabulary label (shared/domain/vocabulary.ts) in the current language. */
  label(label: Label): string;
  count(value: number): string;
}

/** Re-renders the component when the language changes. */
export function useI18n(): I18n {
  const language = useSyncExternalStore(subscribe, getLanguage, getLanguage);
  const tr = useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language]);
  const label = useCallback((l: Label) => labelIn(language, l), [language]);
  const count = useCallback((value: number) => formatCount(language, value), [language]);
  return { language, t: tr, label, count };
}
