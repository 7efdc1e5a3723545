import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtomicFs } from '../../../main/save-file.js';
import { nodeAtomicFs, tempPathFor, writeFileAtomic } from '../../../main/save-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courtdesk-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = new TextEncoder().encode('Bản án số 34/2025/DS-ST');
const noWait = async () => undefined;

/** The real file system, except that rename fails with `code` for the first `failures` calls. */
function flakyRenameFs(code: string, failures: number): AtomicFs & { renames: number } {
  const adapter = {
    ...nodeAtomicFs,
    renames: 0,
    async rename(from: string, to: string) {
      adapter.renames++;
      if (adapter.renames <= failures) throw Object.assign(new Error(`${code}: resource busy or locked`), { code });
      await nodeAtomicFs.rename(from, to);
    },
  };
  return adapter;
}

describe('writeFileAtomic', () => {
  it('writes the content and leaves no temporary file', async () => {
    const target = path.join(dir, 'Biên bản phiên tòa.docx');
    expect(await writeFileAtomic(target, bytes)).toEqual({ ok: true, value: undefined });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['Biên bản phiên tòa.docx']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'a.docx');
    await writeFile(target, 'old content that is longer than the new one');
    expect((await writeFileAtomic(target, bytes)).ok).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('Bản án số 34/2025/DS-ST');
    expect(await readdir(dir)).toEqual(['a.docx']);
  });

  it('retries a rename held by a virus scanner (EBUSY), with growing waits', async () => {
    const target = path.join(dir, 'a.docx');
    const fs = flakyRenameFs('EBUSY', 2);
    const sleep = vi.fn(noWait);
    expect((await writeFileAtomic(target, bytes, { fs, sleep, retryDelayMs: 50 })).ok).toBe(true);
    expect(fs.renames).toBe(3);
    expect(sleep.mock.calls).toEqual([[50], [100]]);
    expect(await readFile(target, 'utf8')).toBe('Bản án số 34/2025/DS-ST');
    expect(await readdir(dir)).toEqual(['a.docx']);
  });

  it('gives up after the retries with a Vietnamese message and removes the temporary file', async () => {
    const target = path.join(dir, 'a.docx');
    const fs = flakyRenameFs('EPERM', 100);
    const result = await writeFileAtomic(target, bytes, { fs, sleep: noWait, retries: 3 });
    expect(fs.renames).toBe(4);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('file.busy');
    expect(result.error.messageVi).toMatch(/chương trình khác/);
    expect(result.error.detail).toContain('EPERM');
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not retry an error that is not transient', async () => {
    const target = path.join(dir, 'a.docx');
    const fs = flakyRenameFs('ENOSPC', 1);
    const sleep = vi.fn(noWait);
    const result = await writeFileAtomic(target, bytes, { fs, sleep });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('file.writeFailed');
    expect(sleep).not.toHaveBeenCalled();
    expect(await readdir(dir)).toEqual([]);
  });

  it('flushes to disk before the rename', async () => {
    const order: string[] = [];
    const fs: AtomicFs = {
      ...nodeAtomicFs,
      async open(filePath, flags, mode) {
        const handle = await nodeAtomicFs.open(filePath, flags, mode);
        return {
          writeFile: async (data) => (order.push('write'), handle.writeFile(data)),
          sync: async () => (order.push('sync'), handle.sync()),
          close: async () => (order.push('close'), handle.close()),
        };
      },
      rename: async (from, to) => (order.push('rename'), nodeAtomicFs.rename(from, to)),
    };
    expect((await writeFileAtomic(path.join(dir, 'a.docx'), bytes, { fs })).ok).toBe(true);
    expect(order).toEqual(['write', 'sync', 'close', 'rename']);
  });

  it('fails as a value when the folder does not exist', async () => {
    const result = await writeFileAtomic(path.join(dir, 'missing', 'a.docx'), bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toMatch(/Không ghi được tệp/);
  });

  it('a crash between the temp write and the rename leaves the old file whole and no temp file', async () => {
    const target = path.join(dir, 'Bản án 34-2025-DS-ST.docx');
    await writeFile(target, 'bản cũ');
    const steps: string[] = [];
    // The process "dies" after the temp file is written and flushed, before the rename: simulated by
    // a close that records the temp file on disk, then a rename that throws as a killed process would.
    const fs: AtomicFs = {
      ...nodeAtomicFs,
      async open(filePath, flags, mode) {
        const handle = await nodeAtomicFs.open(filePath, flags, mode);
        return {
          writeFile: (data) => handle.writeFile(data),
          sync: () => handle.sync(),
          close: async () => {
            await handle.close();
            steps.push(`temp written: ${(await readdir(dir)).length} files`);
          },
        };
      },
      rename: async () => {
        steps.push('crash before rename');
        throw Object.assign(new Error('EIO: process killed'), { code: 'EIO' });
      },
    };
    const result = await writeFileAtomic(target, bytes, { fs });
    expect(steps).toEqual(['temp written: 2 files', 'crash before rename']);
    expect(result.ok).toBe(false);
    expect(await readFile(target, 'utf8')).toBe('bản cũ');
    expect(await readdir(dir)).toEqual(['Bản án 34-2025-DS-ST.docx']);
  });

  it('writes new files with the requested permissions (0o600 for secrets)', async () => {
    const target = path.join(dir, 'secret.json');
    expect((await writeFileAtomic(target, bytes, { mode: 0o600 })).ok).toBe(true);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('puts the temporary file beside the target', () => {
    const temp = tempPathFor(path.join(dir, 'a.docx'));
    expect(path.dirname(temp)).toBe(dir);
    expect(path.basename(temp)).toMatch(/^\.a\.docx\.[0-9a-f]{12}\.tmp$/);
  });
});
