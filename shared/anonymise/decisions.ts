/**
 * The presiding judge's review of the publication copy (NQ 03/2017 Art. 5: the chủ tọa answers for
 * the anonymisation). The anonymiser proposes review lines; the judge accepts them (the default),
 * rejects some (their mentions keep the original text) and adds what the rules missed (a text and
 * its replacement, applied to every mention). Decisions are plain data naming lines by
 * `replacementKey` (report.ts), so they can be stored with the case and re-applied to the same text;
 * applying them (review.ts) re-runs the anonymiser with the decisions as options, which keeps every mention
 * consistent (a rejected name stays whole, an added one is replaced everywhere).
 *
 * @example
 * const base = anonymiseDoc(doc, parties);
 * let decisions = rejectLine(EMPTY_DECISIONS, replacementKey(base.replacements[0]!), true);
 * const added = addReplacement(decisions, { original: 'Lê Thị Hoa', replacement: 'Lê Thị H' });
 * if (added.ok) decisions = added.value;
 * const review = reviewDoc(doc, parties, decisions); // review.ts: review.copy.doc is what gets exported
 */
import { domainError, err, ok, type Result } from '../domain/result.js';
import type { AddedReplacement, AnonymiseOptions } from './model.js';

export interface ReviewDecisions {
  /** Keys (`replacementKey`, report.ts) of the lines the judge rejected. */
  readonly rejected: readonly string[];
  /** Replacements the judge added, in the order they were added. */
  readonly added: readonly AddedReplacement[];
}

export const EMPTY_DECISIONS: ReviewDecisions = { rejected: [], added: [] };

export const cleanText = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ');
export const sameText = (a: string, b: string): boolean => cleanText(a).toLocaleLowerCase('vi') === cleanText(b).toLocaleLowerCase('vi');

/** The anonymiser options that carry the decisions. */
export function decisionOptions(decisions: ReviewDecisions, base: AnonymiseOptions = {}): AnonymiseOptions {
  return { ...base, reject: decisions.rejected, add: decisions.added };
}

/** Rejects (or accepts again) one proposed line. */
export function rejectLine(decisions: ReviewDecisions, key: string, rejected: boolean): ReviewDecisions {
  const others = decisions.rejected.filter((k) => k !== key);
  return { ...decisions, rejected: rejected ? [...others, key] : others };
}

/**
 * Adds a replacement, checked: both texts present, the original at least two letters or digits
 * (one letter would rewrite every initial in the judgment), the replacement different, and the
 * original not added already. Errors carry the Vietnamese message the reviewer reads.
 */
export function addReplacement(decisions: ReviewDecisions, input: AddedReplacement): Result<ReviewDecisions> {
  const original = cleanText(input.original);
  const replacement = cleanText(input.replacement);
  if ((original.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) {
    return err(domainError('review.originalTooShort', 'Hãy nhập đoạn cần thay (ít nhất 2 chữ cái hoặc chữ số).', 'Enter the text to replace (at least 2 letters or digits).'));
  }
  if (replacement === '') {
    return err(domainError('review.replacementEmpty', 'Hãy nhập nội dung thay thế.', 'Enter the replacement.'));
  }
  if (original === replacement) {
    return err(domainError('review.sameText', 'Nội dung thay thế phải khác đoạn gốc.', 'The replacement must differ from the original.'));
  }
  if (decisions.added.some((a) => sameText(a.original, original))) {
    return err(domainError('review.duplicate', `"${original}" đã có trong danh sách thay thế đã thêm.`, `"${original}" is already added.`));
  }
  return ok({ ...decisions, added: [...decisions.added, { original, replacement }] });
}

/** Removes an added replacement (by its original text). */
export function removeAddition(decisions: ReviewDecisions, original: string): ReviewDecisions {
  return { ...decisions, added: decisions.added.filter((a) => !sameText(a.original, original)) };
}

