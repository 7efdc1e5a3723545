/**
 * The desktop IPC contract: every channel with the zod schemas of its request and response.
 *
 * Main validates each request with these schemas before a handler runs (main/ipc.ts), so a
 * compromised page can send nothing the contract does not describe. The renderer's bridge and the
 * preload use the inferred types. Channel names live in `ipc-channels.ts` (plain data, no zod).
 */
import { z } from 'zod';
import { EVENT_CHANNELS, INVOKE_CHANNELS, MENU_COMMANDS, PREPARE_INSTALL_MESSAGE_MAX, SECURE_STORE_KEYS } from './ipc-channels.js';

export * from './ipc-channels.js';

/** Largest document the renderer may ask main to write (a DOCX is tens of KB; 64 MiB is generous). */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

/** Characters Windows refuses in a file name, plus control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const FORBIDDEN_FILE_NAME_CHARS = /[<>:"/\\|?*\u0000-\u001f]/;
/** Device names Windows reserves whatever the extension (`CON.docx` is still CON). */
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** A bare file name (no folder), valid on Windows, macOS and Linux. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !FORBIDDEN_FILE_NAME_CHARS.test(name), 'file name contains a forbidden character')
  .refine((name) => !WINDOWS_RESERVED_NAME.test(name), 'file name is reserved on Windows')
  .refine((name) => name !== '.' && name !== '..' && !/[. ]$/.test(name), 'file name may not end with a dot or a space')
  .transform((name) => name.normalize('NFC'));

/** One entry of a save dialog's "save as type" list, e.g. `{ name: 'Word', extensions: ['docx'] }`. */
export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).min(1).max(10),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** An error carried as a value across IPC: stable code, Vietnamese message, English message. */
export const ipcErrorSchema = z.strictObject({
  code: z.string(),
  messageVi: z.string(),
  messageEn: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

// ── app:getInfo ────────────────────────────────────────────────────────────────────────────────
export const getAppInfoRequestSchema = z.undefined();
export const appInfoSchema = z.strictObject({
  version: z.string(),
  platform: z.literal('desktop'),
  locale: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

// ── file:saveAs ────────────────────────────────────────────────────────────────────────────────
export const saveFileRequestSchema = z.strictObject({
  suggestedName: fileNameSchema,
  // z.custom rather than z.instanceof: the latter narrows to Uint8Array<ArrayBuffer>, which a DOCX
  // built by the renderer (Uint8Array<ArrayBufferLike>) does not satisfy.
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes must be a Uint8Array')
    .refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file is too large'),
  filters: z.array(fileFilterSchema).max(10),
});
/** What the renderer sends (before the name is NFC-normalised). */
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;

/**
 * `saved: false` without `error` means the user cancelled the dialog; with `error`, writing failed
 * and `error.messageVi` is what the user should read.
 */
export const saveFileResponseSchema = z.strictObject({
  saved: z.boolean(),
  path: z.string().optional(),
  error: ipcErrorSchema.optional(),
});
export type SaveFileResponse = z.infer<typeof saveFileResponseSchema>;

// ── app:menuCommand (main → renderer) ─────────────────────────────────────────────────────────
export const menuCommandPayloadSchema = z.strictObject({ command: z.enum(MENU_COMMANDS) });
export type MenuCommandPayload = z.infer<typeof menuCommandPayloadSchema>;

// ── secureStore:get / set / delete ────────────────────────────────────────────────────────────
/** Longest secret kept (a JWT or a JWK is well under 8 KiB). */
export const MAX_SECRET_CHARS = 16 * 1024;
export const secureStoreKeySchema = z.enum(SECURE_STORE_KEYS);
export const secureStoreGetRequestSchema = z.strictObject({ key: secureStoreKeySchema });
export const secureStoreSetRequestSchema = z.strictObject({ key: secureStoreKeySchema, value: z.string().min(1).max(MAX_SECRET_CHARS) });
export const secureStoreDeleteRequestSchema = secureStoreGetRequestSchema;
/** `ok: false` when encryption is unavailable or the store cannot be read/written; nothing is stored in clear. */
export const secureStoreGetResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.string().nullable() }),
  z.strictObject({ ok: z.literal(false), error: ipcErrorSchema }),
]);
export type SecureStoreGetResponse = z.infer<typeof secureStoreGetResponseSchema>;
export const secureStoreWriteResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), error: ipcErrorSchema }),
]);
export type SecureStoreWriteResponse = z.infer<typeof secureStoreWriteResponseSchema>;
export type SecureStoreSetRequest = z.input<typeof secureStoreSetRequestSchema>;
export type SecureStoreKeyRequest = z.input<typeof secureStoreGetRequestSchema>;

