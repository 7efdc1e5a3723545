import { describe, expect, it } from 'vitest';
import { createRng, mixSeed, weightedTable } from '../../../../shared/demo/prng.js';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
  });

  it('pins the first values of seed 1, so a change of algorithm is noticed', () => {
    // The reference mulberry32 (Tommy Ettinger's one-liner) seeded with 1 starts with this value.
    expect(createRng(1).next()).toBe(0.6270739405881613);
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
  });

  it('stays in [0, 1) and int() in its bounds, hitting both ends', () => {
    const rng = createRng(7);
    const xs = Array.from({ length: 5_000 }, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const ks = new Set(Array.from({ length: 5_000 }, () => rng.int(3, 6)));
    expect([...ks].sort()).toEqual([3, 4, 5, 6]);
  });

  it('is roughly uniform', () => {
    const buckets = new Array(10).fill(0) as number[];
    for (const x of draw(3, 20_000)) buckets[Math.floor(x * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 2_000)).toBeLessThan(200);
  });

  it('forks independent, reproducible streams', () => {
    const a = createRng(5).fork(1);
    const b = createRng(5).fork(2);
    const a2 = createRng(5).fork(1);
    const xs = [a.next(), a.next()];
    expect([a2.next(), a2.next()]).toEqual(xs);
    expect(b.next()).not.toBe(xs[0]);
    expect(mixSeed(5, 1)).not.toBe(mixSeed(5, 2));
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});

describe('weightedTable', () => {
  it('draws in proportion to the weights and never a zero weight', () => {
    const table = weightedTable([
      ['a', 1],
      ['zero', 0],
      ['b', 3],
    ] as const);
    const rng = createRng(11);
    const counts: Record<string, number> = { a: 0, b: 0, zero: 0 };
    for (let i = 0; i < 20_000; i += 1) counts[rng.weighted(table)]! += 1;
    expect(counts.zero).toBe(0);
    expect(counts.b! / counts.a!).toBeGreaterThan(2.7);
    expect(counts.b! / counts.a!).toBeLessThan(3.3);
  });

  it('needs a positive weight', () => {
    expect(() => weightedTable([['x', 0]])).toThrow(RangeError);
  });
});
