/**
 * Builds the desktop services once the app is ready: settings, the encrypted secret store, the
 * install handshake with the renderer and the updater. Electron and electron-updater are reached
 * only here and through the small ports each service declares.
 */
import path from 'node:path';
import { app, BrowserWindow, safeStorage } from 'electron';
import electronUpdater from 'electron-updater';
import { EVENT_CHANNELS } from '../shared/contracts/ipc-channels.js';
import type { UpdaterState } from '../shared/contracts/ipc.js';
import type { DesktopServices } from './handlers.js';
import { InstallHandshake } from './install-handshake.js';
import { openSecureStore } from './secure-store.js';
import { openSettingsStore } from './settings.js';
import type { AutoUpdaterPort } from './updater.js';
import { UpdaterService } from './updater.js';
import { writeUpdateSnapshot } from './update-snapshot.js';

/** How often a running app looks for updates (besides at start and on demand). */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Sends to every app window (there is one; a closed one is skipped). */
function sendToWindows(channel: string, payload: unknown): boolean {
  let sent = false;
  for (const window of BrowserWindow.getAllWindows()) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    window.webContents.send(channel, payload);
    sent = true;
  }
  return sent;
}

export async function createDesktopServices(): Promise<DesktopServices> {
  const userData = app.getPath('userData');
  // electron-builder writes resources/app-update.yml from `publish`; its url is the install-time default.
  const appUpdateYml = app.isPackaged ? path.join(process.resourcesPath, 'app-update.yml') : null;
  const settings = await openSettingsStore(userData, appUpdateYml);
  const secureStore = openSecureStore(safeStorage, userData);
  const handshake = new InstallHandshake((payload) => sendToWindows(EVENT_CHANNELS.prepareInstall, payload));
  const updater = new UpdaterService({
    // The getter constructs the platform updater: only touch it in a packaged app.
    updater: app.isPackaged ? (electronUpdater.autoUpdater as unknown as AutoUpdaterPort) : inertUpdater(),
    enabled: app.isPackaged,
    feedUrl: (await settings.get()).updateUrl,
    publish: (state: UpdaterState) => void sendToWindows(EVENT_CHANNELS.updaterState, state),
    prepareInstall: () => handshake.request(),
    snapshot: (bytes, version) => writeUpdateSnapshot({ userData, version, bytes }),
  });
  settings.onChange((next) => updater.setFeedUrl(next.updateUrl));
  return { settings, secureStore, updater, handshake };
}

/** Starts the updater and its periodic checks (timers unref'd so they never keep the app alive). */
export function startUpdateChecks(updater: UpdaterService): void {
  updater.start();
  if (updater.state.status === 'disabled') return;
  void updater.check();
  setInterval(() => void updater.check(), UPDATE_CHECK_INTERVAL_MS).unref();
}

/** Stands in for autoUpdater in unpackaged builds, where the service is disabled and never calls it. */
function inertUpdater(): AutoUpdaterPort {
  return {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: false,
    allowPrerelease: false,
    setFeedURL: () => undefined,
    checkForUpdates: async () => null,
    quitAndInstall: () => undefined,
    on: () => undefined,
  };
}
