/**
 * `templates publish`: court IT uploads a signed pack (templates or deadline tables) to the court
 * sync server. Logs in with an admin account (`POST /api/login`), then `POST /api/packs` with the
 * file's bytes; the server verifies the signature against the keys it trusts and stores the pack,
 * which every app of the court installs after its next sync.
 *
 * Failures are CliErrors: 2 for what the operator must fix in the command (arguments, file,
 * server address, credentials), 1 for a pack the server refused (signature, duplicate version,
 * an account that is not admin).
 */
import { identifyPack, type PackIdentity } from '../shared/packs/verify.js';
import { CliError, usage } from './cli-error.js';

export interface PublishRequest {
  readonly bytes: Uint8Array;
  readonly server: string;
  readonly court: string;
  readonly user: string;
  readonly password: string;
  readonly fetch?: typeof fetch;
}

export interface Published {
  readonly identity: PackIdentity;
  readonly sha256: string;
  readonly publishedAt: string;
}

interface ErrorBody {
  readonly error?: string;
  readonly message?: string;
  readonly messageEn?: string;
}

function baseUrl(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return usage(`Địa chỉ máy chủ không hợp lệ: ${server}`, `Invalid server URL: ${server}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') usage('Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://', 'The server URL must start with http:// or https://');
  return url.toString().replace(/\/+$/, '');
}

async function call(doFetch: typeof fetch, url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await doFetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    return usage(`Không kết nối được máy chủ ${new URL(url).origin}`, `Cannot reach ${new URL(url).origin}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  return { status: res.status, body };
}

function serverWords(body: unknown, status: number): { vi: string; en: string } {
  const b = (body ?? {}) as ErrorBody;
  return { vi: b.message ?? `máy chủ trả lời ${status}`, en: b.messageEn ?? `the server answered ${status}` };
}

/** Logs in and uploads; resolves with what the server stored or throws a CliError. */
export async function publishPack(request: PublishRequest): Promise<Published> {
  const identity = identifyPack(request.bytes);
  if (!identity.ok) throw new CliError(1, identity.error.messageVi, identity.error.messageEn);
  if (identity.value.keyId === undefined) throw new CliError(1, 'Gói chưa được ký (chạy lệnh sign trước khi publish)', 'The pack is not signed (run sign before publish)');
  const doFetch = request.fetch ?? fetch;
  const base = baseUrl(request.server);

  const login = await call(doFetch, `${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ court: request.court, user: request.user, password: request.password }),
  });
  const token = (login.body as { token?: unknown } | undefined)?.token;
  if (login.status !== 200 || typeof token !== 'string') {
    const words = serverWords(login.body, login.status);
    return usage(`Đăng nhập thất bại: ${words.vi}`, `Login failed: ${words.en}`);
  }

  const upload = await call(doFetch, `${base}/api/packs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(request.bytes),
  });
  if (upload.status === 201) {
    const body = upload.body as { sha256?: string; publishedAt?: string };
    return { identity: identity.value, sha256: body.sha256 ?? '', publishedAt: body.publishedAt ?? '' };
  }
  const words = serverWords(upload.body, upload.status);
  if (upload.status === 409 || upload.status === 422 || upload.status === 403) throw new CliError(1, words.vi, words.en);
  throw new CliError(2, `Máy chủ không nhận gói: ${words.vi}`, `The server did not take the pack: ${words.en}`);
}
