import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRequestPath, serveStatic, type StaticServer } from '../../../scripts/serve-static.mjs';

/** A raw GET that sends the path exactly as written (fetch would normalise `..` away). */
function rawGet(port: number, rawPath: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let workDir: string;
let server: StaticServer;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'serve-static-'));
  const root = path.join(workDir, 'web');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(root, 'empty-dir'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Courtdesk</title>');
  await writeFile(path.join(root, 'assets', 'app-AbCd1234.js'), 'console.log("xin chào")');
  await writeFile(path.join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'data.json'), '{"a":1}');
  await writeFile(path.join(root, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(root, 'assets', 'mod.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(path.join(root, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]));
  await writeFile(path.join(root, '.env'), 'SECRET=1');
  await writeFile(path.join(workDir, 'secret.txt'), 'outside the root');
  await symlink(path.join(workDir, 'secret.txt'), path.join(root, 'link.txt'));
  const bench = path.join(workDir, 'bench');
  await mkdir(bench);
  await writeFile(path.join(bench, 'index.html'), '<!doctype html><title>bench</title>');
  server = await serveStatic({ root, port: 0, mounts: { '/bench/': bench } });
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('serves files with their MIME types', async () => {
    const cases: [string, string][] = [
      ['/assets/app-AbCd1234.js', 'text/javascript; charset=utf-8'],
      ['/assets/style.css', 'text/css; charset=utf-8'],
      ['/assets/data.json', 'application/json; charset=utf-8'],
      ['/assets/icon.svg', 'image/svg+xml'],
      ['/assets/mod.wasm', 'application/wasm'],
      ['/assets/font.woff2', 'font/woff2'],
      ['/index.html', 'text/html; charset=utf-8'],
    ];
    for (const [url, type] of cases) {
      const res = await rawGet(server.port, url);
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type'], url).toBe(type);
    }
    const js = await rawGet(server.port, '/assets/app-AbCd1234.js');
    expect(js.body).toBe('console.log("xin chào")');
    expect(js.headers['cache-control']).toContain('immutable');
  });

  it('serves index.html at / without caching it', async () => {
    const res = await rawGet(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Courtdesk</title>');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('falls back to index.html for unknown app routes, but not for missing files', async () => {
    const route = await rawGet(server.port, '/cases/12-2025?tab=parties');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Courtdesk</title>');
    expect(route.headers['cache-control']).toBe('no-store');

    const missing = await rawGet(server.port, '/assets/missing.js');
    expect(missing.status).toBe(404);
  });

  it('does not list directories', async () => {
    const res = await rawGet(server.port, '/empty-dir/');
    // No index.html inside: the app shell is served, never a listing of the folder.
    expect(res.body).not.toContain('empty-dir');
    expect(res.body).toContain('<title>Courtdesk</title>');
    const assets = await rawGet(server.port, '/assets/');
    expect(assets.body).not.toContain('app-AbCd1234.js');
  });

  it('serves a mount with its own index.html fallback', async () => {
    const res = await rawGet(server.port, '/bench/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>bench</title>');
    const route = await rawGet(server.port, '/bench/some/route');
    expect(route.body).toContain('<title>bench</title>');
  });

  it('refuses path traversal, plain and percent-encoded', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
    ];
    for (const attempt of attempts) {
      const res = await rawGet(server.port, attempt);
      expect([400, 403, 404], attempt).toContain(res.status);
      expect(res.body, attempt).not.toContain('outside the root');
    }
  });

  it('refuses symlinks that leave the root, hidden files and bad encodings', async () => {
    expect((await rawGet(server.port, '/link.txt')).status).toBe(403);
    const env = await rawGet(server.port, '/.env');
    expect(env.status).toBe(404);
    expect(env.body).not.toContain('SECRET');
    expect((await rawGet(server.port, '/%E0%A4%A')).status).toBe(400);
    expect((await rawGet(server.port, '/index.html%00.js')).status).toBe(400);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawGet(server.port, '/assets/style.css', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('6');
    const post = await rawGet(server.port, '/', 'POST');
    expect(post.status).toBe(405);
  });

  it('rejects a taken port with EADDRINUSE and a missing folder with ENOENT', async () => {
    await expect(serveStatic({ root: workDir, port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await expect(serveStatic({ root: path.join(workDir, 'nope'), port: 0 })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('parseRequestPath', () => {
  it('splits a clean path and drops the query', () => {
    expect(parseRequestPath('/assets/app.js?v=1#x')).toEqual({ ok: true, segments: ['assets', 'app.js'], trailingSlash: false });
    expect(parseRequestPath('/vu-an/')).toEqual({ ok: true, segments: ['vu-an'], trailingSlash: true });
  });

  it('decodes Vietnamese file names', () => {
    expect(parseRequestPath('/m%E1%BA%ABu.docx')).toEqual({ ok: true, segments: ['mẫu.docx'], trailingSlash: false });
  });

  it('refuses every spelling of ..', () => {
    for (const raw of ['/../x', '/a/%2e%2e/x', '/%2e%2E%2fx', '/a\\..\\x']) {
      expect(parseRequestPath(raw).ok, raw).toBe(false);
    }
  });
});
