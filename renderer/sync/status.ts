/**
 * The sync engine and the status the user sees (DESIGN §4, anchors complaint #3): per-document
 * truth from the server's acknowledgements ("3 vụ án chưa đồng bộ"), never the socket state;
 * online / offline / refused / expired / error phases; retries with backoff; a catch-up on start,
 * on the browser's `online` event, after local edits (debounced) and on demand.
 *
 * A refusal (401/403) stops the retries and says so; "offline" means the server could not be
 * reached at all. A page refused by the mass-change guard waits for the user's confirmation.
 */
import type { Replica, SyncChangeSummary } from '../replica/types.js';
import { onLocalEdit } from '../replica/local-edits.js';
import { backoffDelay } from './backoff.js';
import { runCatchUp, type CatchUpProgress } from './catch-up.js';
import { clockSkewMs, isClockSkewed } from './guards.js';
import type { FetchLike } from './http.js';
import { isExpired, login as loginRequest, type LoginRequest, type LoginFailure, type Session, type SessionStore } from './session.js';
import type { Result } from '../../shared/domain/result.js';

export type SyncPhase =
  | 'signedOut' // never logged in: the app works locally
  | 'syncing'
  | 'synced' // last catch-up complete; pendingCount tells what is left
  | 'offline' // the server cannot be reached; retrying
  | 'refused' // the server answered 401/403
  | 'expired' // the token expired: log in again (local edits are kept)
  | 'error' // the server failed (5xx); retrying
  | 'needsConfirmation'; // a pull would blank many cases: waiting for the user

export interface SyncStatus {
  readonly phase: SyncPhase;
  readonly pendingCount: number;
  readonly lastSyncAt?: string;
  /** Set while a catch-up runs; `first` on the first catch-up of this replica. */
  readonly progress?: CatchUpProgress & { readonly first: boolean };
  readonly messageVi?: string;
  readonly messageEn?: string;
  readonly retryAt?: number;
  /** Local minus server clock, ms, when known. */
  readonly clockSkewMs?: number;
  readonly clockSkewed: boolean;
  readonly confirmation?: SyncChangeSummary;
  readonly session?: Pick<Session, 'serverUrl' | 'court' | 'user' | 'roles' | 'expiresAt'>;
}

export interface SyncEngineOptions {
  readonly replica: Replica;
  readonly sessions: SessionStore;
  readonly fetch?: FetchLike;
  readonly now?: () => number;
  /** Browser online flag and events; absent in Node. */
  readonly network?: { isOnline(): boolean; subscribe(onChange: () => void): () => void };
  /** Pull others' changes this often while logged in and online (default 20 s; 0: never). */
  readonly pollMs?: number;
  /** Delay before a catch-up after a local edit (default 1.5 s). */
  readonly editDebounceMs?: number;
  readonly random?: () => number;
}

export class SyncEngine {
  private status: SyncStatus = { phase: 'signedOut', pendingCount: 0, clockSkewed: false };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | undefined;
  private again = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly offs: (() => void)[] = [];
  private allowMassChange = false;
  private stopped = false;

