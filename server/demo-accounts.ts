/**
 * Demo accounts for `npm start` and the demo court (`tand-kv1-vinhlong`). The passwords are fixed
 * and printed on purpose: this is a local demo, never a court's server.
 *
 * The clerk and the judge are linked to staff of the generated demo court (shared/demo/court.ts),
 * whose staff ids are positional and do not depend on the seed: `s-judge-01` is the court's first
 * judge and `s-clerk-01` the first clerk, who by construction serves judge 01 (the first clerks
 * cover one judge each). So `thuky` clerks the hearings that `thamphan` presides, the pair a
 * minutes signing needs; test/unit/server/demo-accounts.test.ts pins it.
 */
import { addAccount } from './auth/accounts.js';
import { openSqliteStore } from './store/sqlite-store.js';
import type { AccountRole } from '../shared/sync/claims.js';

export const DEMO_COURT_ID = 'tand-kv1-vinhlong';

export interface DemoAccount {
  readonly user: string;
  readonly password: string;
  readonly role: AccountRole;
  /** The demo court's staff member this account is (see above). */
  readonly staffId?: string;
  /** Vietnamese description for the start banner. */
  readonly labelVi: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { user: 'thuky', password: 'thuky-demo', role: 'clerk', staffId: 's-clerk-01', labelVi: 'Thư ký Tòa án' },
  { user: 'thamphan', password: 'thamphan-demo', role: 'judge', staffId: 's-judge-01', labelVi: 'Thẩm phán' },
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
      const result = await addAccount(store, {
        court: courtId,
        user: account.user,
        password: account.password,
        roles: [account.role],
        ...(account.staffId === undefined ? {} : { staffId: account.staffId }),
      });
      if (!result.ok) throw new Error(result.error.messageEn);
    }
  } finally {
    await store.close();
  }
  return DEMO_ACCOUNTS;
}
