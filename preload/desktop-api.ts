/**
 * Builds `window.courtdesk` from the IPC contract (STYLE §4): one function per operation, each bound
 * to its own channel. The page never receives `ipcRenderer`, a channel parameter or an
 * `IpcRendererEvent`; listeners get the payload and an unsubscribe function.
 */
import type { IpcRendererEvent } from 'electron';
import type { CourtdeskDesktopApi, Unsubscribe } from '../shared/contracts/desktop-api.js';
import { EVENT_CHANNELS, INVOKE_CHANNELS, PREPARE_INSTALL_MESSAGE_MAX } from '../shared/contracts/ipc-channels.js';
import type { EventChannel } from '../shared/contracts/ipc-channels.js';
import type {
  AppInfo,
  DesktopSettings,
  EventPayload,
  OpenBackupResponse,
  PrepareInstallReply,
  PrepareInstallResult,
  SaveFileResponse,
  SecureStoreGetResponse,
  SecureStoreWriteResponse,
  SetSettingsResponse,
  ShowNotificationResponse,
  UpdaterState,
} from '../shared/contracts/ipc.js';

/** The part of `ipcRenderer` the bridge uses (an adapter, so tests can pass a fake). */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

/** Subscribes `listener` to one event channel, handing it the payload only. */
function subscriber<C extends EventChannel>(ipc: IpcRendererPort, channel: C) {
  return (listener: (payload: EventPayload<C>) => void): Unsubscribe => {
    if (typeof listener !== 'function') throw new TypeError(`${channel}: listener must be a function`);
    // The event object stays here: it carries `sender` (the ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as EventPayload<C>);
    ipc.on(channel, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, forward);
    };
  };
}

/** A handler failure or a malformed answer: report "not ready" so main refuses to install. */
const NOT_READY: PrepareInstallResult = { pendingSync: 0, unsaved: 1, snapshotTaken: false };

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A reason main accepts: a string within the contract's length (a longer one is dropped, not cut). */
function isReason(value: unknown): value is string {
  return typeof value === 'string' && value.length <= PREPARE_INSTALL_MESSAGE_MAX;
}

/**
 * Answers main's `update:prepareInstall` requests with the renderer's handler. Only the latest
 * handler answers (a screen that re-mounts replaces its handler instead of answering twice).
 */
function prepareInstallResponder(ipc: IpcRendererPort) {
  let current: (() => Promise<PrepareInstallResult>) | null = null;
  let listening = false;
  const onRequest = (_event: IpcRendererEvent, payload: unknown) => {
    const requestId = (payload as { requestId?: unknown } | null)?.requestId;
    if (typeof requestId !== 'string') return;
    const handler = current;
    void (async () => {
      let result = NOT_READY;
      try {
        const answer = handler ? await handler() : NOT_READY;
        // Copy only the known fields: the handler's object never crosses as is.
        if (isCount(answer.pendingSync) && isCount(answer.unsaved) && typeof answer.snapshotTaken === 'boolean') {
          result = { pendingSync: answer.pendingSync, unsaved: answer.unsaved, snapshotTaken: answer.snapshotTaken };
          if (answer.snapshot instanceof Uint8Array) result = { ...result, snapshot: answer.snapshot };
          // The renderer's reason (why no snapshot) goes into main's `blocked` message.
          if (isReason(answer.messageVi)) result = { ...result, messageVi: answer.messageVi };
          if (isReason(answer.messageEn)) result = { ...result, messageEn: answer.messageEn };
        }
      } catch {
        result = NOT_READY;
      }
      const reply: PrepareInstallReply = { requestId, ...result };
      await ipc.invoke(INVOKE_CHANNELS.prepareInstallReply, reply).catch(() => undefined);
    })();
  };
  return (handler: () => Promise<PrepareInstallResult>): Unsubscribe => {
    if (typeof handler !== 'function') throw new TypeError(`${EVENT_CHANNELS.prepareInstall}: handler must be a function`);
    current = handler;
    if (!listening) {
      ipc.on(EVENT_CHANNELS.prepareInstall, onRequest);
      listening = true;
    }
    return () => {
      if (current !== handler) return;
      current = null;
      ipc.removeListener(EVENT_CHANNELS.prepareInstall, onRequest);
      listening = false;
    };
  };
}

export function buildDesktopApi(ipc: IpcRendererPort): CourtdeskDesktopApi {
  const api: CourtdeskDesktopApi = {
    // Main validates the payloads (main/ipc.ts): the preload forwards exactly one argument.
    getAppInfo: () => ipc.invoke(INVOKE_CHANNELS.getAppInfo) as Promise<AppInfo>,
    saveFileAs: (request) => ipc.invoke(INVOKE_CHANNELS.saveFileAs, request) as Promise<SaveFileResponse>,
    onMenuCommand: subscriber(ipc, EVENT_CHANNELS.menuCommand),
    secureStoreGet: (request) => ipc.invoke(INVOKE_CHANNELS.secureStoreGet, request) as Promise<SecureStoreGetResponse>,
    secureStoreSet: (request) => ipc.invoke(INVOKE_CHANNELS.secureStoreSet, request) as Promise<SecureStoreWriteResponse>,
    secureStoreDelete: (request) => ipc.invoke(INVOKE_CHANNELS.secureStoreDelete, request) as Promise<SecureStoreWriteResponse>,
    saveBackup: (request) => ipc.invoke(INVOKE_CHANNELS.saveBackup, request) as Promise<SaveFileResponse>,
    openBackup: () => ipc.invoke(INVOKE_CHANNELS.openBackup) as Promise<OpenBackupResponse>,
    getSettings: () => ipc.invoke(INVOKE_CHANNELS.getSettings) as Promise<DesktopSettings>,
    setSettings: (request) => ipc.invoke(INVOKE_CHANNELS.setSettings, request) as Promise<SetSettingsResponse>,
    getUpdaterState: () => ipc.invoke(INVOKE_CHANNELS.getUpdaterState) as Promise<UpdaterState>,
    checkForUpdates: () => ipc.invoke(INVOKE_CHANNELS.checkForUpdates) as Promise<UpdaterState>,
    installUpdateNow: () => ipc.invoke(INVOKE_CHANNELS.installUpdateNow) as Promise<UpdaterState>,
    onUpdaterState: subscriber(ipc, EVENT_CHANNELS.updaterState),
    onPrepareInstall: prepareInstallResponder(ipc),
    showNotification: (request) => ipc.invoke(INVOKE_CHANNELS.showNotification, request) as Promise<ShowNotificationResponse>,
  };
  return Object.freeze(api);
}
