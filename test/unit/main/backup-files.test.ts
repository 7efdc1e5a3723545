import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBackupFile } from '../../../main/backup-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courtdesk-backup-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readBackupFile', () => {
  it('reads the chosen file with its name', async () => {
    const file = path.join(dir, 'Sao lưu 2026-11-28.courtdesk-backup');
    await writeFile(file, new Uint8Array([80, 75, 5, 6]));
    expect(await readBackupFile(file)).toEqual({ opened: true, name: 'Sao lưu 2026-11-28.courtdesk-backup', bytes: new Uint8Array([80, 75, 5, 6]) });
  });

  it('refuses a file over the limit before reading it', async () => {
    const file = path.join(dir, 'big.zip');
    await writeFile(file, new Uint8Array(100));
    const result = await readBackupFile(file, 99);
    expect(result).toMatchObject({ opened: false, error: { code: 'backup.tooLarge' } });
  });

  it('fails as a value when the stick was pulled out', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await readBackupFile(path.join(dir, 'gone.zip'));
    expect(result.opened).toBe(false);
    if (!result.opened) expect(result.error?.messageVi).toMatch(/Không đọc được tệp sao lưu/);
    expect(await readBackupFile(dir)).toMatchObject({ opened: false, error: { code: 'backup.readFailed' } });
    error.mockRestore();
  });
});
