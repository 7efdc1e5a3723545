/**
 * What changed between two canonical contents, paragraph by paragraph: the answer a verification
 * gives when a signature no longer matches ("đoạn 12 đã sửa: «…» → «…»"). A longest common
 * subsequence over whole blocks (after trimming the common head and tail, which is most of a
 * document), then a removed block followed by an added one reads as one changed block.
 */
import { canonicalJson } from '../templates/canonical-json.js';
import { blockText, type CanonicalBlock, type CanonicalContent, type CanonicalMeta } from './canonical.js';

export type ContentChange =
  | { readonly kind: 'meta'; readonly field: keyof CanonicalMeta; readonly before: string; readonly after: string }
  /** `index`: 1-based position of the block in the signed content (removed) or the current one (added). */
  | { readonly kind: 'removed'; readonly index: number; readonly before: string }
  | { readonly kind: 'added'; readonly index: number; readonly after: string }
  /** Same place, different text or formatting; `formatOnly` when the text is equal. */
  | { readonly kind: 'changed'; readonly beforeIndex: number; readonly afterIndex: number; readonly before: string; readonly after: string; readonly formatOnly: boolean };

/** Above this many differing blocks on each side the LCS table would be large; compare by position instead. */
const MAX_LCS_CELLS = 4_000_000;

/**
 * @example
 *   diffContent(signedContent, canonicalContent(doc));
 *   // [{ kind: 'changed', beforeIndex: 12, afterIndex: 12, before: 'Bị cáo khai…', after: 'Bị cáo khai rằng…', formatOnly: false }]
 */
export function diffContent(before: CanonicalContent, after: CanonicalContent): ContentChange[] {
  const changes: ContentChange[] = [];
  for (const field of Object.keys(after.meta).sort() as (keyof CanonicalMeta)[]) {
    if (before.meta[field] !== after.meta[field]) changes.push({ kind: 'meta', field, before: before.meta[field], after: after.meta[field] });
  }
  return [...changes, ...diffBlocks(before.blocks, after.blocks)];
}

export function diffBlocks(before: readonly CanonicalBlock[], after: readonly CanonicalBlock[]): ContentChange[] {
  const a = before.map((b) => canonicalJson(b));
  const b = after.map((x) => canonicalJson(x));
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aMid = a.slice(head, a.length - tail);
  const bMid = b.slice(head, b.length - tail);
  const ops = aMid.length * bMid.length > MAX_LCS_CELLS ? positional(aMid.length, bMid.length) : lcsOps(aMid, bMid);

  const out: ContentChange[] = [];
  let i = head;
  let j = head;
  let k = 0;
  while (k < ops.length) {
    const op = ops[k]!;
    if (op === 'same') {
      i++;
      j++;
      k++;
      continue;
    }
    // A run of removals and additions: pair them up in order as changes, the rest stay as they are.
    const removed: number[] = [];
    const added: number[] = [];
    while (k < ops.length && ops[k] !== 'same') {
      if (ops[k] === 'remove') removed.push(i++);
      else added.push(j++);
      k++;
    }
    out.push(...pairRun(before, after, removed, added));
  }
  return out;
}

/**
 * Within one run of removals and additions: a removed and an added block with the same text are
 * one re-formatted block; then, in order, a removed and an added block that still share most of
 * their text are one edited block; whatever is left was removed or added.
 */
function pairRun(before: readonly CanonicalBlock[], after: readonly CanonicalBlock[], removed: readonly number[], added: readonly number[]): ContentChange[] {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (const r of removed) {
    const match = added.find((a) => !taken.has(a) && blockText(after[a]!) === blockText(before[r]!));
    if (match !== undefined) {
      pairs.set(r, match);
      taken.add(match);
    }
  }
  let cursor = 0;
  for (const r of removed) {
    if (pairs.has(r)) continue;
    while (cursor < added.length && taken.has(added[cursor]!)) cursor++;
    const candidate = added[cursor];
    if (candidate !== undefined && similar(blockText(before[r]!), blockText(after[candidate]!))) {
      pairs.set(r, candidate);
      taken.add(candidate);
    }
  }
  const out: ContentChange[] = [];
  for (const [r, a] of [...pairs].sort((x, y) => x[1] - y[1])) {
    const x = blockText(before[r]!);
    const y = blockText(after[a]!);
    out.push({ kind: 'changed', beforeIndex: r + 1, afterIndex: a + 1, before: x, after: y, formatOnly: x === y });
  }
  for (const r of removed) if (!pairs.has(r)) out.push({ kind: 'removed', index: r + 1, before: blockText(before[r]!) });
  for (const a of added) if (!taken.has(a)) out.push({ kind: 'added', index: a + 1, after: blockText(after[a]!) });
  return out;
}

/** Shared head and tail cover at least half of the longer text. */
function similar(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return true;
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return (head + tail) * 2 >= longest;
}

type Op = 'same' | 'remove' | 'add';

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = a[i] === b[j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('same');
      i++;
      j++;
    } else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) {
      ops.push('remove');
      i++;
    } else {
      ops.push('add');
      j++;
    }
  }
  while (i++ < n) ops.push('remove');
  while (j++ < m) ops.push('add');
  return ops;
}

/** Fallback for huge rewrites: block i against block i. */
function positional(n: number, m: number): Op[] {
  const ops: Op[] = [];
  for (let i = 0; i < Math.max(n, m); i++) {
    if (i < n) ops.push('remove');
    if (i < m) ops.push('add');
  }
  return ops;
}
