import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore } from '../../../../server/store/sqlite-store.js';
import type { ServerStore } from '../../../../server/store/store.js';
import { describeStoreContract } from './store-contract.js';

const opened: ServerStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

describeStoreContract('SQLite store', async () => {
  const store = openSqliteStore(fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-contract-')));
  opened.push(store);
  return store;
});
