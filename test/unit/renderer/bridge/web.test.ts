/**
 * The web bridge's settings, secrets and updater over a fake localStorage: addresses are checked
 * before they are kept, secrets round-trip (in clear, as documented), the updater is disabled.
 */
import { describe, expect, it } from 'vitest';
import { webSecrets, webSettings, webUpdater, WEB_DEFAULT_SYNC_URL, WEB_STORAGE_KEYS } from '../../../../renderer/bridge/web.js';
import { checkServerUrl } from '../../../../renderer/bridge/server-url.js';
import { MemoryStorage } from '../memory-storage.js';

describe('web settings', () => {
  it('starts from the default sync address and keeps a valid new one, trimmed', async () => {
    const storage = new MemoryStorage();
    const settings = webSettings(storage);
    expect(await settings.get()).toEqual({ syncServerUrl: WEB_DEFAULT_SYNC_URL });
    const saved = await settings.set({ syncServerUrl: '  https://toaan.example.vn:8443/ ' });
    expect(saved).toEqual({ ok: true, value: { syncServerUrl: 'https://toaan.example.vn:8443' } });
    expect(await webSettings(storage).get()).toEqual({ syncServerUrl: 'https://toaan.example.vn:8443' });
  });

  it('refuses bad addresses and an update address with Vietnamese messages, keeping the old value', async () => {
    const storage = new MemoryStorage();
    const settings = webSettings(storage);
    await settings.set({ syncServerUrl: 'http://192.168.1.10:1234' });
    for (const bad of ['toaan', 'ftp://toaan.example.vn', 'http://admin:123@toaan.example.vn', 'file:///etc/passwd']) {
      const result = await settings.set({ syncServerUrl: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.messageVi).toMatch(/địa chỉ máy chủ/i);
    }
    const update = await settings.set({ updateUrl: 'https://toaan.example.vn/updates' });
    expect(!update.ok && update.messageVi).toMatch(/không có cập nhật tự động/);
    expect(await settings.get()).toEqual({ syncServerUrl: 'http://192.168.1.10:1234' });
  });

  it('falls back to the default when the stored entry is damaged, and reports a full storage', async () => {
    const storage = new MemoryStorage();
    storage.setItem(WEB_STORAGE_KEYS.settings, '{not json');
    const settings = webSettings(storage);
    expect(await settings.get()).toEqual({ syncServerUrl: WEB_DEFAULT_SYNC_URL });
    storage.failWrites = true;
    const result = await settings.set({ syncServerUrl: 'http://10.0.0.2:1234' });
    expect(!result.ok && result.messageVi).toMatch(/^Trình duyệt không cho lưu/);
  });
});

describe('web secrets', () => {
  it('round-trips a secret, says it is not encrypted, and forgets it', async () => {
    const storage = new MemoryStorage();
    const secrets = webSecrets(storage);
    expect(secrets.encrypted).toBe(false);
    expect(await secrets.get('sessionToken')).toEqual({ ok: true, value: null });
    expect((await secrets.set('sessionToken', 'eyJ.abc.def')).ok).toBe(true);
    expect(storage.getItem(WEB_STORAGE_KEYS.secret('sessionToken'))).toBe('eyJ.abc.def');
    expect(await secrets.get('sessionToken')).toEqual({ ok: true, value: 'eyJ.abc.def' });
    expect(await secrets.get('deviceKey')).toEqual({ ok: true, value: null });
    await secrets.delete('sessionToken');
    expect(await secrets.get('sessionToken')).toEqual({ ok: true, value: null });
  });
});

describe('web updater', () => {
  it('is always disabled, with a Vietnamese reason', async () => {
    for (const state of [await webUpdater.getState(), await webUpdater.check(), await webUpdater.installNow()]) {
      expect(state.status).toBe('disabled');
      if (state.status === 'disabled') expect(state.messageVi).toMatch(/trình duyệt/);
    }
    const off = webUpdater.onState(() => {
      throw new Error('never called');
    });
    off();
  });
});

describe('checkServerUrl', () => {
  it('accepts http(s) with a host and strips trailing slashes', () => {
    expect(checkServerUrl('http://127.0.0.1:1234//')).toEqual({ ok: true, value: 'http://127.0.0.1:1234' });
    expect(checkServerUrl('ws://127.0.0.1:1234').ok).toBe(false);
  });
});

describe('web notifications', () => {
  it('show only once the user permitted them, and never throw', async () => {
    const { webNotify } = await import('../../../../renderer/bridge/web.js');
    const shown: { title: string; body?: string | undefined }[] = [];
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
    }
    const previous = (globalThis as { Notification?: unknown }).Notification;
    (globalThis as { Notification?: unknown }).Notification = FakeNotification;
    try {
      expect(await webNotify({ title: 'Nhắc việc', body: 'a' })).toBe(false);
      FakeNotification.permission = 'granted';
      expect(await webNotify({ title: 'Nhắc việc', body: 'b' })).toBe(true);
      expect(shown).toEqual([{ title: 'Nhắc việc', body: 'b' }]);
    } finally {
      (globalThis as { Notification?: unknown }).Notification = previous;
    }
    if (previous === undefined) expect(await webNotify({ title: 'x', body: 'y' })).toBe(false);
  });
});
