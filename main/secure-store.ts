/**
 * Secrets at rest (sync session token, device signing key): each value is encrypted with Electron's
 * `safeStorage` (DPAPI on Windows, Keychain on macOS, the Secret Service / KWallet on Linux) and the
 * ciphertexts are kept as base64 in `secure-store.json` in the user's data folder, written atomically.
 *
 * When the OS offers no real encryption the store refuses to write: a token in clear on a shared
 * court PC is worse than signing in again. On Linux, the `basic_text` backend (a fixed password
 * compiled into Chromium) counts as no encryption.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecureStoreKey } from '../shared/contracts/ipc-channels.js';
import { SECURE_STORE_KEYS } from '../shared/contracts/ipc-channels.js';
import type { Result } from '../shared/domain/result.js';
import { domainError, err, ok } from '../shared/domain/result.js';
import { writeFileAtomic } from './save-file.js';

export const SECURE_STORE_FILE_NAME = 'secure-store.json';

/** The part of Electron's `safeStorage` the store uses (an adapter, so tests inject a fake). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string;
}

interface StoreFile {
  readonly version: 1;
  readonly entries: Partial<Record<SecureStoreKey, string>>;
}

const unavailable = () =>
  domainError(
    'secureStore.unavailable',
    'Máy tính này không có kho khóa bảo mật của hệ điều hành, nên Courtdesk không lưu mã đăng nhập. Bạn sẽ cần đăng nhập lại mỗi lần mở ứng dụng; hãy báo bộ phận CNTT của tòa.',
    'No OS-level encryption is available, so secrets are not stored; ask court IT to enable the system keyring.',
  );

const ioError = (detail: string) =>
  domainError('secureStore.io', 'Không đọc hoặc ghi được kho khóa bảo mật. Hãy thử lại hoặc báo bộ phận CNTT của tòa.', 'The secure store could not be read or written.', detail);

const isKey = (key: string): key is SecureStoreKey => (SECURE_STORE_KEYS as readonly string[]).includes(key);

export class SecureStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly safeStorage: SafeStoragePort,
    readonly filePath: string,
    private readonly write: (filePath: string, bytes: Uint8Array) => Promise<Result<void>> = (target, bytes) => writeFileAtomic(target, bytes, { mode: 0o600 }),
  ) {}

  /** Real encryption only: `basic_text` on Linux is a constant key, so it does not count. */
  encryptionAvailable(): boolean {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    return this.safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  }

  private async readFileEntries(): Promise<Result<StoreFile['entries']>> {
    let raw: string;
    try {
      raw = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({});
      return err(ioError(String(error)));
    }
    try {
      const parsed = JSON.parse(raw) as Partial<StoreFile>;
      const entries: Partial<Record<SecureStoreKey, string>> = {};
      for (const [key, value] of Object.entries(parsed.entries ?? {})) {
        if (isKey(key) && typeof value === 'string') entries[key] = value;
      }
      return ok(entries);
    } catch {
      // A damaged store only costs a new sign-in: start afresh rather than lock the clerk out.
      console.warn('[secure-store] damaged store file ignored');
      return ok({});
    }
  }

  /** Runs read-modify-write operations one at a time. */
  private serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  get(key: SecureStoreKey): Promise<Result<string | null>> {
    return this.serial(async () => {
      const entries = await this.readFileEntries();
      if (!entries.ok) return entries;
      const sealed = entries.value[key];
      if (sealed === undefined) return ok(null);
      if (!this.encryptionAvailable()) return err(unavailable());
      try {
        return ok(this.safeStorage.decryptString(Buffer.from(sealed, 'base64')));
      } catch (error) {
        // Encrypted under another OS account or a reset keyring: unreadable, treat as absent.
        console.warn(`[secure-store] cannot decrypt ${key}: ${String(error)}`);
        return ok(null);
      }
    });
  }

  set(key: SecureStoreKey, value: string): Promise<Result<void>> {
    return this.serial(async () => {
      if (!this.encryptionAvailable()) return err(unavailable());
      const entries = await this.readFileEntries();
      if (!entries.ok) return entries;
      const sealed = this.safeStorage.encryptString(value).toString('base64');
      return this.persist({ ...entries.value, [key]: sealed });
    });
  }

  delete(key: SecureStoreKey): Promise<Result<void>> {
    return this.serial(async () => {
      const entries = await this.readFileEntries();
      if (!entries.ok) return entries;
      if (!(key in entries.value)) return ok(undefined);
      const rest = { ...entries.value };
      delete rest[key];
      return this.persist(rest);
    });
  }

  private async persist(entries: StoreFile['entries']): Promise<Result<void>> {
    const file: StoreFile = { version: 1, entries };
    const written = await this.write(this.filePath, new TextEncoder().encode(JSON.stringify(file)));
    return written.ok ? written : err(ioError(written.error.detail ?? written.error.code));
  }
}

export function openSecureStore(safeStorage: SafeStoragePort, userDataDir: string): SecureStore {
  return new SecureStore(safeStorage, path.join(userDataDir, SECURE_STORE_FILE_NAME));
}