// ── backup:save / backup:open ─────────────────────────────────────────────────────────────────
/** Largest backup bundle saved or opened (the same limit as shared/backup's MAX_BACKUP_BYTES). */
export const MAX_BACKUP_FILE_BYTES = 512 * 1024 * 1024;
export const saveBackupRequestSchema = z.strictObject({
  suggestedName: fileNameSchema,
  bytes: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes must be a Uint8Array')
    .refine((b) => b.byteLength <= MAX_BACKUP_FILE_BYTES, 'backup is too large'),
});
export type SaveBackupRequest = z.input<typeof saveBackupRequestSchema>;
export const openBackupRequestSchema = z.undefined();
/** `opened: false` without `error`: the user cancelled. */
export const openBackupResponseSchema = z.union([
  z.strictObject({ opened: z.literal(true), name: z.string(), bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array) }),
  z.strictObject({ opened: z.literal(false), error: ipcErrorSchema.optional() }),
]);
export type OpenBackupResponse = z.infer<typeof openBackupResponseSchema>;

// ── settings:get / settings:set ───────────────────────────────────────────────────────────────
/** An http(s) or ws(s) address without credentials (court IT types it; tokens never go in URLs). */
const serverUrlSchema = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .max(500)
    .refine((raw) => {
      try {
        const url = new URL(raw);
        return protocols.includes(url.protocol) && url.hostname !== '' && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    }, `must be a ${protocols.join(' / ')} address without credentials`);

export const desktopSettingsSchema = z.strictObject({
  /** Where electron-updater looks for latest.yml (the court server's `/updates` folder). */
  updateUrl: serverUrlSchema(['http:', 'https:']),
  /** The court sync server. */
  syncServerUrl: serverUrlSchema(['http:', 'https:', 'ws:', 'wss:']),
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;
export const getSettingsRequestSchema = z.undefined();
/** Only the fields to change. */
export const setSettingsRequestSchema = desktopSettingsSchema.partial();
export type SetSettingsRequest = z.input<typeof setSettingsRequestSchema>;
export const setSettingsResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), settings: desktopSettingsSchema }),
  z.strictObject({ ok: z.literal(false), error: ipcErrorSchema }),
]);
export type SetSettingsResponse = z.infer<typeof setSettingsResponseSchema>;

// ── updater:getState / check / installNow, event updater:state ────────────────────────────────
const message = { messageVi: z.string(), messageEn: z.string() };
export const updaterStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('idle'), checkedAt: z.string().optional() }),
  /** Unpackaged (development) builds have no update feed. */
  z.strictObject({ status: z.literal('disabled'), ...message }),
  z.strictObject({ status: z.literal('checking') }),
  z.strictObject({ status: z.literal('available'), version: z.string() }),
  z.strictObject({
    status: z.literal('downloading'),
    version: z.string(),
    percent: z.number().min(0).max(100),
    transferred: z.number().nonnegative(),
    total: z.number().nonnegative(),
    bytesPerSecond: z.number().nonnegative(),
  }),
  z.strictObject({ status: z.literal('downloaded'), version: z.string() }),
  /** Install refused because work would be lost; `messageVi` says what to do. */
  z.strictObject({ status: z.literal('blocked'), version: z.string(), pendingSync: z.number().int().nonnegative(), unsaved: z.number().int().nonnegative(), snapshotTaken: z.boolean(), ...message }),
  z.strictObject({ status: z.literal('installing'), version: z.string() }),
  z.strictObject({ status: z.literal('error'), code: z.string(), ...message }),
]);
export type UpdaterState = z.infer<typeof updaterStateSchema>;
export type UpdaterStatus = UpdaterState['status'];
export const updaterNoPayloadSchema = z.undefined();

