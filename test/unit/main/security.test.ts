import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn(async () => undefined) } }));

const { applySessionPolicies, decideNavigation, decideWindowOpen, externalHttpUrl, hardenWebContents, isPermissionGranted } = await import(
  '../../../main/security.js'
);

describe('externalHttpUrl', () => {
  it('passes http(s) links, normalised by the parser', () => {
    expect(externalHttpUrl('https://thuvienphapluat.vn/van-ban/Bo-luat-To-tung-dan-su')).toBe('https://thuvienphapluat.vn/van-ban/Bo-luat-To-tung-dan-su');
    expect(externalHttpUrl('HTTPS://Toaan.GOV.vn')).toBe('https://toaan.gov.vn/');
  });

  it.each([
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'app://courtdesk/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@evil.example/',
    'https://',
    'not a url',
  ])('refuses %s', (url) => {
    expect(externalHttpUrl(url)).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('allows navigation inside the app', () => {
    expect(decideNavigation('app://courtdesk/index.html#/cases/12', true)).toEqual({ allow: true });
  });

  it('refuses leaving the app; a main-frame http(s) link opens in the system browser', () => {
    expect(decideNavigation('https://example.org/', true)).toEqual({ allow: false, openExternally: 'https://example.org/' });
    expect(decideNavigation('https://example.org/', false)).toEqual({ allow: false, openExternally: null });
    expect(decideNavigation('file:///etc/passwd', true)).toEqual({ allow: false, openExternally: null });
  });

  it('compares parsed origins, not prefixes', () => {
    expect(decideNavigation('app://courtdesk.evil.example/', true).allow).toBe(false);
    expect(decideNavigation('app://courtdesk@evil.example/', true).allow).toBe(false);
  });
});

describe('decideWindowOpen', () => {
  it('always denies a new window', () => {
    expect(decideWindowOpen('app://courtdesk/index.html')).toEqual({ response: { action: 'deny' }, openExternally: null });
    expect(decideWindowOpen('https://example.org/a?b=c')).toEqual({ response: { action: 'deny' }, openExternally: 'https://example.org/a?b=c' });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ response: { action: 'deny' }, openExternally: null });
  });
});

describe('isPermissionGranted', () => {
  it('grants only the allowlist, and only to the app origin', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://courtdesk')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://courtdesk/index.html')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'unknown']) {
      expect(isPermissionGranted(permission, 'app://courtdesk')).toBe(false);
    }
  });
});

/** A fake web contents: an EventEmitter plus setWindowOpenHandler. */
function fakeContents() {
  const emitter = new EventEmitter() as EventEmitter & { windowOpenHandler?: (details: { url: string }) => unknown };
  Object.assign(emitter, {
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      emitter.windowOpenHandler = handler;
    },
  });
  return emitter;
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

describe('hardenWebContents', () => {
  it('blocks navigation away from the app and hands http(s) links to the opener', () => {
    const contents = fakeContents();
    const opener = { openExternal: vi.fn(async () => undefined) };
    hardenWebContents(contents as unknown as WebContents, opener);

    const inside = navigationEvent('app://courtdesk/index.html');
    contents.emit('will-frame-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const outside = navigationEvent('https://example.org/');
    contents.emit('will-frame-navigate', outside);
    expect(outside.preventDefault).toHaveBeenCalled();
    expect(opener.openExternal).toHaveBeenCalledWith('https://example.org/');

    const subframe = navigationEvent('https://example.org/frame', false);
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
    expect(opener.openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks redirects away from the app without opening anything', () => {
    const contents = fakeContents();
    const opener = { openExternal: vi.fn(async () => undefined) };
    hardenWebContents(contents as unknown as WebContents, opener);
    const redirect = navigationEvent('https://example.org/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(opener.openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open and webviews', () => {
    const contents = fakeContents();
    const opener = { openExternal: vi.fn(async () => undefined) };
    hardenWebContents(contents as unknown as WebContents, opener);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(opener.openExternal).toHaveBeenCalledWith('https://example.org/');
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opener.openExternal).toHaveBeenCalledTimes(1);
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('applySessionPolicies', () => {
  it('installs deny-by-default request, check and device handlers', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    applySessionPolicies(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void;
    const answers: boolean[] = [];
    request(null, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://courtdesk/index.html' });
    request(null, 'geolocation', (granted) => answers.push(granted), { requestingUrl: 'app://courtdesk/index.html' });
    request(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: 'https://evil.example/' });
    request(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: 'app://courtdesk/index.html' });
    expect(answers).toEqual([false, false, false, true]);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string, origin: string) => boolean;
    expect(check(null, 'notifications', 'app://courtdesk')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://courtdesk')).toBe(true);

    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);
  });
});
