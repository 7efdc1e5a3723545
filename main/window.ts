/**
 * The app window. Its web preferences are the Electron security checklist in code: isolated,
 * sandboxed, no Node in the page, web security on; the only bridge is the preload's contract.
 *
 * The options are written as one literal inside `new BrowserWindow(…)` on purpose: the security
 * scanner run in `npm test` (electronegativity, test/unit/main/electronegativity.test.ts) reads
 * the constructor call's AST and cannot follow a helper function, so any indirection turns every
 * flag into a "not set" finding. The unit test pins the same options through a mocked Electron.
 */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin.js';

/** Creates the window and loads the app from `app://courtdesk/`. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Courtdesk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK (reviewed: docs/SECURITY.md, "Security scanner")
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click on a link fires `auxclick`, which can open a new window without going
      // through `click` handlers: switch the event off (window.open is denied as well).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('[window] failed to load the app', error));
  return window;
}
