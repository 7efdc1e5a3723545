/**
 * The desktop IPC contract: every channel with the zod schemas of its request and response.
 *
 * Main validates each request with these schemas before a handler runs (main/ipc.ts), so a
 * compromised page can send nothing the contract does not describe. The renderer's bridge and the
 * preload use the inferred types. Channel names live in `ipc-channels.ts` (plain data, no zod).
 */
import { z } from 'zod';
import { EVENT_CHANNELS, INVOKE_CHANNELS, MENU_COMMANDS } from './ipc-channels.js';

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

/** Request and response schemas of every renderer → main channel. */
export const INVOKE_SCHEMAS = {
  [INVOKE_CHANNELS.getAppInfo]: { request: getAppInfoRequestSchema, response: appInfoSchema },
  [INVOKE_CHANNELS.saveFileAs]: { request: saveFileRequestSchema, response: saveFileResponseSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Payload schema of every main → renderer event. */
export const EVENT_SCHEMAS = {
  [EVENT_CHANNELS.menuCommand]: menuCommandPayloadSchema,
} as const satisfies Record<string, z.ZodType>;

type InvokeSchemas = typeof INVOKE_SCHEMAS;
type EventSchemas = typeof EVENT_SCHEMAS;
/** What a handler of `C` receives once validated. */
export type InvokeRequest<C extends keyof InvokeSchemas> = z.output<InvokeSchemas[C]['request']>;
/** What the renderer passes to `C`. */
export type InvokeRequestInput<C extends keyof InvokeSchemas> = z.input<InvokeSchemas[C]['request']>;
export type InvokeResponse<C extends keyof InvokeSchemas> = z.output<InvokeSchemas[C]['response']>;
export type EventPayload<C extends keyof EventSchemas> = z.output<EventSchemas[C]>;
