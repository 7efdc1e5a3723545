/**
 * The HTTP API of the court server:
 *
 *   GET  /api/health       200 {"ok":true,...}
 *   POST /api/login        {court,user,password} → 200 {"token"} | 401
 *   POST /api/sync/batch   Bearer token; push offline updates, pull changes (docs/SYNC-PROTOCOL.md)
 *   POST /api/sync/changes Bearer token; which docs changed since seq N (two-step pull, step 1)
 *   POST /api/sync/docs    Bearer token; what a client lacks of these docs, binary (step 2)
 *   GET  /updates/<file>   the app's update feed, from the folder court IT fills (docs/UPDATES.md)
 *   /api/packs[/…]         published template and deadline packs (server/http/packs.ts)
 *   /api/keys              device signing keys: register, directory (server/http/keys.ts)
 *
 * Every error is JSON `{error, message (vi), messageEn}`. A store failure answers 503 and is
 * logged; it never takes the process down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { batchRequestSchema, changesRequestSchema, docsRequestSchema, type BatchResponse } from '../../shared/sync/batch.js';
import { DOCS_WIRE_CONTENT_TYPE, encodeDocsPage } from '../../shared/sync/docs-wire.js';
import type { SessionClaims } from '../../shared/sync/claims.js';
import { login } from '../auth/accounts.js';
import type { TokenSigner } from '../auth/tokens.js';
import { fetchDocs, listChanges, pullChanges, pushUpdates, type BatchSyncOptions } from '../docs/batch-sync.js';
import { errorFields, type Logger } from '../log.js';
import { StoreError, type UserStore } from '../store/store.js';
import { bearerToken, HttpError, readJsonBody, sendBinary, sendError, sendJson } from './json.js';
import { serveUpdates } from './updates.js';
import { handlePacks, isPacksPath, type PacksContext } from './packs.js';
import { handleKeys, KEYS_PATH, type KeysContext } from './keys.js';

export interface ApiContext {
  readonly users: UserStore;
  readonly tokens: TokenSigner;
  readonly logger: Logger;
  readonly batch: BatchSyncOptions;
  /** Cap on a request body (a batch of offline updates). */
  readonly maxBodyBytes: number;
  readonly stats: () => Record<string, number>;
  /** The app's update feed folder (electron-updater generic provider), served at /updates/. */
  readonly updatesDir: string;
  /** Published packs: their store and the court IT keys they must be signed with. */
  readonly packs: Omit<PacksContext, 'logger'>;
  /** Device signing keys and the accounts' staff links. */
  readonly keys: Omit<KeysContext, 'logger'>;
}

const loginSchema = z.object({ court: z.string().max(200), user: z.string().max(200), password: z.string().max(1024) });

export function createRequestHandler(context: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // The app runs on another origin (web mode on 127.0.0.1:5178, app:// on the desktop) and
    // authenticates with a Bearer token, never a cookie, so any origin may call the API; the Date
    // header is exposed for the client's clock-skew check.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'date');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    if (serveUpdates(req, res, context.updatesDir)) return;
    handle(context, req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error, error.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
        return;
      }
      const storeDown = error instanceof StoreError;
      context.logger.error(storeDown ? 'http.store.failed' : 'http.failed', { method: req.method, path: req.url, ...errorFields(error) });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(
        res,
        storeDown
          ? new HttpError(503, 'store.unavailable', 'Máy chủ tạm thời không sẵn sàng: không đọc/lưu được dữ liệu. Dữ liệu của bạn vẫn được giữ trên máy và sẽ gửi lại sau.', 'The court server cannot read or store data right now. Try again later.')
          : new HttpError(500, 'server.error', 'Máy chủ tòa án gặp lỗi.', 'Internal server error.'),
      );
    });
  };
}

