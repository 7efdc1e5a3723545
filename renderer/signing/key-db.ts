/**
 * The signing keys' own small IndexedDB database (`courtdesk-signing`), apart from the Dexie
 * replica on purpose: a private CryptoKey is stored as the structured-clone of a
 * **non-extractable** key (the browser keeps the secret; script can use it to sign, never read
 * it), and a replica backup, restore or rebuild never touches it.
 *
 * ```
 * courtdesk-signing (version 1)
 * ├── deviceKeys   key `${court}|${user}` → DeviceKeyRecord (one signing key per account per device)
 * └── directory    key `${court}|${user}` → CachedDirectoryEntry (the server's key directory, for offline verification)
 * ```
 */
import type { DirectoryEntry } from '../../shared/drafting/device-keys.js';

export const SIGNING_DB_NAME = 'courtdesk-signing';
const VERSION = 1;

export interface DeviceKeyRecord {
  readonly id: string;
  readonly court: string;
  readonly user: string;
  readonly privateKey: CryptoKey;
  /** Raw public key, base64. */
  readonly publicKey: string;
  readonly keyId: string;
  readonly createdAt: string;
  /** Set once the court server accepted the key (and under which server address). */
  readonly registeredAt?: string;
  readonly deviceName?: string;
  readonly serverUrl?: string;
}

export interface CachedDirectoryEntry extends DirectoryEntry {
  readonly id: string;
  readonly court: string;
  readonly fetchedAt: string;
}

export function accountKey(court: string, user: string): string {
  return `${court}|${user}`;
}

let opening: Promise<IDBDatabase> | undefined;

function openDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(SIGNING_DB_NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('deviceKeys')) db.createObjectStore('deviceKeys', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('directory')) db.createObjectStore('directory', { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('The signing key database is blocked by another window'));
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

function run<T>(storeName: 'deviceKeys' | 'directory', mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        // Strict durability: a key the server registered must not vanish in a power cut.
        const tx = db.transaction(storeName, mode, { durability: 'strict' });
        const request = body(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB write failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export function getDeviceKey(court: string, user: string): Promise<DeviceKeyRecord | undefined> {
  return run<DeviceKeyRecord | undefined>('deviceKeys', 'readonly', (s) => s.get(accountKey(court, user)) as IDBRequest<DeviceKeyRecord | undefined>);
}

export async function putDeviceKey(record: DeviceKeyRecord): Promise<void> {
  await run('deviceKeys', 'readwrite', (s) => s.put(record));
}

export function getDirectoryEntry(court: string, user: string): Promise<CachedDirectoryEntry | undefined> {
  return run<CachedDirectoryEntry | undefined>('directory', 'readonly', (s) => s.get(accountKey(court, user)) as IDBRequest<CachedDirectoryEntry | undefined>);
}

export async function putDirectoryEntry(entry: CachedDirectoryEntry): Promise<void> {
  await run('directory', 'readwrite', (s) => s.put(entry));
}
