import { describe, expect, it } from 'vitest';
import {
  DESKTOP_OPERATIONS,
  EVENT_SCHEMAS,
  INVOKE_SCHEMAS,
  MAX_SAVE_BYTES,
  MENU_COMMANDS,
  appInfoSchema,
  fileNameSchema,
  menuCommandPayloadSchema,
  saveFileRequestSchema,
  saveFileResponseSchema,
  MAX_BACKUP_FILE_BYTES,
  desktopSettingsSchema,
  openBackupResponseSchema,
  prepareInstallReplySchema,
  PREPARE_INSTALL_MESSAGE_MAX,
  saveBackupRequestSchema,
  secureStoreGetRequestSchema,
  secureStoreSetRequestSchema,
  setSettingsRequestSchema,
  showNotificationRequestSchema,
  showNotificationResponseSchema,
  updaterStateSchema,
} from '../../../../shared/contracts/ipc.js';
import { MAX_BACKUP_BYTES } from '../../../../shared/backup/format.js';

describe('the IPC contract', () => {
  it('has a schema for every operation channel, and no channel without an operation', () => {
    const ops = Object.values(DESKTOP_OPERATIONS);
    // A main → renderer request listens on an event channel and answers on an invoke channel.
    const invoke = ops.flatMap((op) => (op.kind === 'invoke' ? [op.channel] : op.kind === 'request' ? [op.replyChannel] : []));
    const events = ops.flatMap((op) => (op.kind === 'event' || op.kind === 'request' ? [op.channel] : []));
    expect(invoke.sort()).toEqual(Object.keys(INVOKE_SCHEMAS).sort());
    expect(events.sort()).toEqual(Object.keys(EVENT_SCHEMAS).sort());
    expect(invoke).toEqual(expect.arrayContaining(['app:getInfo', 'file:saveAs', 'secureStore:get', 'backup:save', 'updater:installNow', 'update:prepareInstallReply', 'notification:show']));
    expect(events).toEqual(['app:menuCommand', 'update:prepareInstall', 'updater:state']);
  });

  it('describes app info', () => {
    expect(appInfoSchema.safeParse({ version: '0.1.0', platform: 'desktop', locale: 'vi' }).success).toBe(true);
    expect(appInfoSchema.safeParse({ version: '0.1.0', platform: 'web', locale: 'vi' }).success).toBe(false);
  });

  it('accepts menu commands from the list only', () => {
    for (const command of MENU_COMMANDS) expect(menuCommandPayloadSchema.safeParse({ command }).success).toBe(true);
    expect(menuCommandPayloadSchema.safeParse({ command: 'quit' }).success).toBe(false);
    expect(menuCommandPayloadSchema.safeParse('today').success).toBe(false);
  });
});

describe('fileNameSchema', () => {
  it('accepts Vietnamese file names and normalises them to NFC', () => {
    const decomposed = 'Biên bản phiên tòa.docx'.normalize('NFD');
    expect(fileNameSchema.parse(decomposed)).toBe('Biên bản phiên tòa.docx'.normalize('NFC'));
    expect(fileNameSchema.safeParse('Bản án 34-2025-DS-ST.docx').success).toBe(true);
  });

  it.each(['', '.', '..', 'a/b.docx', 'a\\b.docx', 'C:evil.docx', 'a?.docx', 'a*.docx', 'tab\there.docx', 'CON', 'con.docx', 'LPT1.txt', 'trailing.', 'trailing ', 'x'.repeat(201)])(
    'refuses %j',
    (name) => {
      expect(fileNameSchema.safeParse(name).success).toBe(false);
    },
  );
});

describe('saveFileRequestSchema', () => {
  const base = { suggestedName: 'a.docx', bytes: new Uint8Array([1, 2]), filters: [{ name: 'Word', extensions: ['docx'] }] };

  it('accepts a DOCX save request', () => {
    expect(saveFileRequestSchema.safeParse(base).success).toBe(true);
    expect(saveFileRequestSchema.safeParse({ ...base, filters: [] }).success).toBe(true);
  });

  it('refuses bytes that are not a Uint8Array, or too many of them', () => {
    expect(saveFileRequestSchema.safeParse({ ...base, bytes: 'UEsDBA==' }).success).toBe(false);
    expect(saveFileRequestSchema.safeParse({ ...base, bytes: [1, 2] }).success).toBe(false);
    const huge = new Uint8Array(new ArrayBuffer(MAX_SAVE_BYTES + 1));
    expect(saveFileRequestSchema.safeParse({ ...base, bytes: huge }).success).toBe(false);
  });

  it('refuses odd filters and extra keys', () => {
    expect(saveFileRequestSchema.safeParse({ ...base, filters: [{ name: 'All', extensions: ['*'] }] }).success).toBe(false);
    expect(saveFileRequestSchema.safeParse({ ...base, filters: [{ name: 'Word', extensions: [] }] }).success).toBe(false);
    expect(saveFileRequestSchema.safeParse({ ...base, defaultPath: '/etc' }).success).toBe(false);
  });
});

describe('saveFileResponseSchema', () => {
  it('describes saved, cancelled and failed outcomes', () => {
    expect(saveFileResponseSchema.safeParse({ saved: true, path: '/home/a.docx' }).success).toBe(true);
    expect(saveFileResponseSchema.safeParse({ saved: false }).success).toBe(true);
    expect(saveFileResponseSchema.safeParse({ saved: false, error: { code: 'file.busy', messageVi: 'x', messageEn: 'y' } }).success).toBe(true);
  });
});

