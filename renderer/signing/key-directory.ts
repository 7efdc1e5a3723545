/**
 * The court's key directory as this device knows it: fetched from `GET /api/keys?user=` for each
 * signer of a document when online, cached in key-db.ts, and answered from the cache offline, so
 * a judge can verify a document on a laptop with no network (with the keys last fetched).
 */
import type { DirectoryEntry } from '../../shared/drafting/device-keys.js';
import type { KeyDirectory, KeyStanding } from '../../shared/drafting/signing.js';
import { apiUrl } from '../sync/http.js';
import type { Session } from '../sync/session.js';
import { accountKey, getDirectoryEntry, putDirectoryEntry } from './key-db.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Fetches and caches the directory entries of `users`; answers how many could be refreshed. */
export async function refreshDirectory(fetchImpl: FetchLike, session: Session, users: readonly string[]): Promise<number> {
  let refreshed = 0;
  for (const user of [...new Set(users)]) {
    try {
      const res = await fetchImpl(apiUrl(session.serverUrl, `/api/keys?user=${encodeURIComponent(user)}`), { headers: { authorization: `Bearer ${session.token}` } });
      if (!res.ok) continue;
      const entry = (await res.json()) as DirectoryEntry;
      if (entry.user !== user || !Array.isArray(entry.keys)) continue;
      await putDirectoryEntry({ ...entry, id: accountKey(session.court, user), court: session.court, fetchedAt: new Date().toISOString() });
      refreshed += 1;
    } catch {
      // Offline or the server is down: the cached entry (if any) answers.
    }
  }
  return refreshed;
}

/** A `KeyDirectory` over the cached entries of `court`. */
export function cachedDirectory(court: string): KeyDirectory {
  return {
    async standing(user: string, keyId: string, signedAt: string): Promise<KeyStanding> {
      const entry = await getDirectoryEntry(court, user);
      const key = entry?.keys.find((k) => k.keyId === keyId);
      if (!entry) return { kind: 'unknown' };
      // Fetched after the signature and the key is not the account's: not that person's key. A
      // cache older than the signature may just predate the key's registration.
      if (!key) return entry.fetchedAt >= signedAt ? { kind: 'otherUser' } : { kind: 'unknown' };
      if (key.revokedAt !== undefined && key.revokedAt <= signedAt) return { kind: 'revoked', revokedAt: key.revokedAt };
      return entry.staffId === undefined ? { kind: 'registered' } : { kind: 'registered', staffId: entry.staffId };
    },
  };
}
