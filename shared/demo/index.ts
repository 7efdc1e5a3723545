/**
 * The demo court generator: what the renderer loads into an empty replica on first start, what
 * `npm run demo` writes, and what the benchmarks measure against. See generate-court.ts.
 */
export { generateCourt, MAX_DEMO_CASES, type GenerateCourtOptions } from './generate-court.js';
export { summarizeCourt, type CourtSummary } from './summary.js';
export { DEMO_COURT, staffCounts, type StaffCounts } from './court.js';
export { createRng, mixSeed, weightedTable, WeightedTable, type Rng } from './prng.js';
