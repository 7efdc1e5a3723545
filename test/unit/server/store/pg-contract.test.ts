/**
 * The store contract (store-contract.ts) against the PostgreSQL store, on a real server: the
 * harness's private cluster, or COURTDESK_TEST_PG_URL.
 */
import { afterEach } from 'vitest';
import { openPgStore } from '../../../../server/store/pg-store.js';
import type { ServerStore } from '../../../../server/store/store.js';
import { usePgCluster } from '../../../integration/pg/pg-harness.js';
import { describeStoreContract } from './store-contract.js';

const pg = usePgCluster();
const opened: ServerStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

describeStoreContract('PostgreSQL store', async () => {
  const store = await openPgStore({ connectionString: await pg.freshDatabase() });
  opened.push(store);
  return store;
});
