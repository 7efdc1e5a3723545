/**
 * Reading a backup bundle the clerk picked (a USB stick is slow and may be pulled out): the size is
 * checked before reading so a wrong 4 GB file is refused at once, and failures come back as values
 * with a Vietnamese message. Verifying the content is shared/backup's job (`readBackup`).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_BACKUP_FILE_BYTES } from '../shared/contracts/ipc.js';
import type { OpenBackupResponse } from '../shared/contracts/ipc.js';

/** The filter of both backup dialogs. */
export const BACKUP_FILE_FILTERS = [{ name: 'Bản sao lưu Courtdesk', extensions: ['courtdesk-backup', 'zip'] }];

export async function readBackupFile(filePath: string, maxBytes = MAX_BACKUP_FILE_BYTES): Promise<OpenBackupResponse> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (info.size > maxBytes) {
      return {
        opened: false,
        error: { code: 'backup.tooLarge', messageVi: 'Tệp quá lớn để là bản sao lưu Courtdesk (tối đa 512 MiB).', messageEn: 'The file is too large to be a Courtdesk backup (512 MiB at most).' },
      };
    }
    const bytes = new Uint8Array(await readFile(filePath));
    // The file may have grown between stat and read (still being copied): check again.
    if (bytes.byteLength > maxBytes) throw Object.assign(new Error('grew while reading'), { code: 'EFBIG' });
    return { opened: true, name: path.basename(filePath), bytes };
  } catch (error) {
    console.error(`[backup] cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return {
      opened: false,
      error: {
        code: 'backup.readFailed',
        messageVi: 'Không đọc được tệp sao lưu. Hãy kiểm tra USB còn cắm và thử lại.',
        messageEn: 'The backup file could not be read; check the USB drive and retry.',
      },
    };
  }
}
