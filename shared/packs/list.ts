/**
 * The wire format of `GET /api/packs`: the packs a court's server holds, oldest publication
 * first. Shared by the server (which writes it) and the app (which validates what it reads).
 */
import { z } from 'zod';

export const packListEntrySchema = z.object({
  kind: z.enum(['templates', 'deadlines']),
  packId: z.string().min(1).max(200),
  version: z.string().min(1).max(100),
  /** Hex SHA-256 of the pack file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  publishedAt: z.string(),
  publishedBy: z.string().optional(),
});

export const packListSchema = z.object({
  court: z.string(),
  packs: z.array(packListEntrySchema),
});

export type PackListEntry = z.infer<typeof packListEntrySchema>;
export type PackList = z.infer<typeof packListSchema>;

/** The download path of one pack (each segment percent-encoded: pack ids hold spaces and diacritics). */
export function packPath(kind: string, packId: string, version: string): string {
  return `/api/packs/${encodeURIComponent(kind)}/${encodeURIComponent(packId)}/${encodeURIComponent(version)}`;
}
