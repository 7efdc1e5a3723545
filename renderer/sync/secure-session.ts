/**
 * The session store of the app: the identity (server, court, user, roles) in localStorage, so the
 * login form and offline work know who was last here, and the **token** in the bridge's secret
 * store: on the desktop Electron's safeStorage (OS keychain encryption, main/secure-store.ts), so a
 * copied profile folder does not carry a usable token. Where the bridge cannot encrypt (the web
 * build, a Linux desktop without a keyring) the token stays in localStorage as before: there is no
 * safer place there, and refusing to remember it would make every offline day start signed out.
 *
 * `SessionStore` is synchronous (the engine reads it on every run), so the token is read from the
 * secret store once into memory: wait for `ready` before starting the engine.
 */
import type { BridgeSecrets } from '../bridge/bridge.js';
import { localStorageSessionStore, type Session, type SessionStore } from './session.js';

export interface SecureSessionStore extends SessionStore {
  /** Resolves once the token was read from the secret store (never rejects). */
  readonly ready: Promise<void>;
  /** Whether the token is kept encrypted by the OS. */
  readonly encrypted: boolean;
}

export function secureSessionStore(secrets: BridgeSecrets, storage: Storage = localStorage): SecureSessionStore {
  const identity = localStorageSessionStore(storage);
  if (!secrets.encrypted) return Object.assign(identity, { ready: Promise.resolve(), encrypted: false });

  let token = '';
  const persistToken = (value: string) => {
    const write = value === '' ? secrets.delete('sessionToken') : secrets.set('sessionToken', value);
    void write.then((outcome) => {
      if (!outcome.ok) console.error('Courtdesk: the session token could not be kept in the secure store', outcome);
    });
  };
  const ready = (async () => {
    const stored = identity.load();
    const outcome = await secrets.get('sessionToken');
    if (outcome.ok && outcome.value) token = outcome.value;
    // An older version kept the token in localStorage: move it to the secure store, once.
    if (stored && stored.token !== '') {
      if (token === '') {
        token = stored.token;
        persistToken(token);
      }
      identity.save({ ...stored, token: '' });
    }
  })().catch((error: unknown) => console.error('Courtdesk: reading the session token failed', error));

  return {
    ready,
    encrypted: true,
    load(): Session | undefined {
      const stored = identity.load();
      return stored ? { ...stored, token: token !== '' ? token : stored.token } : undefined;
    },
    save(session: Session) {
      token = session.token;
      identity.save({ ...session, token: '' });
      persistToken(session.token);
    },
    clear() {
      token = '';
      identity.clear();
      persistToken('');
    },
  };
}
