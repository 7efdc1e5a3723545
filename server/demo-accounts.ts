/**
 * Demo accounts for `npm start` and the demo court (`tand-kv1-vinhlong`). The passwords are fixed
 * and printed on purpose: this is a local demo, never a court's server.
 */
import { addAccount } from './auth/accounts.js';
import { openSqliteStore } from './store/sqlite-store.js';
import type { AccountRole } from '../shared/sync/claims.js';

export const DEMO_COURT_ID = 'tand-kv1-vinhlong';

export interface DemoAccount {
  readonly user: string;
  readonly password: string;
  readonly role: AccountRole;
  /** Vietnamese description for the start banner. */
  readonly labelVi: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { user: 'thuky', password: 'thuky-demo', role: 'clerk', labelVi: 'Thư ký Tòa án' },
  { user: 'thamphan', password: 'thamphan-demo', role: 'judge', labelVi: 'Thẩm phán' },
  { user: 'quantri', password: 'quantri-demo', role: 'admin', labelVi: 'Quản trị hệ thống' },
];

/**
 * Creates (or resets) the demo accounts of `courtId` in the store of `dataDir` and returns them,
 * passwords included, for the caller to print. Safe while a server runs on the same folder
 * (SQLite WAL, short transactions).
 *
 * @example
 *   for (const a of await seedDemoAccounts('./court-data', DEMO_COURT_ID)) console.log(a.user, a.password);
 */
export async function seedDemoAccounts(dataDir: string, courtId: string = DEMO_COURT_ID): Promise<readonly DemoAccount[]> {
  const store = openSqliteStore(dataDir);
  try {
    for (const account of DEMO_ACCOUNTS) {
      const result = await addAccount(store, { court: courtId, user: account.user, password: account.password, roles: [account.role] });
      if (!result.ok) throw new Error(result.error.messageEn);
    }
  } finally {
    await store.close();
  }
  return DEMO_ACCOUNTS;
}
