/** Picks the bridge once, by the presence of the preload's global (absent in a plain browser). */
import type { Bridge } from './bridge.js';
import { createDesktopBridge } from './desktop.js';
import { createWebBridge } from './web.js';

export type { Bridge, BridgeInfo, MenuCommand, SaveFilter, SaveOutcome } from './bridge.js';

export const bridge: Bridge = window.courtdesk ? createDesktopBridge(window.courtdesk) : createWebBridge();
