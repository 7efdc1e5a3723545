// The updater policy: electron-updater configured for the court's generic feed, its events mapped
// to the state machine the renderer shows, and NO restart while work is unsynced or unsaved.
// The staged-rollout part drives the real electron-updater (no Electron needed) with a feed yml.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { PrepareInstallResult, UpdaterState } from '../../../shared/contracts/ipc.js';
import { updaterStateSchema } from '../../../shared/contracts/ipc.js';
import type { AutoUpdaterPort } from '../../../main/updater.js';
import { UpdaterService, installBlocker } from '../../../main/updater.js';

class FakeAutoUpdater extends EventEmitter implements AutoUpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  allowPrerelease = true;
  setFeedURL = vi.fn();
  checkForUpdates = vi.fn(async (): Promise<unknown> => {
    this.emit('checking-for-update');
    this.emit('update-available', { version: '0.2.0' });
    return null;
  });
  quitAndInstall = vi.fn();
}

const READY: PrepareInstallResult = { pendingSync: 0, unsaved: 0, snapshotTaken: true };

function setup(report: PrepareInstallResult | null | (() => Promise<PrepareInstallResult | null>) = READY, enabled = true) {
  const updater = new FakeAutoUpdater();
  const published: UpdaterState[] = [];
  const prepareInstall = vi.fn(typeof report === 'function' ? report : async () => report);
  // The file snapshot's own policy is tested in update-snapshot.test.ts; here it always succeeds.
  const snapshot = vi.fn(async (): Promise<{ ok: true }> => ({ ok: true }));
  const service = new UpdaterService({
    updater,
    enabled,
    feedUrl: 'http://toaan.local:1234/updates',
    publish: (state) => published.push(state),
    prepareInstall,
    snapshot,
    now: () => new Date('2026-11-28T08:00:00Z'),
  });
  service.start();
  return { updater, service, published, prepareInstall, snapshot };
}

/** Runs an update to "downloaded" through the updater's own events. */
function download(updater: FakeAutoUpdater) {
  updater.emit('update-available', { version: '0.2.0' });
  updater.emit('download-progress', { percent: 42.5, transferred: 425, total: 1000, bytesPerSecond: 100 });
  updater.emit('update-downloaded', { version: '0.2.0' });
}

describe('UpdaterService configuration', () => {
  it('uses the generic provider at the configured URL, downloads itself, never installs on quit', () => {
    const { updater, service } = setup();
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'http://toaan.local:1234/updates' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(false);
    service.setFeedUrl('https://toaan.example.vn/courtdesk/updates');
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'https://toaan.example.vn/courtdesk/updates' });
  });

  it('is disabled (and touches nothing) in an unpackaged build', async () => {
    const { updater, service } = setup(READY, false);
    expect(service.state.status).toBe('disabled');
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect((await service.check()).status).toBe('disabled');
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });
});

describe('UpdaterService states', () => {
  it('maps the updater events: checking → available → downloading → downloaded, each valid for the contract', async () => {
    const { updater, service, published } = setup();
    await service.check();
    download(updater);
    expect(published.map((s) => s.status)).toEqual(['checking', 'available', 'available', 'downloading', 'downloaded']);
    expect(published[3]).toEqual({ status: 'downloading', version: '0.2.0', percent: 42.5, transferred: 425, total: 1000, bytesPerSecond: 100 });
    for (const state of published) expect(updaterStateSchema.safeParse(state).success).toBe(true);
    expect(service.state).toEqual({ status: 'downloaded', version: '0.2.0' });
  });

  it('returns to idle with the check time when there is no update', async () => {
    const { updater, service } = setup();
    updater.checkForUpdates.mockImplementationOnce(async () => (updater.emit('update-not-available', { version: '0.1.0' }), null));
    expect(await service.check()).toEqual({ status: 'idle', checkedAt: '2026-11-28T08:00:00.000Z' });
  });

  it('turns a failed check into an error state with a Vietnamese message', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { updater, service } = setup();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_CONNECTION_REFUSED'));
    const state = await service.check();
    expect(state.status).toBe('error');
    if (state.status === 'error') expect(state.messageVi).toMatch(/Không kiểm tra hoặc tải được bản cập nhật/);
    error.mockRestore();
  });

  it('does not check again over a downloaded update', async () => {
    const { updater, service } = setup();
    download(updater);
    updater.checkForUpdates.mockClear();
    expect((await service.check()).status).toBe('downloaded');
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });
});

