/**
 * Real PostgreSQL on 127.0.0.1 for the tests. With `COURTDESK_TEST_PG_URL` (a role allowed to
 * create databases) the tests use that server; otherwise each test file starts a private,
 * throwaway cluster (pg-cluster.ts) on first use and deletes it after the file. Every caller gets
 * its own fresh database.
 *
 * No PostgreSQL binaries is a test failure with a message saying what to install, never a skip:
 * a suite that silently does not run proves nothing.
 *
 * @example
 *   const pg = usePgCluster();               // at the top of a test file (registers afterAll)
 *   const url = await pg.freshDatabase();    // postgres://…/courtdesk_t_…, empty
 */
import { afterAll } from 'vitest';
import { createDatabase, startPrivateCluster, type PgCluster } from './pg-cluster.js';

export { createDatabase, type PgCluster } from './pg-cluster.js';

export interface PgHarness {
  /** A new empty database on the test server; its URL. */
  freshDatabase(): Promise<string>;
  /** A private cluster even when `COURTDESK_TEST_PG_URL` is set (tests that stop the server). */
  privateCluster(): Promise<PgCluster>;
}

/**
 * The PostgreSQL of this test file. Call once at the top level of the file: the cluster starts on
 * first use (a file whose PostgreSQL cases are filtered out starts nothing) and stops after it.
 */
export function usePgCluster(): PgHarness {
  let shared: Promise<{ adminUrl: string; cluster?: PgCluster }> | undefined;
  const privates: PgCluster[] = [];
  const external = process.env.COURTDESK_TEST_PG_URL;
  afterAll(async () => {
    const owned = shared === undefined ? undefined : (await shared.catch(() => undefined))?.cluster;
    for (const cluster of [...privates, ...(owned ? [owned] : [])]) await cluster.destroy();
  });
  const server = () => {
    shared ??= external ? Promise.resolve({ adminUrl: external }) : startPrivateCluster().then((cluster) => ({ adminUrl: cluster.adminUrl, cluster }));
    return shared;
  };
  return {
    async freshDatabase() {
      return createDatabase((await server()).adminUrl);
    },
    async privateCluster() {
      const cluster = await startPrivateCluster();
      privates.push(cluster);
      return cluster;
    },
  };
}
