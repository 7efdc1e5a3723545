/**
 * Signatures over a document's canonical content (canonical.ts): SHA-256 of the canonical JSON,
 * then Ed25519 (WebCrypto, in Chromium and Node alike) over a *signed statement* that binds the
 * hash to the document, the capacity and the person:
 *
 * ```
 * courtdesk-document-signature/v1
 * {"capacity":…,"contentHash":…,"documentId":…,"signedAt":…,"staffId":…,"user":…}
 * ```
 *
 * The private key never enters this module: a `DocumentSigner` signs bytes (the renderer backs it
 * with a non-extractable CryptoKey in IndexedDB). Verification needs only the entry (it carries
 * the raw public key) plus a key directory that says whose key that is (the court server's
 * `/api/keys`, cached for offline use).
 */
import type * as Y from 'yjs';
import { canonicalJson } from '../templates/canonical-json.js';
import { ED25519, fromBase64, sha256Hex, subtle, toBase64, utf8 } from '../templates/crypto.js';
import { canonicalContent, canonicalText, type CanonicalContent } from './canonical.js';
import { diffContent, type ContentChange } from './content-diff.js';
import type { SignatureEntry, VersionEntry } from './document-doc.js';
import { missingSigners, signaturesOf } from './finalisation.js';
import type { RequiredSigner } from './signers.js';
import { contentAtVersion } from './versions.js';

export const SIGNATURE_STATEMENT_PREFIX = 'courtdesk-document-signature/v1\n';

