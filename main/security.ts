/**
 * One place for the web-content policies (STYLE §4, after AFFiNE's security service): the app's
 * pages may navigate only within `app://courtdesk/`, never open windows, attach webviews or obtain
 * permissions beyond a short allowlist. External http(s) links go to the system browser, after the
 * URL has been parsed; decisions compare parsed URLs, never string prefixes.
 */
import { shell } from 'electron';
import type { Event, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl, parseUrl } from './app-origin.js';

/**
 * The URL to hand to the system browser, or null. Only http(s) with a host and without embedded
 * credentials: `javascript:`, `file:`, `smb:`, `app:` and custom handlers never leave the app.
 */
export function externalHttpUrl(raw: string): string | null {
  const url = parseUrl(raw);
  if (url === null) return null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

export type NavigationDecision = { readonly allow: true } | { readonly allow: false; readonly openExternally: string | null };

/**
 * In-app navigation is allowed; anything else is refused. A refused main-frame link to an http(s)
 * page opens in the browser instead (a clerk clicking a law link keeps the app page).
 */
export function decideNavigation(url: string, isMainFrame: boolean): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, openExternally: isMainFrame ? externalHttpUrl(url) : null };
}

/** `window.open` never creates a window; an http(s) target opens in the system browser. */
export function decideWindowOpen(url: string): { readonly response: WindowOpenHandlerResponse; readonly openExternally: string | null } {
  return { response: { action: 'deny' }, openExternally: externalHttpUrl(url) };
}

/**
 * Permissions granted to the app's own pages; everything else (camera, microphone, geolocation,
 * notifications, HID, serial, clipboard-read, …) and everything asked by any other origin is denied.
 * Writing to the clipboard lets a clerk copy a case number with one click.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/**
 * `url` is only ever `externalHttpUrl`'s output (a parsed http(s) URL with a host and no
 * credentials), never raw page input; that review is why the scanner's manual-review check is
 * switched off on this one line (docs/SECURITY.md, "Security scanner").
 */
function openQuietly(opener: ExternalOpener, url: string | null): void {
  if (url === null) return;
  opener.openExternal(url).catch((error: unknown) => console.warn('[security] openExternal failed', error)); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

/** Applies the navigation, window-open and webview policies to one web contents. */
export function hardenWebContents(contents: WebContents, opener: ExternalOpener = shell): void {
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    const decision = decideWindowOpen(details.url);
    openQuietly(opener, decision.openExternally);
    return decision.response;
  });
  contents.on('will-frame-navigate', (event) => {
    const decision = decideNavigation(event.url, event.isMainFrame);
    if (decision.allow) return;
    event.preventDefault();
    openQuietly(opener, decision.openExternally);
  });
  // A server redirect is not a user's click: refuse it without opening anything.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: Event) => event.preventDefault());
}

/** Deny-by-default permission handlers on a session. */
export function applySessionPolicies(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
