/**
 * What the replica holds of given docs, read-only: stored or not, and what the court server has
 * acknowledged (schema.ts `docSnapshots`, `bodyPacks`, `syncState` and `packedSync`). The Replica contract answers this for
 * case docs only and says nothing of document bodies (`doc:{id}`), so the day pack reads the two
 * tables itself through its own Dexie connection to the same database: read transactions only,
 * never a write, so the replica's invariants are untouched. When the Replica contract grows a
 * `docStates(docIds)` this file becomes a one-line adapter.
 */
import type { LocalDocState } from '../../shared/dayplan/readiness.js';
import { openDatabase } from '../replica/open.js';
import { DEFAULT_DB_NAME, isNeverSynced, type CourtdeskDb } from '../replica/schema.js';
import { syncRecordsOf } from '../replica/sync-state.js';

export interface LocalDocProbe {
  /** The state of each doc id (`case:{id}`, `doc:{id}`), in the order given. */
  states(docIds: readonly string[]): Promise<ReadonlyMap<string, LocalDocState>>;
  close(): void;
}

/** Reads the states from an open database. */
export async function readDocStates(db: CourtdeskDb, docIds: readonly string[]): Promise<Map<string, LocalDocState>> {
  const ids = [...new Set(docIds)];
  const [snapshots, packed, records] = await db.transaction('r', [db.docSnapshots, db.bodyPacks, ...db.syncTables], async () => {
    const own = await db.docSnapshots.bulkGet(ids);
    // A document body pulled and not written since is stored in a pack (replica/body-packs.ts).
    const missing = ids.filter((_, i) => own[i] === undefined);
    // The index keys of the matches are the doc ids found: no pack's bytes are read.
    const inPacks = missing.length === 0 ? [] : ((await db.bodyPacks.where('docIds').anyOf(missing).keys()) as string[]);
    // A body pulled clean has no record of its own: its pack implies one (replica/sync-state.ts).
    return [own, new Set(inPacks), await syncRecordsOf(db, ids)] as const;
  });
  const out = new Map<string, LocalDocState>();
  ids.forEach((id, i) => {
    const record = records[i];
    if (!snapshots[i] && !packed.has(id)) out.set(id, 'absent');
    // Never acknowledged nor edited here: no record (before schema v5) or a never-synced one.
    else if (!record || isNeverSynced(record)) out.set(id, 'unknown');
    else out.set(id, record.dirty === 1 ? 'pending' : 'synced');
  });
  return out;
}

export interface ProbeOptions {
  readonly name?: string;
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** A probe over its own connection, opened on first use. */
export function openDocProbe(options: ProbeOptions = {}): LocalDocProbe {
  let db: Promise<CourtdeskDb> | undefined;
  const connection = () => {
    db ??= openDatabase({
      name: options.name ?? DEFAULT_DB_NAME,
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    db.catch(() => {
      db = undefined;
    });
    return db;
  };
  return {
    async states(docIds) {
      return readDocStates(await connection(), docIds);
    },
    close() {
      void db?.then((open) => open.close());
      db = undefined;
    },
  };
}
