/**
 * Published packs (docs/TEMPLATES.md §7): court IT uploads a signed template or deadline-table
 * pack, every account of the court lists and downloads them, and the app installs the newer ones
 * after its catch-up.
 *
 *   POST /api/packs                          admin token; body = the pack file's bytes
 *        → 201 {kind, packId, version, sha256, publishedAt} | 409 same version already published
 *        | 422 unsigned, tampered, signed by an untrusted key, invalid content | 403 not admin
 *   GET  /api/packs                          any account of the court → {court, packs: [...]}
 *   GET  /api/packs/<kind>/<packId>/<version>  the pack file's bytes, exactly as published
 *
 * The server verifies a pack before storing it (the app verifies again: the server is not
 * trusted with the signature, only with distribution). Packs are per court: a token of another
 * court sees none of them.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../shared/domain/result.js';
import type { PackList } from '../../shared/packs/list.js';
import type { TrustedKey } from '../../shared/packs/trusted-keys.js';
import { PACK_KINDS, verifyAnyPack, type PackKind } from '../../shared/packs/verify.js';
import type { SessionClaims } from '../../shared/sync/claims.js';
import type { Logger } from '../log.js';
import type { PackStore } from '../store/store.js';
import { HttpError, sendJson } from './json.js';

export const PACKS_PATH = '/api/packs';

/** A template pack of the 13 built-in forms is ~150 KB; 16 MiB leaves room and still bounds memory. */
export const DEFAULT_MAX_PACK_BYTES = 16 * 1024 * 1024;

export interface PacksContext {
  readonly store: PackStore;
  /** The court IT keys packs must be signed with (re-read on every publish). */
  readonly trustedKeys: () => Promise<Result<readonly TrustedKey[]>>;
  readonly maxPackBytes: number;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export function isPacksPath(path: string): boolean {
  return path === PACKS_PATH || path.startsWith(`${PACKS_PATH}/`);
}

/** Answers a request under /api/packs for an authenticated account. */
export async function handlePacks(context: PacksContext, req: IncomingMessage, res: ServerResponse, path: string, claims: SessionClaims): Promise<void> {
  if (path === PACKS_PATH) {
    if (req.method === 'GET') return listPacks(context, res, claims);
    if (req.method === 'POST') return publishPack(context, req, res, claims);
    throw new HttpError(405, 'http.method', 'Phương thức không được hỗ trợ.', 'Method not allowed; use GET or POST.');
  }
  if (req.method !== 'GET') throw new HttpError(405, 'http.method', 'Phương thức không được hỗ trợ.', 'Method not allowed; use GET.');
  const parts = path.slice(PACKS_PATH.length + 1).split('/');
  const decoded = parts.length === 3 ? parts.map(safeDecode) : [];
  const [kind, packId, version] = decoded;
  if (kind === undefined || packId === undefined || version === undefined || !(PACK_KINDS as readonly string[]).includes(kind)) {
    throw new HttpError(404, 'packs.notFound', 'Không có gói này trên máy chủ.', 'No such pack.');
  }
  const record = await context.store.getPack(claims.court, kind as PackKind, packId, version);
  if (!record) throw new HttpError(404, 'packs.notFound', 'Không có gói này trên máy chủ.', 'No such pack.');
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(record.bytes.byteLength),
    // A published version never changes (409 on a second publish), so it may be cached.
    'cache-control': 'private, max-age=86400, immutable',
    'x-content-sha256': record.sha256,
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(record.bytes.buffer, record.bytes.byteOffset, record.bytes.byteLength));
}

async function listPacks(context: PacksContext, res: ServerResponse, claims: SessionClaims): Promise<void> {
  const packs = await context.store.listPacks(claims.court);
  const body: PackList = {
    court: claims.court,
    packs: packs.map((p) => ({ kind: p.kind, packId: p.packId, version: p.version, sha256: p.sha256, publishedAt: p.publishedAt, publishedBy: p.publishedBy })),
  };
  sendJson(res, 200, body);
}

async function publishPack(context: PacksContext, req: IncomingMessage, res: ServerResponse, claims: SessionClaims): Promise<void> {
  if (!claims.roles.includes('admin')) {
    throw new HttpError(403, 'packs.forbidden', 'Chỉ tài khoản quản trị (bộ phận CNTT Tòa án) được đăng bộ mẫu.', 'Only an admin account may publish packs.');
  }
  const bytes = await readBody(req, context.maxPackBytes);
  const keys = await context.trustedKeys();
  if (!keys.ok) {
    context.logger.error('packs.keys.failed', { court: claims.court, code: keys.error.code, message: keys.error.messageEn });
    throw new HttpError(500, keys.error.code, keys.error.messageVi, keys.error.messageEn);
  }
  const verified = await verifyAnyPack(bytes, keys.value);
  if (!verified.ok) {
    context.logger.warn('packs.publish.refused', { court: claims.court, user: claims.user, code: verified.error.code });
    throw new HttpError(422, verified.error.code, verified.error.messageVi, verified.error.messageEn);
  }
  const { identity } = verified.value;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const publishedAt = (context.now ?? (() => new Date()))().toISOString();
  const { created } = await context.store.putPack(claims.court, {
    kind: identity.kind,
    packId: identity.packId,
    version: identity.version,
    bytes,
    sha256,
    publishedBy: claims.user,
    publishedAt,
  });
  if (!created) {
    throw new HttpError(
      409,
      'packs.duplicate',
      `Phiên bản ${identity.version} của gói "${identity.packId}" đã được đăng trước đó. Hãy tăng số phiên bản (--pack-version) rồi đóng gói và ký lại.`,
      `Version ${identity.version} of "${identity.packId}" is already published. Bump the version, rebuild and sign again.`,
    );
  }
  context.logger.info('packs.published', { court: claims.court, user: claims.user, kind: identity.kind, packId: identity.packId, version: identity.version, keyId: verified.value.keyId });
  sendJson(res, 201, { kind: identity.kind, packId: identity.packId, version: identity.version, sha256, publishedAt });
}

function safeDecode(part: string): string | undefined {
  try {
    const value = decodeURIComponent(part);
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, 'http.tooLarge', 'Tệp gói quá lớn.', 'The pack is too large.');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(buffer);
  }
  if (size === 0) throw new HttpError(400, 'packs.empty', 'Yêu cầu không kèm tệp gói.', 'The request carries no pack file.');
  return new Uint8Array(Buffer.concat(chunks));
}
