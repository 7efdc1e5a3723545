/**
 * Serves the built renderer from `app://courtdesk/` (DESIGN §2): a privileged standard + secure
 * scheme (so it has a real origin for IndexedDB, fetch and module scripts), mapped onto the files of
 * the renderer folder and nothing else.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, isAppUrl, parseUrl } from './app-origin.js';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

/**
 * Must run before `app` is ready. `corsEnabled` stays unset on purpose: that is what keeps the
 * scheme unreadable from any other origin. No service workers, no bypassing CSP.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, allowServiceWorkers: false, bypassCSP: false },
    },
  ]);
}

/** The parts of `node:path` the resolver needs; `path.win32` in tests checks Windows rules on Linux. */
export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an `app://courtdesk/…` URL to a file inside `rootDir`, or null when it must be refused:
 * another scheme or host, an undecodable path, a NUL byte, a backslash or colon (Windows
 * separators, drive letters, alternate data streams), or any path that lands outside `rootDir`
 * once percent-decoded (`%2e%2e%2f`, `..%2f`, …). `/` maps to `index.html`; query and hash are ignored.
 *
 * @example resolveAppUrl('app://courtdesk/assets/app.js', '/opt/courtdesk/out/renderer')
 * // → '/opt/courtdesk/out/renderer/assets/app.js'
 */
export function resolveAppUrl(url: string, rootDir: string, pathApi: PathApi = path): string | null {
  if (!isAppUrl(url)) return null;
  const parsed = parseUrl(url);
  if (parsed === null) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = pathApi.resolve(rootDir);
  const resolved = pathApi.resolve(root, relative);
  const fromRoot = pathApi.relative(root, resolved);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(fromRoot)) return null;
  return resolved;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

export interface ProtocolFs {
  readFile(filePath: string): Promise<Uint8Array<ArrayBuffer>>;
}

const nodeProtocolFs: ProtocolFs = { readFile: (filePath) => readFile(filePath) };

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/**
 * Answers one request to the app scheme. A path without an extension that matches no file is an
 * in-app route, so it gets `index.html`; anything else missing is a 404.
 */
export async function serveAppRequest(request: Request, rootDir: string, fs: ProtocolFs = nodeProtocolFs): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
  const filePath = resolveAppUrl(request.url, rootDir);
  if (filePath === null) return refusal(404, 'Not found');
  const candidates = path.extname(filePath) === '' ? [filePath, path.join(path.resolve(rootDir), 'index.html')] : [filePath];
  for (const candidate of candidates) {
    try {
      const body = await fs.readFile(candidate);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: securityHeaders(contentTypeFor(candidate)) });
    } catch (error) {
      if (!isMissing(error)) return refusal(500, 'Read error');
    }
  }
  return refusal(404, 'Not found');
}

/** Installs the handler on the default session; call once `app` is ready. */
export function registerAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rootDir));
}
