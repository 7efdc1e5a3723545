/**
 * Template packs: what court IT builds, signs and pushes to the courts (DESIGN §5).
 *
 * A pack is one canonical-JSON file:
 *   { format: "courtdesk.templatePack", formatVersion: 1,
 *     manifest: { name, version, createdAt, templates: [{ file, id, version, effectiveDate, title, sha256 }] },
 *     sources: { "<file>": "<template source text>" },
 *     signature: { algorithm: "Ed25519", keyId, value } | null }
 *
 * The signature covers the canonical JSON of { format, formatVersion, manifest }; the manifest
 * holds the SHA-256 of every source, so the whole pack is covered. A pack file must also be exactly
 * its own canonical serialisation: any changed byte, even outside what is signed, is refused.
 * A pack with a bad signature is refused with a Vietnamese message and never loaded.
 */
import { domainError, err, ok, type DomainError, type Result } from '../domain/result.js';
import { canonicalJson } from './canonical-json.js';
import { checkDetachedSignature, describeSignatureProblem, ED25519, fromUtf8, keyIdOf, sha256Hex, subtle, toBase64, utf8, type Ed25519Jwk, type SignatureProblem } from './crypto.js';
import type { Template } from './model.js';
import { compileTemplate, formatTemplateError, type TemplateError } from './source-format.js';

export const PACK_FORMAT = 'courtdesk.templatePack';
export const PACK_FORMAT_VERSION = 1;

export interface PackTemplateEntry {
  readonly file: string;
  readonly id: string;
  readonly version: string;
  readonly effectiveDate: string;
  readonly title: string;
  readonly sha256: string;
}

export interface PackManifest {
  readonly name: string;
  readonly version: string;
  readonly createdAt: string;
  readonly templates: readonly PackTemplateEntry[];
}

export interface PackSignature {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  readonly value: string;
}

export interface TemplatePack {
  readonly format: typeof PACK_FORMAT;
  readonly formatVersion: typeof PACK_FORMAT_VERSION;
  readonly manifest: PackManifest;
  readonly sources: Readonly<Record<string, string>>;
  readonly signature: PackSignature | null;
}

export interface KeyPair {
  readonly privateKey: Ed25519Jwk;
  readonly publicKey: Ed25519Jwk;
}

const packError = (code: string, vi: string, en: string, detail?: string): DomainError =>
  domainError(`templatePack.${code}`, `Bộ mẫu bị từ chối: ${vi}`, `Template pack refused: ${en}`, detail);

/** A new Ed25519 key pair as JWKs carrying their key id. */
export async function generateKeyPair(): Promise<KeyPair> {
  const pair = await subtle().generateKey(ED25519, true, ['sign', 'verify']);
  const priv = await subtle().exportKey('jwk', pair.privateKey);
  const x = String(priv.x);
  const kid = await keyIdOf({ x });
  return {
    privateKey: { kty: 'OKP', crv: 'Ed25519', x, d: String(priv.d), kid },
    publicKey: { kty: 'OKP', crv: 'Ed25519', x, kid },
  };
}

/** Reads a JWK from JSON text; refuses anything that is not an Ed25519 key. */
export function parseKey(text: string, needPrivate: boolean): Result<Ed25519Jwk> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(domainError('templatePack.key', 'Tệp khóa không phải JSON hợp lệ', 'The key file is not valid JSON'));
  }
  const jwk = value as Partial<Ed25519Jwk>;
  if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    return err(domainError('templatePack.key', 'Tệp khóa không phải khóa Ed25519', 'The key file is not an Ed25519 key'));
  }
  if (needPrivate && typeof jwk.d !== 'string') {
    return err(domainError('templatePack.key', 'Cần khóa bí mật (tệp KEY), không phải khóa công khai', 'A private key is needed, not a public one'));
  }
  return ok(jwk as Ed25519Jwk);
}

export interface PackSource {
  readonly file: string;
  readonly text: string;
}

/** Compiles every source and assembles an unsigned pack; any template error fails the build. */
export async function buildPack(
  sources: readonly PackSource[],
  info: { name: string; version: string; createdAt: string },
): Promise<Result<TemplatePack, TemplateError[]>> {
  const errors: TemplateError[] = [];
  const entries: PackTemplateEntry[] = [];
  const texts: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const source of [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const text = source.text.replace(/^\uFEFF/, '').normalize('NFC');
    const compiled = compileTemplate(text, source.file);
    if (!compiled.ok) {
      errors.push(...compiled.errors);
      continue;
    }
    const { meta } = compiled.template;
    const previous = seen.get(meta.id);
    if (previous !== undefined) {
      errors.push({ templateId: meta.id, line: 1, snippet: `id: ${meta.id}`, messageVi: `mã mẫu trùng với tệp ${previous}`, messageEn: `duplicate id, also in ${previous}` });
      continue;
    }
    seen.set(meta.id, source.file);
    texts[source.file] = text;
    entries.push({ file: source.file, id: meta.id, version: meta.version, effectiveDate: meta.effectiveDate, title: meta.title, sha256: await sha256Hex(text) });
  }
  if (errors.length > 0) return err(errors);
  return ok({
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    manifest: { ...info, templates: entries },
    sources: texts,
    signature: null,
  });
}

