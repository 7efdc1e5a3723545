/**
 * Updates from the court's own server (electron-updater, generic provider). The updater downloads
 * on its own but never installs on its own: `autoInstallOnAppQuit` is off and `installNow` first
 * asks the renderer to flush edits and snapshot the replica, refuses while any case change is
 * unsynced or unsaved, then writes the snapshot file and refuses if that fails. Staged rollout needs nothing here: electron-updater reads `stagingPercentage`
 * from the feed's latest.yml and skips the update for machines outside the percentage
 * (AppUpdater.isUpdateAvailable → isStagingMatch; see docs/UPDATES.md and test/unit/main/updater.test.ts).
 */
import type { PrepareInstallResult, UpdaterState } from '../shared/contracts/ipc.js';

/** The part of electron-updater's `autoUpdater` used here (an adapter: tests pass a fake). */
export interface AutoUpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: VersionInfo) => void): unknown;
  on(event: 'download-progress', listener: (progress: ProgressInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdaterServiceOptions {
  readonly updater: AutoUpdaterPort;
  /** False in unpackaged builds, which have no feed to read. */
  readonly enabled: boolean;
  readonly feedUrl: string;
  /** Delivers each state to the renderer (`updater:state`). */
  readonly publish: (state: UpdaterState) => void;
  /** Asks the renderer to flush and report; null when it did not answer in time. */
  readonly prepareInstall: () => Promise<PrepareInstallResult | null>;
  /**
   * Writes the renderer's backup bundle to the user data folder before installing
   * (main/update-snapshot.ts); a failure blocks the install with its reason.
   */
  readonly snapshot: (bytes: Uint8Array | undefined, version: string) => Promise<{ readonly ok: true } | { readonly ok: false; readonly messageVi: string; readonly messageEn: string }>;
  readonly now?: () => Date;
}

export interface VersionInfo {
  readonly version?: unknown;
}
export interface ProgressInfo {
  readonly percent?: unknown;
  readonly transferred?: unknown;
  readonly total?: unknown;
  readonly bytesPerSecond?: unknown;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);
const versionOf = (info: VersionInfo | undefined): string => (typeof info?.version === 'string' ? info.version : '?');

/** Why an install is refused, in Vietnamese first; null when nothing stands in the way. */
export function installBlocker(report: PrepareInstallResult | null): { messageVi: string; messageEn: string } | null {
  if (report === null) {
    return {
      messageVi: 'Ứng dụng chưa xác nhận đã lưu hết dữ liệu, nên chưa cài đặt bản cập nhật. Hãy thử lại sau giây lát.',
      messageEn: 'The app did not confirm that all work is saved; the update was not installed. Try again shortly.',
    };
  }
  const vi: string[] = [];
  const en: string[] = [];
  if (report.pendingSync > 0) {
    vi.push(`Còn ${report.pendingSync} hồ sơ chưa đồng bộ với máy chủ của tòa. Hãy kết nối mạng nội bộ và chờ đồng bộ xong.`);
    en.push(`${report.pendingSync} case file(s) are not yet synced with the court server; connect and wait for sync.`);
  }
  if (report.unsaved > 0) {
    vi.push(`Còn ${report.unsaved} thay đổi chưa lưu. Hãy lưu hoặc đóng các văn bản đang soạn.`);
    en.push(`${report.unsaved} change(s) are unsaved; save or close open documents.`);
  }
  if (!report.snapshotTaken) {
    // The renderer's own reason (e.g. the unsynced work exceeds one bundle, and what to do) beats
    // a generic sentence: the clerk can act on it.
    vi.push(report.messageVi ? `Chưa tạo được bản sao dữ liệu trên máy trước khi cập nhật: ${report.messageVi}` : 'Chưa tạo được bản sao dữ liệu trên máy trước khi cập nhật.');
    en.push(report.messageEn ? `The local data snapshot could not be taken: ${report.messageEn}` : 'The local data snapshot could not be taken.');
  }
  if (vi.length === 0) return null;
  return { messageVi: `${vi.join(' ')} Bản cập nhật sẽ được cài khi mọi dữ liệu đã an toàn.`, messageEn: `${en.join(' ')} The update installs once all data is safe.` };
}

export class UpdaterService {
  private current: UpdaterState;
  private readonly now: () => Date;
  private installing = false;
  private inFlight: Promise<UpdaterState> | null = null;

  constructor(private readonly options: UpdaterServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.current = options.enabled
      ? { status: 'idle' }
      : { status: 'disabled', messageVi: 'Bản chạy thử (chưa đóng gói) không tự cập nhật.', messageEn: 'Unpackaged builds do not update.' };
  }

  get state(): UpdaterState {
    return this.current;
  }

  private set(state: UpdaterState): UpdaterState {
    this.current = state;
    this.options.publish(state);
    return state;
  }

  /** Configures electron-updater and maps its events onto the state machine. */
  start(): void {
    if (!this.options.enabled) return;
    const u = this.options.updater;
    u.autoDownload = true;
    // Never install behind the clerk's back on quit: pending sync is checked in installNow only.
    u.autoInstallOnAppQuit = false;
    u.allowDowngrade = false;
    u.allowPrerelease = false;
    this.setFeedUrl(this.options.feedUrl);
    u.on('checking-for-update', () => this.set({ status: 'checking' }));
    u.on('update-available', (info: VersionInfo) => this.set({ status: 'available', version: versionOf(info) }));
    u.on('update-not-available', () => this.set({ status: 'idle', checkedAt: this.now().toISOString() }));
    u.on('download-progress', (p: ProgressInfo) => {
      const version = 'version' in this.current ? this.current.version : '?';
      this.set({
        status: 'downloading',
        version,
        percent: Math.min(100, num(p.percent)),
        transferred: num(p.transferred),
        total: num(p.total),
        bytesPerSecond: num(p.bytesPerSecond),
      });
    });
    u.on('update-downloaded', (info: VersionInfo) => this.set({ status: 'downloaded', version: versionOf(info) }));
    u.on('error', (error: Error) => this.fail(error));
  }

  /** Points the updater at a new feed (settings changed); takes effect at the next check. */
  setFeedUrl(url: string): void {
    if (!this.options.enabled) return;
    this.options.updater.setFeedURL({ provider: 'generic', url });
  }

  private fail(error: unknown): UpdaterState {
    // The message can hold the feed URL and an HTTP status; useful to court IT, logged here.
    console.error('[updater]', error);
    if (this.installing) return this.current;
    return this.set({
      status: 'error',
      code: 'updater.failed',
      messageVi: 'Không kiểm tra hoặc tải được bản cập nhật từ máy chủ của tòa. Ứng dụng vẫn dùng bình thường; hãy thử lại sau hoặc báo bộ phận CNTT.',
      messageEn: 'Could not check for or download the update from the court server; the app keeps working.',
    });
  }

  async check(): Promise<UpdaterState> {
    if (!this.options.enabled) return this.current;
    // A downloaded update stays ready: checking again would only reset what the clerk sees.
    if (this.current.status === 'downloading' || this.current.status === 'downloaded' || this.current.status === 'installing') return this.current;
    try {
      await this.options.updater.checkForUpdates();
    } catch (error) {
      return this.fail(error);
    }
    return this.current;
  }

  /**
   * Restarts into the downloaded update once the renderer reports no unsynced or unsaved work and a
   * fresh snapshot; otherwise answers `blocked` with the reason.
   */
  installNow(): Promise<UpdaterState> {
    // A second click while the renderer is still flushing joins the first attempt.
    this.inFlight ??= this.tryInstall().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async tryInstall(): Promise<UpdaterState> {
    const state = this.current;
    if (state.status !== 'downloaded' && state.status !== 'blocked') {
      return state.status === 'installing' || state.status === 'disabled'
        ? state
        : this.set({ status: 'error', code: 'updater.notDownloaded', messageVi: 'Chưa có bản cập nhật nào được tải xong.', messageEn: 'No update has been downloaded yet.' });
    }
    let report: PrepareInstallResult | null;
    try {
      report = await this.options.prepareInstall();
    } catch (error) {
      console.error('[updater] prepareInstall failed', error);
      report = null;
    }
    const blocker = installBlocker(report);
    if (blocker) {
      return this.set({
        status: 'blocked',
        version: state.version,
        pendingSync: report?.pendingSync ?? 0,
        unsaved: report?.unsaved ?? 0,
        snapshotTaken: report?.snapshotTaken ?? false,
        ...blocker,
      });
    }
    // The file snapshot comes after the flush handshake, so it holds everything the renderer saved.
    let snapshot: Awaited<ReturnType<UpdaterServiceOptions['snapshot']>>;
    try {
      snapshot = await this.options.snapshot(report?.snapshot, state.version);
    } catch (error) {
      console.error('[updater] snapshot failed', error);
      snapshot = { ok: false, messageVi: 'Chưa lưu được bản sao lưu dữ liệu trước khi cập nhật.', messageEn: 'The backup before the update could not be saved.' };
    }
    if (!snapshot.ok) {
      return this.set({
        status: 'blocked',
        version: state.version,
        pendingSync: report?.pendingSync ?? 0,
        unsaved: report?.unsaved ?? 0,
        snapshotTaken: false,
        messageVi: snapshot.messageVi,
        messageEn: snapshot.messageEn,
      });
    }
    this.installing = true;
    const installing = this.set({ status: 'installing', version: state.version });
    // isSilent false: the Windows installer shows its progress; isForceRunAfter true: reopen the app.
    this.options.updater.quitAndInstall(false, true);
    return installing;
  }
}
