// A small static file server for a built folder (out/web, out/bench), on node:http only.
// Used by `npm run web`, by Playwright's webServer and by the bench. It serves files and nothing
// else: no directory listing, no path outside the root (also when the path is percent-encoded),
// and index.html for unknown paths that do not look like files, so the app's routes reload.
//
//   node scripts/serve-static.mjs <dir> <port> [host=127.0.0.1]
//
// or, from code: `const { url, close } = await serveStatic({ root, port, host, mounts })`.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Content types by extension; anything else is served as bytes. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function contentTypeOf(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Turns the raw request target into path segments, or a refusal. Works on the raw string (not on
 * `new URL`, which silently resolves `%2e%2e`) so that every spelling of `..` is seen and refused.
 *
 * @example parseRequestPath('/assets/app.js?v=1') // { ok: true, segments: ['assets', 'app.js'], trailingSlash: false }
 * @example parseRequestPath('/..%2f..%2fetc/passwd') // { ok: false, status: 403 }
 */
export function parseRequestPath(rawUrl) {
  const pathPart = String(rawUrl ?? '/').split(/[?#]/, 1)[0] || '/';
  if (!pathPart.startsWith('/')) return { ok: false, status: 400 };
  let decoded;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400 };
  // A backslash is a separator on Windows: refuse it everywhere rather than reason per platform.
  if (decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403 };
  // Hidden files (.env, .git) are never part of a build.
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404 };
  return { ok: true, segments, trailingSlash: decoded.endsWith('/') };
}

/** True when the last segment looks like a file name (has an extension): no SPA fallback then. */
function looksLikeFile(segments) {
  const last = segments[segments.length - 1] ?? '';
  return path.extname(last) !== '';
}

async function statOrNull(filePath) {
  try {
    return await stat(filePath);
  } catch {
    return null;
  }
}

/** Vite names its build outputs `name-<hash>.ext` under assets/: those never change. */
function isHashedAsset(segments) {
  return segments.includes('assets') && /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i.test(segments[segments.length - 1] ?? '');
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/**
 * Starts serving `root` (and optional `mounts`, e.g. `{ '/bench/': 'out/bench' }`, each with its
 * own index.html fallback) on `host:port`. Port 0 picks a free port. Rejects with the listen
 * error (code `EADDRINUSE` when the port is taken) or when a root folder does not exist.
 *
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function serveStatic({ root, port, host = '127.0.0.1', mounts = {} }) {
  const roots = [['/', root], ...Object.entries(mounts)].map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, dir]);
  const resolved = [];
  for (const [prefix, dir] of roots) {
    const real = await realpath(path.resolve(dir)).catch(() => null);
    const info = real ? await statOrNull(real) : null;
    if (!info?.isDirectory()) {
      const error = new Error(`Không tìm thấy thư mục ${dir} (hãy build trước) — folder ${dir} not found (build it first)`);
      error.code = 'ENOENT';
      throw error;
    }
    resolved.push({ segments: prefix.split('/').filter(Boolean), dir: real });
  }
  // Longest prefix first, so /bench/ wins over /.
  resolved.sort((a, b) => b.segments.length - a.segments.length);

  function mountFor(segments) {
    for (const mount of resolved) {
      if (mount.segments.every((s, i) => segments[i] === s)) return { dir: mount.dir, rest: segments.slice(mount.segments.length) };
    }
    throw new Error('unreachable: the root mount matches every path');
  }

  async function resolveFile(segments) {
    const { dir, rest } = mountFor(segments);
    const candidate = path.join(dir, ...rest);
    const info = await statOrNull(candidate);
    if (info?.isFile()) return { dir, file: candidate };
    if (info?.isDirectory()) {
      const index = path.join(candidate, 'index.html');
      if ((await statOrNull(index))?.isFile()) return { dir, file: index };
    }
    if (looksLikeFile(rest)) return null;
    // An app route (e.g. /cases/42): the single-page app decides what to show.
    const fallback = path.join(dir, 'index.html');
    return (await statOrNull(fallback))?.isFile() ? { dir, file: fallback } : null;
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed');
    }
    const parsed = parseRequestPath(req.url);
    if (!parsed.ok) return send(res, parsed.status, parsed.status === 403 ? 'Forbidden' : parsed.status === 404 ? 'Not Found' : 'Bad Request');
    const found = await resolveFile(parsed.segments);
    if (!found) return send(res, 404, 'Not Found');
    // A symlink inside the build must not lead outside it either.
    const real = await realpath(found.file).catch(() => null);
    if (!real || (real !== found.dir && !real.startsWith(found.dir + path.sep))) return send(res, 403, 'Forbidden');
    const info = await statOrNull(real);
    if (!info?.isFile()) return send(res, 404, 'Not Found');

    const isHtml = path.extname(real).toLowerCase() === '.html';
    res.writeHead(200, {
      'Content-Type': contentTypeOf(real),
      'Content-Length': info.size,
      'X-Content-Type-Options': 'nosniff',
      // index.html names the current hashed bundles: never cache it, or a rebuild is not seen.
      'Cache-Control': isHtml ? 'no-store' : isHashedAsset(parsed.segments) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(real);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}/`,
    port: boundPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from a browser would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** The message for a taken port, Vietnamese first (web mode users read it). */
export function portInUseMessage(port) {
  return (
    `Cổng ${port} đang được dùng (có thể Courtdesk đang chạy ở một cửa sổ khác). Hãy đóng chương trình đó, hoặc chọn cổng khác bằng --port. ` +
    `— Port ${port} is already in use (Courtdesk may already be running in another window). Close it, or choose another port with --port.`
  );
}

async function main(argv) {
  const [dir, portText, host = '127.0.0.1'] = argv;
  const port = Number(portText);
  if (!dir || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('Cách dùng — usage: node scripts/serve-static.mjs <thư mục|dir> <cổng|port> [host=127.0.0.1]');
    process.exit(2);
  }
  let server;
  try {
    server = await serveStatic({ root: dir, port, host });
  } catch (error) {
    console.error(error.code === 'EADDRINUSE' ? portInUseMessage(port) : error.message);
    process.exit(1);
  }
  console.log(`Đang phục vụ ${dir} tại ${server.url} — serving ${dir} at ${server.url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await main(process.argv.slice(2));
}
