/**
 * Opening the replica's database with errors as values (ReplicaOpenError).
 *
 * Dexie 4, given a database whose version is *higher* than the one it declares, retries without
 * a version and, if the installed schema lacks a table or index it declares, silently upgrades
 * the newer database ("schema patch mode"). An older Courtdesk must never do that to a newer
 * one's data, so the installed version is probed with raw IndexedDB first and a newer one is
 * refused before Dexie touches it.
 */
import { ReplicaOpenError, openErrorFrom } from './errors.js';
import { CourtdeskDb, MIGRATIONS, type Migration } from './schema.js';

/** Dexie stores version n as native IndexedDB version 10·n (+k after a schema patch). */
const DEXIE_VERSION_FACTOR = 10;

/**
 * The installed native version of `name`, or 0 when there is no such database. Creating the
 * database by probing is avoided by aborting the version-change transaction a fresh open makes.
 */
export function installedVersion(factory: IDBFactory, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch (e) {
      reject(e);
      return;
    }
    let creating = false;
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      if (creating) {
        event.preventDefault();
        resolve(0);
      } else {
        reject(request.error ?? new Error('IndexedDB open failed'));
      }
    };
  });
}

export interface OpenDbOptions {
  readonly name: string;
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  readonly migrations?: readonly Migration[];
}

/** Opens (creating or migrating) the database, or rejects with a ReplicaOpenError. */
export async function openDatabase(options: OpenDbOptions): Promise<CourtdeskDb> {
  const factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  const keyRange = options.IDBKeyRange ?? (typeof IDBKeyRange === 'undefined' ? undefined : IDBKeyRange);
  if (!factory || !keyRange) throw new ReplicaOpenError('unavailable', 'indexedDB is not defined');
  const migrations = options.migrations ?? MIGRATIONS;

  let installed: number;
  try {
    installed = await installedVersion(factory, options.name);
  } catch (e) {
    throw openErrorFrom(e);
  }
  if (Math.floor(installed / DEXIE_VERSION_FACTOR) > migrations.length) {
    throw new ReplicaOpenError('versionTooNew', `installed ${installed}, supported ${migrations.length * DEXIE_VERSION_FACTOR}`);
  }

  const db = new CourtdeskDb(options.name, { indexedDB: factory, IDBKeyRange: keyRange, migrations });
  let onBlocked: (() => void) | undefined;
  const blocked = new Promise<never>((_, reject) => {
    onBlocked = () => reject(new ReplicaOpenError('blocked'));
  });
  blocked.catch(() => undefined); // only ever observed through the race below
  // An upgrade waits for older connections (another window) to close; do not wait forever.
  db.on('blocked', () => onBlocked?.());
  try {
    await Promise.race([db.open(), blocked]);
  } catch (e) {
    db.close();
    throw openErrorFrom(e);
  }
  return db;
}
