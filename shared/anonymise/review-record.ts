/**
 * Where a publication review is kept, and the file it is exported as.
 *
 * - On the case (`Case.publicationReviews`, one plain JSON value in the case Y.Doc like the
 *   `publication` record, so it syncs and another judge opens the same review): one record per
 *   source document, keyed by {@link sourceKey}. Each says which text it reviewed (for a signed
 *   judgment, the SHA-256 of its signed content), the decisions, who saved them and when.
 * - As a file ("Xuất quyết định (JSON)"; `npm run anonymize -- --decisions FILE`): the same
 *   decisions with a format tag, so a judge's review can be replayed in batch. A hand-written file
 *   may hold only `rejected` and `added`.
 *
 * @example
 * { "format": "courtdesk.publication-decisions", "version": 1,
 *   "rejected": [{ "kind": "person", "original": "Lê Văn Cường", "replacement": "Lê Văn C" }, "Phạm Thị Mai"],
 *   "added": [{ "original": "Lê Thị Hoa", "replacement": "Lê Thị H" }] }
 */
import { z } from 'zod';
import { domainError, err, ok, type Result } from '../domain/result.js';
import type { AddedReplacement } from './model.js';
import { decisionsIssues, decisionsShape, refineDecisions, type RejectedEntry, type StoredDecisions } from './stored-decisions.js';

export const DECISIONS_FILE_FORMAT = 'courtdesk.publication-decisions';
export const DECISIONS_FILE_VERSION = 1;

/** The text a review was made on: a drafted document (signed or not) or a template rendered from the case. */
export interface PublicationSource {
  readonly kind: 'document' | 'template';
  /** The document id, or the template's legal id. */
  readonly id: string;
  readonly title: string;
  /** Hex SHA-256 of the signed canonical content, when the source is a finalised document. */
  readonly contentHash?: string;
}

export interface PublicationReview extends StoredDecisions {
  readonly source: PublicationSource;
  readonly updatedBy: string;
  /** ISO-8601 UTC instant of the last save. */
  readonly updatedAt: string;
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Mã băm SHA-256 không hợp lệ' });

export const PublicationSourceSchema = z
  .object({
    kind: z.enum(['document', 'template']),
    id: z.string().min(1),
    title: z.string(),
    contentHash: Sha256.optional(),
  })
  .strict();

const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, { error: 'Thời điểm không hợp lệ' });

export const PublicationReviewSchema = z
  .object({ source: PublicationSourceSchema, updatedBy: z.string(), updatedAt: Instant, ...decisionsShape })
  // Mutable arrays in the output: the parsed Case must stay assignable to CaseInput (tests build one from the other).
  .transform((value, ctx): PublicationReview & { rejected: RejectedEntry[]; added: AddedReplacement[] } => {
    const decisions = refineDecisions(value, ctx);
    const source = { kind: value.source.kind, id: value.source.id, title: value.source.title, ...(value.source.contentHash ? { contentHash: value.source.contentHash } : {}) };
    return { source, updatedBy: value.updatedBy, updatedAt: value.updatedAt, ...decisions };
  });

/** The reviews of a case, by {@link sourceKey}. */
export const PublicationReviewsSchema = z.record(z.string(), PublicationReviewSchema);
export type PublicationReviews = Readonly<Record<string, PublicationReview>>;

/** `doc:<id>` or `template:<legal id>`: a drafted document and a template rendering never share a review. */
export function sourceKey(source: Pick<PublicationSource, 'kind' | 'id'>): string {
  return `${source.kind === 'document' ? 'doc' : 'template'}:${source.id}`;
}

/** The decisions file: the stored decisions plus where they come from. Unknown keys are refused (a typo must not pass silently). */
export const DecisionsFileSchema = z
  .object({
    format: z.literal(DECISIONS_FILE_FORMAT, { error: `"format" phải là "${DECISIONS_FILE_FORMAT}"` }).optional(),
    version: z.literal(DECISIONS_FILE_VERSION, { error: `Chỉ hỗ trợ "version": ${DECISIONS_FILE_VERSION}` }).optional(),
    caseNumber: z.string().optional(),
    source: PublicationSourceSchema.optional(),
    exportedBy: z.string().optional(),
    exportedAt: z.string().optional(),
    ...decisionsShape,
  })
  .strict()
  .transform(refineDecisions);

export interface DecisionsFile extends StoredDecisions {
  readonly format: typeof DECISIONS_FILE_FORMAT;
  readonly version: typeof DECISIONS_FILE_VERSION;
  readonly caseNumber?: string;
  readonly source?: PublicationSource;
  readonly exportedBy?: string;
  readonly exportedAt?: string;
}

/** The file the review dialog exports. */
export function decisionsFile(decisions: StoredDecisions, about: { readonly caseNumber?: string; readonly source?: PublicationSource; readonly exportedBy?: string; readonly exportedAt?: string } = {}): DecisionsFile {
  return { format: DECISIONS_FILE_FORMAT, version: DECISIONS_FILE_VERSION, ...about, rejected: decisions.rejected, added: decisions.added };
}

/** Reads a decisions file's text; the error says, in Vietnamese, what is wrong and where. */
export function parseDecisionsFile(text: string): Result<StoredDecisions> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return err(domainError('review.decisionsNotJson', 'Tệp quyết định không phải JSON hợp lệ', 'The decisions file is not valid JSON', String(cause)));
  }
  if (Array.isArray(json) || typeof json !== 'object' || json === null) {
    return err(domainError('review.decisionsShape', 'Tệp quyết định phải là một đối tượng { "rejected": [...], "added": [...] }', 'The decisions file must be an object { rejected, added }'));
  }
  const parsed = DecisionsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = decisionsIssues(parsed.error);
    return err(domainError('review.decisionsInvalid', `Tệp quyết định không hợp lệ: ${issues}`, `The decisions file is not valid: ${issues}`));
  }
  return ok(parsed.data);
}
