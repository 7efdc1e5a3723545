/**
 * The handlers of the IPC contract, each registered through the validating wrapper (main/ipc.ts).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Notification } from 'electron';
import type { OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import { INVOKE_CHANNELS, INVOKE_SCHEMAS } from '../shared/contracts/ipc.js';
import type { AppInfo, FileFilter, IpcError, SaveFileResponse } from '../shared/contracts/ipc.js';
import type { DomainError } from '../shared/domain/result.js';
import { BACKUP_FILE_FILTERS, readBackupFile } from './backup-files.js';
import type { InstallHandshake } from './install-handshake.js';
import { handle } from './ipc.js';
import { writeFileAtomic } from './save-file.js';
import type { SecureStore } from './secure-store.js';
import type { SettingsStore } from './settings.js';
import type { UpdaterService } from './updater.js';

/** What the handlers need besides Electron (built in main/services.ts). */
export interface DesktopServices {
  readonly settings: SettingsStore;
  readonly secureStore: SecureStore;
  readonly updater: UpdaterService;
  readonly handshake: InstallHandshake;
}

export function appInfo(): AppInfo {
  return { version: app.getVersion(), platform: 'desktop', locale: app.getLocale() };
}

/** A domain error as it crosses IPC: code and messages only (the detail may hold paths). */
const ipcError = ({ code, messageVi, messageEn }: DomainError): IpcError => ({ code, messageVi, messageEn });

/** Save dialog (the user picks the folder), then an atomic write. */
async function saveWithDialog(sender: WebContents, suggestedName: string, bytes: Uint8Array, filters: FileFilter[]): Promise<SaveFileResponse> {
  const options: SaveDialogOptions = {
    // The renderer proposes a bare name (the schema refuses folders); the folder is the user's Documents.
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  const written = await writeFileAtomic(choice.filePath, bytes);
  if (!written.ok) {
    console.error(`[save-file] ${written.error.code}: ${written.error.detail ?? ''}`);
    return { saved: false, error: ipcError(written.error) };
  }
  return { saved: true, path: choice.filePath };
}

export function registerIpcHandlers(services: DesktopServices): void {
  const { settings, secureStore, updater, handshake } = services;

  handle(INVOKE_CHANNELS.getAppInfo, INVOKE_SCHEMAS[INVOKE_CHANNELS.getAppInfo].request, () => appInfo());

  handle(INVOKE_CHANNELS.saveFileAs, INVOKE_SCHEMAS[INVOKE_CHANNELS.saveFileAs].request, (request, { sender }) =>
    saveWithDialog(sender, request.suggestedName, request.bytes, request.filters),
  );

  handle(INVOKE_CHANNELS.secureStoreGet, INVOKE_SCHEMAS[INVOKE_CHANNELS.secureStoreGet].request, async ({ key }) => {
    const read = await secureStore.get(key);
    return read.ok ? { ok: true, value: read.value } : { ok: false, error: ipcError(read.error) };
  });
  handle(INVOKE_CHANNELS.secureStoreSet, INVOKE_SCHEMAS[INVOKE_CHANNELS.secureStoreSet].request, async ({ key, value }) => {
    const written = await secureStore.set(key, value);
    return written.ok ? { ok: true } : { ok: false, error: ipcError(written.error) };
  });
  handle(INVOKE_CHANNELS.secureStoreDelete, INVOKE_SCHEMAS[INVOKE_CHANNELS.secureStoreDelete].request, async ({ key }) => {
    const written = await secureStore.delete(key);
    return written.ok ? { ok: true } : { ok: false, error: ipcError(written.error) };
  });

  handle(INVOKE_CHANNELS.saveBackup, INVOKE_SCHEMAS[INVOKE_CHANNELS.saveBackup].request, (request, { sender }) =>
    saveWithDialog(sender, request.suggestedName, request.bytes, BACKUP_FILE_FILTERS),
  );
  handle(INVOKE_CHANNELS.openBackup, INVOKE_SCHEMAS[INVOKE_CHANNELS.openBackup].request, async (_request, { sender }) => {
    const options: OpenDialogOptions = { filters: BACKUP_FILE_FILTERS, properties: ['openFile'] };
    const owner = BrowserWindow.fromWebContents(sender);
    const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const picked = choice.filePaths[0];
    if (choice.canceled || picked === undefined) return { opened: false };
    return readBackupFile(picked);
  });

  handle(INVOKE_CHANNELS.getSettings, INVOKE_SCHEMAS[INVOKE_CHANNELS.getSettings].request, () => settings.get());
  handle(INVOKE_CHANNELS.setSettings, INVOKE_SCHEMAS[INVOKE_CHANNELS.setSettings].request, async (patch) => {
    const saved = await settings.set(patch);
    return saved.ok ? { ok: true, settings: saved.value } : { ok: false, error: ipcError(saved.error) };
  });

  handle(INVOKE_CHANNELS.getUpdaterState, INVOKE_SCHEMAS[INVOKE_CHANNELS.getUpdaterState].request, () => updater.state);
  handle(INVOKE_CHANNELS.checkForUpdates, INVOKE_SCHEMAS[INVOKE_CHANNELS.checkForUpdates].request, () => updater.check());
  handle(INVOKE_CHANNELS.installUpdateNow, INVOKE_SCHEMAS[INVOKE_CHANNELS.installUpdateNow].request, () => updater.installNow());
  handle(INVOKE_CHANNELS.showNotification, INVOKE_SCHEMAS[INVOKE_CHANNELS.showNotification].request, ({ title, body }) => {
    // Main shows it: the renderer's own Notification API is refused by the deny-all permission handler.
    if (!Notification.isSupported()) return { shown: false };
    new Notification({ title, body }).show();
    return { shown: true };
  });
  handle(INVOKE_CHANNELS.prepareInstallReply, INVOKE_SCHEMAS[INVOKE_CHANNELS.prepareInstallReply].request, (reply) => {
    handshake.reply(reply);
    return undefined;
  });
}
