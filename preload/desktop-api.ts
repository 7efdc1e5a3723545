/**
 * Builds `window.courtdesk` from the IPC contract (STYLE §4): one function per operation, each bound
 * to its own channel. The page never receives `ipcRenderer`, a channel parameter or an
 * `IpcRendererEvent`; listeners get the payload and an unsubscribe function.
 */
import type { IpcRendererEvent } from 'electron';
import type { CourtdeskDesktopApi, Unsubscribe } from '../shared/contracts/desktop-api.js';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/contracts/ipc-channels.js';
import type { EventChannel } from '../shared/contracts/ipc-channels.js';
import type { AppInfo, EventPayload, SaveFileResponse } from '../shared/contracts/ipc.js';

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

export function buildDesktopApi(ipc: IpcRendererPort): CourtdeskDesktopApi {
  const api: CourtdeskDesktopApi = {
    // Main validates the payloads (main/ipc.ts): the preload forwards exactly one argument.
    getAppInfo: () => ipc.invoke(INVOKE_CHANNELS.getAppInfo) as Promise<AppInfo>,
    saveFileAs: (request) => ipc.invoke(INVOKE_CHANNELS.saveFileAs, request) as Promise<SaveFileResponse>,
    onMenuCommand: subscriber(ipc, EVENT_CHANNELS.menuCommand),
  };
  return Object.freeze(api);
}
