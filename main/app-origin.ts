/**
 * The renderer's origin. Served from `app://courtdesk/` from day one: IndexedDB is keyed by origin,
 * so changing it later would orphan every clerk's local data (DESIGN §2).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'courtdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL, or returns null instead of throwing. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True when `raw` is a page of the app. Compares the parsed scheme and host, never a string prefix
 * (`app://courtdesk.evil/` and `app://courtdesk@evil/` must not pass). Node's URL reports `origin`
 * as "null" for non-special schemes, hence protocol + host rather than `.origin`.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases the host of a standard scheme; Node keeps an opaque host as written.
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
