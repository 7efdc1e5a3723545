/**
 * The keys the app verifies packs with: the shipped list (shipped-keys.ts) plus the keys court IT
 * added in Settings. Adding parses with the same rules as the server (a private key is refused);
 * removing only ever removes an added key, never a shipped one.
 */
import { domainError, err, ok, type Result } from '../../shared/domain/result.js';
import { mergeTrustedKeys, parseTrustedKeys, type TrustedKey } from '../../shared/packs/trusted-keys.js';
import type { CourtdeskDb } from '../replica/schema.js';
import { addedTrustedKeys, setAddedTrustedKeys, type PackTrustedKeyRecord } from './pack-db.js';
import { SHIPPED_PACK_KEYS } from './shipped-keys.js';

export interface ListedKey extends TrustedKey {
  readonly shipped: boolean;
  readonly label?: string;
  readonly addedAt?: string;
}

async function shippedKeys(): Promise<readonly TrustedKey[]> {
  if (SHIPPED_PACK_KEYS.length === 0) return [];
  const parsed = await parseTrustedKeys(JSON.stringify(SHIPPED_PACK_KEYS));
  // A broken shipped list is a build error; refusing every pack is the safe consequence.
  if (!parsed.ok) throw new Error(`shipped-keys.ts is invalid: ${parsed.error.messageEn}`);
  return parsed.value;
}

/** Every key packs are verified with, shipped first. */
export async function trustedKeys(db: CourtdeskDb): Promise<ListedKey[]> {
  const shipped = (await shippedKeys()).map((k) => ({ ...k, shipped: true }));
  const added = (await addedTrustedKeys(db)).map((r) => ({
    kid: r.kid,
    jwk: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: r.x, kid: r.kid },
    shipped: false,
    label: r.label,
    addedAt: r.addedAt,
  }));
  return mergeTrustedKeys(shipped, added) as ListedKey[];
}

/** Adds the key(s) of a pasted KEY.pub; answers the key ids added. */
export async function addTrustedKey(db: CourtdeskDb, text: string, label: string, now = new Date().toISOString()): Promise<Result<readonly string[]>> {
  const parsed = await parseTrustedKeys(text);
  if (!parsed.ok) return parsed;
  const current = await addedTrustedKeys(db);
  const known = new Set([...current.map((k) => k.kid), ...(await shippedKeys()).map((k) => k.kid)]);
  const fresh = parsed.value.filter((k) => !known.has(k.kid));
  if (fresh.length === 0) return err(domainError('packs.keyKnown', 'Khóa này đã có trong danh sách tin cậy.', 'This key is already trusted.'));
  const records: PackTrustedKeyRecord[] = fresh.map((k) => ({ kid: k.kid, x: k.jwk.x, label, addedAt: now }));
  await setAddedTrustedKeys(db, [...current, ...records]);
  return ok(records.map((r) => r.kid));
}

export async function removeTrustedKey(db: CourtdeskDb, kid: string): Promise<void> {
  await setAddedTrustedKeys(db, (await addedTrustedKeys(db)).filter((k) => k.kid !== kid));
}

/** A stable fingerprint of the key set, so a refusal is retried once the keys change. */
export function keySetId(keys: readonly TrustedKey[]): string {
  return keys.map((k) => k.kid).sort().join(',');
}