  constructor(private readonly options: SyncEngineOptions) {}

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Loads the remembered session and the local counts, then starts the first catch-up. */
  async start(): Promise<void> {
    const { replica, network } = this.options;
    this.stopped = false; // React's StrictMode starts, stops and starts again
    this.offs.push(
      replica.sync.onStoredDocUpdate((_docId, _update, origin) => {
        if (origin === 'local') this.scheduleAfterEdit();
      }),
      // Document bodies are stored by the document store, outside the Replica object.
      onLocalEdit(() => this.scheduleAfterEdit()),
    );
    if (network) {
      this.offs.push(
        network.subscribe(() => {
          if (network.isOnline()) this.syncNow();
          else this.update({ phase: this.session() ? 'offline' : 'signedOut' });
        }),
      );
    }
    const pollMs = this.options.pollMs ?? 20_000;
    if (pollMs > 0) {
      const poll = setInterval(() => {
        if (this.status.phase === 'synced' && !this.running) this.syncNow();
      }, pollMs);
      this.offs.push(() => clearInterval(poll));
    }
    await this.refreshCounts();
    const session = this.session();
    if (!session) return;
    this.update({ session: publicSession(session) });
    this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    for (const off of this.offs.splice(0)) off();
    clearTimeout(this.retryTimer);
    clearTimeout(this.editTimer);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Logs in; on success remembers the session and syncs. Local data is never touched by a login. */
  async login(request: LoginRequest): Promise<Result<Session, LoginFailure>> {
    const result = await loginRequest(this.options.fetch ?? ((i, init) => fetch(i, init)), request);
    if (result.ok) {
      this.options.sessions.save(result.value);
      this.attempt = 0;
      this.update({ session: publicSession(result.value), phase: 'syncing', messageVi: undefined, messageEn: undefined });
      this.syncNow();
    }
    return result;
  }

  /** Forgets the token (the identity stays for the form); local edits stay and sync after the next login. */
  logout(): void {
    this.options.sessions.clear();
    clearTimeout(this.retryTimer);
    this.update({ phase: 'expired', messageVi: undefined, messageEn: undefined });
  }

  /** The user confirmed a mass change: apply it in the next catch-up. */
  confirmMassChange(): void {
    this.allowMassChange = true;
    this.update({ confirmation: undefined });
    this.syncNow();
  }

  /** Starts a catch-up now (or right after the running one). */
  syncNow(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((e: unknown) => this.failed(e))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.syncNow();
        }
      });
  }

  /** Resolves when no catch-up is running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private session(): Session | undefined {
    return this.options.sessions.load();
  }

  private scheduleAfterEdit(): void {
    void this.refreshCounts().catch((e: unknown) => this.countsFailed(e));
    if (!this.session()) return;
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => this.syncNow(), this.options.editDebounceMs ?? 1500);
  }

  private async refreshCounts(): Promise<void> {
    const [pending, lastSyncAt] = await Promise.all([this.options.replica.sync.pendingDocIds(), this.options.replica.sync.lastSyncAt()]);
    this.update({ pendingCount: pending.length, ...(lastSyncAt ? { lastSyncAt } : {}) });
  }

  /**
   * A catch-up threw (the local database failed or was closed under it). Nothing was lost: pages
   * are stored whole or not at all and the cursor moves only after a stored page. Once stopped
   * (the window closing, the replica closed) there is nothing to report; otherwise retry.
   */
  private failed(e: unknown): void {
    if (this.stopped) return;
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    this.retry('error', 'Không lưu được dữ liệu đồng bộ vào máy. Dữ liệu trên máy không bị mất; sẽ thử lại.', `The sync could not be stored on this computer (${detail}). Nothing local was lost; retrying.`);
  }

  /** The counts could not be read: keep showing the last ones (and say why in the log, unless stopped). */
  private countsFailed(e: unknown): void {
    if (!this.stopped) console.error('Courtdesk: could not read the pending count', e);
  }

  private async runOnce(): Promise<void> {
    const session = this.session();
    if (!session || session.token === '') {
      this.update({ phase: session ? 'expired' : 'signedOut' });
      return;
    }
    if (isExpired(session, this.now)) {
      this.update({ phase: 'expired', messageVi: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; các thay đổi trên máy vẫn được giữ.', messageEn: 'The session expired. Log in again; local changes are kept.' });
      return;
    }
    if (this.options.network && !this.options.network.isOnline()) {
      this.update({ phase: 'offline' });
      return;
    }
    const first = (await this.options.replica.sync.getCursor()) === undefined;
    this.update({ phase: 'syncing', progress: { phase: 'push', done: 0, total: 0, first } });
    const allowMassChange = this.allowMassChange;
    const result = await runCatchUp({
      replica: this.options.replica.sync,
      session,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      allowMassChange,
      onProgress: (progress) => this.update({ progress: { ...progress, first } }),
    });
    await this.refreshCounts();
    const skew = 'serverDate' in result ? clockSkewMs(result.serverDate, this.now) : undefined;
    const skewFields = skew === undefined ? {} : { clockSkewMs: skew, clockSkewed: isClockSkewed(skew) };
    switch (result.kind) {
      case 'done':
        this.attempt = 0;
        if (allowMassChange) this.allowMassChange = false;
        this.update({ phase: 'synced', progress: undefined, messageVi: undefined, messageEn: undefined, retryAt: undefined, ...skewFields });
        return;
      case 'needsConfirmation':
        this.update({ phase: 'needsConfirmation', progress: undefined, confirmation: result.summary, ...skewFields });
        return;
      case 'refused': {
        const expired = result.code === 'auth.invalidToken';
        this.update({
          phase: expired ? 'expired' : 'refused',
          progress: undefined,
          messageVi: expired ? 'Phiên đăng nhập đã hết hạn hoặc không còn hợp lệ. Hãy đăng nhập lại; các thay đổi trên máy vẫn được giữ.' : result.messageVi,
          messageEn: result.messageEn,
        });
        return;
      }
      case 'offline':
        this.retry('offline', 'Không kết nối được máy chủ tòa án.', `Cannot reach the court server (${result.detail}).`);
        return;
      case 'error':
        this.retry('error', result.messageVi, result.messageEn);
        return;
    }
  }

  private retry(phase: 'offline' | 'error', messageVi: string, messageEn: string): void {
    const delay = backoffDelay(this.attempt, this.options.random);
    this.attempt += 1;
    const retryAt = this.now + delay;
    this.update({ phase, progress: undefined, messageVi, messageEn, retryAt });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.syncNow(), delay);
  }

  private update(patch: { [K in keyof SyncStatus]?: SyncStatus[K] | undefined }): void {
    const next: Record<string, unknown> = { ...this.status };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    this.status = next as unknown as SyncStatus;
    for (const listener of [...this.listeners]) listener(this.status);
  }
}

function publicSession(session: Session): SyncStatus['session'] {
  return { serverUrl: session.serverUrl, court: session.court, user: session.user, roles: session.roles, expiresAt: session.expiresAt };
}
