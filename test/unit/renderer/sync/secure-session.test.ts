/** The token in the bridge's secret store (safeStorage on the desktop), the identity in localStorage. */
import { describe, expect, it } from 'vitest';
import type { BridgeSecrets } from '../../../../renderer/bridge/bridge.js';
import { secureSessionStore } from '../../../../renderer/sync/secure-session.js';
import { httpServerUrl, type Session } from '../../../../renderer/sync/session.js';
import { MemoryStorage } from '../memory-storage.js';

function fakeSecrets(encrypted: boolean): BridgeSecrets & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    encrypted,
    values,
    get: (key) => Promise.resolve({ ok: true, value: values.get(key) ?? null }),
    set: (key, value) => {
      values.set(key, value);
      return Promise.resolve({ ok: true, value: undefined });
    },
    delete: (key) => {
      values.delete(key);
      return Promise.resolve({ ok: true, value: undefined });
    },
  };
}

const session: Session = { serverUrl: 'http://127.0.0.1:1234', court: 'tand-kv1-vinhlong', user: 'thuky', roles: ['clerk'], token: 'h.p.s', expiresAt: 2_000_000_000_000 };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('secure session store', () => {
  it('keeps the token in the encrypted store and only the identity in localStorage', async () => {
    const storage = new MemoryStorage();
    const secrets = fakeSecrets(true);
    const store = secureSessionStore(secrets, storage);
    await store.ready;
    store.save(session);
    await flush();
    expect(secrets.values.get('sessionToken')).toBe('h.p.s');
    expect(storage.getItem('courtdesk.session')).not.toContain('h.p.s');
    expect(store.load()).toEqual(session);

    // Another start of the app reads the token back before the engine runs.
    const again = secureSessionStore(secrets, storage);
    await again.ready;
    expect(again.load()).toEqual(session);

    again.clear();
    await flush();
    expect(secrets.values.has('sessionToken')).toBe(false);
    expect(again.load()).toMatchObject({ user: 'thuky', token: '' });
  });

  it('moves a token an older version left in localStorage into the encrypted store', async () => {
    const storage = new MemoryStorage();
    storage.setItem('courtdesk.session', JSON.stringify(session));
    const secrets = fakeSecrets(true);
    const store = secureSessionStore(secrets, storage);
    await store.ready;
    await flush();
    expect(secrets.values.get('sessionToken')).toBe('h.p.s');
    expect(storage.getItem('courtdesk.session')).not.toContain('h.p.s');
    expect(store.load()?.token).toBe('h.p.s');
  });

  it('keeps the token in localStorage where nothing can encrypt it (web)', async () => {
    const storage = new MemoryStorage();
    const store = secureSessionStore(fakeSecrets(false), storage);
    await store.ready;
    store.save(session);
    expect(store.encrypted).toBe(false);
    expect(storage.getItem('courtdesk.session')).toContain('h.p.s');
  });
});

describe('httpServerUrl', () => {
  it('turns the WebSocket spelling of a server address into its HTTP base', () => {
    expect(httpServerUrl(' ws://127.0.0.1:1234/ ')).toBe('http://127.0.0.1:1234');
    expect(httpServerUrl('wss://toaan.example.vn')).toBe('https://toaan.example.vn');
    expect(httpServerUrl('http://10.0.0.5:1234')).toBe('http://10.0.0.5:1234');
  });
});
