/**
 * Message lookup, pure (no DOM) so it is testable in node: the current language first, then
 * English, then the key itself, so a missing message shows up as its key instead of as nothing.
 */
import { en } from './en.js';
import { vi, type MessageKey } from './vi.js';
import type { Label } from '../../shared/domain/vocabulary.js';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

export type Params = Readonly<Record<string, string | number>>;

const CATALOGUES: Record<Language, Partial<Record<MessageKey, string>>> = { vi, en };

/** Replaces `{name}` with params.name; unknown parameters stay visible rather than vanish. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * @example translate('vi', 'status.localCases', { count: 300 }) // 'Dữ liệu trên máy: 300 vụ án'
 */
export function translate(
  language: Language,
  key: MessageKey,
  params?: Params,
  catalogues: Record<Language, Partial<Record<MessageKey, string>>> = CATALOGUES,
): string {
  const template = catalogues[language][key] ?? catalogues.en[key] ?? key;
  return interpolate(template, params);
}

/** The label of a vocabulary entry (case type, role, status…) in the given language. */
export function labelIn(language: Language, label: Label): string {
  return label[language];
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Numbers the Vietnamese way (1.234) or the English way (1,234). */
export function formatCount(language: Language, value: number): string {
  return new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(value);
}