function signedBytes(pack: TemplatePack): Uint8Array {
  return utf8(canonicalJson({ format: pack.format, formatVersion: pack.formatVersion, manifest: pack.manifest }));
}

/** The pack file's exact text. */
export function serializePack(pack: TemplatePack): string {
  return `${canonicalJson(pack)}\n`;
}

/** Signs (or re-signs) a pack with a private key. */
export async function signPack(pack: TemplatePack, privateKey: Ed25519Jwk): Promise<TemplatePack> {
  const key = await subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: privateKey.x, d: privateKey.d }, ED25519, false, ['sign']);
  const signature = new Uint8Array(await subtle().sign(ED25519, key, signedBytes({ ...pack, signature: null })));
  return { ...pack, signature: { algorithm: 'Ed25519', keyId: await keyIdOf(privateKey), value: toBase64(signature) } };
}

/** Parses a pack file (bytes or text) without verifying it. */
export function parsePack(file: Uint8Array | string): Result<TemplatePack> {
  let text: string;
  try {
    text = typeof file === 'string' ? file : fromUtf8(file);
  } catch {
    return err(packError('encoding', 'tệp không phải văn bản UTF-8 hợp lệ (có thể đã bị hỏng)', 'not valid UTF-8 (corrupted?)'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(packError('json', 'tệp không phải JSON hợp lệ (có thể đã bị hỏng)', 'not valid JSON (corrupted?)'));
  }
  const pack = value as Partial<TemplatePack>;
  if (pack?.format !== PACK_FORMAT) return err(packError('format', 'không phải tệp bộ mẫu của Courtdesk', 'not a Courtdesk template pack'));
  if (pack.formatVersion !== PACK_FORMAT_VERSION) return err(packError('version', 'phiên bản định dạng bộ mẫu không được hỗ trợ', 'unsupported pack format version'));
  const manifest = pack.manifest;
  if (!manifest || !Array.isArray(manifest.templates) || typeof pack.sources !== 'object' || pack.sources === null) {
    return err(packError('shape', 'thiếu danh mục hoặc nội dung mẫu', 'manifest or sources missing'));
  }
  if (serializePack(pack as TemplatePack) !== text) {
    return err(packError('altered', 'nội dung tệp đã bị thay đổi so với bản đã đóng gói', 'the file is not in its packed (canonical) form: it was altered'));
  }
  return ok(pack as TemplatePack);
}

export interface VerifiedPack {
  readonly pack: TemplatePack;
  readonly templates: readonly Template[];
}

function signatureError(problem: SignatureProblem): DomainError {
  const words = describeSignatureProblem(problem, 'bộ mẫu');
  return packError(words.code, words.vi, words.en, words.detail);
}

/**
 * Verifies a pack file against a trusted public key: canonical form, signature, the hash of every
 * source, and that every source compiles to the id and version the manifest names.
 */
export async function verifyPack(file: Uint8Array | string, publicKey: Ed25519Jwk): Promise<Result<VerifiedPack>> {
  const parsed = parsePack(file);
  if (!parsed.ok) return parsed;
  const pack = parsed.value;
  const problem = await checkDetachedSignature(pack.signature, publicKey, signedBytes(pack));
  if (problem) return err(signatureError(problem));
  const templates: Template[] = [];
  const files = Object.keys(pack.sources);
  if (files.length !== pack.manifest.templates.length) return err(packError('files', 'số tệp mẫu không khớp danh mục', 'source files do not match the manifest'));
  for (const entry of pack.manifest.templates) {
    const text = pack.sources[entry.file];
    if (text === undefined || (await sha256Hex(text)) !== entry.sha256) {
      return err(packError('hash', `nội dung mẫu ${entry.id} không khớp mã băm trong danh mục`, `template ${entry.id} does not match its hash`));
    }
    const compiled = compileTemplate(text, entry.file);
    if (!compiled.ok) {
      return err(packError('template', `mẫu ${entry.id} có lỗi`, `template ${entry.id} has errors`, compiled.errors.map(formatTemplateError).join('\n')));
    }
    const { meta } = compiled.template;
    if (meta.id !== entry.id || meta.version !== entry.version) {
      return err(packError('manifest', `mẫu ${entry.file} không khớp danh mục`, `template ${entry.file} does not match the manifest`));
    }
    templates.push(compiled.template);
  }
  return ok({ pack, templates });
}
