/**
 * The update feed for electron-updater's generic provider: `GET /updates/<file>` serves the files
 * court IT copies into one folder (latest.yml, latest-linux.yml, installers, .blockmap files).
 *
 * Only plain files directly in that folder are served (no subfolders, no dot files, no symlink
 * leading outside, no encoded traversal). Range requests are answered, including the multi-range
 * requests (`multipart/byteranges`) electron-updater's differential download sends, so a clerk's
 * PC fetches only the blocks of an installer that changed.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const UPDATES_PREFIX = '/updates/';

/** electron-updater asks for up to 1000 ranges per request; more is not a client of ours. */
export const MAX_RANGES = 1000;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.blockmap': 'application/octet-stream',
  '.appimage': 'application/octet-stream',
  '.deb': 'application/vnd.debian.binary-package',
  '.dmg': 'application/x-apple-diskimage',
  '.zip': 'application/zip',
  '.7z': 'application/x-7z-compressed',
};

export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The bare file name a request path asks for, or null when it is not one plain name: the feed
 * folder is flat, so any separator, dot-leading name, NUL or bad percent-encoding is refused.
 */
export function requestedFileName(pathname: string, prefix = UPDATES_PREFIX): string | null {
  if (!pathname.startsWith(prefix)) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null;
  }
  if (name === '' || name.length > 255 || name.startsWith('.') || /[/\\\0:]/.test(name)) return null;
  return name;
}

export interface ByteRange {
  readonly start: number;
  readonly end: number; // inclusive
}

/**
 * Parses a `Range` header against a file size: the ranges, 'unsatisfiable' (416), or null when the
 * header is absent or not a byte range we understand (then the whole file is sent, as RFC 9110 allows).
 */
export function parseRange(header: string | undefined, size: number): ByteRange[] | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(.+)$/i.exec(header.trim());
  if (!match?.[1]) return null;
  const parts = match[1].split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > MAX_RANGES) return null;
  const ranges: ByteRange[] = [];
  for (const part of parts) {
    const m = /^(\d*)-(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[2] === '')) return null;
    let start: number;
    let end: number;
    if (m[1] === '') {
      // Suffix range: the last N bytes.
      const length = Number(m[2]);
      if (length === 0) continue;
      start = Math.max(0, size - length);
      end = size - 1;
    } else {
      start = Number(m[1]);
      if (m[2] !== '' && Number(m[2]) < start) return null;
      end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    }
    if (start >= size || start > end) continue;
    ranges.push({ start, end });
  }
  return ranges.length === 0 ? 'unsatisfiable' : ranges;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function pipeRange(filePath: string, res: ServerResponse, range: ByteRange): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(filePath, { start: range.start, end: range.end });
    stream.on('error', reject);
    stream.on('end', resolve);
    stream.pipe(res, { end: false });
  });
}

/** Resolves the file inside the folder, following symlinks only when they stay inside it. */
async function resolveInside(updatesDir: string, name: string): Promise<{ filePath: string; size: number; mtime: Date } | null> {
  try {
    const root = await realpath(updatesDir);
    const filePath = await realpath(path.join(root, name));
    if (path.dirname(filePath) !== root) return null;
    const info = await stat(filePath);
    return info.isFile() ? { filePath, size: info.size, mtime: info.mtime } : null;
  } catch {
    return null;
  }
}

async function serve(req: IncomingMessage, res: ServerResponse, updatesDir: string, name: string): Promise<void> {
  const file = await resolveInside(updatesDir, name);
  if (!file) return plain(res, 404, 'Không có tệp cập nhật này. / No such update file.');
  const isFeed = /\.ya?ml$/i.test(name);
  const common: Record<string, string> = {
    'accept-ranges': 'bytes',
    'last-modified': file.mtime.toUTCString(),
    // The feed must be re-read on every check (court IT replaces it); installers never change under one name.
    'cache-control': isFeed ? 'no-cache' : 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  };
  const type = contentTypeFor(name);
  const ranges = parseRange(req.headers.range, file.size);
  if (ranges === 'unsatisfiable') return plain(res, 416, 'Khoảng byte không hợp lệ. / Range not satisfiable.', { 'content-range': `bytes */${file.size}` });
  const head = req.method === 'HEAD';

  if (ranges === null) {
    res.writeHead(200, { ...common, 'content-type': type, 'content-length': String(file.size) });
    if (head || file.size === 0) return void res.end();
    await pipeRange(file.filePath, res, { start: 0, end: file.size - 1 }).catch((e: unknown) => res.destroy(e as Error));
    return void res.end();
  }

  if (ranges.length === 1) {
    const [range] = ranges as [ByteRange];
    res.writeHead(206, {
      ...common,
      'content-type': type,
      'content-length': String(range.end - range.start + 1),
      'content-range': `bytes ${range.start}-${range.end}/${file.size}`,
    });
    if (head) return void res.end();
    await pipeRange(file.filePath, res, range).catch((e: unknown) => res.destroy(e as Error));
    return void res.end();
  }

  // Several ranges: one multipart/byteranges body whose exact length is announced up front.
  const boundary = `courtdesk-${randomBytes(12).toString('hex')}`;
  const partHeaders = ranges.map((r) => `\r\n--${boundary}\r\ncontent-type: ${type}\r\ncontent-range: bytes ${r.start}-${r.end}/${file.size}\r\n\r\n`);
  const closing = `\r\n--${boundary}--\r\n`;
  const length =
    partHeaders.reduce((sum, h) => sum + Buffer.byteLength(h), 0) + ranges.reduce((sum, r) => sum + (r.end - r.start + 1), 0) + Buffer.byteLength(closing);
  res.writeHead(206, { ...common, 'content-type': `multipart/byteranges; boundary=${boundary}`, 'content-length': String(length) });
  if (head) return void res.end();
  try {
    for (const [i, range] of ranges.entries()) {
      res.write(partHeaders[i]);
      await pipeRange(file.filePath, res, range);
    }
    res.end(closing);
  } catch (error) {
    res.destroy(error as Error);
  }
}

/**
 * Serves `GET|HEAD /updates/<file>` from `updatesDir`. Returns false (touching nothing) when the
 * request is not for the updates path, so the router can try its other routes.
 *
 * @example if (serveUpdates(req, res, '/srv/courtdesk/updates')) return;
 */
export function serveUpdates(req: IncomingMessage, res: ServerResponse, updatesDir: string): boolean {
  const pathname = (req.url ?? '').split('?')[0] ?? '';
  if (pathname !== UPDATES_PREFIX.slice(0, -1) && !pathname.startsWith(UPDATES_PREFIX)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Chỉ hỗ trợ GET. / Only GET is supported.', { allow: 'GET, HEAD' });
    return true;
  }
  const name = requestedFileName(pathname);
  if (name === null) {
    plain(res, 404, 'Không có tệp cập nhật này. / No such update file.');
    return true;
  }
  serve(req, res, updatesDir, name).catch((error: unknown) => {
    console.error('[updates] failed to serve', name, error);
    if (!res.headersSent) plain(res, 500, 'Lỗi máy chủ. / Server error.');
    else res.destroy();
  });
  return true;
}
