/**
 * Official numbers the way a court's registry hands them out: one running sequence per kind of
 * document, case type, procedure level and calendar year, in date order ("01/2025/TLST-DS",
 * "02/2025/TLST-DS", … and back to "01" on 1 January). Numbers are requested while cases are
 * built and assigned at the end, once every date is known, so that the sequence follows the dates
 * and not the order the generator happened to draw the cases in.
 */
import { formatCaseNumber, type CaseNumberKind } from '../domain/case-number.js';
import type { CaseType, ProcedureLevel } from '../domain/vocabulary.js';
import { toDayNumber, yearOf } from './calendar.js';

interface NumberRequest {
  readonly kind: CaseNumberKind;
  readonly caseType: CaseType;
  readonly level: ProcedureLevel;
  readonly day: number;
  /** Tie-breaker among requests of the same day. */
  readonly seq: number;
  readonly assign: (number: string) => void;
}

export class NumberBook {
  private readonly requests: NumberRequest[] = [];

  /** Asks for a number; `assign` receives its canonical spelling when {@link resolve} runs. */
  request(kind: CaseNumberKind, caseType: CaseType, level: ProcedureLevel, day: number, seq: number, assign: (number: string) => void): void {
    this.requests.push({ kind, caseType, level, day, seq, assign });
  }

  /**
   * Hands out every requested number in date order. The demo covers only the last months of the
   * first year it reaches into, and a register that reads "01/2024" in September looks invented:
   * so in that first year each sequence starts where the same pace since 1 January would have
   * brought it, as if the earlier cases were on file too.
   */
  resolve(): void {
    const counters = new Map<string, number>();
    const years = new Map<number, number>();
    this.requests.sort((a, b) => a.day - b.day || a.seq - b.seq);
    const yearOfDay = (day: number) => {
      let year = years.get(day);
      if (year === undefined) {
        year = yearOf(day);
        years.set(day, year);
      }
      return year;
    };
    const keyOf = (r: NumberRequest) => `${r.kind}|${r.caseType}|${r.level}|${yearOfDay(r.day)}`;

    const first = this.requests[0];
    const last = this.requests[this.requests.length - 1];
    if (first && last) {
      // The pace of each sequence over the whole window, carried back to 1 January of its first year.
      const firstYear = yearOfDay(first.day);
      const elapsed = first.day - toDayNumber(`${firstYear}-01-01`);
      const span = last.day - first.day + 1;
      const perSequence = new Map<string, number>();
      for (const r of this.requests) {
        const sequence = `${r.kind}|${r.caseType}|${r.level}`;
        perSequence.set(sequence, (perSequence.get(sequence) ?? 0) + 1);
      }
      for (const [sequence, count] of perSequence) counters.set(`${sequence}|${firstYear}`, Math.round((count * elapsed) / span));
    }

    for (const r of this.requests) {
      const key = keyOf(r);
      const ordinal = (counters.get(key) ?? 0) + 1;
      counters.set(key, ordinal);
      r.assign(formatCaseNumber({ kind: r.kind, ordinal, year: yearOfDay(r.day), caseType: r.caseType, level: r.level }));
    }
    this.requests.length = 0;
  }
}
