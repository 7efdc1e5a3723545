/**
 * Looking up many keys of a table that holds few of them. Dexie's `bulkGet` issues one IndexedDB
 * `get` per key, and each costs ~160 µs of main-thread time in Chromium (request, success event,
 * structured clone) even for a miss: asking for the sync records of a page of docs new to the
 * replica, in a 20,000-case initial replica, was three such gets per doc, about half of the
 * time spent storing (bench/README.md, "Where the initial replica's time goes").
 *
 * Since schema v9 the tables asked are sparse: a doc pulled clean has no `syncState` record and no
 * `docSnapshots` record of its own (it is in a pack). So the keys are read with ONE cursor over
 * the range of keys asked that jumps from each key asked to the next (Dexie's `anyOf`): it stops
 * on records that exist in that range, not on keys asked. A page of 400 docs none of which is
 * stored costs one request; when every key asked is stored, it costs what `bulkGet` does.
 */
import type { Table } from 'dexie';

/**
 * The values of `keys`, in the order given (undefined where there is none).
 *
 * Not `async`, and no early return: the Dexie promise is passed on as it is, so a caller inside a
 * transaction keeps the transaction's zone (awaiting a native promise that holds no request ends
 * it: PrematureCommitError). An empty `anyOf` is an empty collection, still a Dexie promise.
 */
export function getSparse<T>(table: Table<T, string>, keys: readonly string[]): Promise<(T | undefined)[]> {
  const found = new Map<string, T>();
  return table
    .where(':id')
    .anyOf([...keys])
    .each((value, cursor) => found.set(cursor.primaryKey as string, value))
    .then(() => keys.map((key) => found.get(key)));
}

/** Which of `keys` the table holds (a key cursor: values are never read). */
export function storedKeys(table: Table<unknown, string>, keys: readonly string[]): Promise<Set<string>> {
  return table
    .where(':id')
    .anyOf([...keys])
    .primaryKeys()
    .then((found) => new Set(found as string[]));
}
