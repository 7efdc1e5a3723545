/**
 * The renderer's one contract with the platform it runs on (STYLE §2): desktop (Electron, through
 * the preload's `window.courtdesk`) or web (any Chromium). The rest of the renderer imports
 * `bridge` from ./index.ts and never asks which one it got.
 */
import type { MenuCommand, SecureStoreKey } from '../../shared/contracts/ipc-channels.js';
import type { PrepareInstallResult, UpdaterState } from '../../shared/contracts/ipc.js';

export type { MenuCommand, PrepareInstallResult, SecureStoreKey, UpdaterState };

export interface BridgeInfo {
  readonly platform: 'desktop' | 'web';
  readonly version: string;
  readonly locale: string;
}

export interface SaveFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * `saved: false` without `messageVi` means the user cancelled; with it, saving failed and the
 * message is what the user reads.
 */
export interface SaveOutcome {
  readonly saved: boolean;
  readonly path?: string;
  readonly messageVi?: string;
  readonly messageEn?: string;
}

/** `opened: false` without `messageVi`: the user cancelled the picker. */
export type OpenOutcome =
  | { readonly opened: true; readonly name: string; readonly bytes: Uint8Array }
  | { readonly opened: false; readonly messageVi?: string; readonly messageEn?: string };

/** An operation that can fail with a message for the user (never an exception). */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly messageVi: string; readonly messageEn: string };

/**
 * Secrets (the sync token, the device key). Desktop: encrypted by the OS keychain in main, and
 * refused rather than stored in clear. Web: localStorage, readable by anyone with this browser
 * profile (`encrypted: false` says so; the web mode is for trying the app and for court LANs).
 */
export interface BridgeSecrets {
  readonly encrypted: boolean;
  get(key: SecureStoreKey): Promise<Outcome<string | null>>;
  set(key: SecureStoreKey, value: string): Promise<Outcome<void>>;
  delete(key: SecureStoreKey): Promise<Outcome<void>>;
}

/** Server addresses. `updateUrl` exists on the desktop only (the web has no updater). */
export interface ServerSettings {
  readonly syncServerUrl: string;
  readonly updateUrl?: string;
}

export interface BridgeSettings {
  get(): Promise<ServerSettings>;
  /** Changes the given addresses (http/https, no credentials); refused with a message otherwise. */
  set(patch: { readonly syncServerUrl?: string; readonly updateUrl?: string }): Promise<Outcome<ServerSettings>>;
}

/** The desktop updater; in web mode always `disabled`, and its actions do nothing. */
export interface BridgeUpdater {
  getState(): Promise<UpdaterState>;
  check(): Promise<UpdaterState>;
  /** Main first asks the `onPrepareInstall` handler, and answers `blocked` if work would be lost. */
  installNow(): Promise<UpdaterState>;
  onState(listener: (state: UpdaterState) => void): () => void;
}

/** A desktop notification: plain text only. */
export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
}

/** Whether notifications can be shown; `unsupported` when the platform has none. */
export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

export interface Bridge {
  readonly platform: 'desktop' | 'web';
  getInfo(): Promise<BridgeInfo>;
  /** Desktop: a native save dialog, written atomically by main. Web: a download. */
  saveFile(name: string, bytes: Uint8Array, filters: readonly SaveFilter[]): Promise<SaveOutcome>;
  /** Application-menu commands (desktop only; the web never calls the listener). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A backup bundle (zip). Desktop: save dialog + atomic write. Web: a download. */
  saveBackup(name: string, bytes: Uint8Array): Promise<SaveOutcome>;
  /** Desktop: open dialog (size checked by main). Web: a file picker. Verify with `readBackup`. */
  openBackup(): Promise<OpenOutcome>;
  readonly secrets: BridgeSecrets;
  readonly settings: BridgeSettings;
  readonly updater: BridgeUpdater;
  /**
   * Main asks before installing an update: flush, snapshot, report pending work. One handler at a
   * time; web: never called.
   */
  onPrepareInstall(handler: () => Promise<PrepareInstallResult>): () => void;
  /**
   * Shows a desktop notification; answers whether it was shown. Desktop: main's `Notification`
   * (IPC). Web: the Notification API, only once the user permitted it (never asks by itself).
   */
  notify(notification: NotificationRequest): Promise<boolean>;
  /** Desktop: always `granted` (the OS settings decide). Web: the browser's permission. */
  notificationPermission(): NotificationPermissionState;
  /** Web: asks the user (call it from a click). Desktop: `granted`. */
  requestNotificationPermission(): Promise<NotificationPermissionState>;
}
