/**
 * The session with the court server: login through `POST /api/login`, then the token, the
 * identity it carries and the server URL are remembered, so the app keeps working offline with
 * the last identity (DESIGN §4). Kept in localStorage for now (the desktop app will move the token
 * to Electron's safeStorage). The token's `exp` is read client-side (no signature check: the
 * server verifies; this only tells when to ask for a new login).
 */
import { isAccountRole, type AccountRole } from '../../shared/sync/claims.js';
import { domainError, err, ok, type DomainError, type Result } from '../../shared/domain/result.js';
import { apiUrl, postJson, type FetchLike } from './http.js';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:1234';

/**
 * The HTTP base of a sync server address as court IT may write it (`ws://host:1234` in the
 * desktop settings is the same server as `http://host:1234`): the API and the WebSocket share it.
 */
export function httpServerUrl(address: string): string {
  return address.trim().replace(/^ws(s?):\/\//i, 'http$1://').replace(/\/+$/, '');
}

export interface Session {
  readonly serverUrl: string;
  readonly court: string;
  readonly user: string;
  readonly roles: readonly AccountRole[];
  readonly token: string;
  /** Expiry, milliseconds since the epoch. */
  readonly expiresAt: number;
  /** The staff member the account is linked to (signing capacity, panel-only documents). */
  readonly staffId?: string;
}

/** Where the session lives; localStorage in the app, memory in tests. */
export interface SessionStore {
  load(): Session | undefined;
  save(session: Session): void;
  clear(): void;
}

const STORAGE_KEY = 'courtdesk.session';

export function localStorageSessionStore(storage: Storage = localStorage): SessionStore {
  return {
    load() {
      try {
        const raw = storage.getItem(STORAGE_KEY);
        return raw ? parseStored(JSON.parse(raw) as unknown) : undefined;
      } catch {
        return undefined;
      }
    },
    save(session) {
      storage.setItem(STORAGE_KEY, JSON.stringify(session));
    },
    clear() {
      // The identity stays known for the login form; only the token goes.
      const current = this.load();
      if (current) storage.setItem(STORAGE_KEY, JSON.stringify({ ...current, token: '', expiresAt: 0 }));
    },
  };
}

export function memorySessionStore(initial?: Session): SessionStore {
  let current = initial;
  return {
    load: () => current,
    save: (session) => {
      current = session;
    },
    clear: () => {
      if (current) current = { ...current, token: '', expiresAt: 0 };
    },
  };
}

function parseStored(value: unknown): Session | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.serverUrl !== 'string' || typeof v.court !== 'string' || typeof v.user !== 'string' || typeof v.token !== 'string') return undefined;
  const roles = Array.isArray(v.roles) ? v.roles.filter(isAccountRole) : [];
  return {
    serverUrl: v.serverUrl,
    court: v.court,
    user: v.user,
    roles,
    token: v.token,
    expiresAt: typeof v.expiresAt === 'number' ? v.expiresAt : 0,
    ...(typeof v.staffId === 'string' ? { staffId: v.staffId } : {}),
  };
}

/** The claims of a JWT, read without verifying it; undefined when it is not a readable JWT. */
export function decodeTokenClaims(token: string): { court: string; user: string; roles: AccountRole[]; exp: number; staffId?: string } | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof claims.court !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return undefined;
    const roles = Array.isArray(claims.roles) ? claims.roles.filter(isAccountRole) : [];
    return { court: claims.court, user: claims.sub, roles, exp: claims.exp, ...(typeof claims.staffId === 'string' ? { staffId: claims.staffId } : {}) };
  } catch {
    return undefined;
  }
}

/** True when the session has no token or its token has expired (with a minute of margin). */
export function isExpired(session: Session, now: number = Date.now()): boolean {
  return session.token === '' || session.expiresAt <= now + 60_000;
}

export interface LoginRequest {
  readonly serverUrl: string;
  readonly court: string;
  readonly user: string;
  readonly password: string;
}

/** Where login failed: the kind decides the status line ("offline" is never a refusal). */
export type LoginFailure = DomainError & { readonly kind: 'refused' | 'offline' | 'error' };

export async function login(fetchImpl: FetchLike, request: LoginRequest): Promise<Result<Session, LoginFailure>> {
  const serverUrl = httpServerUrl(request.serverUrl);
  const outcome = await postJson<{ token?: unknown }>(fetchImpl, apiUrl(serverUrl, '/api/login'), {
    court: request.court.trim(),
    user: request.user.trim(),
    password: request.password,
  });
  if (outcome.kind === 'offline') {
    return err({
      ...domainError('sync.offline', `Không kết nối được máy chủ ${serverUrl}. Hãy kiểm tra mạng hoặc địa chỉ máy chủ.`, `Cannot reach ${serverUrl}.`, outcome.detail),
      kind: 'offline',
    });
  }
  if (outcome.kind !== 'ok') return err({ ...domainError(outcome.code, outcome.messageVi, outcome.messageEn), kind: outcome.kind });
  const token = typeof outcome.value.token === 'string' ? outcome.value.token : '';
  const claims = decodeTokenClaims(token);
  if (!claims) return err({ ...domainError('sync.badToken', 'Máy chủ trả về phiên đăng nhập không đọc được.', 'The server returned an unreadable token.'), kind: 'error' });
  return ok({ serverUrl, court: claims.court, user: claims.user, roles: claims.roles, token, expiresAt: claims.exp * 1000, ...(claims.staffId === undefined ? {} : { staffId: claims.staffId }) });
}
