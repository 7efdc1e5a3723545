/**
 * The bridge the preload exposes as `window.courtdesk` (DESIGN §2, STYLE §4): one function per
 * operation of the IPC contract, listeners that receive payloads only and return an unsubscribe
 * function. Types only: the preload implements it, `renderer/bridge` reads it.
 */
import type { DESKTOP_OPERATIONS } from './ipc-channels.js';
import type { AppInfo, MenuCommandPayload, SaveFileRequest, SaveFileResponse } from './ipc.js';

export type Unsubscribe = () => void;

export interface CourtdeskDesktopApi {
  /** `app:getInfo`: version, platform and UI locale of the desktop app. */
  getAppInfo(): Promise<AppInfo>;
  /** `file:saveAs`: asks the user where to save (native dialog), then writes the bytes atomically. */
  saveFileAs(request: SaveFileRequest): Promise<SaveFileResponse>;
  /** `app:menuCommand`: the application menu asked for a screen or an action. */
  onMenuCommand(listener: (payload: MenuCommandPayload) => void): Unsubscribe;
}

/** The global the preload defines; absent in web mode, hence optional. */
export interface CourtdeskWindow {
  readonly courtdesk?: CourtdeskDesktopApi;
}

declare global {
  /**
   * `window.courtdesk`, typed wherever this contract is compiled with the DOM (renderer, preload).
   * In zones without the DOM this merely declares an unused interface.
   */
  interface Window {
    readonly courtdesk?: CourtdeskDesktopApi;
  }
}

/** Compile-time check: the bridge type has exactly the contract's operations, no more, no less. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Assert<T extends true> = T;
export type BridgeMatchesContract = Assert<SameKeys<CourtdeskDesktopApi, typeof DESKTOP_OPERATIONS>>;
