/**
 * Where installed packs, the court IT keys added in Settings and the last check result live: the
 * `packs` table and two `meta` keys of the replica's database (schema.ts, migration 4).
 *
 * The packs code opens its own Dexie connection to that database instead of going through the
 * `Replica` interface: packs are not case data, have no Yjs doc and no projection, and keeping
 * them out of `Replica` leaves the sync-facing contract alone. A second connection to the same
 * version opens instantly (the replica already ran the migrations) and Dexie closes it by itself
 * if a newer app version ever asks to upgrade.
 */
import { openDatabase } from '../replica/open.js';
import { DEFAULT_DB_NAME, type CourtdeskDb, type InstalledPackRecord, type PackCheckRecord, type PackTrustedKeyRecord } from '../replica/schema.js';

export type { InstalledPackRecord, PackCheckRecord, PackTrustedKeyRecord };

let shared: Promise<CourtdeskDb> | undefined;

/** The app's connection (opened once, after the replica has opened and migrated the database). */
export function openPacksDb(name = DEFAULT_DB_NAME): Promise<CourtdeskDb> {
  if (!shared) {
    shared = openDatabase({ name });
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}

export function packKey(kind: string, packId: string, version: string): string {
  return `${kind}/${packId}/${version}`;
}

export async function installedPacks(db: CourtdeskDb): Promise<InstalledPackRecord[]> {
  return db.packs.toArray();
}

/** Stores a verified pack; a version already installed is left as it is. */
export async function putInstalledPack(db: CourtdeskDb, record: InstalledPackRecord): Promise<boolean> {
  return db.transaction('rw', db.packs, async () => {
    if (await db.packs.get(record.key)) return false;
    await db.packs.add(record);
    return true;
  });
}

export async function addedTrustedKeys(db: CourtdeskDb): Promise<readonly PackTrustedKeyRecord[]> {
  return (await db.getMeta('packTrustedKeys')) ?? [];
}

export async function setAddedTrustedKeys(db: CourtdeskDb, keys: readonly PackTrustedKeyRecord[]): Promise<void> {
  await db.setMeta('packTrustedKeys', keys);
}

export async function lastPackCheck(db: CourtdeskDb): Promise<PackCheckRecord | undefined> {
  return db.getMeta('packLastCheck');
}

export async function saveLastPackCheck(db: CourtdeskDb, record: PackCheckRecord): Promise<void> {
  await db.setMeta('packLastCheck', record);
}