/** Signs bytes with the holder's private key (Ed25519, 64-byte signature). */
export interface DocumentSigner {
  /** `deviceKeyId(publicKey)`. */
  readonly keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface SignerIdentity {
  readonly user: string;
  readonly staffId?: string;
  readonly signerName: string;
  readonly capacity: string;
}

/** Hex SHA-256 of the canonical content. */
export async function contentHash(content: CanonicalContent): Promise<string> {
  return sha256Hex(canonicalText(content));
}

/** The bytes a signature covers. */
export function signatureStatement(entry: Pick<SignatureEntry, 'capacity' | 'contentHash' | 'signedAt' | 'staffId' | 'user'>, documentId: string): Uint8Array {
  return utf8(
    SIGNATURE_STATEMENT_PREFIX +
      canonicalJson({ capacity: entry.capacity, contentHash: entry.contentHash, documentId, signedAt: entry.signedAt, staffId: entry.staffId ?? '', user: entry.user }),
  );
}

/**
 * The device key id of a raw public key, as the server's key directory computes it: base64url of
 * the first 16 bytes of its SHA-256.
 */
export async function deviceKeyId(publicKeyBase64: string): Promise<string> {
  const raw = fromBase64(publicKeyBase64);
  if (!raw || raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  const digest = new Uint8Array(await subtle().digest('SHA-256', raw));
  return toBase64(digest.slice(0, 16)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Signs the document's current content. Does not write: the caller appends the entry
 * (finalisation.ts `appendSignature`) after recording the version it signed.
 *
 * @example
 *   const entry = await signContent(doc, signer, { user: 'thamphan', staffId: 's-judge-01', signerName: 'Trần Văn B', capacity: 'presidingJudge' }, now, versionId);
 */
export async function signContent(doc: Y.Doc, signer: DocumentSigner, who: SignerIdentity, signedAt: string, versionId?: string): Promise<SignatureEntry> {
  const content = canonicalContent(doc);
  const hash = await contentHash(content);
  const base = { capacity: who.capacity, user: who.user, ...(who.staffId === undefined ? {} : { staffId: who.staffId }), contentHash: hash, signedAt };
  const signature = await signer.sign(signatureStatement(base, content.meta.documentId));
  return {
    ...base,
    signerName: who.signerName,
    keyId: signer.keyId,
    publicKey: signer.publicKey,
    signature: toBase64(signature),
    ...(versionId === undefined ? {} : { versionId }),
  };
}

/** The Ed25519 check of one entry against its own public key (no directory). */
export async function signatureIsAuthentic(entry: SignatureEntry, documentId: string): Promise<boolean> {
  const signature = fromBase64(entry.signature);
  const raw = fromBase64(entry.publicKey);
  if (!signature || signature.length !== 64 || !raw || raw.length !== 32) return false;
  try {
    if ((await deviceKeyId(entry.publicKey)) !== entry.keyId) return false;
    const x = toBase64(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const key = await subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x }, ED25519, false, ['verify']);
    return await subtle().verify(ED25519, key, signature, signatureStatement(entry, documentId));
  } catch {
    return false;
  }
}

/** Whose key a key id is, as the court's key directory says. */
export type KeyStanding =
  | { readonly kind: 'registered'; readonly staffId?: string }
  /** Registered, but revoked before the signature's date. */
  | { readonly kind: 'revoked'; readonly revokedAt: string }
  /** Registered to another account than the one the signature names. */
  | { readonly kind: 'otherUser' }
  /** Not in the directory (or the directory was never fetched on this device). */
  | { readonly kind: 'unknown' };

export interface KeyDirectory {
  standing(user: string, keyId: string, signedAt: string): Promise<KeyStanding>;
}

export interface SignatureCheck {
  readonly entry: SignatureEntry;
  readonly authentic: boolean;
  readonly key: KeyStanding;
  /** The entry's hash equals the current content's. */
  readonly matchesCurrent: boolean;
  /** When it does not: what changed since it was signed (undefined when the signed version is unknown). */
  readonly changes?: readonly ContentChange[];
}

export type VerificationStatus =
  /** Every signature authentic, by a registered key, over the current content, and none missing. */
  | 'valid'
  /** Authentic signatures, but the content changed since (see `changes`). */
  | 'changed'
  /** Signatures fine so far, some required signers have not signed. */
  | 'incomplete'
  /** Authentic and complete, but a key is not (yet) in this device's copy of the key directory. */
  | 'keyUnknown'
  /** A signature is forged, or its key is not the signer's. */
  | 'invalid'
  | 'unsigned';

export interface VerificationReport {
  readonly status: VerificationStatus;
  readonly currentHash: string;
  readonly checks: readonly SignatureCheck[];
  readonly missing: readonly RequiredSigner[];
}

/**
 * Verifies every signature of the document against its current content.
 *
 * @example
 *   const report = await verifyDocument(doc, directory, required);
 *   report.status; // 'valid' | 'changed' | …
 */
export async function verifyDocument(doc: Y.Doc, directory: KeyDirectory, required: readonly RequiredSigner[]): Promise<VerificationReport> {
  const current = canonicalContent(doc);
  const currentHash = await contentHash(current);
  const versions = doc.getArray<VersionEntry>('versions').toArray();
  const checks: SignatureCheck[] = [];
  for (const entry of signaturesOf(doc)) {
    const authentic = await signatureIsAuthentic(entry, current.meta.documentId);
    const key = await directory.standing(entry.user, entry.keyId, entry.signedAt);
    const matchesCurrent = entry.contentHash === currentHash;
    let changes: ContentChange[] | undefined;
    if (!matchesCurrent) {
      const version = versions.find((v) => v.id === entry.versionId);
      const signed = version ? contentAtVersion(doc, version) : undefined;
      // Only trust the recorded version if it really is what was signed.
      if (signed && (await contentHash(signed)) === entry.contentHash) changes = diffContent(signed, current);
    }
    checks.push({ entry, authentic, key, matchesCurrent, ...(changes ? { changes } : {}) });
  }
  const missing = missingSigners(doc, required, currentHash);
  const status: VerificationStatus =
    checks.length === 0
      ? 'unsigned'
      : checks.some((c) => !c.authentic || c.key.kind === 'otherUser' || c.key.kind === 'revoked' || staffMismatch(c))
        ? 'invalid'
        : checks.some((c) => !c.matchesCurrent)
          ? 'changed'
          : missing.length > 0
            ? 'incomplete'
            : checks.some((c) => c.key.kind === 'unknown')
              ? 'keyUnknown'
              : 'valid';
  return { status, currentHash, checks, missing };
}

/** The directory links the account to another staff member than the one the signature names. */
function staffMismatch(check: SignatureCheck): boolean {
  return check.key.kind === 'registered' && check.key.staffId !== undefined && check.key.staffId !== check.entry.staffId;
}
