// Writes a demo court file: npm run demo -- --cases 300 --seed 1 --out court.json [--today YYYY-MM-DD]
//
// The file is what the app imports (CourtFileSchema) and what the benchmarks load. It is written
// atomically: a temp file in the same folder, then a rename, so a reader never sees half a file.
// Bad arguments end with a one-line message (Vietnamese, then English) and exit code 2.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DomainException } from '../shared/domain/result.js';
import { CourtFileSchema } from '../shared/domain/schemas.js';
import { generateCourt, MAX_DEMO_CASES, summarizeCourt } from '../shared/demo/index.js';
import { CliError, cliErrorLine, usage } from './cli-error.js';

const USAGE = 'npm run demo -- --cases N --seed S --out FILE.json [--today YYYY-MM-DD]';


interface Args {
  cases: number;
  seed: number;
  out: string;
  today: string;
  /** Re-parse the written data with CourtFileSchema (slow for large files; on by default under 5,000 cases). */
  check: boolean;
}

/** Today in Vietnam (UTC+7), whatever zone this machine is set to. */
function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function parseInteger(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || raw.startsWith('--')) {
    usage(`Thiếu giá trị cho ${flag}.`, `Missing value for ${flag}.`);
  }
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min || Number(raw) > max) {
    usage(
      `${flag} phải là số nguyên từ ${min} đến ${max}, không phải "${raw}".`,
      `${flag} must be an integer from ${min} to ${max}, not "${raw}".`,
    );
  }
  return Number(raw);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--cases':
        args.cases = parseInteger(flag, value, 0, MAX_DEMO_CASES);
        i += 1;
        break;
      case '--seed':
        args.seed = parseInteger(flag, value, -(2 ** 31), 2 ** 32 - 1);
        i += 1;
        break;
      case '--out':
        if (value === undefined || value.startsWith('--') || value.trim() === '') {
          usage('Thiếu đường dẫn tệp cho --out.', 'Missing file path for --out.');
        }
        args.out = value;
        i += 1;
        break;
      case '--today':
        if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          usage(`--today phải có dạng YYYY-MM-DD, không phải "${value ?? ''}".`, `--today must be YYYY-MM-DD, not "${value ?? ''}".`);
        }
        args.today = value;
        i += 1;
        break;
      case '--check':
        args.check = true;
        break;
      case '--no-check':
        args.check = false;
        break;
      case '--help':
      case '-h':
        console.log(`Cách dùng / Usage: ${USAGE}`);
        process.exit(0);
        break;
      default:
        usage(`Không hiểu tham số "${flag}". Cách dùng: ${USAGE}`, `Unknown argument "${flag}". Usage: ${USAGE}`);
    }
  }
  if (args.out === undefined) usage(`Thiếu --out. Cách dùng: ${USAGE}`, `Missing --out. Usage: ${USAGE}`);
  const cases = args.cases ?? 300;
  return { cases, seed: args.seed ?? 1, out: args.out, today: args.today ?? vietnamToday(), check: args.check ?? cases < 5_000 };
}

/** Temp file beside the target, fsync, rename: the target is either the old file or the whole new one. */
function writeAtomically(target: string, text: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    usage(`Không ghi được tệp "${target}" (${reason}).`, `Cannot write "${target}" (${reason}).`);
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const file = generateCourt({ cases: args.cases, seed: args.seed, today: args.today });
  const text = JSON.stringify(file);
  if (args.check) CourtFileSchema.parse(JSON.parse(text));
  const target = path.resolve(args.out);
  writeAtomically(target, text);
  const s = summarizeCourt(file, args.today);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Đã ghi ${args.out}: ${s.cases} vụ án, ${s.staff} cán bộ, ${s.parties} người tham gia tố tụng, ${s.hearings} phiên ` +
      `(${s.hearingsToday} phiên ngày ${args.today}), ${s.documents} tài liệu; seed ${args.seed}; ` +
      `${(text.length / 1e6).toFixed(1)} MB trong ${seconds} s / wrote ${s.cases} cases.`,
  );
}

try {
  main();
} catch (error) {
  if (error instanceof CliError) {
    console.error(cliErrorLine(error));
  } else if (error instanceof DomainException) {
    console.error(`Lỗi: ${error.error.messageVi} / Error: ${error.error.messageEn}`);
  } else {
    // Not an argument problem: a bug. Say so in one line; the stack is of no use to the user.
    console.error(`Lỗi không mong đợi: ${(error as Error).message} / Unexpected error: ${(error as Error).message}`);
    process.exit(1);
  }
  process.exit(2);
}
