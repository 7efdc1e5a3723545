/**
 * Classifies a failure to open the replica so the full-page message can say what to do. The
 * replica's error carries a stable `code`; anything without one is treated as generic. Pure.
 */
import type { MessageKey } from '../i18n/vi.js';

export type OpenFailureKind = 'newerSchema' | 'unavailable' | 'generic';

export interface OpenFailure {
  readonly kind: OpenFailureKind;
  readonly code: string;
  /** The replica's own Vietnamese message, when it gave one. */
  readonly messageVi?: string;
  readonly detail: string;
}

export function classifyOpenError(error: unknown): OpenFailure {
  const record = error && typeof error === 'object' ? (error as Record<string, unknown>) : {};
  const code = typeof record.code === 'string' ? record.code : '';
  const name = typeof record.name === 'string' ? record.name : '';
  const message = typeof record.message === 'string' ? record.message : String(error);
  const messageVi = typeof record.messageVi === 'string' ? record.messageVi : undefined;
  const haystack = `${code} ${name}`.toLowerCase();
  let kind: OpenFailureKind = 'generic';
  if (/newer|schema|version/.test(haystack)) kind = 'newerSchema';
  else if (/unavailable|indexeddb|missing|invalidstate|security|quota|disabled/.test(haystack)) kind = 'unavailable';
  const detail = [code && `code: ${code}`, name && `name: ${name}`, message].filter(Boolean).join('\n');
  return messageVi === undefined ? { kind, code, detail } : { kind, code, messageVi, detail };
}

export const OPEN_FAILURE_ADVICE: Record<OpenFailureKind, MessageKey> = {
  newerSchema: 'openError.newerSchema',
  unavailable: 'openError.unavailable',
  generic: 'openError.generic',
};
