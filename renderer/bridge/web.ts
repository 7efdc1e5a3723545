/**
 * The web bridge: files leave as downloads through an object URL and come in through a file
 * picker; secrets and settings live in localStorage; there is no menu and no updater.
 * The version is package.json's, injected at build time by vite.renderer.config.ts.
 */
import type { Bridge, BridgeSecrets, BridgeSettings, BridgeUpdater, NotificationRequest, OpenOutcome, Outcome, SaveOutcome, ServerSettings } from './bridge.js';
import { checkServerUrl } from './server-url.js';
import { MAX_BACKUP_FILE_BYTES, type UpdaterState } from '../../shared/contracts/ipc.js';

const MIME_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pdf: 'application/pdf',
  txt: 'text/plain;charset=utf-8',
  zip: 'application/zip',
};

/** localStorage keys of the web bridge. */
export const WEB_STORAGE_KEYS = {
  settings: 'courtdesk.settings',
  secret: (key: string) => `courtdesk.secret.${key}`,
} as const;

/** The sync server a fresh web install proposes (the same default as renderer/sync/session.ts). */
export const WEB_DEFAULT_SYNC_URL = 'http://127.0.0.1:1234';

const DISABLED: UpdaterState = {
  status: 'disabled',
  messageVi: 'Bản chạy trong trình duyệt không tự cập nhật: tải lại trang để dùng bản mới nhất của máy chủ.',
  messageEn: 'The browser version does not update itself; reload the page to get the server\'s latest.',
};

export interface WebBridgeOptions {
  /** Where settings and secrets are kept (tests pass a fake). */
  readonly storage?: Storage;
}

function download(name: string, bytes: Uint8Array): SaveOutcome {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  // Copy into a fresh ArrayBuffer: a Uint8Array view over a SharedArrayBuffer is not a BlobPart.
  const blob = new Blob([bytes.slice().buffer], { type: MIME_BY_EXTENSION[extension] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium reads the URL asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true };
}

/** An `<input type=file>` picker; `cancel` fires when the user closes it without a file. */
function pickFile(accept: string): Promise<OpenOutcome> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const finish = (outcome: OpenOutcome) => {
      input.remove();
      resolve(outcome);
    };
    input.addEventListener('cancel', () => finish({ opened: false }));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish({ opened: false });
      if (file.size > MAX_BACKUP_FILE_BYTES) {
        return finish({ opened: false, messageVi: 'Tệp sao lưu quá lớn (tối đa 512 MiB).', messageEn: 'The backup file is too large (512 MiB at most).' });
      }
      file.arrayBuffer().then(
        (buffer) => finish({ opened: true, name: file.name, bytes: new Uint8Array(buffer) }),
        () => finish({ opened: false, messageVi: 'Không đọc được tệp đã chọn.', messageEn: 'The chosen file could not be read.' }),
      );
    });
    document.body.append(input);
    input.click();
  });
}

const storageFailed = { ok: false, messageVi: 'Trình duyệt không cho lưu dữ liệu (bộ nhớ đầy hoặc chế độ riêng tư).', messageEn: 'The browser refused to store the data (storage full or private mode).' } as const;

/**
 * Secrets in localStorage: NOT encrypted. Anyone with access to this browser profile can read
 * them; the desktop app keeps them in the OS keychain instead (docs/SECURITY.md).
 */
export function webSecrets(storage: Storage): BridgeSecrets {
  return {
    encrypted: false,
    get: (key) => Promise.resolve({ ok: true, value: storage.getItem(WEB_STORAGE_KEYS.secret(key)) }),
    set(key, value) {
      try {
        storage.setItem(WEB_STORAGE_KEYS.secret(key), value);
        return Promise.resolve({ ok: true, value: undefined });
      } catch {
        return Promise.resolve(storageFailed);
      }
    },
    delete(key) {
      storage.removeItem(WEB_STORAGE_KEYS.secret(key));
      return Promise.resolve({ ok: true, value: undefined });
    },
  };
}

/** Only the sync address matters on the web; an update address is refused (no updater here). */
export function webSettings(storage: Storage): BridgeSettings {
  const read = (): ServerSettings => {
    try {
      const raw = JSON.parse(storage.getItem(WEB_STORAGE_KEYS.settings) ?? '{}') as { syncServerUrl?: unknown };
      if (typeof raw.syncServerUrl === 'string' && checkServerUrl(raw.syncServerUrl).ok) return { syncServerUrl: raw.syncServerUrl };
    } catch {
      // A damaged entry falls back to the default, like a fresh install.
    }
    return { syncServerUrl: WEB_DEFAULT_SYNC_URL };
  };
  return {
    get: () => Promise.resolve(read()),
    set(patch): Promise<Outcome<ServerSettings>> {
      if (patch.updateUrl !== undefined) {
        return Promise.resolve({ ok: false, messageVi: 'Bản chạy trong trình duyệt không có cập nhật tự động.', messageEn: 'The browser version has no updater.' });
      }
      if (patch.syncServerUrl === undefined) return Promise.resolve({ ok: true, value: read() });
      const checked = checkServerUrl(patch.syncServerUrl);
      if (!checked.ok) return Promise.resolve(checked);
      const next = { ...read(), syncServerUrl: checked.value };
      try {
        storage.setItem(WEB_STORAGE_KEYS.settings, JSON.stringify(next));
      } catch {
        return Promise.resolve(storageFailed);
      }
      return Promise.resolve({ ok: true, value: next });
    },
  };
}

export const webUpdater: BridgeUpdater = {
  getState: () => Promise.resolve(DISABLED),
  check: () => Promise.resolve(DISABLED),
  installNow: () => Promise.resolve(DISABLED),
  onState: () => () => {},
};

/** The browser's Notification API, or undefined where there is none (an old WebView, a test page). */
function notificationApi(): typeof Notification | undefined {
  return typeof Notification === 'undefined' ? undefined : Notification;
}

/** Web notifications: shown only when the user has permitted them; never asks by itself. */
export function webNotify({ title, body }: NotificationRequest): Promise<boolean> {
  const api = notificationApi();
  if (!api || api.permission !== 'granted') return Promise.resolve(false);
  try {
    new api(title, { body, lang: 'vi' });
    return Promise.resolve(true);
  } catch {
    // Chromium on Android refuses the constructor (service-worker notifications only).
    return Promise.resolve(false);
  }
}

export function createWebBridge(options: WebBridgeOptions = {}): Bridge {
  const storage = options.storage ?? localStorage;
  return {
    platform: 'web',
    getInfo() {
      const version = String(import.meta.env.VITE_APP_VERSION ?? 'dev');
      return Promise.resolve({ platform: 'web', version, locale: navigator.language });
    },
    saveFile: (name, bytes) => Promise.resolve(download(name, bytes)),
    onMenuCommand() {
      return () => {};
    },
    saveBackup: (name, bytes) => Promise.resolve(download(name, bytes)),
    openBackup: () => pickFile('.zip,application/zip'),
    secrets: webSecrets(storage),
    settings: webSettings(storage),
    updater: webUpdater,
    onPrepareInstall() {
      return () => {};
    },
    notify: webNotify,
    notificationPermission: () => notificationApi()?.permission ?? 'unsupported',
    async requestNotificationPermission() {
      const api = notificationApi();
      return api ? api.requestPermission() : 'unsupported';
    },
  };
}
