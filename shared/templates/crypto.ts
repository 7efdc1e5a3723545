/**
 * The few crypto primitives template packs need, over WebCrypto (`globalThis.crypto.subtle`),
 * which Node 20 and Chromium both provide, so signing and verification stay in shared/.
 * shared/ compiles without DOM or Node types, hence the small structural types below instead of
 * `CryptoKey` / `SubtleCrypto` / `TextEncoder`.
 */

export interface Ed25519Jwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  /** Public key, base64url. */
  readonly x: string;
  /** Private key, base64url (private JWK only). */
  readonly d?: string;
  /** Key id: the first 16 hex digits of SHA-256 over the raw public key. */
  readonly kid?: string;
}

/** An opaque WebCrypto key. */
type KeyHandle = { readonly type: string };

interface Subtle {
  generateKey(algorithm: { name: 'Ed25519' }, extractable: boolean, usages: string[]): Promise<{ publicKey: KeyHandle; privateKey: KeyHandle }>;
  importKey(format: 'jwk', key: object, algorithm: { name: 'Ed25519' }, extractable: boolean, usages: string[]): Promise<KeyHandle>;
  exportKey(format: 'jwk', key: KeyHandle): Promise<Record<string, unknown>>;
  sign(algorithm: { name: 'Ed25519' }, key: KeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: { name: 'Ed25519' }, key: KeyHandle, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

interface Utf8Codec {
  encode(text: string): Uint8Array;
}
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

const globals = globalThis as unknown as {
  crypto?: { subtle?: Subtle };
  TextEncoder: new () => Utf8Codec;
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => Utf8Decoder;
};

export function subtle(): Subtle {
  const s = globals.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available in this runtime');
  return s;
}

export const ED25519 = { name: 'Ed25519' } as const;

export function utf8(text: string): Uint8Array {
  return new globals.TextEncoder().encode(text);
}

/** Strict UTF-8 decoding: invalid bytes throw instead of turning into U+FFFD. */
export function fromUtf8(bytes: Uint8Array): string {
  return new globals.TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  const digest = new Uint8Array(await subtle().digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63);
    out += b === undefined ? '=' : B64.charAt((n >> 6) & 63);
    out += c === undefined ? '=' : B64.charAt(n & 63);
  }
  return out;
}

/** Decodes standard or url-safe base64; undefined when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const chunk = clean.slice(i, i + 4);
    const n = [...chunk].reduce((acc, ch) => (acc << 6) | B64.indexOf(ch), 0) << (6 * (4 - chunk.length));
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  return new Uint8Array(bytes);
}

/** The key id of a public key: 16 hex digits of SHA-256 over its raw bytes. */
export async function keyIdOf(jwk: Pick<Ed25519Jwk, 'x'>): Promise<string> {
  const raw = fromBase64(jwk.x) ?? new Uint8Array();
  return (await sha256Hex(raw)).slice(0, 16);
}

/** The detached signature block of a signed pack (templates, deadline tables). */
export interface DetachedSignature {
  readonly algorithm: string;
  readonly keyId: string;
  readonly value: string;
}

/** Why a signature was refused; each pack kind words the message with its own noun. */
export type SignatureProblem =
  | { readonly kind: 'unsigned' }
  | { readonly kind: 'algorithm' }
  | { readonly kind: 'key'; readonly detail: string }
  | { readonly kind: 'signature' };

/**
 * Checks a pack's detached Ed25519 signature over `signed` against the trusted key: present,
 * Ed25519, made by that key (key id), and valid. Returns null when it holds.
 */
export async function checkDetachedSignature(
  signature: DetachedSignature | null | undefined,
  publicKey: Ed25519Jwk,
  signed: Uint8Array,
): Promise<SignatureProblem | null> {
  if (!signature) return { kind: 'unsigned' };
  if (signature.algorithm !== 'Ed25519') return { kind: 'algorithm' };
  const expectedKid = await keyIdOf(publicKey);
  if (signature.keyId !== expectedKid) return { kind: 'key', detail: `${signature.keyId} ≠ ${expectedKid}` };
  const bytes = fromBase64(signature.value);
  if (!bytes || bytes.length !== 64) return { kind: 'signature' };
  const key = await subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: publicKey.x }, ED25519, false, ['verify']);
  return (await subtle().verify(ED25519, key, bytes, signed)) ? null : { kind: 'signature' };
}

/** The refusal of a signature in words, for a pack kind named by `nounVi` ("bộ mẫu", "gói"). */
export function describeSignatureProblem(
  problem: SignatureProblem,
  nounVi: string,
): { readonly code: SignatureProblem['kind']; readonly vi: string; readonly en: string; readonly detail?: string } {
  switch (problem.kind) {
    case 'unsigned':
      return { code: 'unsigned', vi: `${nounVi} chưa được ký`, en: 'the pack is not signed' };
    case 'algorithm':
      return { code: 'algorithm', vi: 'thuật toán chữ ký không được hỗ trợ', en: 'unsupported signature algorithm' };
    case 'key':
      return { code: 'key', vi: `${nounVi} được ký bằng khóa khác với khóa tin cậy`, en: 'signed with another key than the trusted one', detail: problem.detail };
    case 'signature':
      return { code: 'signature', vi: `chữ ký không hợp lệ. Không sử dụng ${nounVi} này.`, en: 'bad signature. Do not use this pack.' };
  }
}
