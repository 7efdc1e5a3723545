/**
 * The backup bundle format (`courtdesk.backup` v1): a zip a clerk carries on a USB stick from one PC
 * to another. It holds `manifest.json` and one merged Yjs update per doc of the replica
 * (`docs/<docId>.bin`), each listed in the manifest with its SHA-256 and size so that import can
 * refuse a damaged stick. Doc ids are the replica's own: `case:<caseId>` for a case doc and
 * `doc:<documentId>` for a document body (minutes, judgment, decision: DESIGN §3).
 *
 * Why document bodies did not bump the format version: the v1 manifest already lists any doc id,
 * and every app that can restore (renderer/backup/restore.ts since its first version) refuses the
 * whole bundle when a doc id is of a kind it does not know ("hãy cập nhật ứng dụng"). An older
 * app therefore refuses a bundle holding bodies, which it could not fully restore, while a newer
 * app still reads every cases-only bundle. Bump the version only for a change an older reader
 * would MIS-read (a new entry layout, a new encoding), never for a new doc kind.
 */
import { z } from 'zod';
import { Id } from '../domain/schemas.js';

export const BACKUP_FORMAT = 'courtdesk.backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

/** Largest bundle accepted (the desktop open dialog enforces the same limit). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/** Where a doc's update lives inside the zip. Doc ids are strict (`Id`), so no `/` or `..` can appear. */
export const docEntryPath = (docId: string): string => `docs/${docId}.bin`;

const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const backupDocEntrySchema = z.strictObject({
  docId: Id,
  sha256: sha256HexSchema,
  bytes: z.number().int().nonnegative(),
});
export type BackupDocEntry = z.infer<typeof backupDocEntrySchema>;

export const backupManifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  court: z.strictObject({ id: z.string().min(1).max(80), name: z.string().min(1).max(300) }),
  appVersion: z.string().min(1).max(50),
  docs: z.array(backupDocEntrySchema),
  /** Counts shown before a restore; `docs` always, the rest (cases, hearings…) as the exporter knows. */
  counts: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.number().int().nonnegative()),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** What the exporter states about the bundle; the doc list and `counts.docs` are computed. */
export interface BackupMeta {
  readonly createdAt: string;
  readonly court: { readonly id: string; readonly name: string };
  readonly appVersion: string;
  readonly counts?: Readonly<Record<string, number>>;
}

/** The doc kinds a bundle may hold, by the prefix of the replica's doc id. */
export type BackupDocKind = 'case' | 'document';

/**
 * The kind of a bundle doc, or undefined for a kind this version does not know (a restore must
 * then refuse the whole bundle: see the version note above).
 *
 * @example backupDocKind('doc:bb-2025-17') // 'document'
 */
export function backupDocKind(docId: string): BackupDocKind | undefined {
  if (docId.startsWith('case:') && docId.length > 'case:'.length) return 'case';
  if (docId.startsWith('doc:') && docId.length > 'doc:'.length) return 'document';
  return undefined;
}

/** One doc in or out of a bundle (a case doc or a document body): the whole doc as a single Yjs update. */
export interface BackupDoc {
  readonly docId: string;
  readonly state: Uint8Array;
}
