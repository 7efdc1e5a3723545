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
} from '../../../../shared/contracts/ipc.js';

describe('the IPC contract', () => {
  it('has a schema for every operation channel, and no channel without an operation', () => {
    const invoke = Object.values(DESKTOP_OPERATIONS).filter((op) => op.kind === 'invoke').map((op) => op.channel);
    const events = Object.values(DESKTOP_OPERATIONS).filter((op) => op.kind === 'event').map((op) => op.channel);
    expect(invoke.sort()).toEqual(Object.keys(INVOKE_SCHEMAS).sort());
    expect(events.sort()).toEqual(Object.keys(EVENT_SCHEMAS).sort());
    expect(invoke).toEqual(expect.arrayContaining(['app:getInfo', 'file:saveAs']));
    expect(events).toEqual(['app:menuCommand']);
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