describe('UpdaterService.installNow: no restart with pending work', () => {
  it('installs only when nothing is pending and the snapshot was taken', async () => {
    const { updater, service, prepareInstall } = setup(READY);
    download(updater);
    const state = await service.installNow();
    expect(prepareInstall).toHaveBeenCalledTimes(1);
    expect(state).toEqual({ status: 'installing', version: '0.2.0' });
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });

  it('asks the renderer BEFORE quitting', async () => {
    const order: string[] = [];
    const { updater, service } = setup(async () => (order.push('prepare'), READY));
    updater.quitAndInstall.mockImplementation(() => void order.push('quitAndInstall'));
    download(updater);
    await service.installNow();
    expect(order).toEqual(['prepare', 'quitAndInstall']);
  });

  it.each<[string, PrepareInstallResult | null, RegExp]>([
    ['unsynced case files', { pendingSync: 3, unsaved: 0, snapshotTaken: true }, /Còn 3 hồ sơ chưa đồng bộ/],
    ['unsaved changes', { pendingSync: 0, unsaved: 2, snapshotTaken: true }, /Còn 2 thay đổi chưa lưu/],
    ['no snapshot', { pendingSync: 0, unsaved: 0, snapshotTaken: false }, /Chưa tạo được bản sao dữ liệu/],
    [
      'no snapshot, with the renderer\'s reason',
      { pendingSync: 0, unsaved: 0, snapshotTaken: false, messageVi: 'Dữ liệu trên máy vượt quá cỡ tối đa. Hãy kết nối mạng nội bộ của tòa và chờ đồng bộ xong.', messageEn: 'Too large; sync first.' },
      /^Chưa tạo được bản sao dữ liệu trên máy trước khi cập nhật: Dữ liệu trên máy vượt quá cỡ tối đa\. Hãy kết nối mạng nội bộ của tòa và chờ đồng bộ xong\. Bản cập nhật sẽ được cài/,
    ],
    ['no answer from the renderer', null, /chưa xác nhận đã lưu hết dữ liệu/],
  ])('refuses with %s: state blocked, no restart', async (_name, report, message) => {
    const { updater, service, published } = setup(report);
    download(updater);
    const state = await service.installNow();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(state.status).toBe('blocked');
    if (state.status === 'blocked') {
      expect(state.messageVi).toMatch(message);
      expect(state.version).toBe('0.2.0');
    }
    expect(published.at(-1)).toEqual(state);
    expect(updaterStateSchema.safeParse(state).success).toBe(true);
  });

  it('puts the renderer\'s reason into both languages, and keeps the generic sentence without one', () => {
    const withReason = installBlocker({ pendingSync: 0, unsaved: 0, snapshotTaken: false, messageVi: 'Lý do.', messageEn: 'Reason.' });
    expect(withReason).toEqual({
      messageVi: 'Chưa tạo được bản sao dữ liệu trên máy trước khi cập nhật: Lý do. Bản cập nhật sẽ được cài khi mọi dữ liệu đã an toàn.',
      messageEn: 'The local data snapshot could not be taken: Reason. The update installs once all data is safe.',
    });
    expect(installBlocker({ pendingSync: 0, unsaved: 0, snapshotTaken: false })?.messageVi).toBe('Chưa tạo được bản sao dữ liệu trên máy trước khi cập nhật. Bản cập nhật sẽ được cài khi mọi dữ liệu đã an toàn.');
    // A reason never blocks by itself: with a snapshot taken nothing stands in the way.
    expect(installBlocker({ pendingSync: 0, unsaved: 0, snapshotTaken: true, messageVi: 'Lý do.' })).toBeNull();
  });

  it('refuses when the renderer handler throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { updater, service } = setup(async () => {
      throw new Error('IndexedDB closed');
    });
    download(updater);
    expect((await service.installNow()).status).toBe('blocked');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('installs after a blocked attempt once the work is synced', async () => {
    let pending = 1;
    const { updater, service } = setup(async () => ({ pendingSync: pending, unsaved: 0, snapshotTaken: true }));
    download(updater);
    expect((await service.installNow()).status).toBe('blocked');
    pending = 0;
    expect((await service.installNow()).status).toBe('installing');
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('joins a second click to the attempt in progress (asks the renderer once)', async () => {
    const { updater, service, prepareInstall } = setup(READY);
    download(updater);
    const [a, b] = await Promise.all([service.installNow(), service.installNow()]);
    expect(a).toBe(b);
    expect(prepareInstall).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('refuses when nothing was downloaded, without asking the renderer', async () => {
    const { updater, service, prepareInstall } = setup();
    const state = await service.installNow();
    expect(state.status).toBe('error');
    expect(prepareInstall).not.toHaveBeenCalled();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('states every reason at once', () => {
    const blocker = installBlocker({ pendingSync: 4, unsaved: 1, snapshotTaken: false });
    expect(blocker?.messageVi).toMatch(/Còn 4 hồ sơ chưa đồng bộ.*Còn 1 thay đổi chưa lưu.*Chưa tạo được bản sao/);
    expect(installBlocker(READY)).toBeNull();
  });
});

// Staged rollout is electron-updater's own: AppUpdater.isUpdateAvailable() calls isUserWithinRollout
// → isStagingMatch(updateInfo), which compares `stagingPercentage` from the feed's latest*.yml with
// a per-machine id kept in `<userData>/.updaterId` (node_modules/electron-updater/out/AppUpdater.js,
// `async isStagingMatch(updateInfo)`). We exercise that code with a feed yml as our server serves it.
describe('staged rollout (real electron-updater)', () => {
  const require = createRequire(import.meta.url);
  const { AppImageUpdater } = require('electron-updater/out/AppImageUpdater.js') as {
    AppImageUpdater: new (options: null, app: object) => { logger: null; isUpdateAvailable(info: unknown): Promise<boolean> };
  };
  const { parseUpdateInfo } = require('electron-updater/out/providers/Provider.js') as { parseUpdateInfo(raw: string, channelFile: string, url: URL): { stagingPercentage?: number } };
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** An updater on a machine whose staging id puts it at `percentile` (0..1) of the fleet. */
  function machineAt(percentile: number) {
    const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-staging-'));
    dirs.push(dir);
    const tail = Math.floor(percentile * 0xffffffff).toString(16).padStart(8, '0');
    writeFileSync(path.join(dir, '.updaterId'), `00000000-0000-4000-8000-0000${tail}`);
    const app = { version: '0.1.0', name: 'Courtdesk', isPackaged: true, appUpdateConfigPath: path.join(dir, 'app-update.yml'), userDataPath: dir, baseCachePath: dir, whenReady: async () => undefined, quit() {}, relaunch() {}, onQuit() {} };
    const updater = new AppImageUpdater(null, app);
    updater.logger = null;
    return updater;
  }
  const feed = (extra: string) =>
    parseUpdateInfo(`version: 0.2.0\nfiles:\n  - url: Courtdesk-0.2.0.AppImage\n    sha512: abc\n    size: 10\npath: Courtdesk-0.2.0.AppImage\nsha512: abc\n${extra}`, 'latest-linux.yml', new URL('http://toaan.local:1234/updates/latest-linux.yml'));

  it('passes stagingPercentage through from the feed yml', () => {
    expect(feed('stagingPercentage: 30\n').stagingPercentage).toBe(30);
  });

  it('offers the update only to machines inside the percentage', async () => {
    const staged = feed('stagingPercentage: 30\n');
    expect(await machineAt(0.1).isUpdateAvailable(staged)).toBe(true);
    expect(await machineAt(0.5).isUpdateAvailable(staged)).toBe(false);
    expect(await machineAt(0.5).isUpdateAvailable(feed('stagingPercentage: 80\n'))).toBe(true);
    expect(await machineAt(0.99).isUpdateAvailable(feed(''))).toBe(true);
  });
});
