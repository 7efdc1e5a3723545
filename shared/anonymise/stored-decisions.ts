/**
 * The judge's review decisions as they are kept: on the case (so reopening the review, or another
 * judge on another laptop, sees the same review) and in the "decisions" JSON file the CLI replays
 * in batch. Kept by *what* was decided, not by review-line key: a rejection names the original text
 * (and the kind of rule that proposed it), so it still holds when the anonymiser's proposed
 * replacement changes (a new party shifts "Nguyễn Văn A" to "Nguyễn Văn A1"), and a judge can write
 * one by hand (`"rejected": ["Lê Văn Cường"]`).
 *
 * When the source text changed since the review, a decision whose original no longer occurs is
 * *stale*: shown as "không còn trong văn bản", never applied, kept until the judge removes it.
 *
 * @example
 * const stored = StoredDecisionsSchema.parse({ rejected: ['Lê Văn Cường'], added: [{ original: 'Lê Thị Hoa', replacement: 'Lê Thị H' }] });
 * const { decisions, staleRejected } = resolveDecisions(stored, anonymiseText(text, parties).replacements);
 * anonymiseText(text, parties, decisionOptions(decisions));
 */
import { z } from 'zod';
import { domainError, err, ok, type Result } from '../domain/result.js';
import { addReplacement, cleanText, sameText, type ReviewDecisions } from './decisions.js';
import type { AddedReplacement, Replacement, ReplacementKind } from './model.js';
import { replacementKey } from './report.js';

/** A proposal the judge rejected: its original text keeps standing in the copy. */
export interface RejectedEntry {
  /** The rule's kind; absent (a hand-written file) matches a proposal of any kind. */
  readonly kind?: ReplacementKind;
  readonly original: string;
  /** What the anonymiser proposed when the judge rejected it (for the reader; not used to match). */
  readonly replacement?: string;
}

export interface StoredDecisions {
  readonly rejected: readonly RejectedEntry[];
  readonly added: readonly AddedReplacement[];
}

export const NO_STORED_DECISIONS: StoredDecisions = { rejected: [], added: [] };

export const REPLACEMENT_KINDS = [
  'person',
  'personShort',
  'organisation',
  'address',
  'idNumber',
  'passport',
  'phone',
  'bankAccount',
  'plate',
  'email',
  'manual',
] as const satisfies readonly ReplacementKind[];

const Clean = z.string({ error: 'Phải là một đoạn văn bản' }).transform(cleanText).pipe(z.string().min(1, { error: 'Không được để trống' }));

const RejectedObject = z
  .object({ kind: z.enum(REPLACEMENT_KINDS, { error: 'Loại thay thế không hợp lệ' }).optional(), original: Clean, replacement: Clean.optional() })
  .strict();

/** A rejection: `"Lê Văn Cường"` or `{ "kind"?, "original", "replacement"? }`. */
export const RejectedEntrySchema = z.union([Clean.transform((original): RejectedEntry => ({ original })), RejectedObject], {
  error: 'Mỗi mục "rejected" là một đoạn văn bản hoặc { "original", "kind"?, "replacement"? }',
});

const AddedSchema = z.object({ original: z.string({ error: 'Thiếu "original"' }), replacement: z.string({ error: 'Thiếu "replacement"' }) }).strict();

/** The two lists as JSON objects carry them (the app's stored record, the decisions file). */
export const decisionsShape = {
  rejected: z.array(RejectedEntrySchema).default([]),
  added: z.array(AddedSchema).default([]),
};

type DecisionsInput = { readonly rejected: readonly { kind?: ReplacementKind | undefined; original: string; replacement?: string | undefined }[]; readonly added: readonly AddedReplacement[] };

/** Checks every addition as the review dialog does (decisions.ts) and drops empty optional keys. */
export function refineDecisions(value: DecisionsInput, ctx: z.RefinementCtx): { rejected: RejectedEntry[]; added: AddedReplacement[] } {
  let decisions: ReviewDecisions = { rejected: [], added: [] };
  value.added.forEach((a, i) => {
    const next = addReplacement(decisions, a);
    if (next.ok) decisions = next.value;
    else ctx.addIssue({ code: 'custom', path: ['added', i], message: next.error.messageVi });
  });
  const rejected = value.rejected.map((r): RejectedEntry => ({ ...(r.kind ? { kind: r.kind } : {}), original: r.original, ...(r.replacement ? { replacement: r.replacement } : {}) }));
  return { rejected, added: [...decisions.added] };
}

