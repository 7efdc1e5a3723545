/**
 * A small seeded pseudo-random generator for the demo court. `Math.random` cannot be seeded, and
 * the demo must be reproducible: the same seed gives byte-identical data in the renderer on first
 * start, in the CLI and in benchmarks, so a bug seen on one machine is seen on all.
 *
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, fast, and good enough for picking
 * names and dates (it is not for cryptography). Only integer arithmetic and one division are used,
 * so every JavaScript engine produces the same sequence.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One value of a weighted table. */
  weighted<T>(table: WeightedTable<T>): T;
  /** An independent generator for a sub-stream (e.g. one case), so streams do not shift each other. */
  fork(stream: number): Rng;
}

/** Mixes a seed and a stream number into a new 32-bit seed (a murmur3-style finaliser). */
export function mixSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32 behind the {@link Rng} interface; a class, so forking many streams stays cheap. */
class Mulberry32 implements Rng {
  private state: number;

  constructor(private readonly seed: number) {
    this.state = seed;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(table: WeightedTable<T>): T {
    return table.at(this.next() * table.total);
  }

  fork(stream: number): Rng {
    return new Mulberry32(mixSeed(this.seed, stream));
  }
}

/**
 * Creates a generator from a seed (any integer; only its low 32 bits matter).
 *
 * @example createRng(1).int(1, 6) // the same die roll on every machine
 */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed >>> 0);
}

/** A weighted list with cumulative sums precomputed, so a draw is a binary search. */
export class WeightedTable<T> {
  readonly total: number;
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    const kept = entries.filter(([, weight]) => weight > 0);
    if (kept.length === 0) throw new RangeError('a weighted table needs a positive weight');
    this.values = kept.map(([value]) => value);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** The value whose cumulative band holds `point` (0 ≤ point < total). */
  at(point: number): T {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (point < (this.cumulative[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}

/** Shorthand for `new WeightedTable(entries)`. */
export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  return new WeightedTable(entries);
}