async function handle(context: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/api/health') {
    requireMethod(req, 'GET');
    sendJson(res, 200, { ok: true, service: 'courtdesk-server', ...context.stats() });
    return;
  }
  if (path === '/api/login') {
    requireMethod(req, 'POST');
    const body = loginSchema.safeParse(await readJsonBody(req, 16 * 1024));
    if (!body.success) throw new HttpError(400, 'auth.badRequest', 'Thiếu tòa án, tên đăng nhập hoặc mật khẩu.', 'Missing court, user or password.');
    const result = await login(context.users, context.tokens, body.data);
    if (!result.ok) {
      context.logger.warn('auth.login.refused', { court: body.data.court, user: body.data.user });
      throw new HttpError(401, result.error.code, result.error.messageVi, result.error.messageEn);
    }
    context.logger.info('auth.login', { court: body.data.court, user: body.data.user });
    sendJson(res, 200, { token: result.value.token });
    return;
  }
  if (path === '/api/sync/changes') {
    requireMethod(req, 'POST');
    const claims = await authenticate(context, req);
    const parsed = changesRequestSchema.safeParse(await readJsonBody(req, context.maxBodyBytes));
    if (!parsed.success) throw badSyncRequest(parsed.error.issues[0]?.message);
    sendJson(res, 200, await listChanges(context.batch, claims, parsed.data));
    return;
  }
  if (path === '/api/sync/docs') {
    requireMethod(req, 'POST');
    const claims = await authenticate(context, req);
    const parsed = docsRequestSchema.safeParse(await readJsonBody(req, context.maxBodyBytes));
    if (!parsed.success) throw badSyncRequest(parsed.error.issues[0]?.message);
    const page = await fetchDocs(context.batch, claims, parsed.data);
    context.logger.info('sync.docs', { court: claims.court, user: claims.user, requested: parsed.data.docs.length, sent: page.docs.length, errors: page.errors.length });
    sendBinary(res, 200, encodeDocsPage(page), DOCS_WIRE_CONTENT_TYPE);
    return;
  }
  if (path === '/api/sync/batch') {
    requireMethod(req, 'POST');
    const claims = await authenticate(context, req);
    const parsed = batchRequestSchema.safeParse(await readJsonBody(req, context.maxBodyBytes));
    if (!parsed.success) {
      throw badSyncRequest(parsed.error.issues[0]?.message);
    }
    const pushed = await pushUpdates(context.batch, claims, parsed.data.push ?? []);
    const pulled = parsed.data.pull === undefined ? undefined : await pullChanges(context.batch, claims, parsed.data.pull);
    const response: BatchResponse = {
      court: claims.court,
      acks: pushed.acks,
      errors: [...pushed.errors, ...(pulled?.errors ?? [])],
      ...(pulled === undefined ? {} : { pull: pulled.page }),
    };
    context.logger.info('sync.batch', {
      court: claims.court,
      user: claims.user,
      pushed: pushed.acks.length,
      pulled: pulled?.page.docs.length ?? 0,
      errors: response.errors.length,
    });
    sendJson(res, 200, response);
    return;
  }
  if (isPacksPath(path)) {
    await handlePacks({ ...context.packs, logger: context.logger }, req, res, path, await authenticate(context, req));
    return;
  }
  if (path === KEYS_PATH) {
    await handleKeys({ ...context.keys, logger: context.logger }, req, res, await authenticate(context, req));
    return;
  }
  throw new HttpError(404, 'http.notFound', 'Không tìm thấy địa chỉ này.', 'Not found.');
}

async function authenticate(context: ApiContext, req: IncomingMessage): Promise<SessionClaims> {
  const claims = await context.tokens.verify(bearerToken(req));
  if (claims === null) {
    throw new HttpError(401, 'auth.invalidToken', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.', 'Missing, invalid or expired token.');
  }
  return claims;
}

function requireMethod(req: IncomingMessage, method: string): void {
  if (req.method !== method) throw new HttpError(405, 'http.method', 'Phương thức không được hỗ trợ.', `Method not allowed; use ${method}.`);
}

function badSyncRequest(issue: string | undefined): HttpError {
  return new HttpError(400, 'sync.badRequest', 'Yêu cầu đồng bộ không đúng định dạng.', `Malformed sync request: ${issue ?? ''}`);
}
