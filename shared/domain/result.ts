/**
 * Errors are values at boundaries (STYLE §7): a parser or an import returns a `Result`, whose error
 * carries a stable code, a Vietnamese message for the user and an English one for logs.
 */

export interface DomainError {
  /** Stable machine code, e.g. `caseNumber.unrecognised`. */
  readonly code: string;
  /** What the user reads, in Vietnamese. */
  readonly messageVi: string;
  /** What the log and the English UI read. */
  readonly messageEn: string;
  /** Optional detail (the offending input, a path). */
  readonly detail?: string;
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = DomainError>(error: E): Result<never, E> => ({ ok: false, error });

export function domainError(code: string, messageVi: string, messageEn: string, detail?: string): DomainError {
  return detail === undefined ? { code, messageVi, messageEn } : { code, messageVi, messageEn, detail };
}

/** An exception carrying a {@link DomainError}, for code paths where throwing is simpler. */
export class DomainException extends Error {
  constructor(readonly error: DomainError) {
    super(error.messageEn + (error.detail ? ` (${error.detail})` : ''));
    this.name = 'DomainException';
  }
}
