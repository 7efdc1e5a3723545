import { describe, expect, it, vi } from 'vitest';
import type { CourtdeskDesktopApi } from '../../../shared/contracts/desktop-api.js';
import { DESKTOP_OPERATIONS, EVENT_CHANNELS, INVOKE_CHANNELS, PREPARE_INSTALL_MESSAGE_MAX } from '../../../shared/contracts/ipc-channels.js';

type Forward = (event: unknown, ...args: unknown[]) => void;
const listeners = new Map<string, Set<Forward>>();
const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true })),
  on: vi.fn((channel: string, listener: Forward) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: Forward) => {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  }),
  send: vi.fn(),
};
const exposeInMainWorld = vi.fn();
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer }));

await import('../../../preload/index.js');

function exposed(): { name: string; api: CourtdeskDesktopApi } {
  expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = exposeInMainWorld.mock.calls[0] as [string, CourtdeskDesktopApi];
  return { name, api };
}

/** What main would emit: the event object (which holds `sender`, i.e. ipcRenderer) and the payload. */
function emitFromMain(channel: string, payload: unknown) {
  const fakeEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
  for (const listener of listeners.get(channel) ?? []) listener(fakeEvent, payload);
}

describe('preload', () => {
  it('exposes exactly one global, window.courtdesk, whose keys are the contract operations', () => {
    const { name, api } = exposed();
    expect(name).toBe('courtdesk');
    expect(Object.keys(api).sort()).toEqual(Object.keys(DESKTOP_OPERATIONS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
    expect(Object.values(api)).not.toContain(ipcRenderer.send);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('binds each request to its own channel, forwarding exactly the payload', async () => {
    const { api } = exposed();
    await api.getAppInfo();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.getAppInfo);
    const request = { suggestedName: 'a.docx', bytes: new Uint8Array([1]), filters: [] };
    await api.saveFileAs(request);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.saveFileAs, request);
    await api.secureStoreSet({ key: 'sessionToken', value: 'jwt' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.secureStoreSet, { key: 'sessionToken', value: 'jwt' });
    await api.openBackup();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.openBackup);
    await api.setSettings({ updateUrl: 'https://toaan.example.vn/updates' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.setSettings, { updateUrl: 'https://toaan.example.vn/updates' });
    await api.installUpdateNow();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.installUpdateNow);
    await api.showNotification({ title: 'Nhắc việc', body: 'Ngày mai có 2 phiên tòa chưa sẵn sàng' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.showNotification, { title: 'Nhắc việc', body: 'Ngày mai có 2 phiên tòa chưa sẵn sàng' });
  });

  it('answers main’s prepare-install request with the renderer handler’s report, on the reply channel', async () => {
    const { api } = exposed();
    ipcRenderer.invoke.mockClear();
    const handler = vi.fn(async () => ({ pendingSync: 2, unsaved: 0, snapshotTaken: true, extra: 'dropped' }));
    const unsubscribe = api.onPrepareInstall(handler);
    emitFromMain(EVENT_CHANNELS.prepareInstall, { requestId: 'abcdef12-3456' });
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1));
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.prepareInstallReply, { requestId: 'abcdef12-3456', pendingSync: 2, unsaved: 0, snapshotTaken: true });

    // A throwing handler reports "not ready" rather than nothing.
    const failing = api.onPrepareInstall(async () => {
      throw new Error('flush failed');
    });
    emitFromMain(EVENT_CHANNELS.prepareInstall, { requestId: 'abcdef12-9999' });
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledTimes(2));
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.prepareInstallReply, { requestId: 'abcdef12-9999', pendingSync: 0, unsaved: 1, snapshotTaken: false });
    expect(handler).toHaveBeenCalledTimes(1);

    unsubscribe(); // not the current handler any more: no effect
    expect(listeners.get(EVENT_CHANNELS.prepareInstall)?.size).toBe(1);
    failing();
    expect(listeners.get(EVENT_CHANNELS.prepareInstall)?.size).toBe(0);
  });

  it('forwards the handler\'s reason for no snapshot, and drops one longer than main accepts', async () => {
    const { api } = exposed();
    ipcRenderer.invoke.mockClear();
    const refused = { pendingSync: 0, unsaved: 0, snapshotTaken: false };
    let answer: Record<string, unknown> = { ...refused, messageVi: 'Dữ liệu quá lớn.', messageEn: 'Too large.' };
    const off = api.onPrepareInstall(async () => answer as never);
    emitFromMain(EVENT_CHANNELS.prepareInstall, { requestId: 'abcdef12-0001' });
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1));
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.prepareInstallReply, { requestId: 'abcdef12-0001', ...refused, messageVi: 'Dữ liệu quá lớn.', messageEn: 'Too large.' });

    // Too long for main's schema: dropped, so the rest of the answer still gets through.
    answer = { ...refused, messageVi: 'x'.repeat(PREPARE_INSTALL_MESSAGE_MAX + 1), messageEn: 42 };
    emitFromMain(EVENT_CHANNELS.prepareInstall, { requestId: 'abcdef12-0002' });
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledTimes(2));
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNELS.prepareInstallReply, { requestId: 'abcdef12-0002', ...refused });
    off();
  });

  it('forwards updater states as payloads only', () => {
    const { api } = exposed();
    const received: unknown[][] = [];
    const unsubscribe = api.onUpdaterState((...args: unknown[]) => received.push(args));
    emitFromMain(EVENT_CHANNELS.updaterState, { status: 'downloaded', version: '0.2.0' });
    unsubscribe();
    expect(received).toEqual([[{ status: 'downloaded', version: '0.2.0' }]]);
  });

  it('gives listeners the payload only, never the IPC event, and unsubscribes', () => {
    const { api } = exposed();
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    emitFromMain(EVENT_CHANNELS.menuCommand, { command: 'today' });
    expect(received).toEqual([[{ command: 'today' }]]);

    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    unsubscribe(); // idempotent
    emitFromMain(EVENT_CHANNELS.menuCommand, { command: 'search' });
    expect(received).toHaveLength(1);
    expect(listeners.get(EVENT_CHANNELS.menuCommand)?.size).toBe(0);
    expect(ipcRenderer.removeListener.mock.calls.filter(([channel]) => channel === EVENT_CHANNELS.menuCommand)).toHaveLength(1);
  });

  it('refuses a listener that is not a function', () => {
    const { api } = exposed();
    expect(() => api.onMenuCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});
