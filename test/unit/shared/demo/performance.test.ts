import { describe, expect, it } from 'vitest';
import { generateCourt } from '../../../../shared/demo/index.js';

describe('generateCourt performance', () => {
  // The benchmarks load a 20,000-case court; generating it must not dominate their set-up. On an
  // idle machine that takes about 2 s. The budget is checked on the process's CPU time, which other
  // jobs sharing the two cores do not inflate the way they inflate wall-clock time.
  it('generates 20,000 cases in well under 10 s of CPU time', () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const file = generateCourt({ cases: 20_000, seed: 1, today: '2025-11-28' });
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const wallSeconds = (performance.now() - started) / 1000;
    expect(file.cases).toHaveLength(20_000);
    expect(new Set(file.cases.map((c) => c.acceptanceNumber)).size).toBe(20_000);
    expect(cpuSeconds).toBeLessThan(10);
    expect(wallSeconds).toBeLessThan(60);
  }, 120_000);
});
