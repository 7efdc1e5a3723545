// The contract handlers with Electron mocked: a backup bundle saved through `backup:save` (save
// dialog + atomic write) and opened through `backup:open` reads back verified, doc for doc; the
// secure store and settings answer as values across IPC.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildBackup, readBackup } from '../../../shared/backup/index.js';
import { INVOKE_CHANNELS } from '../../../shared/contracts/ipc-channels.js';

const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-handlers-'));
const backupPath = path.join(dir, 'Sao lưu TAND Quận 1.courtdesk-backup');
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const listeners = new Map<string, Listener>();

const shownNotifications: { title: string; body: string }[] = [];
let notificationsSupported = true;

vi.mock('electron', () => ({
  Notification: class {
    static isSupported() {
      return notificationsSupported;
    }
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      shownNotifications.push(this.options);
    }
  },
  ipcMain: { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) },
  app: { getPath: () => dir, getVersion: () => '0.1.0', getLocale: () => 'vi' },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: backupPath })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [backupPath] })),
  },
}));

const { registerIpcHandlers } = await import('../../../main/handlers.js');
const { SecureStore } = await import('../../../main/secure-store.js');
const { SettingsStore } = await import('../../../main/settings.js');
const { InstallHandshake } = await import('../../../main/install-handshake.js');
const { UpdaterService } = await import('../../../main/updater.js');

const fromApp = { senderFrame: { url: 'app://courtdesk/index.html', parent: null }, sender: {} } as unknown as IpcMainInvokeEvent;
const invoke = (channel: string, ...args: unknown[]) => {
  const listener = listeners.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(fromApp, ...args);
};

beforeAll(() => {
  const handshake = new InstallHandshake(() => false, 10);
  registerIpcHandlers({
    settings: new SettingsStore(path.join(dir, 'settings.json')),
    secureStore: new SecureStore({ isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' }, path.join(dir, 'secure.json')),
    handshake,
    updater: new UpdaterService({
      updater: { autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false, allowPrerelease: false, setFeedURL: vi.fn(), checkForUpdates: vi.fn(), quitAndInstall: vi.fn(), on: vi.fn() },
      enabled: false,
      feedUrl: 'http://127.0.0.1:1234/updates',
      publish: () => undefined,
      prepareInstall: () => handshake.request(),
      snapshot: async () => ({ ok: true as const }),
    }),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IPC handlers', () => {
  it('registers a handler for every invoke channel', () => {
    expect([...listeners.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });

  it('round-trips a backup bundle: save dialog + atomic write, open dialog + read, verified', async () => {
    const doc = new Y.Doc({ guid: 'case-1' });
    doc.getMap('case').set('number', '12/2025/TLST-DS');
    const docs = [{ docId: 'case-1', state: Y.encodeStateAsUpdate(doc) }];
    const bytes = await buildBackup(docs, { createdAt: '2026-11-28T08:00:00.000Z', court: { id: 'tand-q1', name: 'TAND Quận 1' }, appVersion: '0.1.0' });

    expect(await invoke(INVOKE_CHANNELS.saveBackup, { suggestedName: path.basename(backupPath), bytes })).toEqual({ saved: true, path: backupPath });
    expect(readdirSync(dir)).toEqual([path.basename(backupPath)]);

    const opened = (await invoke(INVOKE_CHANNELS.openBackup)) as { opened: boolean; name: string; bytes: Uint8Array };
    expect(opened.opened).toBe(true);
    expect(opened.name).toBe(path.basename(backupPath));
    const read = await readBackup(opened.bytes);
    expect(read.ok && read.value.docs).toEqual(docs);
  });

  it('refuses a backup save with a folder in the name before any dialog', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(invoke(INVOKE_CHANNELS.saveBackup, { suggestedName: '../../x.zip', bytes: new Uint8Array([1]) })).rejects.toThrow(/ipc\.invalidPayload/);
    await expect(invoke(INVOKE_CHANNELS.secureStoreGet, { key: 'password' })).rejects.toThrow(/ipc\.invalidPayload/);
    warn.mockRestore();
  });

  it('answers secure-store refusals as values with a Vietnamese message', async () => {
    const answer = (await invoke(INVOKE_CHANNELS.secureStoreSet, { key: 'sessionToken', value: 'jwt' })) as { ok: boolean; error?: { code: string; messageVi: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('secureStore.unavailable');
    expect(Object.keys(answer.error ?? {}).sort()).toEqual(['code', 'messageEn', 'messageVi']);
  });

  it('gets and sets settings', async () => {
    expect(await invoke(INVOKE_CHANNELS.getSettings)).toEqual({ updateUrl: 'http://127.0.0.1:1234/updates', syncServerUrl: 'ws://127.0.0.1:1234' });
    const saved = (await invoke(INVOKE_CHANNELS.setSettings, { syncServerUrl: 'wss://toaan.example.vn/sync' })) as { ok: boolean; settings: { syncServerUrl: string } };
    expect(saved.ok && saved.settings.syncServerUrl).toBe('wss://toaan.example.vn/sync');
  });

  it('shows a validated notification through Electron, and says when the desktop has none', async () => {
    expect(await invoke(INVOKE_CHANNELS.showNotification, { title: 'Nhắc việc', body: 'Biên bản phiên tòa chưa ký' })).toEqual({ shown: true });
    expect(shownNotifications).toEqual([{ title: 'Nhắc việc', body: 'Biên bản phiên tòa chưa ký' }]);
    await expect(invoke(INVOKE_CHANNELS.showNotification, { title: '', body: 'x' })).rejects.toThrow(/ipc\.invalidPayload/);
    await expect(invoke(INVOKE_CHANNELS.showNotification, { title: 'x', body: 'y', urgency: 'critical' })).rejects.toThrow(/ipc\.invalidPayload/);
    notificationsSupported = false;
    expect(await invoke(INVOKE_CHANNELS.showNotification, { title: 'Nhắc việc', body: 'x' })).toEqual({ shown: false });
    notificationsSupported = true;
    expect(shownNotifications).toHaveLength(1);
  });

  it('reports the updater state (disabled when unpackaged)', async () => {
    expect(await invoke(INVOKE_CHANNELS.getUpdaterState)).toMatchObject({ status: 'disabled' });
    expect(await invoke(INVOKE_CHANNELS.installUpdateNow)).toMatchObject({ status: 'disabled' });
  });
});
