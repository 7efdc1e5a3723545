import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, MENU_COMMANDS } from '../../../shared/contracts/ipc-channels.js';
import type { MenuCommand } from '../../../shared/contracts/ipc-channels.js';

const focused = { isDestroyed: () => false, webContents: { send: vi.fn() } };
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: vi.fn(() => focused), getAllWindows: vi.fn(() => [focused]) },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
}));

const { buildMenuTemplate, sendMenuCommand, MENU_LABELS } = await import('../../../main/menu.js');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function clickAll(items: MenuItemConstructorOptions[]) {
  for (const item of flatten(items)) {
    (item.click as (() => void) | undefined)?.();
  }
}

describe('buildMenuTemplate', () => {
  it('has the Vietnamese top-level menus in order', () => {
    const template = buildMenuTemplate({ language: 'vi', isPackaged: true, send: () => {} });
    expect(template.map((item) => item.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
  });

  it('offers every menu command exactly once and sends it when clicked', () => {
    const sent: MenuCommand[] = [];
    const template = buildMenuTemplate({ language: 'vi', isPackaged: true, send: (command) => sent.push(command) });
    clickAll(template);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
    const labels = flatten(template).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['Vụ án mới', 'Tìm kiếm', 'Lịch xét xử', 'Hôm nay', 'Cài đặt']));
  });

  it('has English labels for every item', () => {
    const template = buildMenuTemplate({ language: 'en', isPackaged: true, send: () => {} });
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    for (const entry of Object.values(MENU_LABELS)) expect(entry.en).not.toBe('');
  });

  it('shows developer tools only in unpackaged builds', () => {
    const roles = (isPackaged: boolean) => flatten(buildMenuTemplate({ language: 'vi', isPackaged, send: () => {} })).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });
});

describe('sendMenuCommand', () => {
  it('sends the payload (not a bare string) on app:menuCommand to the focused window', () => {
    sendMenuCommand('calendar');
    expect(focused.webContents.send).toHaveBeenCalledWith(EVENT_CHANNELS.menuCommand, { command: 'calendar' });
  });
});
