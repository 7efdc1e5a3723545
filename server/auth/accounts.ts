/**
 * Accounts: creating one (court IT, from the CLI) and logging in (from the app). Login failures
 * are values with a Vietnamese message; one message for "no such court", "no such user" and
 * "wrong password", so the answer never tells which part was wrong.
 */
import { domainError, err, ok, type DomainError, type Result } from '../../shared/domain/result.js';
import { isAccountRole, type AccountRole } from '../../shared/sync/claims.js';
import { isValidRoomId } from '../../shared/sync/rooms.js';
import type { UserStore } from '../store/store.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import type { TokenSigner } from './tokens.js';

/** User names: what a court would issue, safe in logs and URLs. */
const USER_NAME_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;
export const MIN_PASSWORD_LENGTH = 8;

export interface NewAccount {
  court: string;
  user: string;
  password: string;
  roles: readonly string[];
  /** The court file's `Staff.id` of this person (panel membership, signatures). */
  staffId?: string;
}

/**
 * Creates or replaces an account (replacing is how court IT resets a password).
 *
 * @example
 *   await addAccount(store, { court: 'tand-kv1-vinhlong', user: 'thuky', password: '…', roles: ['clerk'] });
 */
export async function addAccount(store: UserStore, account: NewAccount): Promise<Result<{ created: boolean }>> {
  if (!isValidRoomId(account.court)) {
    return err(domainError('account.court', 'Mã tòa án không hợp lệ.', 'Invalid court id.', account.court));
  }
  if (!USER_NAME_PATTERN.test(account.user)) {
    return err(domainError('account.user', 'Tên đăng nhập không hợp lệ (chữ, số, _ . @ -, tối đa 64 ký tự).', 'Invalid user name.', account.user));
  }
  if (account.password.length < MIN_PASSWORD_LENGTH) {
    return err(
      domainError('account.password', `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`),
    );
  }
  const roles = [...new Set(account.roles)];
  if (roles.length === 0 || !roles.every(isAccountRole)) {
    return err(domainError('account.role', 'Vai trò phải là clerk, judge hoặc admin.', 'The role must be clerk, judge or admin.', roles.join(',')));
  }
  if (account.staffId !== undefined && !isValidRoomId(account.staffId)) {
    return err(domainError('account.staff', 'Mã cán bộ không hợp lệ (chữ, số, _ . : -, tối đa 80 ký tự).', 'Invalid staff id.', account.staffId));
  }
  const passwordHash = await hashPassword(account.password);
  return ok(
    await store.putUser({ court: account.court, user: account.user, passwordHash, roles: roles as AccountRole[], ...(account.staffId === undefined ? {} : { staffId: account.staffId }) }),
  );
}

export function invalidCredentials(): DomainError {
  return domainError('auth.invalidCredentials', 'Sai tòa án, tên đăng nhập hoặc mật khẩu.', 'Wrong court, user name or password.');
}

/** Checks a password and, when it matches, signs a session token. */
export async function login(
  store: UserStore,
  tokens: TokenSigner,
  request: { court: string; user: string; password: string },
): Promise<Result<{ token: string; roles: readonly AccountRole[] }>> {
  const account = isValidRoomId(request.court) && USER_NAME_PATTERN.test(request.user) ? await store.getUser(request.court, request.user) : null;
  if (account === null) {
    await burnPasswordCheck(request.password);
    return err(invalidCredentials());
  }
  if (!(await verifyPassword(request.password, account.passwordHash))) return err(invalidCredentials());
  const token = await tokens.sign({ court: account.court, user: account.user, roles: account.roles, ...(account.staffId === undefined ? {} : { staffId: account.staffId }) });
  return ok({ token, roles: account.roles });
}
