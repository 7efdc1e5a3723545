/**
 * The handlers of the IPC contract, each registered through the validating wrapper (main/ipc.ts).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { SaveDialogOptions } from 'electron';
import { INVOKE_CHANNELS, INVOKE_SCHEMAS } from '../shared/contracts/ipc.js';
import type { AppInfo, SaveFileResponse } from '../shared/contracts/ipc.js';
import { handle } from './ipc.js';
import { writeFileAtomic } from './save-file.js';

export function appInfo(): AppInfo {
  return { version: app.getVersion(), platform: 'desktop', locale: app.getLocale() };
}

export function registerIpcHandlers(): void {
  handle(INVOKE_CHANNELS.getAppInfo, INVOKE_SCHEMAS[INVOKE_CHANNELS.getAppInfo].request, () => appInfo());

  handle(INVOKE_CHANNELS.saveFileAs, INVOKE_SCHEMAS[INVOKE_CHANNELS.saveFileAs].request, async (request, { sender }): Promise<SaveFileResponse> => {
    const options: SaveDialogOptions = {
      // The renderer proposes a bare name (the schema refuses folders); the folder is the user's Documents.
      defaultPath: path.join(app.getPath('documents'), request.suggestedName),
      filters: request.filters,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const owner = BrowserWindow.fromWebContents(sender);
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    const written = await writeFileAtomic(choice.filePath, request.bytes);
    if (!written.ok) {
      const { code, messageVi, messageEn } = written.error;
      console.error(`[save-file] ${code}: ${written.error.detail ?? ''}`);
      return { saved: false, error: { code, messageVi, messageEn } };
    }
    return { saved: true, path: choice.filePath };
  });
}
