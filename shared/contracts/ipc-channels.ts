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
} as const;

/** Main → renderer events. */
export const EVENT_CHANNELS = {
  menuCommand: 'app:menuCommand',
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
} as const;

export type DesktopOperationName = keyof typeof DESKTOP_OPERATIONS;

/** Commands the application menu sends to the renderer (each maps to a screen or a dialog). */
export const MENU_COMMANDS = ['newCase', 'search', 'calendar', 'today', 'settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Name of the global the preload exposes: `window.courtdesk`. */
export const DESKTOP_API_GLOBAL = 'courtdesk';
