/**
 * Deadline packs: how court IT ships corrected rule and holiday tables (a new Prime Minister's
 * decision on Tết, a changed article) without a new build. The same Ed25519 signing as template
 * packs (../templates/pack.ts, ../templates/crypto.ts):
 *
 *   { format: "courtdesk.deadlinePack", formatVersion: 1,
 *     manifest: { name, version, createdAt, rulesVersion, holidaysVersion },
 *     rules: <rule table>, holidays: <holiday table>,
 *     signature: { algorithm: "Ed25519", keyId, value } | null }
 *
 * The signature covers the canonical JSON of everything but the signature. A pack file must be
 * exactly its own canonical serialisation, so any changed byte is refused; a pack that verifies
 * is then validated with the zod schemas before a single rule is used.
 */
import { domainError, err, ok, type DomainError, type Result } from '../domain/result.js';
import { canonicalJson } from '../templates/canonical-json.js';
import { checkDetachedSignature, describeSignatureProblem, ED25519, fromUtf8, keyIdOf, subtle, toBase64, utf8, type Ed25519Jwk, type SignatureProblem } from '../templates/crypto.js';
import type { PackSignature } from '../templates/pack.js';
import { parseTables, type DeadlineTables } from './tables.js';

export const DEADLINE_PACK_FORMAT = 'courtdesk.deadlinePack';
export const DEADLINE_PACK_FORMAT_VERSION = 1;

export interface DeadlinePackManifest {
  readonly name: string;
  readonly version: string;
  readonly createdAt: string;
  readonly rulesVersion: string;
  readonly holidaysVersion: string;
}

export interface DeadlinePack {
  readonly format: typeof DEADLINE_PACK_FORMAT;
  readonly formatVersion: typeof DEADLINE_PACK_FORMAT_VERSION;
  readonly manifest: DeadlinePackManifest;
  /** Raw table data as court IT wrote it; validated on load. */
  readonly rules: unknown;
  readonly holidays: unknown;
  readonly signature: PackSignature | null;
}

const packError = (code: string, vi: string, en: string, detail?: string): DomainError =>
  domainError(`deadlinePack.${code}`, `Gói bảng thời hạn bị từ chối: ${vi}`, `Deadline pack refused: ${en}`, detail);

const versionOf = (table: unknown): string => {
  const version = (table as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? version : '';
};

/** Validates the two tables and assembles an unsigned pack. */
export function buildDeadlinePack(
  rules: unknown,
  holidays: unknown,
  info: { name: string; version: string; createdAt: string },
): Result<DeadlinePack> {
  const checked = parseTables(rules, holidays);
  if (!checked.ok) return checked;
  return ok({
    format: DEADLINE_PACK_FORMAT,
    formatVersion: DEADLINE_PACK_FORMAT_VERSION,
    manifest: { ...info, rulesVersion: versionOf(rules), holidaysVersion: versionOf(holidays) },
    rules,
    holidays,
    signature: null,
  });
}

function signedBytes(pack: DeadlinePack): Uint8Array {
  const { signature: _signature, ...body } = pack;
  return utf8(canonicalJson(body));
}

/** The pack file's exact text. */
export function serializeDeadlinePack(pack: DeadlinePack): string {
  return `${canonicalJson(pack)}\n`;
}

/** Signs (or re-signs) a pack with court IT's private key. */
export async function signDeadlinePack(pack: DeadlinePack, privateKey: Ed25519Jwk): Promise<DeadlinePack> {
  const key = await subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: privateKey.x, d: privateKey.d }, ED25519, false, ['sign']);
  const signature = new Uint8Array(await subtle().sign(ED25519, key, signedBytes(pack)));
  return { ...pack, signature: { algorithm: 'Ed25519', keyId: await keyIdOf(privateKey), value: toBase64(signature) } };
}

function parseDeadlinePack(file: Uint8Array | string): Result<DeadlinePack> {
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
  const pack = value as Partial<DeadlinePack> | null;
  if (pack?.format !== DEADLINE_PACK_FORMAT) return err(packError('format', 'không phải gói bảng thời hạn của Courtdesk', 'not a Courtdesk deadline pack'));
  if (pack.formatVersion !== DEADLINE_PACK_FORMAT_VERSION) return err(packError('version', 'phiên bản định dạng không được hỗ trợ', 'unsupported pack format version'));
  if (typeof pack.manifest !== 'object' || pack.manifest === null || pack.rules === undefined || pack.holidays === undefined) {
    return err(packError('shape', 'thiếu danh mục hoặc bảng dữ liệu', 'manifest or tables missing'));
  }
  if (serializeDeadlinePack(pack as DeadlinePack) !== text) {
    return err(packError('altered', 'nội dung tệp đã bị thay đổi so với bản đã đóng gói', 'the file is not in its packed (canonical) form: it was altered'));
  }
  return ok(pack as DeadlinePack);
}

export interface LoadedDeadlinePack {
  readonly manifest: DeadlinePackManifest;
  readonly tables: DeadlineTables;
}

function signatureError(problem: SignatureProblem): DomainError {
  const words = describeSignatureProblem(problem, 'gói');
  return packError(words.code, words.vi, words.en, words.detail);
}

/**
 * Verifies a deadline pack against court IT's trusted public key and returns its compiled tables.
 * Refused (with a Vietnamese message) when unsigned, signed by another key, altered in any byte,
 * or when the tables it carries do not validate.
 */
export async function loadDeadlinePack(file: Uint8Array | string, publicKey: Ed25519Jwk): Promise<Result<LoadedDeadlinePack>> {
  const parsed = parseDeadlinePack(file);
  if (!parsed.ok) return parsed;
  const pack = parsed.value;
  const problem = await checkDetachedSignature(pack.signature, publicKey, signedBytes(pack));
  if (problem) return err(signatureError(problem));
  const tables = parseTables(pack.rules, pack.holidays);
  if (!tables.ok) return err(packError('tables', tables.error.messageVi, tables.error.messageEn));
  if (tables.value.rulesVersion !== pack.manifest.rulesVersion || tables.value.holidaysVersion !== pack.manifest.holidaysVersion) {
    return err(packError('manifest', 'phiên bản bảng không khớp danh mục', 'table versions do not match the manifest'));
  }
  return ok({ manifest: pack.manifest, tables: tables.value });
}
