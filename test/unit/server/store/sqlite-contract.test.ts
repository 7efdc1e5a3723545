import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../../server/store/sqlite-store.js';
import type { ServerStore } from '../../../../server/store/store.js';
import { describeDocStateContract, describeStoreContract } from './store-contract.js';

const opened: ServerStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

describeStoreContract('SQLite store', async () => {
  const store = openSqliteStore(fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-contract-')));
  opened.push(store);
  return store;
});

describeDocStateContract('SQLite store', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-contract-'));
  const store = openSqliteStore(dir);
  opened.push(store);
  // A second connection to the same file (WAL), as an operator's sqlite3 shell would be.
  const raw = new Database(path.join(dir, SQLITE_FILE_NAME));
  opened.push({ close: async () => void raw.close() } as ServerStore);
  return {
    store,
    rows: {
      forget: async (court, docKey) => void raw.prepare('UPDATE docs SET state_vector = NULL WHERE court = ? AND doc_key = ?').run(court, docKey),
      stored: async (court, docKey) =>
        (raw.prepare('SELECT state_vector FROM docs WHERE court = ? AND doc_key = ?').get(court, docKey) as { state_vector: string | null } | undefined)?.state_vector ?? null,
    },
  };
});
