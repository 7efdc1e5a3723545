/**
 * The bridge the preload exposes as `window.courtdesk` (DESIGN §2, STYLE §4): one function per
 * operation of the IPC contract, listeners that receive payloads only and return an unsubscribe
 * function. Types only: the preload implements it, `renderer/bridge` reads it.
 */
import type { DESKTOP_OPERATIONS } from './ipc-channels.js';
import type {
  AppInfo,
  DesktopSettings,
  MenuCommandPayload,
  OpenBackupResponse,
  PrepareInstallResult,
  SaveBackupRequest,
  SaveFileRequest,
  SaveFileResponse,
  SecureStoreGetResponse,
  SecureStoreKeyRequest,
  SecureStoreSetRequest,
  SecureStoreWriteResponse,
  SetSettingsRequest,
  SetSettingsResponse,
  ShowNotificationRequest,
  ShowNotificationResponse,
  UpdaterState,
} from './ipc.js';

export type Unsubscribe = () => void;

export interface CourtdeskDesktopApi {
  /** `app:getInfo`: version, platform and UI locale of the desktop app. */
  getAppInfo(): Promise<AppInfo>;
  /** `file:saveAs`: asks the user where to save (native dialog), then writes the bytes atomically. */
  saveFileAs(request: SaveFileRequest): Promise<SaveFileResponse>;
  /** `app:menuCommand`: the application menu asked for a screen or an action. */
  onMenuCommand(listener: (payload: MenuCommandPayload) => void): Unsubscribe;

  /** `secureStore:get`: a secret decrypted by main (`value: null` when none is stored). */
  secureStoreGet(request: SecureStoreKeyRequest): Promise<SecureStoreGetResponse>;
  /** `secureStore:set`: encrypts with the OS keychain (safeStorage); refused, never stored in clear, without it. */
  secureStoreSet(request: SecureStoreSetRequest): Promise<SecureStoreWriteResponse>;
  /** `secureStore:delete`: forgets a secret (sign-out). */
  secureStoreDelete(request: SecureStoreKeyRequest): Promise<SecureStoreWriteResponse>;

  /** `backup:save`: save dialog, then an atomic write of a bundle built by shared/backup. */
  saveBackup(request: SaveBackupRequest): Promise<SaveFileResponse>;
  /** `backup:open`: open dialog, reads the chosen bundle (≤ 512 MiB); verify it with `readBackup`. */
  openBackup(): Promise<OpenBackupResponse>;

  /** `settings:get`: the update feed and sync server addresses. */
  getSettings(): Promise<DesktopSettings>;
  /** `settings:set`: changes some addresses; the updater uses a new feed address at once. */
  setSettings(request: SetSettingsRequest): Promise<SetSettingsResponse>;

  /** `updater:getState`: where the updater is (idle, downloading, downloaded, blocked…). */
  getUpdaterState(): Promise<UpdaterState>;
  /** `updater:check`: looks for an update on the court server now. */
  checkForUpdates(): Promise<UpdaterState>;
  /**
   * `updater:installNow`: restarts into the downloaded update, only after the renderer's
   * `onPrepareInstall` handler reports no pending sync, no unsaved work and a snapshot taken;
   * otherwise answers `blocked` with the reason in Vietnamese.
   */
  installUpdateNow(): Promise<UpdaterState>;
  /** `updater:state`: every state change of the updater. */
  onUpdaterState(listener: (state: UpdaterState) => void): Unsubscribe;
  /**
   * `update:prepareInstall`: main asks, before installing, to flush edits, snapshot the replica and
   * report pending work. One handler at a time (a new one replaces the old); a handler that throws
   * counts as "not ready".
   */
  onPrepareInstall(handler: () => Promise<PrepareInstallResult>): Unsubscribe;

  /** `notification:show`: a desktop notification through main's `Notification` (a reminder). */
  showNotification(request: ShowNotificationRequest): Promise<ShowNotificationResponse>;
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
