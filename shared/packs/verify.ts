/**
 * One entry point for both kinds of signed pack (template packs, deadline-table packs): tell them
 * apart by their `format`, pick the trusted key their signature names, and verify with the
 * pack's own verifier (../templates/pack.ts, ../deadlines/pack.ts). The server runs this before
 * storing a published pack; the app runs it before installing one it downloaded.
 */
import { domainError, err, ok, type Result } from '../domain/result.js';
import { DEADLINE_PACK_FORMAT, loadDeadlinePack, type DeadlineTables } from '../deadlines/index.js';
import { fromUtf8 } from '../templates/crypto.js';
import type { Template } from '../templates/model.js';
import { PACK_FORMAT, verifyPack } from '../templates/pack.js';
import type { TrustedKey } from './trusted-keys.js';

export type PackKind = 'templates' | 'deadlines';

export const PACK_KINDS: readonly PackKind[] = ['templates', 'deadlines'];

/** What a pack says it is, read without verifying anything. */
export interface PackIdentity {
  readonly kind: PackKind;
  /** The manifest's `name`. */
  readonly packId: string;
  readonly version: string;
  readonly createdAt: string;
  /** Key id of its signature, absent when unsigned. */
  readonly keyId?: string;
}

interface Common {
  readonly identity: PackIdentity;
  /** The trusted key that verified it. */
  readonly keyId: string;
}

export type VerifiedAnyPack =
  | (Common & { readonly kind: 'templates'; readonly templates: readonly Template[] })
  | (Common & { readonly kind: 'deadlines'; readonly tables: DeadlineTables });

const notAPack = () =>
  domainError('packs.format', 'Tệp không phải bộ mẫu hoặc gói bảng thời hạn của Courtdesk (có thể đã bị hỏng).', 'Not a Courtdesk template or deadline pack (corrupted?).');

/** Reads kind, id, version and signer of a pack file. */
export function identifyPack(file: Uint8Array | string): Result<PackIdentity> {
  let value: unknown;
  try {
    value = JSON.parse(typeof file === 'string' ? file : fromUtf8(file));
  } catch {
    return err(notAPack());
  }
  const pack = value as { format?: unknown; manifest?: { name?: unknown; version?: unknown; createdAt?: unknown }; signature?: { keyId?: unknown } | null } | null;
  const kind: PackKind | undefined = pack?.format === PACK_FORMAT ? 'templates' : pack?.format === DEADLINE_PACK_FORMAT ? 'deadlines' : undefined;
  const manifest = pack?.manifest;
  if (!kind || typeof manifest?.name !== 'string' || typeof manifest.version !== 'string' || manifest.name.trim() === '' || manifest.version.trim() === '') {
    return err(notAPack());
  }
  const keyId = typeof pack?.signature?.keyId === 'string' ? pack.signature.keyId : undefined;
  return ok({
    kind,
    packId: manifest.name,
    version: manifest.version,
    createdAt: typeof manifest.createdAt === 'string' ? manifest.createdAt : '',
    ...(keyId === undefined ? {} : { keyId }),
  });
}

/**
 * Verifies a pack against a list of trusted keys: the key whose id the signature names is used;
 * an unsigned pack, a key outside the list, one changed byte or invalid content is refused with
 * the pack kind's own Vietnamese message.
 *
 * @example
 *   const checked = await verifyAnyPack(bytes, trusted);
 *   if (!checked.ok) show(checked.error.messageVi); // "Bộ mẫu bị từ chối: chữ ký không hợp lệ. …"
 */
export async function verifyAnyPack(file: Uint8Array | string, trusted: readonly TrustedKey[]): Promise<Result<VerifiedAnyPack>> {
  const identified = identifyPack(file);
  if (!identified.ok) return identified;
  const identity = identified.value;
  if (trusted.length === 0) {
    return err(
      domainError(
        'packs.noTrustedKey',
        'Chưa có khóa công khai tin cậy của bộ phận CNTT Tòa án, nên không thể xác minh gói này.',
        'No trusted court IT public key is configured, so the pack cannot be verified.',
      ),
    );
  }
  // The matching key when there is one; otherwise any key, so the verifier words the refusal
  // ("chưa được ký", "ký bằng khóa khác …") in the pack kind's own terms.
  const key = trusted.find((k) => k.kid === identity.keyId) ?? trusted[0]!;
  if (identity.kind === 'templates') {
    const verified = await verifyPack(file, key.jwk);
    if (!verified.ok) return verified;
    return ok({ kind: 'templates', identity, keyId: key.kid, templates: verified.value.templates });
  }
  const loaded = await loadDeadlinePack(file, key.jwk);
  if (!loaded.ok) return loaded;
  return ok({ kind: 'deadlines', identity, keyId: key.kid, tables: loaded.value.tables });
}
