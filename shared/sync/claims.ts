/**
 * Who a session is: the claims of the token the court server signs at login (DESIGN §4). The
 * client keeps them to work offline with the identity it last had; the server checks them on
 * every connection and every batch.
 */
import type { Label } from '../domain/vocabulary.js';

/** Account roles on the court server (not procedural roles: see `STAFF_ROLES` for those). */
export const ACCOUNT_ROLES = ['clerk', 'judge', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ACCOUNT_ROLE_LABELS: Record<AccountRole, Label> = {
  clerk: { vi: 'Thư ký Tòa án', en: 'Court clerk' },
  judge: { vi: 'Thẩm phán', en: 'Judge' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};

export function isAccountRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value);
}

/** The verified content of a session token. */
export interface SessionClaims {
  /** Court id, as in room names. */
  readonly court: string;
  /** User name (the JWT `sub`). */
  readonly user: string;
  readonly roles: readonly AccountRole[];
  /** Expiry, seconds since the epoch (the JWT `exp`). */
  readonly exp: number;
  /**
   * The staff member (court file `Staff.id`) the account is, when court IT linked one: how the
   * server tells a panel member (deliberation minutes) and whose capacity a signature is.
   */
  readonly staffId?: string;
}
