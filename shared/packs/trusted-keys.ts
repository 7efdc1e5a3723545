/**
 * The court IT public keys a pack must be signed with. The same text is read by the server
 * (`--pack-keys FILE`, `<data>/pack-keys/*.pub`) and by the app (its shipped list and the keys
 * added in Settings): one Ed25519 public JWK as `templates keygen` writes KEY.pub, an array of
 * them, or a JWK set `{ "keys": [...] }`.
 *
 * A private key (one with `d`) is refused outright: pasting KEY instead of KEY.pub would put
 * court IT's signing secret on every clerk's laptop.
 */
import { domainError, err, ok, type Result } from '../domain/result.js';
import { keyIdOf, type Ed25519Jwk } from '../templates/crypto.js';

/** A trusted key with its key id computed (never trusting a `kid` written in the file). */
export interface TrustedKey {
  readonly kid: string;
  readonly jwk: Ed25519Jwk;
}

const trustError = (vi: string, en: string) => domainError('packs.trust', `Khóa tin cậy không hợp lệ: ${vi}`, `Invalid trusted key: ${en}`);

/** Parses one key, a list, or a JWK set; every entry must be an Ed25519 public key. */
export async function parseTrustedKeys(text: string): Promise<Result<readonly TrustedKey[]>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(trustError('không phải JSON (hãy dán nội dung tệp KEY.pub)', 'not JSON (paste the content of KEY.pub)'));
  }
  const entries: unknown[] = Array.isArray(value)
    ? value
    : value !== null && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)
      ? (value as { keys: unknown[] }).keys
      : [value];
  if (entries.length === 0) return err(trustError('danh sách rỗng', 'the list is empty'));
  const keys: TrustedKey[] = [];
  for (const entry of entries) {
    const jwk = entry as Partial<Ed25519Jwk> | null;
    if (jwk === null || typeof jwk !== 'object' || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(jwk.x)) {
      return err(trustError('không phải khóa công khai Ed25519', 'not an Ed25519 public key'));
    }
    if ('d' in jwk) return err(trustError('đây là khóa BÍ MẬT; chỉ dùng khóa công khai (tệp .pub)', 'this is a PRIVATE key; use the public key (.pub file)'));
    const kid = await keyIdOf(jwk as Ed25519Jwk);
    if (!keys.some((k) => k.kid === kid)) keys.push({ kid, jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid } });
  }
  return ok(keys);
}

/** Merges key lists, first occurrence of a key id wins. */
export function mergeTrustedKeys(...lists: readonly (readonly TrustedKey[])[]): TrustedKey[] {
  const seen = new Map<string, TrustedKey>();
  for (const key of lists.flat()) if (!seen.has(key.kid)) seen.set(key.kid, key);
  return [...seen.values()];
}
