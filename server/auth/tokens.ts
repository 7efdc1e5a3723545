/**
 * Session tokens: JWTs signed with HS256 (jose) by a 32-byte secret generated once per data
 * folder and kept there with mode 0600. Claims: `court`, `sub` (the user), `roles`, `staffId`
 * (when the account is linked to a staff member), `iat`, `exp`, `iss`. Verification pins the algorithm, so a token with `alg: none` or another algorithm is
 * refused, as is any token whose signature, issuer, expiry or claim shapes are wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { isAccountRole, type AccountRole, type SessionClaims } from '../../shared/sync/claims.js';

export const SECRET_FILE_NAME = 'jwt-secret.key';
const ISSUER = 'courtdesk-server';
const ALGORITHM = 'HS256';

/** Default token lifetime: a working day and its evening, so a clerk logs in once a day. */
export const DEFAULT_TOKEN_TTL_SECONDS = 16 * 60 * 60;

/**
 * Reads the signing secret of `dataDir`, creating it (0600, exclusive create) on first use.
 * Exclusive create means two servers starting together cannot end up with different secrets.
 */
export function loadOrCreateSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, SECRET_FILE_NAME);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeSync(fd, randomBytes(32).toString('base64'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (secret.length < 32) throw new Error(`The token secret in ${file} is too short; delete it to generate a new one (all sessions end).`);
  return new Uint8Array(secret);
}

export interface TokenSigner {
  sign(claims: { court: string; user: string; roles: readonly AccountRole[]; staffId?: string }, ttlSeconds?: number): Promise<string>;
  /** The claims of a valid token, or `null` (missing, malformed, forged, expired). */
  verify(token: string | null | undefined): Promise<SessionClaims | null>;
}

/**
 * @example
 *   const tokens = createTokenSigner(loadOrCreateSecret(dir));
 *   const token = await tokens.sign({ court: 'c1', user: 'thuky', roles: ['clerk'] });
 *   (await tokens.verify(token))?.user; // 'thuky'
 */
export function createTokenSigner(secret: Uint8Array, now: () => number = Date.now): TokenSigner {
  return {
    async sign(claims, ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS) {
      const issuedAt = Math.floor(now() / 1000);
      return new SignJWT({ court: claims.court, roles: [...claims.roles], ...(claims.staffId === undefined ? {} : { staffId: claims.staffId }) })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(claims.user)
        .setIssuer(ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(secret);
    },
    async verify(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return null;
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          requiredClaims: ['exp', 'sub'],
          currentDate: new Date(now()),
        });
        const { court, roles, sub, exp, staffId } = payload;
        if (typeof court !== 'string' || typeof sub !== 'string' || typeof exp !== 'number') return null;
        if (!Array.isArray(roles) || !roles.every(isAccountRole)) return null;
        if (staffId !== undefined && typeof staffId !== 'string') return null;
        return { court, user: sub, roles, exp, ...(staffId === undefined ? {} : { staffId }) };
      } catch {
        return null;
      }
    },
  };
}
