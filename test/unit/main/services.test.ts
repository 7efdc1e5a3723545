// main/services.ts in a packaged app (Electron and electron-updater mocked): the updater gets the
// feed from the package's app-update.yml, follows a settings change, and its states reach the window.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-services-'));
writeFileSync(path.join(dir, 'app-update.yml'), 'provider: generic\nurl: http://10.1.2.3:1234/updates\nupdaterCacheDirName: courtdesk-updater\n');
const sent: [string, unknown][] = [];

const fakeUpdater = Object.assign(new EventEmitter(), {
  autoDownload: false,
  autoInstallOnAppQuit: true,
  allowDowngrade: true,
  allowPrerelease: true,
  setFeedURL: vi.fn(),
  checkForUpdates: vi.fn(async () => null),
  quitAndInstall: vi.fn(),
});

vi.mock('electron', () => ({
  app: { isPackaged: true, getPath: () => dir },
  safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
  BrowserWindow: {
    getAllWindows: () => [{ isDestroyed: () => false, webContents: { isDestroyed: () => false, send: (channel: string, payload: unknown) => void sent.push([channel, payload]) } }],
  },
}));
vi.mock('electron-updater', () => ({ default: { autoUpdater: fakeUpdater } }));

Object.defineProperty(process, 'resourcesPath', { value: dir, configurable: true });
const { createDesktopServices } = await import('../../../main/services.js');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createDesktopServices (packaged)', () => {
  it('points the updater at the install-time feed, follows settings, and publishes states to the window', async () => {
    const services = await createDesktopServices();
    services.updater.start();
    expect(fakeUpdater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'http://10.1.2.3:1234/updates' });
    expect(fakeUpdater.autoInstallOnAppQuit).toBe(false);

    expect((await services.settings.set({ updateUrl: 'https://toaan.example.vn/updates' })).ok).toBe(true);
    expect(fakeUpdater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'https://toaan.example.vn/updates' });

    fakeUpdater.emit('update-downloaded', { version: '0.2.0' });
    expect(sent.at(-1)).toEqual(['updater:state', { status: 'downloaded', version: '0.2.0' }]);

    // installNow asks the window (update:prepareInstall) and waits for the reply before anything else.
    const pending = services.updater.installNow();
    const [channel, payload] = sent.at(-1) as [string, { requestId: string }];
    expect(channel).toBe('update:prepareInstall');
    services.handshake.reply({ requestId: payload.requestId, pendingSync: 1, unsaved: 0, snapshotTaken: true });
    expect(await pending).toMatchObject({ status: 'blocked', pendingSync: 1 });
    expect(fakeUpdater.quitAndInstall).not.toHaveBeenCalled();
  });
});
