/**
 * The baselines the replica is compared with, in the same page and the same run (DESIGN §6:
 * "ratios against a baseline show where our layers cost"). They do the least work that still
 * produces the same bytes or the same answer: raw IndexedDB with one object store and no
 * secondary index, and a linear `includes` scan for search. Nothing here is meant for the app.
 */
import * as Y from 'yjs';
import { readCase } from '../../shared/domain/case-doc.js';
import type { Case } from '../../shared/domain/schemas.js';
import { searchTokens } from '../../shared/text/fold.js';
import type { CaseRow } from '../../renderer/replica/types.js';

export const BASELINE_DB_NAME = 'courtdesk-bench-baseline';
const STORE = 'records';

function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens (creating if needed) the baseline database: one store, out-of-line string keys. */
export function openBaselineDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(BASELINE_DB_NAME, 1);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
  };
  return requestToPromise(request);
}

export async function deleteAllDatabases(): Promise<void> {
  const databases = await indexedDB.databases();
  for (const { name } of databases) {
    if (!name) continue;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
      // A connection left open elsewhere would block forever: fail loudly instead.
      request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
    });
  }
}

export type BaselineRecord = readonly [key: string, value: unknown];

/**
 * Writes records in chunks, one readwrite transaction per chunk, with the same durability as the
 * replica (strict, schema.ts), so the ratio measures our layers and not a durability choice.
 */
export async function writeChunked(db: IDBDatabase, records: readonly BaselineRecord[], chunkSize: number): Promise<void> {
  for (let start = 0; start < records.length; start += chunkSize) {
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(STORE);
    const end = Math.min(records.length, start + chunkSize);
    for (let i = start; i < end; i++) {
      const [key, value] = records[i]!;
      store.put(value, key);
    }
    await transactionDone(tx);
  }
}

/** The key of a case doc's snapshot in the baseline store. */
export const snapshotKey = (docId: string): string => `docSnapshots/${docId}`;

export async function getRecord<T>(db: IDBDatabase, key: string): Promise<T | undefined> {
  const tx = db.transaction(STORE, 'readonly');
  return (await requestToPromise(tx.objectStore(STORE).get(key))) as T | undefined;
}

/** Opening a case the minimal way: one get, one Y.applyUpdate, and the same validation. */
export async function loadCaseRaw(db: IDBDatabase, docId: string): Promise<Case> {
  const record = await getRecord<{ state: Uint8Array }>(db, snapshotKey(docId));
  if (!record) throw new Error(`baseline: no snapshot for ${docId}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, record.state);
  const data = readCase(doc);
  doc.destroy();
  return data;
}

/**
 * Search the naive way: every folded row text, in register order, tested with `includes` for
 * every token. Returns the total and the first page, as listCases does.
 */
export function naiveSearch(rowsInOrder: readonly CaseRow[], query: string, limit: number): { total: number; ids: string[] } {
  const tokens = searchTokens(query);
  const ids: string[] = [];
  let total = 0;
  for (const row of rowsInOrder) {
    if (tokens.every((token) => row.searchText.includes(token))) {
      total++;
      if (ids.length < limit) ids.push(row.id);
    }
  }
  return { total, ids };
}
