import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SafeStoragePort } from '../../../main/secure-store.js';
import { SECURE_STORE_FILE_NAME, openSecureStore } from '../../../main/secure-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courtdesk-secure-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for safeStorage: reversible, visibly not plaintext (XOR and a marker). */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStoragePort {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: vi.fn((text: string) => Buffer.concat([Buffer.from('ENC:'), xor(Buffer.from(text, 'utf8'))])),
    decryptString: vi.fn((data: Buffer) => {
      if (!data.subarray(0, 4).equals(Buffer.from('ENC:'))) throw new Error('Error while decrypting the ciphertext');
      return xor(data.subarray(4)).toString('utf8');
    }),
    ...(options.backend ? { getSelectedStorageBackend: () => options.backend as string } : {}),
  };
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0aHVreS0wMSJ9.c2lnbmF0dXJl';

describe('SecureStore', () => {
  it('stores encrypted values only, reads them back, and leaves no temporary file', async () => {
    const store = openSecureStore(fakeSafeStorage(), dir);
    expect(await store.get('sessionToken')).toEqual({ ok: true, value: null });
    expect((await store.set('sessionToken', TOKEN)).ok).toBe(true);
    expect((await store.set('deviceKey', '{"kty":"OKP","d":"bí mật"}')).ok).toBe(true);
    expect(await store.get('sessionToken')).toEqual({ ok: true, value: TOKEN });
    expect(await store.get('deviceKey')).toEqual({ ok: true, value: '{"kty":"OKP","d":"bí mật"}' });
    const onDisk = await readFile(path.join(dir, SECURE_STORE_FILE_NAME), 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain('bí mật');
    expect(await readdir(dir)).toEqual([SECURE_STORE_FILE_NAME]);
  });

  it('writes the store readable by its owner only', async () => {
    const store = openSecureStore(fakeSafeStorage(), dir);
    await store.set('sessionToken', TOKEN);
    if (process.platform !== 'win32') expect((await stat(path.join(dir, SECURE_STORE_FILE_NAME))).mode & 0o077).toBe(0);
  });

  it('refuses to store anything when encryption is unavailable, with a clear Vietnamese message', async () => {
    const safe = fakeSafeStorage({ available: false });
    const store = openSecureStore(safe, dir);
    const result = await store.set('sessionToken', TOKEN);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('secureStore.unavailable');
      expect(result.error.messageVi).toMatch(/không lưu mã đăng nhập/);
    }
    expect(safe.encryptString).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it('treats the Linux basic_text backend (a constant key) as no encryption', async () => {
    const store = openSecureStore(fakeSafeStorage({ backend: 'basic_text' }), dir);
    expect(store.encryptionAvailable()).toBe(false);
    expect((await store.set('sessionToken', TOKEN)).ok).toBe(false);
    expect(openSecureStore(fakeSafeStorage({ backend: 'gnome_libsecret' }), dir).encryptionAvailable()).toBe(true);
  });

  it('deletes one key and keeps the other', async () => {
    const store = openSecureStore(fakeSafeStorage(), dir);
    await store.set('sessionToken', TOKEN);
    await store.set('deviceKey', 'k');
    expect((await store.delete('sessionToken')).ok).toBe(true);
    expect(await store.get('sessionToken')).toEqual({ ok: true, value: null });
    expect(await store.get('deviceKey')).toEqual({ ok: true, value: 'k' });
    expect((await store.delete('sessionToken')).ok).toBe(true);
  });

  it('survives concurrent writes without losing one', async () => {
    const store = openSecureStore(fakeSafeStorage(), dir);
    await Promise.all([store.set('sessionToken', 'a'), store.set('deviceKey', 'b')]);
    expect(await store.get('sessionToken')).toEqual({ ok: true, value: 'a' });
    expect(await store.get('deviceKey')).toEqual({ ok: true, value: 'b' });
  });

  it('treats an undecryptable value (another OS account) as absent, and a damaged file as empty', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const file = path.join(dir, SECURE_STORE_FILE_NAME);
    await writeFile(file, JSON.stringify({ version: 1, entries: { sessionToken: Buffer.from('garbage').toString('base64'), other: 'x' } }));
    const store = openSecureStore(fakeSafeStorage(), dir);
    expect(await store.get('sessionToken')).toEqual({ ok: true, value: null });
    await writeFile(file, '{not json');
    expect(await store.get('deviceKey')).toEqual({ ok: true, value: null });
    expect((await store.set('deviceKey', 'k')).ok).toBe(true);
    expect(await store.get('deviceKey')).toEqual({ ok: true, value: 'k' });
    warn.mockRestore();
  });
});
