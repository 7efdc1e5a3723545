/**
 * Deadline engine budget: computing every deadline of a 20,000-case demo court must take at most
 * 500 ms. Runs in Node (the engine is pure shared/ code, no IndexedDB involved):
 *
 *   node node_modules/tsx/dist/cli.mjs bench/node/deadlines.bench.ts [--cases N] [--seed S]
 *
 * Prints the median of 7 runs after 2 warm-ups, and the ratio against a baseline measured in the
 * same process: iterating the same cases and computing one calendar-day addition each (the floor
 * any per-case work pays). Exit code 1 when the budget fails.
 */
import { generateCourt } from '../../shared/demo/index.js';
import { addCalendarDays, computeDeadlines, defaultTables } from '../../shared/deadlines/index.js';
import type { Case } from '../../shared/domain/schemas.js';
import { positiveIntOption } from './args.js';

const BUDGET_MS_PER_20K = 500;
const TODAY = '2025-11-28';

const option = positiveIntOption;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => number): { ms: number; checksum: number } {
  const times: number[] = [];
  let checksum = 0;
  for (let i = 0; i < 9; i += 1) {
    const started = performance.now();
    checksum = run();
    if (i >= 2) times.push(performance.now() - started);
  }
  return { ms: median(times), checksum };
}

const cases = option('--cases', 20_000);
const seed = option('--seed', 20251128);
console.log(`[bench] generating ${cases} demo cases (seed ${seed})…`);
const court: readonly Case[] = generateCourt({ cases, seed, today: TODAY }).cases;
defaultTables(); // validate the bundled tables outside the timed runs

const baseline = time(() => {
  let sum = 0;
  for (const c of court) sum += addCalendarDays(c.acceptanceDate, 30).length;
  return sum;
});
const engine = time(() => {
  let count = 0;
  for (const c of court) count += computeDeadlines(c, { today: TODAY }).length;
  return count;
});

const budget = (BUDGET_MS_PER_20K * cases) / 20_000;
const pass = engine.ms <= budget;
console.log(
  `[bench] deadlines: ${cases} cases, ${engine.checksum} deadlines in ${engine.ms.toFixed(1)} ms ` +
    `(budget ${budget.toFixed(0)} ms: ${pass ? 'PASS' : 'FAIL'}); baseline (1 calendar-day addition per case) ` +
    `${baseline.ms.toFixed(1)} ms; ratio ${(engine.ms / baseline.ms).toFixed(1)}×`,
);
process.exitCode = pass ? 0 : 1;
