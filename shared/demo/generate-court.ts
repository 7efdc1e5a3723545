/**
 * The deterministic demo court: a whole `CourtFile` (court, staff, cases with parties, panels,
 * hearings and documents) from three numbers. Pure: no clock, no I/O, no `Math.random`, so it runs
 * the same in the renderer (first start), in Node (`npm run demo`) and in benchmarks, and the
 * same options always give byte-identical JSON.
 */
import { COURT_FILE_FORMAT, COURT_FILE_VERSION, LocalDate, type Case, type CourtFile } from '../domain/schemas.js';
import { DomainException, domainError } from '../domain/result.js';
import { timestampAt, toDayNumber, WorkCalendar, yearOf } from './calendar.js';
import { buildCase, finalizeCase, type BuildContext } from './build-case.js';
import { DEMO_COURT, generateStaff } from './court.js';
import { NumberBook } from './numbering.js';
import { planCase, type CasePlan } from './plan.js';
import { createRng } from './prng.js';
import { HearingScheduler } from './schedule.js';

export interface GenerateCourtOptions {
  /** How many cases (0 to {@link MAX_DEMO_CASES}). */
  readonly cases: number;
  /** Any integer; the same seed gives the same court. */
  readonly seed: number;
  /** The day the register is a snapshot of, `YYYY-MM-DD`: hearings are laid out around it. */
  readonly today: string;
}

/** Enough for the benchmarks (20,000) with room to spare; more would only exhaust memory. */
export const MAX_DEMO_CASES = 200_000;

/** Random streams: one for the staff, one per case (so a case does not shift the next one). */
const STAFF_STREAM = 0x5747;
const CASE_STREAM_BASE = 0x10000;

function invalid(messageVi: string, messageEn: string, detail: string): never {
  throw new DomainException(domainError('demo.invalidOptions', messageVi, messageEn, detail));
}

function checkOptions(options: GenerateCourtOptions): void {
  if (!Number.isInteger(options.cases) || options.cases < 0 || options.cases > MAX_DEMO_CASES) {
    invalid(
      `Số vụ án phải là số nguyên từ 0 đến ${MAX_DEMO_CASES}.`,
      `The number of cases must be an integer from 0 to ${MAX_DEMO_CASES}.`,
      String(options.cases),
    );
  }
  if (!Number.isSafeInteger(options.seed)) {
    invalid('Hạt giống (seed) phải là số nguyên.', 'The seed must be an integer.', String(options.seed));
  }
  if (!LocalDate.safeParse(options.today).success) {
    invalid('Ngày hôm nay phải là một ngày có thật, dạng YYYY-MM-DD.', 'Today must be a real date, YYYY-MM-DD.', String(options.today));
  }
}

/**
 * Generates the demo court. Throws a {@link DomainException} (code `demo.invalidOptions`) when the
 * options are out of range.
 *
 * @example
 * const file = generateCourt({ cases: 300, seed: 1, today: '2025-11-28' });
 * CourtFileSchema.parse(file); // passes
 */
export function generateCourt(options: GenerateCourtOptions): CourtFile {
  checkOptions(options);
  const today = toDayNumber(options.today);
  const calendar = new WorkCalendar(today);
  const staff = generateStaff(createRng(options.seed).fork(STAFF_STREAM), options.cases);

  // Plan every case first, then number them in acceptance order, as a registry would.
  const plans: CasePlan[] = [];
  for (let i = 0; i < options.cases; i += 1) {
    plans.push(planCase(createRng(options.seed).fork(CASE_STREAM_BASE + i), i, { today, calendar }));
  }
  plans.sort((a, b) => a.accepted - b.accepted || a.seq - b.seq);

  const numbers = new NumberBook();
  const ctx: BuildContext = {
    today,
    year: yearOf(today),
    calendar,
    courtId: DEMO_COURT.id,
    staff,
    numbers,
    scheduler: new HearingScheduler(calendar, today, Math.max(4, Math.ceil(options.cases / 75)), Math.max(2, Math.ceil(options.cases / 150))),
  };
  const drafts = plans.map((plan, i) => buildCase(createRng(options.seed).fork(CASE_STREAM_BASE + plan.seq).fork(1), plan, i + 1, ctx));
  numbers.resolve();
  const cases: Case[] = drafts.map(finalizeCase);

  return {
    format: COURT_FILE_FORMAT,
    formatVersion: COURT_FILE_VERSION,
    // Derived from `today`, not the clock, so the file is reproducible.
    generatedAt: timestampAt(today, 7 * 60),
    seed: options.seed,
    court: { ...DEMO_COURT },
    staff: [...staff.all],
    cases,
  };
}
