/**
 * Errors of the replica as values with a Vietnamese message (STYLE §7). Opening the database can
 * fail for reasons the user must understand (a newer app's data, another window holding an old
 * version open, no IndexedDB at all); writes can fail because the disk is full. None of these
 * ever deletes what is stored.
 */
import Dexie from 'dexie';
import { domainError, type DomainError } from '../../shared/domain/result.js';

export type ReplicaOpenErrorCode = 'versionTooNew' | 'blocked' | 'unavailable' | 'upgradeFailed' | 'unknown';

const OPEN_MESSAGES: Record<ReplicaOpenErrorCode, { vi: string; en: string }> = {
  versionTooNew: {
    vi: 'Dữ liệu trên máy được tạo bởi phiên bản Courtdesk mới hơn phiên bản đang chạy. Hãy cập nhật Courtdesk; dữ liệu vẫn được giữ nguyên.',
    en: 'The data on this computer was written by a newer version of Courtdesk. Update Courtdesk; the data is kept as it is.',
  },
  blocked: {
    vi: 'Courtdesk đang mở ở một cửa sổ hoặc thẻ khác với phiên bản cũ. Hãy đóng cửa sổ đó rồi mở lại.',
    en: 'Courtdesk is open in another window or tab with an older version. Close it and try again.',
  },
  unavailable: {
    vi: 'Không mở được kho dữ liệu trên máy (IndexedDB không khả dụng, có thể do chế độ duyệt riêng tư hoặc ổ đĩa bị lỗi).',
    en: 'The local data store is unavailable (IndexedDB missing, private browsing, or a disk error).',
  },
  upgradeFailed: {
    vi: 'Không nâng cấp được dữ liệu trên máy lên phiên bản mới. Dữ liệu cũ vẫn được giữ nguyên; hãy báo cho bộ phận công nghệ thông tin của Tòa án.',
    en: 'Upgrading the local data failed. The old data is kept as it is; tell the court IT.',
  },
  unknown: {
    vi: 'Không mở được dữ liệu trên máy do một lỗi không xác định.',
    en: 'Opening the local data failed with an unexpected error.',
  },
};

/** Why `openReplica` failed, with the message the user reads. */
export class ReplicaOpenError extends Error {
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(
    readonly code: ReplicaOpenErrorCode,
    readonly detail?: string,
  ) {
    const text = OPEN_MESSAGES[code];
    super(`${text.en}${detail ? ` (${detail})` : ''}`);
    this.name = 'ReplicaOpenError';
    this.messageVi = text.vi;
    this.messageEn = text.en;
  }

  get error(): DomainError {
    return domainError(`replica.open.${this.code}`, this.messageVi, this.messageEn, this.detail);
  }
}

/** A read the replica cannot answer (stored data damaged beyond repair from the case doc). */
export class ReplicaReadError extends Error {
  constructor(readonly error: DomainError) {
    super(error.messageVi);
    this.name = 'ReplicaReadError';
  }
}

/** A failed bulk operation (import, rebuild), thrown by the replica with a user message. */
export class ReplicaWriteError extends Error {
  constructor(readonly error: DomainError) {
    super(error.messageEn + (error.detail ? ` (${error.detail})` : ''));
    this.name = 'ReplicaWriteError';
  }
}

function errorName(e: unknown): string {
  if (e && typeof e === 'object') {
    const inner = (e as { inner?: unknown }).inner;
    if (inner && typeof inner === 'object' && typeof (inner as { name?: unknown }).name === 'string') {
      return (inner as { name: string }).name;
    }
    if (typeof (e as { name?: unknown }).name === 'string') return (e as { name: string }).name;
  }
  return '';
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Turns a failed write (Dexie or IndexedDB error) into a DomainError the user can act on. */
export function storageWriteError(e: unknown): DomainError {
  const name = errorName(e);
  if (name === 'QuotaExceededError' || /quota/i.test(errorText(e))) {
    return domainError(
      'replica.diskFull',
      'Không lưu được vì ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã lưu trước đó vẫn còn nguyên.',
      'Could not save: the disk is full. Free some space and try again; what was saved before is intact.',
      errorText(e),
    );
  }
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') {
    return domainError(
      'replica.closed',
      'Không lưu được vì kho dữ liệu trên máy đã đóng. Hãy mở lại Courtdesk rồi thử lại.',
      'Could not save: the local data store is closed. Restart Courtdesk and try again.',
      errorText(e),
    );
  }
  return domainError(
    'replica.writeFailed',
    'Không lưu được thay đổi vào máy. Dữ liệu đã lưu trước đó vẫn còn nguyên; hãy thử lại.',
    'Could not save the change locally. What was saved before is intact; try again.',
    errorText(e),
  );
}

/** Maps an error thrown while opening Dexie to a ReplicaOpenError. */
export function openErrorFrom(e: unknown): ReplicaOpenError {
  if (e instanceof ReplicaOpenError) return e;
  const name = errorName(e);
  const detail = errorText(e);
  switch (name) {
    case 'VersionError':
      return new ReplicaOpenError('versionTooNew', detail);
    case 'MissingAPIError':
    case 'InvalidStateError':
    case 'InvalidAccessError':
    case 'SecurityError':
    case 'UnknownError':
    case 'QuotaExceededError':
      return new ReplicaOpenError('unavailable', detail);
    case 'UpgradeError':
    case 'AbortError':
    case 'ConstraintError':
    case 'DataError':
      return new ReplicaOpenError('upgradeFailed', detail);
    default:
      return new ReplicaOpenError('unknown', detail);
  }
}

/** A key that was already there (`add`/`bulkAdd`): a doc another writer stored first. */
export function isDuplicateKeyError(e: unknown): boolean {
  if (e instanceof Dexie.BulkError) return true;
  const inner = (e as { inner?: { name?: string } } | undefined)?.inner;
  return (e as { name?: string } | undefined)?.name === 'ConstraintError' || inner?.name === 'ConstraintError';
}
