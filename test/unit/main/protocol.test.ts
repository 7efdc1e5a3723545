import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));

const { resolveAppUrl, serveAppRequest, registerAppSchemePrivileges, contentTypeFor } = await import('../../../main/protocol.js');
const electron = await import('electron');

const ROOT = '/opt/courtdesk/out/renderer';

describe('resolveAppUrl', () => {
  it.each([
    ['app://courtdesk/', 'index.html'],
    ['app://courtdesk/index.html', 'index.html'],
    ['app://courtdesk/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://courtdesk/assets/index.js?v=2#top', 'assets/index.js'],
    ['app://courtdesk/fonts/Be%20Vietnam.woff2', 'fonts/Be Vietnam.woff2'],
    ['app://courtdesk/m%E1%BA%ABu/bi%C3%AAn-b%E1%BA%A3n.html', 'mẫu/biên-bản.html'],
    // Dot segments are resolved by the URL parser first, so this stays inside the root.
    ['app://courtdesk/assets/../index.html', 'index.html'],
    ['app://courtdesk/../../etc/passwd', 'etc/passwd'],
  ])('maps %s inside the root', (url, relative) => {
    expect(resolveAppUrl(url, ROOT)).toBe(path.join(ROOT, relative));
  });

  it.each([
    ['encoded slash', 'app://courtdesk/..%2f..%2fetc%2fpasswd'],
    ['encoded dots and slash', 'app://courtdesk/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['upper-case encoding', 'app://courtdesk/%2E%2E%2F%2E%2E%2Fetc/passwd'],
    ['double slash after encoded traversal', 'app://courtdesk//..%2F..%2Fsecret'],
    ['encoded backslash', 'app://courtdesk/..%5c..%5cwindows%5cwin.ini'],
    ['encoded NUL', 'app://courtdesk/index.html%00.png'],
    ['drive letter', 'app://courtdesk/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://courtdesk/C%3A%5CWindows'],
    ['broken encoding', 'app://courtdesk/%E0%A4%A'],
    ['sibling folder with the root as prefix', 'app://courtdesk/..%2frenderer-secrets/key.txt'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppUrl(url, ROOT)).toBeNull();
  });

  it.each([
    ['unknown host', 'app://evil/index.html'],
    ['host with our name as prefix', 'app://courtdesk.evil/index.html'],
    ['credentials trick', 'app://courtdesk@evil/index.html'],
    ['port', 'app://courtdesk:8080/index.html'],
    ['another scheme', 'file:///opt/courtdesk/out/renderer/index.html'],
    ['http', 'http://courtdesk/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppUrl(url, ROOT)).toBeNull();
  });

  it('applies Windows path rules when given path.win32', () => {
    const winRoot = 'C:\\Program Files\\Courtdesk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppUrl('app://courtdesk/assets/a.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppUrl('app://courtdesk/..%2f..%2f..%2fsecret.txt', winRoot, path.win32)).toBeNull();
    expect(resolveAppUrl('app://courtdesk/..%5csecret.txt', winRoot, path.win32)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  const files = new Map<string, string>([
    [path.join(ROOT, 'index.html'), '<!doctype html><title>Courtdesk</title>'],
    [path.join(ROOT, 'assets/app.js'), 'console.log(1)'],
  ]);
  const fs = {
    readFile: async (filePath: string) => {
      const text = files.get(filePath);
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
  };

  it('serves a file with its content type and a strict CSP', async () => {
    const response = await serveAppRequest(new Request('app://courtdesk/assets/app.js'), ROOT, fs);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for / and for in-app routes without an extension', async () => {
    for (const url of ['app://courtdesk/', 'app://courtdesk/cases/12']) {
      const response = await serveAppRequest(new Request(url), ROOT, fs);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Courtdesk</title>');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });

  it('answers 404 for a missing asset and for refused URLs, without reading outside the root', async () => {
    const read = vi.fn(fs.readFile);
    expect((await serveAppRequest(new Request('app://courtdesk/assets/missing.js'), ROOT, { readFile: read })).status).toBe(404);
    expect((await serveAppRequest(new Request('app://courtdesk/..%2f..%2fetc%2fpasswd'), ROOT, { readFile: read })).status).toBe(404);
    expect((await serveAppRequest(new Request('app://other/index.html'), ROOT, { readFile: read })).status).toBe(404);
    for (const [filePath] of read.mock.calls) expect(filePath.startsWith(ROOT + path.sep)).toBe(true);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serveAppRequest(new Request('app://courtdesk/index.html', { method: 'POST', body: 'x' }), ROOT, fs);
    expect(response.status).toBe(405);
  });

  it('answers 500 (not the file) when reading fails for another reason', async () => {
    const broken = { readFile: async () => Promise.reject(Object.assign(new Error('io'), { code: 'EIO' })) };
    expect((await serveAppRequest(new Request('app://courtdesk/index.html'), ROOT, broken)).status).toBe(500);
  });

  it('knows the common content types', () => {
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('registerAppSchemePrivileges', () => {
  it('registers app:// as standard, secure and fetchable, without CORS or CSP bypass', () => {
    registerAppSchemePrivileges();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, bypassCSP: false }),
      }),
    ]);
    const [[schemes]] = vi.mocked(electron.protocol.registerSchemesAsPrivileged).mock.calls as [[Electron.CustomScheme[]]];
    expect(schemes[0]?.privileges?.corsEnabled).toBeUndefined();
  });
});
