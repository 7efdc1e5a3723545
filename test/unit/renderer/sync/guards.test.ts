/** The sync guards, the backoff and the client-side reading of session tokens. */
import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_MAX_MS } from '../../../../renderer/sync/backoff.js';
import { fromBase64, toBase64 } from '../../../../renderer/sync/base64.js';
import { checkStorage, clockSkewMs, isClockSkewed, isMassChange } from '../../../../renderer/sync/guards.js';
import { decodeTokenClaims, isExpired } from '../../../../renderer/sync/session.js';

const summary = (blanked: number, partiesRemoved: number, caseTotal = 300, partyTotal = 900) => ({
  docs: 10,
  casesBlanked: Array.from({ length: blanked }, (_, i) => `c${i}`),
  partiesRemoved,
  caseTotal,
  partyTotal,
});

describe('mass-change guard', () => {
  it('asks when a page blanks many cases or strips many parties, not for ordinary corrections', () => {
    expect(isMassChange(summary(0, 2))).toBe(false);
    expect(isMassChange(summary(2, 0))).toBe(false);
    expect(isMassChange(summary(20, 0))).toBe(true);
    expect(isMassChange(summary(0, 120))).toBe(true);
    // A tiny replica: three parties removed is not "mass".
    expect(isMassChange(summary(0, 3, 2, 6))).toBe(false);
  });
});

describe('clock skew', () => {
  it('flags more than five minutes either way', () => {
    expect(isClockSkewed(clockSkewMs(Date.UTC(2026, 0, 1, 8, 0), Date.UTC(2026, 0, 1, 8, 4)))).toBe(false);
    expect(isClockSkewed(clockSkewMs(Date.UTC(2026, 0, 1, 8, 0), Date.UTC(2026, 0, 1, 8, 6)))).toBe(true);
    expect(isClockSkewed(clockSkewMs(Date.UTC(2026, 0, 1, 8, 0), Date.UTC(2026, 0, 1, 7, 50)))).toBe(true);
    expect(isClockSkewed(clockSkewMs(undefined, Date.now()))).toBe(false);
  });
});

describe('storage check', () => {
  it('requests persistence and reports low space', async () => {
    let asked = false;
    const storage = {
      persisted: async () => false,
      persist: async () => {
        asked = true;
        return true;
      },
      estimate: async () => ({ usage: 9.95e9, quota: 10e9 }),
    } as unknown as StorageManager;
    const health = await checkStorage(storage);
    expect(asked).toBe(true);
    expect(health).toMatchObject({ persisted: true, low: true });
    const roomy = await checkStorage({ ...storage, estimate: async () => ({ usage: 1e6, quota: 10e9 }) } as unknown as StorageManager);
    expect(roomy.low).toBe(false);
  });
});

describe('backoff', () => {
  it('starts near one second, doubles, and stays under a minute with jitter', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    for (let attempt = 0; attempt < 20; attempt++) expect(backoffDelay(attempt, Math.random)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  });
});

describe('tokens and base64', () => {
  it('reads the claims and expiry of a JWT without verifying it', () => {
    const payload = Buffer.from(JSON.stringify({ court: 'tand-kv1-vinhlong', sub: 'thuky', roles: ['clerk', 'bogus'], exp: 2_000_000_000 })).toString('base64url');
    const claims = decodeTokenClaims(`e30.${payload}.sig`);
    expect(claims).toEqual({ court: 'tand-kv1-vinhlong', user: 'thuky', roles: ['clerk'], exp: 2_000_000_000 });
    expect(decodeTokenClaims('not-a-token')).toBeUndefined();
    const session = { serverUrl: 'http://x', court: 'c', user: 'u', roles: [], token: 't', expiresAt: 1_000_000 };
    expect(isExpired(session, 950_000)).toBe(true); // within the minute of margin
    expect(isExpired(session, 0)).toBe(false);
  });

  it('round-trips bytes through standard base64', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(new Uint8Array([251, 255]))).toBe(Buffer.from([251, 255]).toString('base64'));
  });
});
