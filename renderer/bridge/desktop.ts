/** The desktop bridge: a thin adapter over the preload's `window.courtdesk` (shared/contracts). */
import type { CourtdeskDesktopApi } from '../../shared/contracts/desktop-api.js';
import type { IpcError, SaveFileResponse } from '../../shared/contracts/ipc.js';
import type { Bridge, Outcome, SaveOutcome, ServerSettings } from './bridge.js';

function saveOutcome(response: SaveFileResponse): SaveOutcome {
  return {
    saved: response.saved,
    ...(response.path !== undefined ? { path: response.path } : {}),
    ...(response.error ? { messageVi: response.error.messageVi, messageEn: response.error.messageEn } : {}),
  };
}

const failure = (error: IpcError) => ({ ok: false, messageVi: error.messageVi, messageEn: error.messageEn }) as const;

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
      return saveOutcome(response);
    },
    onMenuCommand(listener) {
      return api.onMenuCommand((payload) => listener(payload.command));
    },
    async saveBackup(name, bytes) {
      return saveOutcome(await api.saveBackup({ suggestedName: name, bytes: new Uint8Array(bytes) }));
    },
    async openBackup() {
      const response = await api.openBackup();
      if (response.opened) return { opened: true, name: response.name, bytes: response.bytes };
      return response.error ? { opened: false, messageVi: response.error.messageVi, messageEn: response.error.messageEn } : { opened: false };
    },
    secrets: {
      encrypted: true,
      async get(key) {
        const response = await api.secureStoreGet({ key });
        return response.ok ? { ok: true, value: response.value } : failure(response.error);
      },
      async set(key, value) {
        const response = await api.secureStoreSet({ key, value });
        return response.ok ? { ok: true, value: undefined } : failure(response.error);
      },
      async delete(key) {
        const response = await api.secureStoreDelete({ key });
        return response.ok ? { ok: true, value: undefined } : failure(response.error);
      },
    },
    settings: {
      get: () => api.getSettings(),
      async set(patch): Promise<Outcome<ServerSettings>> {
        const response = await api.setSettings({
          ...(patch.syncServerUrl !== undefined ? { syncServerUrl: patch.syncServerUrl } : {}),
          ...(patch.updateUrl !== undefined ? { updateUrl: patch.updateUrl } : {}),
        });
        return response.ok ? { ok: true, value: response.settings } : failure(response.error);
      },
    },
    updater: {
      getState: () => api.getUpdaterState(),
      check: () => api.checkForUpdates(),
      installNow: () => api.installUpdateNow(),
      onState: (listener) => api.onUpdaterState(listener),
    },
    onPrepareInstall: (handler) => api.onPrepareInstall(handler),
    async notify({ title, body }) {
      return (await api.showNotification({ title, body })).shown;
    },
    notificationPermission: () => 'granted',
    requestNotificationPermission: () => Promise.resolve('granted'),
  };
}
