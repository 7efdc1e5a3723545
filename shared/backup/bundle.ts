/**
 * Writing and reading backup bundles. Reading verifies everything before anything is returned: the
 * zip, the manifest (format, version), every doc's presence, size and SHA-256; a bundle that fails
 * any check is refused as a whole with a Vietnamese message, so a damaged stick never half-restores.
 */
import { unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import type { Zippable } from 'fflate';
import type { Result } from '../domain/result.js';
import { domainError, err, ok } from '../domain/result.js';
import { Id } from '../domain/schemas.js';
import { fromUtf8, sha256Hex, utf8 } from '../templates/crypto.js';
import type { BackupDoc, BackupManifest, BackupMeta } from './format.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_PATH, MAX_BACKUP_BYTES, backupManifestSchema, docEntryPath } from './format.js';

export interface ReadBackup {
  readonly manifest: BackupManifest;
  readonly docs: BackupDoc[];
}

const refuse = (code: string, messageVi: string, messageEn: string, detail?: string) => err(domainError(code, messageVi, messageEn, detail));

/**
 * Builds a bundle from whole-doc updates (`Y.encodeStateAsUpdate(doc)` of each case doc and
 * document body, by the replica's doc id).
 *
 * @example const zip = await buildBackup(docs, { createdAt: new Date().toISOString(), court, appVersion: '0.1.0' })
 */
export async function buildBackup(docs: readonly BackupDoc[], meta: BackupMeta): Promise<Uint8Array> {
  const entries: Zippable = {};
  const listed: BackupManifest['docs'] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (!Id.safeParse(doc.docId).success) throw new Error(`buildBackup: invalid doc id ${JSON.stringify(doc.docId)}`);
    if (seen.has(doc.docId)) throw new Error(`buildBackup: doc ${doc.docId} given twice`);
    seen.add(doc.docId);
    // Yjs updates are already compact binary; deflating them again gains little and costs time.
    entries[docEntryPath(doc.docId)] = [doc.state, { level: 0 }];
    listed.push({ docId: doc.docId, sha256: await sha256Hex(doc.state), bytes: doc.state.byteLength });
  }
  const manifest: BackupManifest = backupManifestSchema.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: meta.createdAt,
    court: { id: meta.court.id, name: meta.court.name },
    appVersion: meta.appVersion,
    docs: listed,
    counts: { ...meta.counts, docs: listed.length },
  });
  entries[MANIFEST_PATH] = utf8(JSON.stringify(manifest, null, 2));
  return zipSync(entries, { level: 6 });
}

function parseManifestJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(fromUtf8(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** The checksum proves the bytes are those the exporter wrote, not that they are a Yjs update. */
function isYjsUpdate(state: Uint8Array): boolean {
  try {
    Y.decodeUpdate(state);
    return true;
  } catch {
    return false;
  }
}

/** Reads and verifies a bundle; returns every doc only when every check passed. */
export async function readBackup(bytes: Uint8Array): Promise<Result<ReadBackup>> {
  const damaged = (detail: string) =>
    refuse('backup.corrupt', 'Tệp sao lưu bị hỏng hoặc không đầy đủ. Không có dữ liệu nào được khôi phục.', 'The backup file is damaged or incomplete; nothing was restored.', detail);
  if (bytes.byteLength > MAX_BACKUP_BYTES) {
    return refuse('backup.tooLarge', 'Tệp sao lưu quá lớn (tối đa 512 MiB).', 'The backup file is too large (512 MiB at most).');
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return refuse('backup.notZip', 'Đây không phải tệp sao lưu Courtdesk (không đọc được nội dung nén).', 'This is not a Courtdesk backup (not a readable zip).', String(error));
  }
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) return refuse('backup.foreign', 'Đây không phải tệp sao lưu Courtdesk (thiếu tệp mô tả).', 'This is not a Courtdesk backup (no manifest).');
  const raw = parseManifestJson(manifestBytes);
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return refuse('backup.foreign', 'Đây không phải tệp sao lưu Courtdesk.', 'This is not a Courtdesk backup.');
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    return refuse(
      'backup.tooNew',
      'Tệp sao lưu được tạo bởi phiên bản Courtdesk mới hơn. Hãy cập nhật ứng dụng trước khi khôi phục.',
      'The backup was made by a newer Courtdesk; update the app before restoring.',
      `formatVersion ${version}`,
    );
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) return damaged(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const manifest = parsed.data;

  const expected = new Set([MANIFEST_PATH]);
  const docs: BackupDoc[] = [];
  for (const entry of manifest.docs) {
    const path = docEntryPath(entry.docId);
    if (expected.has(path)) return damaged(`doc ${entry.docId} listed twice`);
    expected.add(path);
    const state = files[path];
    if (!state) return damaged(`${path} missing`);
    if (state.byteLength !== entry.bytes) return damaged(`${path}: ${state.byteLength} bytes, manifest says ${entry.bytes}`);
    if ((await sha256Hex(state)) !== entry.sha256) return damaged(`${path}: checksum mismatch`);
    if (!isYjsUpdate(state)) return damaged(`${path}: not a Yjs update`);
    docs.push({ docId: entry.docId, state });
  }
  const unlisted = Object.keys(files).filter((name) => !expected.has(name) && !name.endsWith('/'));
  if (unlisted.length > 0) return damaged(`unlisted entries: ${unlisted.slice(0, 3).join(', ')}`);
  return ok({ manifest, docs });
}
