/**
 * `--store sqlite|postgres` and `--pg-url URL` (or `COURTDESK_PG_URL`) of the CLI: which store a
 * command runs on. SQLite in the data folder stays the default.
 */
import { openPgStore } from './pg-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { ServerStore } from './store.js';

export type StoreChoice = { readonly kind: 'sqlite' } | { readonly kind: 'postgres'; readonly url: string };

export interface StoreChoiceError {
  readonly message: string;
  readonly messageEn: string;
}

/**
 * @example
 *   parseStoreChoice('postgres', undefined, { COURTDESK_PG_URL: 'postgres://…' }) // { kind: 'postgres', url }
 */
export function parseStoreChoice(store: string | undefined, pgUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreChoice | StoreChoiceError {
  const url = pgUrl ?? env.COURTDESK_PG_URL;
  const kind = store ?? (pgUrl !== undefined ? 'postgres' : 'sqlite');
  if (kind === 'sqlite') return { kind };
  if (kind !== 'postgres') {
    return { message: `--store phải là sqlite hoặc postgres, không phải "${kind}".`, messageEn: `--store must be sqlite or postgres, not "${kind}".` };
  }
  if (url === undefined || url === '') {
    return { message: 'Thiếu --pg-url (hoặc biến môi trường COURTDESK_PG_URL).', messageEn: 'Missing --pg-url (or the COURTDESK_PG_URL environment variable).' };
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    return { message: '--pg-url phải có dạng postgres://USER:PASS@HOST:PORT/DB.', messageEn: '--pg-url must look like postgres://USER:PASS@HOST:PORT/DB.' };
  }
  return { kind, url };
}

export function isStoreChoiceError(choice: StoreChoice | StoreChoiceError): choice is StoreChoiceError {
  return 'messageEn' in choice;
}

/** Opens the chosen store for a one-off command (accounts, demo data). */
export async function openChosenStore(choice: StoreChoice, dataDir: string): Promise<ServerStore> {
  return choice.kind === 'postgres' ? openPgStore({ connectionString: choice.url, poolSize: 2 }) : openSqliteStore(dataDir);
}
