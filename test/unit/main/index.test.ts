// The lifecycle wiring of main/index.ts, with Electron mocked: what runs before `ready`, what after,
// and that a second instance starts nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const state = { gotLock: true, windows: [] as { options: { webPreferences?: { preload?: string } }; url?: string }[] };

vi.mock('electron', () => {
  const record = (name: string) => vi.fn((..._args: unknown[]) => void calls.push(name));
  class BrowserWindow {
    readonly webContents = { send: vi.fn() };
    constructor(readonly options: { webPreferences?: { preload?: string } }) {
      calls.push('new BrowserWindow');
      state.windows.push(this as unknown as (typeof state.windows)[number]);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      (this as unknown as { url: string }).url = url;
      return Promise.resolve();
    }
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    static fromWebContents = () => null;
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.gotLock,
      on: vi.fn((event: string) => void calls.push(`app.on ${event}`)),
      whenReady: () => {
        calls.push('whenReady');
        return Promise.resolve();
      },
      quit: record('app.quit'),
      exit: record('app.exit'),
      isPackaged: false,
      isReady: () => true,
      getVersion: () => '0.1.0',
      getLocale: () => 'vi',
      getPath: (name: string) => `/nonexistent/courtdesk-test/${name}`,
    },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: vi.fn(), decryptString: vi.fn() },
    protocol: { registerSchemesAsPrivileged: record('registerSchemesAsPrivileged'), handle: vi.fn((scheme: string) => void calls.push(`protocol.handle ${scheme}`)) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
        setDevicePermissionHandler: record('setDevicePermissionHandler'),
      },
    },
    ipcMain: { handle: vi.fn((channel: string) => void calls.push(`ipcMain.handle ${channel}`)) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: record('setApplicationMenu') },
    BrowserWindow,
    shell: { openExternal: vi.fn() },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  };
});
// The updater is built only in packaged apps; this mock proves index.ts never touches it unpackaged.
const autoUpdaterTouched = vi.fn();
vi.mock('electron-updater', () => ({
  default: {
    get autoUpdater() {
      autoUpdaterTouched();
      return {};
    },
  },
}));

/**
 * Waits until main's start-up reached `last` (the window, or the quit). One macrotask was not
 * enough on a loaded CI machine: start-up awaits file reads, and a test that looked too early
 * failed while the previous test's start-up wrote into the next test's call list.
 */
const reached = (last: string) => vi.waitFor(() => expect(calls).toContain(last), { timeout: 10_000 });

beforeEach(() => {
  calls.length = 0;
  state.windows.length = 0;
  vi.resetModules();
});

describe('main/index.ts', () => {
  it('registers the scheme before ready, then policies, protocol, IPC, menu and the window', async () => {
    state.gotLock = true;
    await import('../../../main/index.js');
    await reached('new BrowserWindow');
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBe(0);
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    const afterReady = calls.slice(calls.indexOf('whenReady'));
    expect(afterReady).toEqual(
      expect.arrayContaining(['setPermissionRequestHandler', 'protocol.handle app', 'ipcMain.handle app:getInfo', 'ipcMain.handle file:saveAs', 'setApplicationMenu', 'new BrowserWindow']),
    );
    expect(afterReady.indexOf('protocol.handle app')).toBeLessThan(afterReady.indexOf('new BrowserWindow'));
    expect(afterReady.indexOf('ipcMain.handle file:saveAs')).toBeLessThan(afterReady.indexOf('new BrowserWindow'));
    expect(calls).toContain('app.on web-contents-created');
    expect(calls).toContain('app.on second-instance');

    const [window] = state.windows;
    expect(window?.url).toBe('app://courtdesk/index.html');
    expect(window?.options.webPreferences?.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('registers a validated handler for every invoke channel of the contract before the window', async () => {
    state.gotLock = true;
    await import('../../../main/index.js');
    await reached('new BrowserWindow');
    const { INVOKE_CHANNELS } = await import('../../../shared/contracts/ipc-channels.js');
    const window = calls.indexOf('new BrowserWindow');
    for (const channel of Object.values(INVOKE_CHANNELS)) {
      const registered = calls.indexOf(`ipcMain.handle ${channel}`);
      expect(registered, channel).toBeGreaterThan(-1);
      expect(registered).toBeLessThan(window);
    }
    // Unpackaged: the updater is disabled and electron-updater's autoUpdater is never built.
    expect(autoUpdaterTouched).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    state.gotLock = false;
    await import('../../../main/index.js');
    await reached('app.quit');
    expect(calls).toContain('app.quit');
    expect(calls).not.toContain('whenReady');
    expect(calls).not.toContain('new BrowserWindow');
  });
});
