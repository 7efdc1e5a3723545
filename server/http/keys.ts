/**
 * The court's directory of device signing keys (docs/SIGNING.md):
 *
 *   POST /api/keys          Bearer token; {publicKey, deviceName, proof} → 201 {keyId, registeredAt}
 *                           (200 when this key was already registered by this account)
 *                           | 400 malformed | 422 bad proof | 409 the key is another account's
 *   GET  /api/keys?user=U   Bearer token; → 200 {user, staffId?, keys: [...]} (revoked keys included:
 *                           a signature made before the revocation stays valid)
 *
 * The key id is computed here from the public key, never taken from the client. Keys are per
 * court: a token of another court sees and registers only its own court's keys.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { keyRegistrationStatement, type DirectoryEntry } from '../../shared/drafting/device-keys.js';
import { deviceKeyId } from '../../shared/drafting/signing.js';
import type { SessionClaims } from '../../shared/sync/claims.js';
import type { Logger } from '../log.js';
import type { DeviceKeyStore, UserStore } from '../store/store.js';
import { HttpError, readJsonBody, sendJson } from './json.js';

export const KEYS_PATH = '/api/keys';

export interface KeysContext {
  readonly store: DeviceKeyStore & UserStore;
  readonly logger: Logger;
  readonly now?: () => Date;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const registrationSchema = z.object({
  publicKey: base64.max(64),
  deviceName: z.string().trim().min(1).max(80),
  proof: base64.max(128),
});
const USER_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

/** Answers GET and POST on /api/keys for an authenticated account. */
export async function handleKeys(context: KeysContext, req: IncomingMessage, res: ServerResponse, claims: SessionClaims): Promise<void> {
  if (req.method === 'POST') return registerKey(context, req, res, claims);
  if (req.method === 'GET') return listKeys(context, req, res, claims);
  throw new HttpError(405, 'http.method', 'Phương thức không được hỗ trợ.', 'Method not allowed; use GET or POST.');
}

async function registerKey(context: KeysContext, req: IncomingMessage, res: ServerResponse, claims: SessionClaims): Promise<void> {
  const parsed = registrationSchema.safeParse(await readJsonBody(req, 16 * 1024));
  if (!parsed.success) throw new HttpError(400, 'keys.badRequest', 'Yêu cầu đăng ký khóa ký không đúng định dạng.', `Malformed key registration: ${parsed.error.issues[0]?.message ?? ''}`);
  const { publicKey, proof } = parsed.data;
  const deviceName = parsed.data.deviceName.normalize('NFC');
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32) throw new HttpError(400, 'keys.badKey', 'Khóa công khai không phải khóa Ed25519 hợp lệ.', 'Not a 32-byte Ed25519 public key.');
  if (!proofHolds(raw, Buffer.from(proof, 'base64'), keyRegistrationStatement(claims.court, claims.user, publicKey))) {
    context.logger.warn('keys.proof.refused', { court: claims.court, user: claims.user });
    throw new HttpError(422, 'keys.badProof', 'Thiết bị không chứng minh được nắm giữ khóa này; khóa không được đăng ký.', 'The device did not prove it holds this key.');
  }
  const keyId = await deviceKeyId(publicKey);
  const existing = await context.store.getDeviceKey(claims.court, keyId);
  if (existing && existing.user !== claims.user) {
    throw new HttpError(409, 'keys.otherAccount', 'Khóa này đã được đăng ký cho tài khoản khác.', 'This key is registered to another account.');
  }
  const registeredAt = existing?.registeredAt ?? (context.now?.() ?? new Date()).toISOString();
  await context.store.putDeviceKey({ court: claims.court, user: claims.user, keyId, publicKey, deviceName, registeredAt });
  context.logger.info('keys.registered', { court: claims.court, user: claims.user, keyId, deviceName });
  sendJson(res, existing ? 200 : 201, { keyId, registeredAt });
}

async function listKeys(context: KeysContext, req: IncomingMessage, res: ServerResponse, claims: SessionClaims): Promise<void> {
  const user = new URL(req.url ?? '/', 'http://localhost').searchParams.get('user') ?? claims.user;
  if (!USER_PATTERN.test(user)) throw new HttpError(400, 'keys.badUser', 'Tên đăng nhập không hợp lệ.', 'Invalid user name.');
  const [account, keys] = await Promise.all([context.store.getUser(claims.court, user), context.store.listDeviceKeys(claims.court, user)]);
  const entry: DirectoryEntry = {
    user,
    ...(account?.staffId === undefined ? {} : { staffId: account.staffId }),
    keys: keys.map((k) => ({
      keyId: k.keyId,
      publicKey: k.publicKey,
      deviceName: k.deviceName,
      registeredAt: k.registeredAt,
      ...(k.revokedAt === undefined ? {} : { revokedAt: k.revokedAt }),
    })),
  };
  sendJson(res, 200, entry);
}

function proofHolds(rawPublicKey: Buffer, proof: Buffer, statement: Uint8Array): boolean {
  if (proof.length !== 64) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: rawPublicKey.toString('base64url') }, format: 'jwk' });
    return verify(null, statement, key, proof);
  } catch {
    return false;
  }
}
