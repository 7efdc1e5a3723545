/**
 * The renderer's Content-Security-Policy, sent as a header with every `app://courtdesk/` response.
 * Scripts only from the app itself (no inline script, no eval), nothing embeddable, no plugins.
 */

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // React sets styles through the CSSOM (not blocked), but the editor toolkit and Vite-injected CSS
  // may add <style> elements; inline style is a far smaller risk than inline script.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  // The court sync server's address is set by each court (DESIGN §4), so any ws/wss/http/https
  // host may be reached. Later (settings issue): narrow this to the configured server's origin.
  ['connect-src', "'self' ws: wss: http: https:"],
  ['worker-src', "'self' blob:"],
  ['manifest-src', "'self'"],
  ['media-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['child-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
