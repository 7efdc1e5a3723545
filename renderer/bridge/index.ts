/** Picks the bridge once, by the presence of the preload's global (absent in a plain browser). */
import type { Bridge } from './bridge.js';
import { createDesktopBridge } from './desktop.js';
import { createWebBridge } from './web.js';

export type {
  Bridge,
  BridgeInfo,
  BridgeSecrets,
  BridgeSettings,
  BridgeUpdater,
  MenuCommand,
  NotificationPermissionState,
  NotificationRequest,
  OpenOutcome,
  Outcome,
  PrepareInstallResult,
  SaveFilter,
  SaveOutcome,
  ServerSettings,
  UpdaterState,
} from './bridge.js';
export { checkServerUrl } from './server-url.js';

export const bridge: Bridge = window.courtdesk ? createDesktopBridge(window.courtdesk) : createWebBridge();
