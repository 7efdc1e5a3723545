/**
 * Register queries as a clerk types them, drawn from the generated court so most of them hit:
 * party names without diacritics ("nguyen van an", "binh minh"), case numbers ("12/2025",
 * "12/2025/TLST-DS") and subject words ("hop dong vay"), one to three tokens each.
 */
import { createRng, type Rng } from '../../shared/demo/prng.js';
import type { Case } from '../../shared/domain/schemas.js';
import { foldVietnamese } from '../../shared/text/fold.js';
import type { QueryKind } from './api.js';

export interface BenchQuery {
  readonly text: string;
  readonly kind: QueryKind;
}

/** 1 to 3 consecutive words of `words`, or undefined when there are none. */
function someWords(rng: Rng, words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  const count = Math.min(words.length, rng.int(1, 3));
  const start = rng.int(0, words.length - count);
  return words.slice(start, start + count).join(' ');
}

function partyQuery(rng: Rng, c: Case): string | undefined {
  if (c.parties.length === 0) return undefined;
  const words = foldVietnamese(rng.pick(c.parties).fullName).split(' ');
  // A surname alone ("nguyen") matches a third of the court: prefer the given-name end.
  const count = Math.min(words.length, rng.int(1, 3));
  return words.slice(words.length - count).join(' ');
}

function numberQuery(rng: Rng, c: Case): string {
  const number = c.acceptanceNumber;
  // "12/2025" as often typed, or the full number as printed on the file.
  return rng.chance(0.5) ? number.split('/').slice(0, 2).join('/') : number;
}

function subjectQuery(rng: Rng, c: Case): string | undefined {
  // Skip the "V/v" prefix and one-letter words; keep content words.
  const words = foldVietnamese(c.subject)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && w !== 'v');
  return someWords(rng, words);
}

export function makeQueries(cases: readonly Case[], count: number, seed: number): BenchQuery[] {
  const rng = createRng(seed);
  const kinds: readonly QueryKind[] = ['party', 'number', 'subject'];
  const queries: BenchQuery[] = [];
  for (let attempts = 0; queries.length < count && attempts < count * 10; attempts++) {
    const kind = kinds[queries.length % kinds.length]!;
    const c = rng.pick(cases);
    const text = kind === 'party' ? partyQuery(rng, c) : kind === 'number' ? numberQuery(rng, c) : subjectQuery(rng, c);
    if (text) queries.push({ text, kind });
  }
  return queries;
}
