import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_FILE_NAME, SettingsStore, feedUrlFromAppUpdateYml, openSettingsStore } from '../../../main/settings.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courtdesk-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('starts from the placeholder defaults', async () => {
    const store = await openSettingsStore(dir, null);
    expect(await store.get()).toEqual({ updateUrl: 'http://127.0.0.1:1234/updates', syncServerUrl: 'ws://127.0.0.1:1234' });
    expect(DEFAULT_SETTINGS.updateUrl).toBe('http://127.0.0.1:1234/updates');
  });

  it('persists a change as JSON and tells listeners', async () => {
    const store = await openSettingsStore(dir, null);
    const listener = vi.fn();
    store.onChange(listener);
    const saved = await store.set({ updateUrl: 'https://toaan.example.vn/courtdesk/updates' });
    expect(saved).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, updateUrl: 'https://toaan.example.vn/courtdesk/updates' } });
    expect(listener).toHaveBeenCalledWith(saved.ok && saved.value);
    expect(JSON.parse(await readFile(path.join(dir, SETTINGS_FILE_NAME), 'utf8'))).toEqual(saved.ok && saved.value);
    expect((await (await openSettingsStore(dir, null)).get()).updateUrl).toBe('https://toaan.example.vn/courtdesk/updates');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'http://user:pw@toaan.local/updates', 'toaan.local', ''])('refuses the update address %j', async (url) => {
    const store = await openSettingsStore(dir, null);
    const saved = await store.set({ updateUrl: url });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.messageVi).toMatch(/Địa chỉ máy chủ không hợp lệ/);
  });

  it('ignores a damaged file and falls back to the defaults', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeFile(path.join(dir, SETTINGS_FILE_NAME), '{"updateUrl": 42');
    expect(await new SettingsStore(path.join(dir, SETTINGS_FILE_NAME)).get()).toEqual(DEFAULT_SETTINGS);
    warn.mockRestore();
  });

  it('takes the install-time feed address from the package’s app-update.yml', async () => {
    const yml = path.join(dir, 'app-update.yml');
    await writeFile(yml, 'provider: generic\nurl: https://toaan.example.vn/courtdesk/updates\nupdaterCacheDirName: courtdesk-updater\n');
    expect((await (await openSettingsStore(dir, yml)).get()).updateUrl).toBe('https://toaan.example.vn/courtdesk/updates');
    expect(feedUrlFromAppUpdateYml("url: 'http://10.0.0.5:1234/updates'\n")).toBe('http://10.0.0.5:1234/updates');
    expect(feedUrlFromAppUpdateYml('provider: generic\n')).toBeUndefined();
  });
});
