/**
 * Server instances on PostgreSQL for the integration tests, and the store seam the sync suites use
 * to run the same scenarios on SQLite and on PostgreSQL (`serverBackend`).
 *
 * Instances of one "court system" share a data folder: it holds only the token secret there (the
 * documents are in PostgreSQL), and sharing it is how every instance verifies every token.
 */
import { addAccount } from '../../../server/auth/accounts.js';
import { openPgStore } from '../../../server/store/pg-store.js';
import type { RunningServer, ServerOptions } from '../../../server/server.js';
import { COURT, PASSWORD, seedUser, start, tempDataDir } from '../server/helpers.js';
import type { PgHarness } from './pg-harness.js';

export type StoreKind = 'sqlite' | 'postgres';

export async function seedPgUser(url: string, user = 'thuky', court = COURT, role = 'clerk'): Promise<void> {
  const store = await openPgStore({ connectionString: url });
  try {
    const result = await addAccount(store, { court, user, password: PASSWORD, roles: [role] });
    if (!result.ok) throw new Error(result.error.messageEn);
  } finally {
    await store.close();
  }
}

/** One instance on the database `url`, port 0 unless given, short reconnect/idle delays. */
export function startPgInstance(dataDir: string, url: string, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return start(dataDir, { postgres: { url, poolSize: 4 }, ...options });
}

/** Where one test's court lives: a data folder, and for PostgreSQL a fresh database. */
export interface ServerBackend {
  readonly kind: StoreKind;
  readonly dataDir: string;
  readonly pgUrl?: string;
  seedUser(user?: string, court?: string, role?: string): Promise<void>;
  start(options?: Partial<ServerOptions>): Promise<RunningServer>;
}

/**
 * @example
 *   const backend = await serverBackend('postgres', pg);
 *   await backend.seedUser('thuky');
 *   const server = await backend.start();
 */
export async function serverBackend(kind: StoreKind, harness?: PgHarness): Promise<ServerBackend> {
  const dataDir = tempDataDir();
  if (kind === 'sqlite') {
    return { kind, dataDir, seedUser: (user, court, role) => seedUser(dataDir, user, court, role), start: (options) => start(dataDir, options) };
  }
  if (harness === undefined) throw new Error('a PostgreSQL backend needs the file\'s usePgCluster()');
  const pgUrl = await harness.freshDatabase();
  return {
    kind,
    dataDir,
    pgUrl,
    seedUser: (user, court, role) => seedPgUser(pgUrl, user, court, role),
    start: (options) => startPgInstance(dataDir, pgUrl, options),
  };
}
