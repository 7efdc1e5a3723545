/**
 * The backup bundle format (`courtdesk.backup` v1): a zip a clerk carries on a USB stick from one PC
 * to another. It holds `manifest.json` and one merged Yjs update per case doc (`docs/<docId>.bin`),
 * each listed in the manifest with its SHA-256 and size so that import can refuse a damaged stick.
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

/** One case doc in or out of a bundle: the whole doc as a single Yjs update. */
export interface BackupDoc {
  readonly docId: string;
  readonly state: Uint8Array;
}
