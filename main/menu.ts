/**
 * The application menu, Vietnamese first (Tệp / Chỉnh sửa / Xem / Trợ giúp). Items that open a
 * screen send `app:menuCommand` to the focused window; the renderer decides what the command does.
 */
import { BrowserWindow, Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS } from '../shared/contracts/ipc-channels.js';
import type { MenuCommand } from '../shared/contracts/ipc-channels.js';
import type { MenuCommandPayload } from '../shared/contracts/ipc.js';

export type MenuLanguage = 'vi' | 'en';

/** Every label of the menu, in both languages. */
export const MENU_LABELS = {
  file: { vi: 'Tệp', en: 'File' },
  newCase: { vi: 'Vụ án mới', en: 'New case' },
  today: { vi: 'Hôm nay', en: 'Today' },
  calendar: { vi: 'Lịch xét xử', en: 'Hearing calendar' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  quit: { vi: 'Thoát', en: 'Quit' },
  edit: { vi: 'Chỉnh sửa', en: 'Edit' },
  undo: { vi: 'Hoàn tác', en: 'Undo' },
  redo: { vi: 'Làm lại', en: 'Redo' },
  cut: { vi: 'Cắt', en: 'Cut' },
  copy: { vi: 'Sao chép', en: 'Copy' },
  paste: { vi: 'Dán', en: 'Paste' },
  selectAll: { vi: 'Chọn tất cả', en: 'Select all' },
  search: { vi: 'Tìm kiếm', en: 'Search' },
  view: { vi: 'Xem', en: 'View' },
  zoomIn: { vi: 'Phóng to', en: 'Zoom in' },
  zoomOut: { vi: 'Thu nhỏ', en: 'Zoom out' },
  resetZoom: { vi: 'Cỡ chữ mặc định', en: 'Actual size' },
  fullScreen: { vi: 'Toàn màn hình', en: 'Full screen' },
  devTools: { vi: 'Công cụ phát triển', en: 'Developer tools' },
  help: { vi: 'Trợ giúp', en: 'Help' },
  about: { vi: 'Giới thiệu Courtdesk', en: 'About Courtdesk' },
} as const satisfies Record<string, Record<MenuLanguage, string>>;

export interface MenuOptions {
  readonly language: MenuLanguage;
  /** Delivers a command to the renderer (the focused window). */
  readonly send: (command: MenuCommand) => void;
  /** Developer tools appear only in unpackaged builds. */
  readonly isPackaged: boolean;
}

/** The menu as plain data (no Electron call), so it can be checked in a unit test. */
export function buildMenuTemplate({ language, send, isPackaged }: MenuOptions): MenuItemConstructorOptions[] {
  const label = (key: keyof typeof MENU_LABELS) => MENU_LABELS[key][language];
  // Accelerators only where the renderer has no shortcut of its own for the same thing (it uses
  // Alt+digit for screens and Ctrl+K for search, and prevents the default so nothing fires twice).
  const command = (key: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id: `command.${key}`,
    label: label(key),
    ...(accelerator ? { accelerator } : {}),
    click: () => send(key),
  });
  return [
    {
      label: label('file'),
      submenu: [
        command('newCase', 'CmdOrCtrl+N'),
        command('today'),
        command('calendar'),
        { type: 'separator' },
        command('settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'quit', label: label('quit') },
      ],
    },
    {
      label: label('edit'),
      submenu: [
        { role: 'undo', label: label('undo') },
        { role: 'redo', label: label('redo') },
        { type: 'separator' },
        { role: 'cut', label: label('cut') },
        { role: 'copy', label: label('copy') },
        { role: 'paste', label: label('paste') },
        { role: 'selectAll', label: label('selectAll') },
        { type: 'separator' },
        command('search', 'CmdOrCtrl+K'),
      ],
    },
    {
      label: label('view'),
      submenu: [
        { role: 'zoomIn', label: label('zoomIn') },
        { role: 'zoomOut', label: label('zoomOut') },
        { role: 'resetZoom', label: label('resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: label('fullScreen') },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: label('devTools') } satisfies MenuItemConstructorOptions]),
      ],
    },
    {
      label: label('help'),
      submenu: [{ role: 'about', label: label('about') }],
    },
  ];
}

/** Sends a menu command to the focused app window (or the first one). */
export function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!target || target.isDestroyed()) return;
  const payload: MenuCommandPayload = { command };
  target.webContents.send(EVENT_CHANNELS.menuCommand, payload);
}

export function installAppMenu(language: MenuLanguage, isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ language, isPackaged, send: sendMenuCommand })));
}
