import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, requestedFileName, serveUpdates } from '../../../../server/http/updates.js';

let root: string;
let updatesDir: string;
let server: Server;
let base: string;

const installer = new Uint8Array(10_000).map((_, i) => (i * 7) % 251);
const latestYml = `version: 0.2.0
files:
  - url: Courtdesk-Setup-0.2.0.exe
    sha512: abc
    size: 10000
path: Courtdesk-Setup-0.2.0.exe
stagingPercentage: 30
releaseDate: '2026-11-28T08:00:00.000Z'
`;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'courtdesk-updates-'));
  updatesDir = path.join(root, 'updates');
  mkdirSync(updatesDir);
  writeFileSync(path.join(updatesDir, 'latest.yml'), latestYml);
  writeFileSync(path.join(updatesDir, 'Courtdesk Setup 0.2.0.exe'), installer);
  writeFileSync(path.join(updatesDir, 'Courtdesk-0.2.0.AppImage'), 'appimage');
  writeFileSync(path.join(updatesDir, '.hidden'), 'secret');
  mkdirSync(path.join(updatesDir, 'sub'));
  writeFileSync(path.join(updatesDir, 'sub', 'x.yml'), 'nested');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the folder');
  symlinkSync(path.join(root, 'secret.txt'), path.join(updatesDir, 'link.yml'));
  server = createServer((req, res) => {
    if (!serveUpdates(req, res, updatesDir)) {
      res.writeHead(418);
      res.end('not mine');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('serveUpdates', () => {
  it('serves the feed as YAML, revalidated on every check, with its length', async () => {
    const res = await fetch(`${base}/updates/latest.yml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(latestYml)));
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(await res.text()).toBe(latestYml);
  });

  it('serves an installer whose name has an encoded space, with its content type', async () => {
    const res = await fetch(`${base}/updates/Courtdesk%20Setup%200.2.0.exe`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.microsoft.portable-executable');
    expect(res.headers.get('content-length')).toBe('10000');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(installer);
  });

  it('answers a single range with 206 and Content-Range', async () => {
    const res = await fetch(`${base}/updates/Courtdesk%20Setup%200.2.0.exe`, { headers: { range: 'bytes=100-199' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/10000');
    expect(res.headers.get('content-length')).toBe('100');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(installer.slice(100, 200));
  });

  it('answers a suffix range', async () => {
    const res = await fetch(`${base}/updates/Courtdesk%20Setup%200.2.0.exe`, { headers: { range: 'bytes=-10' } });
    expect(res.status).toBe(206);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(installer.slice(9990));
  });

  it('answers multiple ranges as multipart/byteranges, as the differential download expects', async () => {
    const res = await fetch(`${base}/updates/Courtdesk%20Setup%200.2.0.exe`, { headers: { range: 'bytes=0-9, 5000-5009, 9995-' } });
    expect(res.status).toBe(206);
    const type = res.headers.get('content-type') ?? '';
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(type)?.[1];
    expect(boundary).toBeTruthy();
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(body.byteLength));
    const parts = body.toString('latin1').split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(3);
    const expected = [
      ['0-9/10000', installer.slice(0, 10)],
      ['5000-5009/10000', installer.slice(5000, 5010)],
      ['9995-9999/10000', installer.slice(9995)],
    ] as const;
    parts.forEach((part, i) => {
      const [head, data] = part.split('\r\n\r\n') as [string, string];
      expect(head).toContain(`content-range: bytes ${expected[i]![0]}`);
      expect(new Uint8Array(Buffer.from(data.replace(/\r\n$/, ''), 'latin1'))).toEqual(expected[i]![1]);
    });
  });

  it('refuses an unsatisfiable range with 416', async () => {
    const res = await fetch(`${base}/updates/latest.yml`, { headers: { range: 'bytes=99999-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${Buffer.byteLength(latestYml)}`);
  });

  it('answers HEAD with headers only', async () => {
    const res = await fetch(`${base}/updates/Courtdesk-0.2.0.AppImage`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('8');
    expect(await res.text()).toBe('');
  });

  it.each([
    ['an unknown file', '/updates/latest-mac.yml'],
    ['a dot file', '/updates/.hidden'],
    ['a subfolder', '/updates/sub/x.yml'],
    ['an encoded slash', '/updates/sub%2Fx.yml'],
    ['encoded traversal', '/updates/..%2Fsecret.txt'],
    ['a backslash', '/updates/..%5Csecret.txt'],
    ['a symlink leading outside', '/updates/link.yml'],
    ['a folder', '/updates/sub'],
    ['the bare prefix', '/updates/'],
    ['bad percent-encoding', '/updates/%E0%A4%A.yml'],
  ])('answers 404 for %s', async (_name, url) => {
    const res = await fetch(`${base}${url}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/outside the folder|secret|nested/);
  });

  it('refuses other methods with 405', async () => {
    const res = await fetch(`${base}/updates/latest.yml`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('leaves other paths to the router', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(418);
    expect((await fetch(`${base}/updatesX/latest.yml`)).status).toBe(418);
  });
});

describe('parseRange / requestedFileName', () => {
  it('parses, clamps and refuses ranges', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual([{ start: 0, end: 9 }]);
    expect(parseRange('bytes=90-200', 100)).toEqual([{ start: 90, end: 99 }]);
    expect(parseRange('bytes=200-300', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=9-1', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange(`bytes=${Array.from({ length: 1001 }, (_, i) => `${i}-${i}`).join(',')}`, 5000)).toBeNull();
  });

  it('accepts only bare names', () => {
    expect(requestedFileName('/updates/latest-linux.yml')).toBe('latest-linux.yml');
    expect(requestedFileName('/updates/a%2Fb')).toBeNull();
    expect(requestedFileName('/updates/..')).toBeNull();
    expect(requestedFileName('/updates/C%3Aevil')).toBeNull();
    expect(requestedFileName('/other/latest.yml')).toBeNull();
  });
});
