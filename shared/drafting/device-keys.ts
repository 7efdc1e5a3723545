/**
 * Device keys: each user signs documents with an Ed25519 key generated on their device (the
 * private key never leaves it) and registered to their account on the court server. What the
 * device signs to prove it holds the key it registers, so nobody can register another person's
 * public key as their own (or theirs as someone else's):
 *
 * ```
 * courtdesk-device-key/v1
 * {"court":…,"publicKey":…,"user":…}
 * ```
 */
import { canonicalJson } from '../templates/canonical-json.js';
import { utf8 } from '../templates/crypto.js';

export const KEY_REGISTRATION_PREFIX = 'courtdesk-device-key/v1\n';

export function keyRegistrationStatement(court: string, user: string, publicKey: string): Uint8Array {
  return utf8(KEY_REGISTRATION_PREFIX + canonicalJson({ court, publicKey, user }));
}

/** `POST /api/keys` body. */
export interface KeyRegistrationRequest {
  /** Raw 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
  /** What the user calls the device, 1–80 characters. */
  readonly deviceName: string;
  /** base64 Ed25519 signature of `keyRegistrationStatement(court, user, publicKey)`. */
  readonly proof: string;
}

/** One key as the directory lists it (`GET /api/keys`). */
export interface DirectoryKey {
  readonly keyId: string;
  readonly publicKey: string;
  readonly deviceName: string;
  readonly registeredAt: string;
  readonly revokedAt?: string;
}

/** `GET /api/keys?user=U`: the account's staff link and every key it registered. */
export interface DirectoryEntry {
  readonly user: string;
  readonly staffId?: string;
  readonly keys: readonly DirectoryKey[];
}
