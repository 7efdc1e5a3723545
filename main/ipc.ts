/**
 * The single entry point for renderer → main requests (STYLE §1, after VS Code's validatedIpcMain):
 * `handle(channel, schema, handler)` registers a handler that runs only when the request comes from
 * the app's own main frame (`app://courtdesk`) and its payload passes the contract's zod schema.
 * Nothing in main calls `ipcMain.handle` directly.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../shared/contracts/ipc.js';
import { isAppUrl } from './app-origin.js';

/** Why a request was refused: a stable code, a Vietnamese message and an English one. */
export interface IpcRefusal {
  readonly code: 'ipc.senderGone' | 'ipc.subframe' | 'ipc.foreignOrigin' | 'ipc.invalidPayload';
  readonly messageVi: string;
  readonly messageEn: string;
  readonly detail?: string;
}

/** The error a refused `invoke` rejects with; its message names the channel and the reason. */
export class IpcRefusedError extends Error {
  constructor(
    readonly channel: string,
    readonly refusal: IpcRefusal,
  ) {
    const detail = refusal.detail ? ` (${refusal.detail})` : '';
    super(`[${refusal.code}] ${channel}: ${refusal.messageVi} / ${refusal.messageEn}${detail}`);
    this.name = 'IpcRefusedError';
  }
}

/** The parts of an invoke event the sender check reads (a structural type, so tests can fake it). */
export interface SenderInfo {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Null when the sender is the app's main frame; otherwise why it is not. */
export function checkSender(event: SenderInfo): IpcRefusal | null {
  const frame = event.senderFrame;
  if (frame === null) {
    return { code: 'ipc.senderGone', messageVi: 'Khung gửi yêu cầu đã đóng.', messageEn: 'The sending frame is gone.' };
  }
  if (frame.parent !== null) {
    return { code: 'ipc.subframe', messageVi: 'Yêu cầu từ khung con bị từ chối.', messageEn: 'Requests from subframes are refused.' };
  }
  if (!isAppUrl(frame.url)) {
    return {
      code: 'ipc.foreignOrigin',
      messageVi: 'Yêu cầu không đến từ ứng dụng Courtdesk nên bị từ chối.',
      messageEn: 'The request does not come from the Courtdesk app origin.',
    };
  }
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/** Null when `args` is exactly one payload the schema accepts; otherwise the refusal. */
export function checkPayload<S extends z.ZodType>(schema: S, args: readonly unknown[]): { ok: true; value: z.output<S> } | { ok: false; refusal: IpcRefusal } {
  const invalid = (detail: string) => ({
    ok: false as const,
    refusal: { code: 'ipc.invalidPayload' as const, messageVi: 'Dữ liệu yêu cầu không hợp lệ.', messageEn: 'The request payload is invalid.', detail },
  });
  if (args.length > 1) return invalid(`expected one argument, got ${args.length}`);
  const parsed = schema.safeParse(args[0]);
  return parsed.success ? { ok: true, value: parsed.data } : invalid(describeIssues(parsed.error));
}

export interface HandlerContext {
  /** The web contents that sent the request (e.g. to parent a dialog on its window). */
  readonly sender: WebContents;
}

export type IpcHandler<S extends z.ZodType, R> = (request: z.output<S>, context: HandlerContext) => Promise<R> | R;

/** The listener `handle` registers; exported so tests can drive it without Electron. */
export function validatedListener<S extends z.ZodType, R>(channel: InvokeChannel, schema: S, handler: IpcHandler<S, R>) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<R> => {
    const senderRefusal = checkSender(event);
    if (senderRefusal !== null) {
      console.warn(`[ipc] refused ${channel}: ${senderRefusal.code}`);
      throw new IpcRefusedError(channel, senderRefusal);
    }
    const payload = checkPayload(schema, args);
    if (!payload.ok) {
      // Log the reason, never the payload: it may hold case data.
      console.warn(`[ipc] refused ${channel}: ${payload.refusal.code} ${payload.refusal.detail ?? ''}`);
      throw new IpcRefusedError(channel, payload.refusal);
    }
    return handler(payload.value, { sender: event.sender });
  };
}

/**
 * Registers the handler of one contract channel behind the sender and payload checks. The types tie
 * the handler to the contract: it receives the validated request of `channel` and must answer with
 * that channel's response.
 *
 * @example handle(INVOKE_CHANNELS.getAppInfo, INVOKE_SCHEMAS['app:getInfo'].request, () => info)
 */
export function handle<C extends InvokeChannel>(
  channel: C,
  schema: z.ZodType<InvokeRequest<C>>,
  handler: (request: InvokeRequest<C>, context: HandlerContext) => Promise<InvokeResponse<C>> | InvokeResponse<C>,
): void {
  ipcMain.handle(channel, validatedListener(channel, schema, handler));
}