// ── update:prepareInstall (main → renderer request) ───────────────────────────────────────────
export const prepareInstallPayloadSchema = z.strictObject({ requestId: z.string().regex(/^[0-9a-f-]{8,64}$/) });
export type PrepareInstallPayload = z.infer<typeof prepareInstallPayloadSchema>;
/** What the renderer reports after flushing edits and snapshotting the replica. */
export const prepareInstallResultSchema = z.strictObject({
  /** Local updates the court server has not acknowledged yet. */
  pendingSync: z.number().int().nonnegative(),
  /** Open editors with changes not yet written to the replica. */
  unsaved: z.number().int().nonnegative(),
  snapshotTaken: z.boolean(),
  /**
   * The backup bundle of the replica (shared/backup) that main writes into the user data folder
   * before installing (docs/UPDATES.md); no bundle, no install.
   */
  snapshot: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'snapshot must be a Uint8Array')
    .refine((b) => b.byteLength <= MAX_BACKUP_FILE_BYTES, 'snapshot is too large')
    .optional(),
  /**
   * Why the renderer is not ready, when it knows (e.g. why `snapshotTaken` is false: the unsynced
   * work exceeds one bundle); main puts it into the `blocked` reason. Optional: older renderers
   * send none and main falls back to its generic sentence.
   */
  messageVi: z.string().max(PREPARE_INSTALL_MESSAGE_MAX).optional(),
  messageEn: z.string().max(PREPARE_INSTALL_MESSAGE_MAX).optional(),
});
export type PrepareInstallResult = z.infer<typeof prepareInstallResultSchema>;
export const prepareInstallReplySchema = prepareInstallResultSchema.extend({ requestId: prepareInstallPayloadSchema.shape.requestId });
export type PrepareInstallReply = z.infer<typeof prepareInstallReplySchema>;

// ── notification:show ─────────────────────────────────────────────────────────────────────────
/** A desktop notification (a reminder): plain text, bounded, shown by main's `Notification`. */
export const showNotificationRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(1000),
});
export type ShowNotificationRequest = z.input<typeof showNotificationRequestSchema>;
/** `shown: false` when the desktop has no notification support. */
export const showNotificationResponseSchema = z.strictObject({ shown: z.boolean() });
export type ShowNotificationResponse = z.infer<typeof showNotificationResponseSchema>;

/** Request and response schemas of every renderer → main channel. */
export const INVOKE_SCHEMAS = {
  [INVOKE_CHANNELS.getAppInfo]: { request: getAppInfoRequestSchema, response: appInfoSchema },
  [INVOKE_CHANNELS.saveFileAs]: { request: saveFileRequestSchema, response: saveFileResponseSchema },
  [INVOKE_CHANNELS.secureStoreGet]: { request: secureStoreGetRequestSchema, response: secureStoreGetResponseSchema },
  [INVOKE_CHANNELS.secureStoreSet]: { request: secureStoreSetRequestSchema, response: secureStoreWriteResponseSchema },
  [INVOKE_CHANNELS.secureStoreDelete]: { request: secureStoreDeleteRequestSchema, response: secureStoreWriteResponseSchema },
  [INVOKE_CHANNELS.saveBackup]: { request: saveBackupRequestSchema, response: saveFileResponseSchema },
  [INVOKE_CHANNELS.openBackup]: { request: openBackupRequestSchema, response: openBackupResponseSchema },
  [INVOKE_CHANNELS.getSettings]: { request: getSettingsRequestSchema, response: desktopSettingsSchema },
  [INVOKE_CHANNELS.setSettings]: { request: setSettingsRequestSchema, response: setSettingsResponseSchema },
  [INVOKE_CHANNELS.getUpdaterState]: { request: updaterNoPayloadSchema, response: updaterStateSchema },
  [INVOKE_CHANNELS.checkForUpdates]: { request: updaterNoPayloadSchema, response: updaterStateSchema },
  [INVOKE_CHANNELS.installUpdateNow]: { request: updaterNoPayloadSchema, response: updaterStateSchema },
  [INVOKE_CHANNELS.showNotification]: { request: showNotificationRequestSchema, response: showNotificationResponseSchema },
  [INVOKE_CHANNELS.prepareInstallReply]: { request: prepareInstallReplySchema, response: z.undefined() },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Payload schema of every main → renderer event. */
export const EVENT_SCHEMAS = {
  [EVENT_CHANNELS.menuCommand]: menuCommandPayloadSchema,
  [EVENT_CHANNELS.updaterState]: updaterStateSchema,
  [EVENT_CHANNELS.prepareInstall]: prepareInstallPayloadSchema,
} as const satisfies Record<string, z.ZodType>;

type InvokeSchemas = typeof INVOKE_SCHEMAS;
type EventSchemas = typeof EVENT_SCHEMAS;
/** What a handler of `C` receives once validated. */
export type InvokeRequest<C extends keyof InvokeSchemas> = z.output<InvokeSchemas[C]['request']>;
/** What the renderer passes to `C`. */
export type InvokeRequestInput<C extends keyof InvokeSchemas> = z.input<InvokeSchemas[C]['request']>;
export type InvokeResponse<C extends keyof InvokeSchemas> = z.output<InvokeSchemas[C]['response']>;
export type EventPayload<C extends keyof EventSchemas> = z.output<EventSchemas[C]>;
