/**
 * The names of the desktop IPC contract, without its schemas.
 *
 * This file is plain data so that the sandboxed preload can import it without bundling zod: the
 * preload only needs to know which channels exist, while main (the trust boundary) validates every
 * payload with the schemas in `ipc.ts`.
 */

/** Renderer → main requests answered by `ipcMain.handle`. */
export const INVOKE_CHANNELS = {
  getAppInfo: 'app:getInfo',
  saveFileAs: 'file:saveAs',
  secureStoreGet: 'secureStore:get',
  secureStoreSet: 'secureStore:set',
  secureStoreDelete: 'secureStore:delete',
  saveBackup: 'backup:save',
  openBackup: 'backup:open',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  getUpdaterState: 'updater:getState',
  checkForUpdates: 'updater:check',
  installUpdateNow: 'updater:installNow',
  showNotification: 'notification:show',
  /** The renderer's answer to `update:prepareInstall` (sent by the preload, never by page code). */
  prepareInstallReply: 'update:prepareInstallReply',
} as const;

/** Main → renderer events. */
export const EVENT_CHANNELS = {
  menuCommand: 'app:menuCommand',
  updaterState: 'updater:state',
  /** A request from main: flush, snapshot, and report pending work (answered on `prepareInstallReply`). */
  prepareInstall: 'update:prepareInstall',
} as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[keyof typeof INVOKE_CHANNELS];
export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];

/**
 * One entry per function of the bridge (`window.courtdesk`): its name, its kind and its channel.
 * The preload builds the bridge from this table, so the page gets exactly these functions.
 */
export const DESKTOP_OPERATIONS = {
  getAppInfo: { kind: 'invoke', channel: INVOKE_CHANNELS.getAppInfo },
  saveFileAs: { kind: 'invoke', channel: INVOKE_CHANNELS.saveFileAs },
  onMenuCommand: { kind: 'event', channel: EVENT_CHANNELS.menuCommand },
  secureStoreGet: { kind: 'invoke', channel: INVOKE_CHANNELS.secureStoreGet },
  secureStoreSet: { kind: 'invoke', channel: INVOKE_CHANNELS.secureStoreSet },
  secureStoreDelete: { kind: 'invoke', channel: INVOKE_CHANNELS.secureStoreDelete },
  saveBackup: { kind: 'invoke', channel: INVOKE_CHANNELS.saveBackup },
  openBackup: { kind: 'invoke', channel: INVOKE_CHANNELS.openBackup },
  getSettings: { kind: 'invoke', channel: INVOKE_CHANNELS.getSettings },
  setSettings: { kind: 'invoke', channel: INVOKE_CHANNELS.setSettings },
  getUpdaterState: { kind: 'invoke', channel: INVOKE_CHANNELS.getUpdaterState },
  checkForUpdates: { kind: 'invoke', channel: INVOKE_CHANNELS.checkForUpdates },
  installUpdateNow: { kind: 'invoke', channel: INVOKE_CHANNELS.installUpdateNow },
  onUpdaterState: { kind: 'event', channel: EVENT_CHANNELS.updaterState },
  showNotification: { kind: 'invoke', channel: INVOKE_CHANNELS.showNotification },
  // Main asks, the renderer's handler answers: the preload listens on `channel` and replies on
  // `replyChannel`, so page code never sees either channel.
  onPrepareInstall: { kind: 'request', channel: EVENT_CHANNELS.prepareInstall, replyChannel: INVOKE_CHANNELS.prepareInstallReply },
} as const;

export type DesktopOperationName = keyof typeof DESKTOP_OPERATIONS;

/** Commands the application menu sends to the renderer (each maps to a screen or a dialog). */
export const MENU_COMMANDS = ['newCase', 'search', 'calendar', 'today', 'settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The only secrets the renderer may keep in the encrypted store. */
export const SECURE_STORE_KEYS = ['sessionToken', 'deviceKey'] as const;
export type SecureStoreKey = (typeof SECURE_STORE_KEYS)[number];

/**
 * The longest reason (`messageVi`/`messageEn`) the renderer may give in its prepare-install
 * answer: main's schema refuses a longer one, so the preload drops it instead of the whole answer.
 */
export const PREPARE_INSTALL_MESSAGE_MAX = 1000;

/** Name of the global the preload exposes: `window.courtdesk`. */
export const DESKTOP_API_GLOBAL = 'courtdesk';