describe('desktop services contract', () => {
  it('limits the secure store to the two known keys and bounded string values', () => {
    expect(secureStoreGetRequestSchema.safeParse({ key: 'sessionToken' }).success).toBe(true);
    expect(secureStoreGetRequestSchema.safeParse({ key: 'deviceKey' }).success).toBe(true);
    expect(secureStoreGetRequestSchema.safeParse({ key: '__proto__' }).success).toBe(false);
    expect(secureStoreSetRequestSchema.safeParse({ key: 'sessionToken', value: 'jwt' }).success).toBe(true);
    expect(secureStoreSetRequestSchema.safeParse({ key: 'sessionToken', value: '' }).success).toBe(false);
    expect(secureStoreSetRequestSchema.safeParse({ key: 'sessionToken', value: 'x'.repeat(16 * 1024 + 1) }).success).toBe(false);
    expect(secureStoreSetRequestSchema.safeParse({ key: 'sessionToken', value: 42 }).success).toBe(false);
  });

  it('carries backups as bytes with a bare file name, within the same limit as shared/backup', () => {
    expect(MAX_BACKUP_FILE_BYTES).toBe(MAX_BACKUP_BYTES);
    expect(saveBackupRequestSchema.safeParse({ suggestedName: 'Sao lưu.courtdesk-backup', bytes: new Uint8Array([1]) }).success).toBe(true);
    expect(saveBackupRequestSchema.safeParse({ suggestedName: '../x.zip', bytes: new Uint8Array([1]) }).success).toBe(false);
    expect(openBackupResponseSchema.safeParse({ opened: true, name: 'a.zip', bytes: new Uint8Array([1]) }).success).toBe(true);
    expect(openBackupResponseSchema.safeParse({ opened: false }).success).toBe(true);
  });

  it('accepts http(s) update feeds and ws/http sync servers without credentials', () => {
    expect(desktopSettingsSchema.safeParse({ updateUrl: 'https://toaan.example.vn/updates', syncServerUrl: 'wss://toaan.example.vn/sync' }).success).toBe(true);
    expect(setSettingsRequestSchema.safeParse({ updateUrl: 'ws://x/updates' }).success).toBe(false);
    expect(setSettingsRequestSchema.safeParse({ syncServerUrl: 'https://a:b@x/' }).success).toBe(false);
    expect(setSettingsRequestSchema.safeParse({ other: 'x' }).success).toBe(false);
  });

  it('carries a notification as bounded plain text only', () => {
    expect(showNotificationRequestSchema.safeParse({ title: 'Nhắc việc', body: 'Hạn chuẩn bị xét xử vụ 12/2025/TLST-DS còn 2 ngày' }).success).toBe(true);
    expect(showNotificationRequestSchema.safeParse({ title: 'Nhắc việc', body: '' }).success).toBe(true);
    expect(showNotificationRequestSchema.safeParse({ title: '   ', body: 'x' }).success).toBe(false);
    expect(showNotificationRequestSchema.safeParse({ title: 'x'.repeat(201), body: 'x' }).success).toBe(false);
    expect(showNotificationRequestSchema.safeParse({ title: 'x', body: 'x'.repeat(1001) }).success).toBe(false);
    expect(showNotificationRequestSchema.safeParse({ title: 'x', body: 'y', icon: 'file:///etc/passwd' }).success).toBe(false);
    expect(showNotificationRequestSchema.safeParse({ title: 42, body: 'y' }).success).toBe(false);
    expect(showNotificationRequestSchema.safeParse(undefined).success).toBe(false);
    expect(showNotificationResponseSchema.safeParse({ shown: true }).success).toBe(true);
    expect(showNotificationResponseSchema.safeParse({ shown: 'yes' }).success).toBe(false);
  });

  it('describes the updater states and the prepare-install reply', () => {
    expect(updaterStateSchema.safeParse({ status: 'downloaded', version: '0.2.0' }).success).toBe(true);
    expect(updaterStateSchema.safeParse({ status: 'exploded' }).success).toBe(false);
    expect(prepareInstallReplySchema.safeParse({ requestId: '0f0e0d0c-0b0a', pendingSync: 0, unsaved: 0, snapshotTaken: true }).success).toBe(true);
    expect(prepareInstallReplySchema.safeParse({ requestId: '0f0e0d0c-0b0a', pendingSync: -1, unsaved: 0, snapshotTaken: true }).success).toBe(false);
    // The renderer's reason is optional (older renderers send none) and bounded.
    const refused = { requestId: '0f0e0d0c-0b0a', pendingSync: 0, unsaved: 0, snapshotTaken: false };
    expect(prepareInstallReplySchema.safeParse({ ...refused, messageVi: 'Dữ liệu quá lớn.', messageEn: 'Too large.' }).success).toBe(true);
    expect(prepareInstallReplySchema.safeParse({ ...refused, messageVi: 'x'.repeat(PREPARE_INSTALL_MESSAGE_MAX) }).success).toBe(true);
    expect(prepareInstallReplySchema.safeParse({ ...refused, messageVi: 'x'.repeat(PREPARE_INSTALL_MESSAGE_MAX + 1) }).success).toBe(false);
    expect(prepareInstallReplySchema.safeParse({ ...refused, messageVi: 42 }).success).toBe(false);
  });
});
