// Prints the statutory deadlines of the cases in a court file as JSON:
//   npm run deadlines -- --case COURT.json [--case-id ID] [--today YYYY-MM-DD]
//
// COURT.json is a court file (`npm run demo` writes one) or a single case object. The output is
// one entry per case: { caseId, acceptanceNumber, type, status, deadlines: [{ ruleId, title,
// basis, basisTag, startEvent, startDate, unit, length, dueDate, daysLeft, status, … }] }.
// Bad arguments or an unreadable file end with a one-line message (Vietnamese, then English) and
// exit code 2.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { describeIssues } from '../shared/domain/validate.js';
import { CaseSchema, CourtFileSchema, COURT_FILE_FORMAT, type Case } from '../shared/domain/schemas.js';
import { computeDeadlines, isIsoDate } from '../shared/deadlines/index.js';
import { CliError, cliErrorLine, usage } from './cli-error.js';

const USAGE = 'npm run deadlines -- --case COURT.json [--case-id ID] [--today YYYY-MM-DD]';


interface Args {
  file: string;
  caseId?: string;
  today: string;
}

/** Today in Vietnam (UTC+7), whatever zone this machine is set to. */
function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function value(flag: string, raw: string | undefined): string {
  if (raw === undefined || raw.startsWith('--') || raw.trim() === '') usage(`Thiếu giá trị cho ${flag}.`, `Missing value for ${flag}.`);
  return raw;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let caseId: string | undefined;
  let today: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    switch (flag) {
      case '--case':
        file = value(flag, argv[(i += 1)]);
        break;
      case '--case-id':
        caseId = value(flag, argv[(i += 1)]);
        break;
      case '--today':
        today = value(flag, argv[(i += 1)]);
        if (!isIsoDate(today)) usage(`--today phải là ngày có thật dạng YYYY-MM-DD, không phải "${today}".`, `--today must be a real date YYYY-MM-DD, not "${today}".`);
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
  if (file === undefined) usage(`Thiếu --case. Cách dùng: ${USAGE}`, `Missing --case. Usage: ${USAGE}`);
  return { file, today: today ?? vietnamToday(), ...(caseId !== undefined ? { caseId } : {}) };
}

function readCases(file: string): Case[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    usage(`Không đọc được tệp "${file}" (${reason}).`, `Cannot read "${file}" (${reason}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    usage(`Tệp "${file}" không phải JSON hợp lệ.`, `"${file}" is not valid JSON.`);
  }
  const isCourtFile = (json as { format?: unknown } | null)?.format === COURT_FILE_FORMAT;
  const parsed = isCourtFile ? CourtFileSchema.safeParse(json) : CaseSchema.safeParse(json);
  if (!parsed.success) {
    const text = describeIssues((parsed.error as z.ZodError).issues);
    usage(`Tệp "${file}" không phải tệp dữ liệu Tòa án hay hồ sơ vụ án hợp lệ: ${text.vi}`, `"${file}" is not a valid court file or case: ${text.en}`);
  }
  return isCourtFile ? (parsed.data as z.output<typeof CourtFileSchema>).cases : [parsed.data as Case];
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let cases = readCases(args.file);
  if (args.caseId !== undefined) {
    cases = cases.filter((c) => c.id === args.caseId);
    if (cases.length === 0) usage(`Không có vụ án mã "${args.caseId}" trong tệp.`, `No case with id "${args.caseId}" in the file.`);
  }
  const out = cases.map((c) => ({
    caseId: c.id,
    acceptanceNumber: c.acceptanceNumber,
    type: c.type,
    status: c.status,
    deadlines: computeDeadlines(c, { today: args.today }),
  }));
  process.stdout.write(`${JSON.stringify({ today: args.today, cases: out }, null, 1)}\n`);
}

try {
  main();
} catch (error) {
  if (error instanceof CliError) {
    console.error(cliErrorLine(error));
    process.exit(2);
  }
  console.error(`Lỗi không mong đợi: ${(error as Error).message} / Unexpected error: ${(error as Error).message}`);
  process.exit(1);
}