/** The decisions alone, checked. */
export const StoredDecisionsSchema = z.object(decisionsShape).transform(refineDecisions);

const matches = (entry: RejectedEntry, line: { readonly kind: ReplacementKind; readonly original: string }): boolean =>
  sameText(entry.original, line.original) && (entry.kind === undefined || entry.kind === line.kind);

export interface ResolvedDecisions {
  /** The decisions the anonymiser applies (rejections as the keys of the proposal's lines). */
  readonly decisions: ReviewDecisions;
  /** Rejections whose original no proposal line has any more: shown, not applied. */
  readonly staleRejected: readonly RejectedEntry[];
}

/** Matches the stored decisions against the anonymiser's proposal for the current text. */
export function resolveDecisions(stored: StoredDecisions, proposal: readonly Replacement[]): ResolvedDecisions {
  const keys: string[] = [];
  const staleRejected: RejectedEntry[] = [];
  for (const entry of stored.rejected) {
    const lines = proposal.filter((r) => matches(entry, r));
    if (lines.length === 0) staleRejected.push(entry);
    for (const line of lines) {
      const key = replacementKey(line);
      if (!keys.includes(key)) keys.push(key);
    }
  }
  return { decisions: { rejected: keys, added: stored.added }, staleRejected };
}

/** Rejects a proposed line (or accepts it again): the entry is kept by kind and original. */
export function setRejected(stored: StoredDecisions, line: { readonly kind: ReplacementKind; readonly original: string; readonly replacement: string }, rejected: boolean): StoredDecisions {
  const others = stored.rejected.filter((e) => !matches(e, line));
  return { ...stored, rejected: rejected ? [...others, { kind: line.kind, original: cleanText(line.original), replacement: cleanText(line.replacement) }] : others };
}

/** Adds a replacement, with the dialog's checks and Vietnamese messages (decisions.ts). */
export function addStored(stored: StoredDecisions, input: AddedReplacement): Result<StoredDecisions> {
  const next = addReplacement({ rejected: [], added: stored.added }, input);
  return next.ok ? ok({ ...stored, added: next.value.added }) : next;
}

/** Removes an added replacement, stale or not (by its original text). */
export function removeStoredAddition(stored: StoredDecisions, original: string): StoredDecisions {
  return { ...stored, added: stored.added.filter((a) => !sameText(a.original, original)) };
}

/** Removes a stale rejection (its original is no longer in the text). */
export function removeStoredRejection(stored: StoredDecisions, entry: RejectedEntry): StoredDecisions {
  return { ...stored, rejected: stored.rejected.filter((e) => !(sameText(e.original, entry.original) && e.kind === entry.kind)) };
}

export const sameStoredDecisions = (a: StoredDecisions, b: StoredDecisions): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One zod issue in Vietnamese (the messages set in the schemas are already Vietnamese). */
function issueText(issue: z.ZodError['issues'][number]): string {
  if (issue.code === 'unrecognized_keys') return `khóa không được hỗ trợ: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type') return issue.expected === 'array' ? 'phải là một danh sách [...]' : issue.expected === 'object' ? 'phải là một đối tượng {...}' : `sai kiểu (cần ${issue.expected})`;
  return issue.message;
}

/** How a zod failure of a decisions file reads: the first problems with where they are. */
export function decisionsIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${issueText(i)}`)
    .join('; ');
}

/** Parses decisions from unknown JSON (a file, a stored record), with a Vietnamese message on failure. */
export function parseStoredDecisions(json: unknown): Result<StoredDecisions> {
  const parsed = StoredDecisionsSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return err(domainError('review.decisionsInvalid', `Quyết định rà soát không hợp lệ: ${decisionsIssues(parsed.error)}`, 'The review decisions are not valid', decisionsIssues(parsed.error)));
}
