/** The desktop bridge: a thin adapter over the preload's `window.courtdesk` (shared/contracts). */
import type { CourtdeskDesktopApi } from '../../shared/contracts/desktop-api.js';
import type { Bridge } from './bridge.js';

export function createDesktopBridge(api: CourtdeskDesktopApi): Bridge {
  return {
    platform: 'desktop',
    async getInfo() {
      const info = await api.getAppInfo();
      return { platform: 'desktop', version: info.version, locale: info.locale };
    },
    async saveFile(name, bytes, filters) {
      const response = await api.saveFileAs({
        suggestedName: name,
        bytes: new Uint8Array(bytes),
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      });
      return {
        saved: response.saved,
        ...(response.path !== undefined ? { path: response.path } : {}),
        ...(response.error ? { messageVi: response.error.messageVi, messageEn: response.error.messageEn } : {}),
      };
    },
    onMenuCommand(listener) {
      return api.onMenuCommand((payload) => listener(payload.command));
    },
  };
}
