import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, INVOKE_SCHEMAS } from '../../../shared/contracts/ipc.js';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn() } }));

const electron = await import('electron');
const { handle, IpcRefusedError } = await import('../../../main/ipc.js');

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const APP_PAGE = 'app://courtdesk/index.html';
const mainFrame = (url = APP_PAGE) => ({ url, parent: null });

function invokeEvent(senderFrame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { senderFrame, sender: { id: 1 } } as unknown as IpcMainInvokeEvent;
}

/** Registers a save handler through `handle` and returns the listener ipcMain received. */
function registerSave(handler = vi.fn(async () => ({ saved: true, path: '/tmp/x.docx' }))) {
  handle(INVOKE_CHANNELS.saveFileAs, INVOKE_SCHEMAS[INVOKE_CHANNELS.saveFileAs].request, handler);
  const call = vi.mocked(electron.ipcMain.handle).mock.calls.at(-1);
  expect(call?.[0]).toBe('file:saveAs');
  return { listener: call?.[1] as Listener, handler };
}

const validRequest = () => ({ suggestedName: 'Biên bản phiên tòa.docx', bytes: new Uint8Array([80, 75, 3, 4]), filters: [{ name: 'Word', extensions: ['docx'] }] });

const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

beforeEach(() => {
  vi.mocked(electron.ipcMain.handle).mockClear();
  warn.mockClear();
});

describe('handle', () => {
  it('runs the handler with the validated payload when the app main frame asks', async () => {
    const { listener, handler } = registerSave();
    await expect(listener(invokeEvent(mainFrame()), validRequest())).resolves.toEqual({ saved: true, path: '/tmp/x.docx' });
    expect(handler).toHaveBeenCalledTimes(1);
    const [request, context] = handler.mock.calls[0] as unknown as [{ suggestedName: string; bytes: Uint8Array }, { sender: unknown }];
    expect(request.suggestedName).toBe('Biên bản phiên tòa.docx'.normalize('NFC'));
    expect(request.bytes).toBeInstanceOf(Uint8Array);
    expect(context.sender).toEqual({ id: 1 });
  });

  it.each([
    ['another origin', mainFrame('https://evil.example/'), 'ipc.foreignOrigin'],
    ['a look-alike host', mainFrame('app://courtdesk.evil/index.html'), 'ipc.foreignOrigin'],
    ['a file page', mainFrame('file:///tmp/index.html'), 'ipc.foreignOrigin'],
    ['a subframe of the app', { url: APP_PAGE, parent: { url: APP_PAGE } }, 'ipc.subframe'],
    ['a destroyed frame', null, 'ipc.senderGone'],
  ])('refuses %s before the handler runs', async (_name, frame, code) => {
    const { listener, handler } = registerSave();
    const attempt = listener(invokeEvent(frame), validRequest());
    await expect(attempt).rejects.toBeInstanceOf(IpcRefusedError);
    await expect(attempt).rejects.toThrow(`[${code}] file:saveAs`);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing payload', []],
    ['a folder in the name', [{ ...validRequest(), suggestedName: '..\\..\\Windows\\evil.docx' }]],
    ['a path separator', [{ ...validRequest(), suggestedName: '/etc/cron.d/x' }]],
    ['bytes as a plain array', [{ ...validRequest(), bytes: [1, 2, 3] }]],
    ['an unknown key', [{ ...validRequest(), path: '/etc/passwd' }]],
    ['an invalid filter', [{ ...validRequest(), filters: [{ name: 'x', extensions: ['*'] }] }]],
    ['two arguments', [validRequest(), 'extra']],
  ])('refuses %s with a clear message', async (_name, args) => {
    const { listener, handler } = registerSave();
    const attempt = listener(invokeEvent(mainFrame()), ...args);
    await expect(attempt).rejects.toThrow(/\[ipc\.invalidPayload\] file:saveAs: Dữ liệu yêu cầu không hợp lệ\. \/ The request payload is invalid\./);
    expect(handler).not.toHaveBeenCalled();
    // The refusal is logged without the payload (it may hold case data).
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).not.toMatch(/Windows|cron|etc\/passwd/);
  });

  it('accepts a request without payload on app:getInfo and refuses one with a payload', async () => {
    const info = { version: '0.1.0', platform: 'desktop' as const, locale: 'vi' };
    handle(INVOKE_CHANNELS.getAppInfo, INVOKE_SCHEMAS[INVOKE_CHANNELS.getAppInfo].request, () => info);
    const listener = vi.mocked(electron.ipcMain.handle).mock.calls.at(-1)?.[1] as Listener;
    await expect(listener(invokeEvent(mainFrame()))).resolves.toEqual(info);
    await expect(listener(invokeEvent(mainFrame()), { sneaky: true })).rejects.toThrow('ipc.invalidPayload');
  });
});
