/** The desktop bridge maps the preload's contract onto the platform-neutral bridge, errors as values. */
import { describe, expect, it } from 'vitest';
import { createDesktopBridge } from '../../../../renderer/bridge/desktop.js';
import type { CourtdeskDesktopApi } from '../../../../shared/contracts/desktop-api.js';

const refused = { code: 'secureStore.unavailable', messageVi: 'Máy này không có kho khóa bảo mật.', messageEn: 'No OS keychain.' };

function fakeApi(overrides: Partial<CourtdeskDesktopApi>): CourtdeskDesktopApi {
  const unexpected = () => {
    throw new Error('not expected in this test');
  };
  return new Proxy(overrides, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? unexpected }) as CourtdeskDesktopApi;
}

describe('desktop bridge', () => {
  it('shows notifications through main, which needs no permission from the page', async () => {
    const sent: unknown[] = [];
    const bridge = createDesktopBridge(
      fakeApi({
        showNotification: (request) => {
          sent.push(request);
          return Promise.resolve({ shown: sent.length === 1 });
        },
      }),
    );
    expect(bridge.notificationPermission()).toBe('granted');
    expect(await bridge.requestNotificationPermission()).toBe('granted');
    expect(await bridge.notify({ title: 'Nhắc việc', body: 'Hạn còn 1 ngày' })).toBe(true);
    expect(await bridge.notify({ title: 'Nhắc việc', body: 'x' })).toBe(false);
    expect(sent).toEqual([{ title: 'Nhắc việc', body: 'Hạn còn 1 ngày' }, { title: 'Nhắc việc', body: 'x' }]);
  });

  it('saves and opens backups through the contract, cancel and errors included', async () => {
    const saved: unknown[] = [];
    let openCalls = 0;
    const bridge = createDesktopBridge(
      fakeApi({
        saveBackup: (request) => {
          saved.push(request);
          return Promise.resolve({ saved: true, path: 'D:\\saoluu.zip' });
        },
        openBackup: () => {
          openCalls += 1;
          return Promise.resolve(openCalls === 1 ? { opened: true, name: 'a.zip', bytes: new Uint8Array([1, 2]) } : openCalls === 2 ? { opened: false } : { opened: false, error: { code: 'backup.tooLarge', messageVi: 'Tệp quá lớn.', messageEn: 'Too large.' } });
        },
      }),
    );
    expect(await bridge.saveBackup('courtdesk-saoluu-x.zip', new Uint8Array([7]))).toEqual({ saved: true, path: 'D:\\saoluu.zip' });
    expect(saved).toEqual([{ suggestedName: 'courtdesk-saoluu-x.zip', bytes: new Uint8Array([7]) }]);
    expect(await bridge.openBackup()).toEqual({ opened: true, name: 'a.zip', bytes: new Uint8Array([1, 2]) });
    expect(await bridge.openBackup()).toEqual({ opened: false });
    expect(await bridge.openBackup()).toEqual({ opened: false, messageVi: 'Tệp quá lớn.', messageEn: 'Too large.' });
  });

  it('turns a refused secret or setting into a Vietnamese message', async () => {
    const bridge = createDesktopBridge(
      fakeApi({
        secureStoreSet: () => Promise.resolve({ ok: false, error: refused }),
        secureStoreGet: () => Promise.resolve({ ok: true, value: 'tok' }),
        setSettings: (request) =>
          Promise.resolve(request.updateUrl === 'bad' ? { ok: false, error: { code: 'settings.invalid', messageVi: 'Địa chỉ không hợp lệ.', messageEn: 'Invalid.' } } : { ok: true, settings: { updateUrl: 'https://a.vn/updates', syncServerUrl: 'https://a.vn' } }),
      }),
    );
    expect(bridge.secrets.encrypted).toBe(true);
    expect(await bridge.secrets.set('sessionToken', 'x')).toEqual({ ok: false, messageVi: refused.messageVi, messageEn: refused.messageEn });
    expect(await bridge.secrets.get('sessionToken')).toEqual({ ok: true, value: 'tok' });
    expect(await bridge.settings.set({ updateUrl: 'bad' })).toEqual({ ok: false, messageVi: 'Địa chỉ không hợp lệ.', messageEn: 'Invalid.' });
    expect(await bridge.settings.set({ syncServerUrl: 'https://a.vn' })).toEqual({ ok: true, value: { updateUrl: 'https://a.vn/updates', syncServerUrl: 'https://a.vn' } });
  });

  it('passes updater states and the prepare-install handler straight through', async () => {
    let handler: (() => Promise<unknown>) | undefined;
    const bridge = createDesktopBridge(
      fakeApi({
        installUpdateNow: () => Promise.resolve({ status: 'blocked', version: '0.2.0', pendingSync: 3, unsaved: 0, snapshotTaken: true, messageVi: 'Còn 3 hồ sơ chưa đồng bộ.', messageEn: '3 cases not synced.' }),
        onPrepareInstall: (h) => {
          handler = h;
          return () => (handler = undefined);
        },
      }),
    );
    expect(await bridge.updater.installNow()).toMatchObject({ status: 'blocked', pendingSync: 3 });
    const off = bridge.onPrepareInstall(() => Promise.resolve({ pendingSync: 0, unsaved: 0, snapshotTaken: true }));
    expect(await handler!()).toEqual({ pendingSync: 0, unsaved: 0, snapshotTaken: true });
    off();
    expect(handler).toBeUndefined();
  });
});
