/**
 * The review screen's data: the anonymiser's proposal, the copy with the judge's decisions
 * (decisions.ts) applied, and one line per proposed or added replacement. Kept apart from
 * decisions.ts so the UI can edit decisions without loading the anonymiser.
 */
import type { DocNode } from '../templates/model.js';
import { cleanText, decisionOptions, sameText, type ReviewDecisions } from './decisions.js';
import { anonymiseDoc, type AnonymisedDoc } from './document.js';
import type { AnonymiseOptions, PartyInput, Position, Replacement, ReplacementKind } from './model.js';
import { replacementKey } from './report.js';
import { resolveDecisions, type RejectedEntry, type StoredDecisions } from './stored-decisions.js';
import { anonymiseText, type AnonymisedText } from './text.js';

/** `stale`: a kept decision whose original no longer occurs in the text (shown, not applied). */
export type ReviewStatus = 'accepted' | 'rejected' | 'added' | 'stale';

/** One line of the review screen. */
export interface ReviewLine {
  readonly key: string;
  readonly kind: ReplacementKind;
  readonly original: string;
  readonly replacement: string;
  readonly status: ReviewStatus;
  /** Mentions the line covers in the copy as decided (0: an added line took them over, or none found). */
  readonly count: number;
  /** Where the mentions are: in the copy as decided, or, for a rejected line, where they would be. */
  readonly positions: readonly Position[];
}

export interface ReviewedDoc {
  /** The anonymiser's own proposal, before any decision. */
  readonly proposal: AnonymisedDoc;
  /** The copy with the decisions applied: what is shown and exported. */
  readonly copy: AnonymisedDoc;
  readonly lines: readonly ReviewLine[];
}

/**
 * The review lines: every proposed line (accepted or rejected) in order of first appearance, then
 * the added ones. Counts and positions come from the decided copy, except for a rejected line,
 * which shows where its mentions are (from the proposal) so the judge can still read them.
 */
export function reviewLines(proposal: readonly Replacement[], decided: readonly Replacement[], decisions: ReviewDecisions): ReviewLine[] {
  const rejected = new Set(decisions.rejected);
  const decidedByKey = new Map(decided.map((r) => [replacementKey(r), r]));
  const lines: ReviewLine[] = proposal.map((r) => {
    const key = replacementKey(r);
    const now = decidedByKey.get(key);
    const status: ReviewStatus = rejected.has(key) ? 'rejected' : 'accepted';
    const positions = status === 'rejected' ? r.positions : (now?.positions ?? []);
    return { key, kind: r.kind, original: r.original, replacement: r.replacement, status, count: status === 'rejected' ? r.count : positions.length, positions };
  });
  for (const added of decisions.added) {
    // An addition may appear under several keys (e.g. an all-capitals mention): one line for all.
    const matches = decided.filter((r) => r.kind === 'manual' && sameText(r.original, added.original));
    const positions = matches.flatMap((r) => r.positions);
    lines.push({ key: `added\u0000${cleanText(added.original)}`, kind: 'manual', original: cleanText(added.original), replacement: cleanText(added.replacement), status: 'added', count: positions.length, positions });
  }
  return lines;
}

/** A template document reviewed: the proposal, the decided copy and the lines. */
export function reviewDoc(doc: DocNode, parties: readonly PartyInput[], decisions: ReviewDecisions, options: AnonymiseOptions = {}): ReviewedDoc {
  const proposal = anonymiseDoc(doc, parties, options);
  const copy = anonymiseDoc(doc, parties, decisionOptions(decisions, options));
  return { proposal, copy, lines: reviewLines(proposal.replacements, copy.replacements, decisions) };
}

/** Plain text reviewed the same way (the CLI's text copy). */
export function reviewText(
  text: string,
  parties: readonly PartyInput[],
  decisions: ReviewDecisions,
  options: AnonymiseOptions = {},
): { readonly proposal: AnonymisedText; readonly copy: AnonymisedText; readonly lines: readonly ReviewLine[] } {
  const proposal = anonymiseText(text, parties, options);
  const copy = anonymiseText(text, parties, decisionOptions(decisions, options));
  return { proposal, copy, lines: reviewLines(proposal.replacements, copy.replacements, decisions) };
}

/** A stale rejection as a review line (no mentions; the kind it was stored with, or `manual`). */
function staleRejectedLine(entry: RejectedEntry): ReviewLine {
  return { key: `stale\u0000${entry.kind ?? ''}\u0000${entry.original}`, kind: entry.kind ?? 'manual', original: entry.original, replacement: entry.replacement ?? '', status: 'stale', count: 0, positions: [] };
}

/** Lines for stored decisions: an addition whose original is gone is stale, then the stale rejections. */
function storedLines(lines: readonly ReviewLine[], staleRejected: readonly RejectedEntry[]): ReviewLine[] {
  return [...lines.map((l): ReviewLine => (l.status === 'added' && l.count === 0 ? { ...l, status: 'stale' } : l)), ...staleRejected.map(staleRejectedLine)];
}

/**
 * A template document reviewed with stored decisions (stored-decisions.ts): rejections match the
 * proposal by original text, and what no longer occurs is listed as stale and not applied.
 */
export function reviewDocStored(doc: DocNode, parties: readonly PartyInput[], stored: StoredDecisions, options: AnonymiseOptions = {}): ReviewedDoc {
  const proposal = anonymiseDoc(doc, parties, options);
  const { decisions, staleRejected } = resolveDecisions(stored, proposal.replacements);
  const copy = anonymiseDoc(doc, parties, decisionOptions(decisions, options));
  return { proposal, copy, lines: storedLines(reviewLines(proposal.replacements, copy.replacements, decisions), staleRejected) };
}

/** Plain text with stored decisions (the CLI's `--decisions`). */
export function reviewTextStored(
  text: string,
  parties: readonly PartyInput[],
  stored: StoredDecisions,
  options: AnonymiseOptions = {},
): { readonly proposal: AnonymisedText; readonly copy: AnonymisedText; readonly lines: readonly ReviewLine[] } {
  const proposal = anonymiseText(text, parties, options);
  const { decisions, staleRejected } = resolveDecisions(stored, proposal.replacements);
  const copy = anonymiseText(text, parties, decisionOptions(decisions, options));
  return { proposal, copy, lines: storedLines(reviewLines(proposal.replacements, copy.replacements, decisions), staleRejected) };
}

/** Review lines of any proposal and decided copy with stored decisions (the CLI's DOCX path). */
export function storedReviewLines(proposal: readonly Replacement[], decided: readonly Replacement[], stored: StoredDecisions): ReviewLine[] {
  const { decisions, staleRejected } = resolveDecisions(stored, proposal);
  return storedLines(reviewLines(proposal, decided, decisions), staleRejected);
}
