/**
 * Atomic file writes (STYLE §2, after Actual Budget): the bytes go to a temporary file in the same
 * folder, are flushed to disk, then renamed over the target, so a crash or a power cut leaves either
 * the old file or the new one, never half a document. On Windows an antivirus or the indexer often
 * holds a fresh file for a moment (EBUSY/EPERM/EACCES on rename), so the rename is retried.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { DomainError, Result } from '../shared/domain/result.js';
import { domainError, err, ok } from '../shared/domain/result.js';

/** What the writer needs from the file system: an adapter, so tests can inject failures. */
export interface AtomicFs {
  open(filePath: string, flags: 'wx', mode: number): Promise<{ writeFile(data: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

export const nodeAtomicFs: AtomicFs = { open, rename, rm };

export interface AtomicWriteOptions {
  readonly fs?: AtomicFs;
  /** How many times a busy rename is retried before giving up. */
  readonly retries?: number;
  /** Wait before the first retry; doubles each time (100, 200, 400 ms …). */
  readonly retryDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Permissions of a new file (0o600 for secrets); the default lets other local users read it. */
  readonly mode?: number;
}

/** Error codes a virus scanner or indexer holding the file produces on Windows. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['EBUSY', 'EPERM', 'EACCES']);

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A temp name beside the target, hidden on Unix, unique enough for concurrent writers. */
export function tempPathFor(targetPath: string): string {
  return path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
}

function writeError(targetPath: string, error: unknown): DomainError {
  const code = errorCode(error);
  const busy = code !== undefined && TRANSIENT_CODES.has(code);
  return domainError(
    busy ? 'file.busy' : 'file.writeFailed',
    busy
      ? 'Không ghi được tệp vì tệp đang được chương trình khác sử dụng (ví dụ phần mềm diệt virus hoặc Word). Hãy đóng tệp rồi thử lại.'
      : 'Không ghi được tệp. Hãy kiểm tra quyền ghi và dung lượng ổ đĩa rồi thử lại.',
    busy ? 'The file is held by another program (antivirus, Word); close it and retry.' : 'The file could not be written; check permissions and free space.',
    `${targetPath}: ${code ?? String(error)}`,
  );
}

/**
 * Writes `bytes` to `targetPath` atomically. Returns an error value (with a Vietnamese message)
 * rather than throwing; the temporary file never survives a failure.
 *
 * @example await writeFileAtomic('/home/thuky/Văn bản/BB-phien-toa.docx', bytes)
 */
export async function writeFileAtomic(targetPath: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<Result<void>> {
  const fs = options.fs ?? nodeAtomicFs;
  const retries = options.retries ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 100;
  const sleep = options.sleep ?? defaultSleep;
  const tempPath = tempPathFor(targetPath);
  try {
    const handle = await fs.open(tempPath, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(tempPath, targetPath);
        return ok(undefined);
      } catch (error) {
        const code = errorCode(error);
        if (attempt >= retries || code === undefined || !TRANSIENT_CODES.has(code)) throw error;
        await sleep(retryDelayMs * 2 ** attempt);
      }
    }
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    return err(writeError(targetPath, error));
  }
}
