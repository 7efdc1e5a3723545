/**
 * This device's signing key for the logged-in account: generated on first use with WebCrypto
 * Ed25519 (the private key non-extractable, kept in key-db.ts), registered to the account on the
 * court server (`POST /api/keys` with a proof of possession), and wrapped as the
 * `DocumentSigner` shared/drafting/signing.ts signs with.
 */
import { domainError, err, ok, type DomainError, type Result } from '../../shared/domain/result.js';
import { keyRegistrationStatement } from '../../shared/drafting/device-keys.js';
import { deviceKeyId, type DocumentSigner } from '../../shared/drafting/signing.js';
import { toBase64 } from '../../shared/templates/crypto.js';
import { apiUrl, postJson, type FetchLike } from '../sync/http.js';
import type { Session } from '../sync/session.js';
import { accountKey, getDeviceKey, putDeviceKey, type DeviceKeyRecord } from './key-db.js';

const ED25519 = { name: 'Ed25519' } as const;

/** The account's key on this device, created (not yet registered) when there is none. */
export async function ensureDeviceKey(court: string, user: string, now: () => string = () => new Date().toISOString()): Promise<DeviceKeyRecord> {
  const existing = await getDeviceKey(court, user);
  if (existing) return existing;
  const pair = (await crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const record: DeviceKeyRecord = { id: accountKey(court, user), court, user, privateKey: pair.privateKey, publicKey, keyId: await deviceKeyId(publicKey), createdAt: now() };
  await putDeviceKey(record);
  return record;
}

export function signerOf(record: DeviceKeyRecord): DocumentSigner {
  return {
    keyId: record.keyId,
    publicKey: record.publicKey,
    sign: async (data) => new Uint8Array(await crypto.subtle.sign(ED25519, record.privateKey, new Uint8Array(data))),
  };
}

/**
 * Registers the account's device key on the court server (creating the key first if needed).
 *
 * @example
 *   const result = await registerDeviceKey(fetch, session, 'Laptop phòng xử án 2');
 */
export async function registerDeviceKey(fetchImpl: FetchLike, session: Session, deviceName: string): Promise<Result<DeviceKeyRecord, DomainError>> {
  const name = deviceName.normalize('NFC').trim();
  if (name === '' || name.length > 80) return err(domainError('signing.deviceName', 'Hãy đặt tên cho máy này (tối đa 80 ký tự).', 'Name this device (at most 80 characters).'));
  const record = await ensureDeviceKey(session.court, session.user);
  const proof = toBase64(await signerOf(record).sign(keyRegistrationStatement(session.court, session.user, record.publicKey)));
  const outcome = await postJson<{ keyId?: unknown; registeredAt?: unknown }>(fetchImpl, apiUrl(session.serverUrl, '/api/keys'), { publicKey: record.publicKey, deviceName: name, proof }, session.token);
  if (outcome.kind === 'offline') return err(domainError('signing.offline', 'Không kết nối được máy chủ tòa án; hãy đăng ký khóa ký khi có mạng.', 'Cannot reach the court server.'));
  if (outcome.kind !== 'ok') return err(domainError(outcome.code, outcome.messageVi, outcome.messageEn));
  if (outcome.value.keyId !== record.keyId) return err(domainError('signing.keyMismatch', 'Máy chủ trả về mã khóa khác với khóa của máy này.', 'The server answered another key id.'));
  const registered: DeviceKeyRecord = {
    ...record,
    registeredAt: typeof outcome.value.registeredAt === 'string' ? outcome.value.registeredAt : new Date().toISOString(),
    deviceName: name,
    serverUrl: session.serverUrl,
  };
  await putDeviceKey(registered);
  return ok(registered);
}
