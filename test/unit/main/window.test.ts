import { describe, expect, it, vi } from 'vitest';

const created: { options: unknown; loaded: string[] }[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly loaded: string[] = [];
    constructor(options: unknown) {
      created.push({ options, loaded: this.loaded });
    }
    once() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('../../../main/window.js');

describe('createMainWindow options', () => {
  it('pins every security flag of the window', () => {
    createMainWindow('/app/out/preload/index.cjs');
    const prefs = (created.at(-1)?.options as { webPreferences?: Record<string, unknown> } | undefined)?.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

describe('createMainWindow', () => {
  it('loads the app from app://courtdesk/', () => {
    createMainWindow('/app/out/preload/index.cjs');
    expect(created.at(-1)?.loaded).toEqual(['app://courtdesk/index.html']);
  });
});
