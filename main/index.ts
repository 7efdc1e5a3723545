/**
 * The main process: lifecycle only. One instance per user (a second launch focuses the first, so two
 * windows never fight over the same IndexedDB), the `app://` scheme registered before `ready`, then
 * policies, protocol, services (settings, secret store, updater), IPC handlers, menu and window once ready.
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { registerIpcHandlers } from './handlers.js';
import { installAppMenu } from './menu.js';
import { registerAppProtocol, registerAppSchemePrivileges } from './protocol.js';
import { applySessionPolicies, hardenWebContents } from './security.js';
import { createDesktopServices, startUpdateChecks } from './services.js';
import { createMainWindow } from './window.js';

/** Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/. */
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// Privileged schemes must be declared before `ready`, synchronously in the entry module.
registerAppSchemePrivileges();

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow(PRELOAD_PATH);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // Every web contents, including any created later, gets the navigation and window-open policy.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(async () => {
      applySessionPolicies(session.defaultSession);
      registerAppProtocol(RENDERER_DIR);
      const services = await createDesktopServices();
      registerIpcHandlers(services);
      // Vietnamese until the settings screen offers a language (the English labels are ready).
      installAppMenu('vi', app.isPackaged);
      openMainWindow();
      // After the window: its first state event must find the renderer's listener, or it asks on start.
      startUpdateChecks(services.updater);
    })
    .catch((error: unknown) => {
      console.error('[main] start-up failed', error);
      app.exit(1);
    });
}
