/**
 * The store contract (store-contract.ts) against the PostgreSQL store, on a real server: the
 * harness's private cluster, or COURTDESK_TEST_PG_URL.
 */
import { afterEach } from 'vitest';
import { openPgStore } from '../../../../server/store/pg-store.js';
import type { ServerStore } from '../../../../server/store/store.js';
import { usePgCluster } from '../../../integration/pg/pg-harness.js';
import { describeDocStateContract, describeStoreContract } from './store-contract.js';

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

describeDocStateContract('PostgreSQL store', async () => {
  const store = await openPgStore({ connectionString: await pg.freshDatabase() });
  opened.push(store);
  return {
    store,
    rows: {
      forget: async (court, docKey) => void (await store.query('UPDATE docs SET state_vector = NULL WHERE court = $1 AND doc_key = $2', [court, docKey])),
      stored: async (court, docKey) =>
        (await store.query<{ state_vector: unknown }>('SELECT state_vector FROM docs WHERE court = $1 AND doc_key = $2', [court, docKey])).rows[0]?.state_vector ?? null,
    },
  };
});
