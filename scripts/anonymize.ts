/**
 * The publication copy, in batch: `npm run anonymize -- --in FILE(.txt|.docx) --parties PARTIES.json
 * --out FILE(.txt|.docx) [--report REPORT.json] [--decisions DECISIONS.json]`.
 *
 * PARTIES.json is an array of `{ "name", "role", "address"?, "birthDate"?, "idNumber"? }` (and
 * optionally "kind": "person" | "organisation", "phone"). Judges, assessors, clerks and prosecutors
 * keep their names; every other person, business, address and identifying number is replaced
 * (shared/anonymise, docs/DOCX.md). The report lists each replacement (original, replacement, kind,
 * count, positions, status) for the presiding judge's review. Output files are written to a temp
 * file and renamed, never half-written.
 *
 * DECISIONS.json replays a judge's review (the review dialog's "Xuất quyết định (JSON)", or written
 * by hand; shared/anonymise/review-record.ts): `{ "rejected": [original | { kind?, original }],
 * "added": [{ original, replacement }] }`. A rejected original keeps its text, an added one is
 * replaced everywhere; a decision whose original is not in the input is reported as `stale`.
 *
 * Exit codes: 0 ok; 1 the DOCX could not be processed; 2 bad arguments or unreadable files.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  anonymiseDocx,
  decisionOptions,
  NO_STORED_DECISIONS,
  parseDecisionsFile,
  resolveDecisions,
  reviewTextStored,
  storedReviewLines,
  type PartyInput,
  type ReviewLine,
  type StoredDecisions,
} from '../shared/anonymise/index.js';
import { CliError, exitCodeOf, usage } from './cli-error.js';

const PartiesSchema = z.array(
  z.object({
    name: z.string().min(1),
    role: z.string().min(1),
    kind: z.enum(['person', 'organisation']).optional(),
    address: z.string().optional(),
    birthDate: z.string().optional(),
    idNumber: z.string().optional(),
    phone: z.string().optional(),
  }),
);

function parseArgs(argv: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i] ?? '';
    const value = argv[i + 1];
    if (!key.startsWith('--')) usage(`Tham số không hợp lệ "${key}"`, `Unexpected argument "${key}"`);
    if (value === undefined || value.startsWith('--')) usage(`Thiếu giá trị cho ${key}`, `Missing value for ${key}`);
    options[key.slice(2)] = value as string;
  }
  return options;
}

async function read(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    return usage(`Không đọc được tệp ${file}`, `Cannot read ${file}`);
  }
}

async function atomicWrite(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true });
    usage(`Không ghi được tệp ${file}`, `Cannot write ${file}`);
  }
}

async function loadParties(file: string): Promise<PartyInput[]> {
  let json: unknown;
  try {
    json = JSON.parse((await read(file)).toString('utf8'));
  } catch (error) {
    if (error instanceof CliError) throw error;
    return usage(`Tệp ${file} không phải JSON hợp lệ`, `${file} is not valid JSON`);
  }
  const parsed = PartiesSchema.safeParse(json);
  if (!parsed.success) {
    return usage(`Tệp ${file} phải là danh sách { "name", "role", "address"?, "birthDate"?, "idNumber"? }`, `${file} must be an array of { name, role, … }`);
  }
  return parsed.data.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as PartyInput);
}

async function loadDecisions(file: string | undefined): Promise<StoredDecisions> {
  if (file === undefined) return NO_STORED_DECISIONS;
  const parsed = parseDecisionsFile((await read(file)).toString('utf8'));
  if (!parsed.ok) return usage(`${file}: ${parsed.error.messageVi}`, `${file}: ${parsed.error.messageEn}`);
  return parsed.value;
}

/** The DOCX path: a proposal run to match the decisions, then the decided run that is written. */
function anonymiseDocxDecided(bytes: Uint8Array, parties: readonly PartyInput[], stored: StoredDecisions): { bytes: Uint8Array; lines: ReviewLine[] } {
  const proposal = anonymiseDocx(bytes, parties);
  if (!proposal.ok) throw new CliError(1, proposal.error.messageVi, proposal.error.messageEn);
  const { decisions } = resolveDecisions(stored, proposal.value.replacements);
  const decided = anonymiseDocx(bytes, parties, decisionOptions(decisions));
  if (!decided.ok) throw new CliError(1, decided.error.messageVi, decided.error.messageEn);
  return { bytes: decided.value.bytes, lines: storedReviewLines(proposal.value.replacements, decided.value.replacements, stored) };
}

const STATUS_TEXT: Record<ReviewLine['status'], string> = {
  accepted: 'thay',
  rejected: 'giữ nguyên văn theo quyết định',
  added: 'do Thẩm phán thêm',
  stale: 'không còn trong văn bản',
};

async function main(): Promise<number> {
  try {
    const options = parseArgs(process.argv.slice(2));
    const input = options.in ?? usage('Thiếu tham số --in', 'Missing --in');
    const out = options.out ?? usage('Thiếu tham số --out', 'Missing --out');
    const partiesFile = options.parties ?? usage('Thiếu tham số --parties', 'Missing --parties');
    const kind = (name: string) => (name.endsWith('.docx') ? 'docx' : name.endsWith('.txt') ? 'txt' : undefined);
    if (!kind(input) || kind(input) !== kind(out)) usage('--in và --out phải cùng là .txt hoặc cùng là .docx', '--in and --out must both be .txt or both .docx');
    const parties = await loadParties(partiesFile);
    const decisions = await loadDecisions(options.decisions);
    let lines: readonly ReviewLine[];
    if (kind(input) === 'docx') {
      const result = anonymiseDocxDecided(new Uint8Array(await read(input)), parties, decisions);
      await atomicWrite(out, result.bytes);
      lines = result.lines;
    } else {
      const result = reviewTextStored((await read(input)).toString('utf8'), parties, decisions);
      await atomicWrite(out, result.copy.text);
      lines = result.lines;
    }
    if (options.report) {
      const report = lines.map((r) => ({ original: r.original, replacement: r.replacement, kind: r.kind, count: r.count, status: r.status, positions: r.positions }));
      await atomicWrite(options.report, `${JSON.stringify(report, null, 2)}\n`);
    }
    const replaced = lines.filter((r) => r.status === 'accepted' || r.status === 'added');
    const total = replaced.reduce((sum, r) => sum + r.count, 0);
    console.log(`Đã tạo bản công bố ${out}: ${total} lần thay thế, ${lines.length} mục cần rà soát / ${total} replacements`);
    for (const r of lines) console.log(`  ${r.original} → ${r.replacement} (${r.kind}, ${r.count}${r.status === 'accepted' ? '' : `, ${STATUS_TEXT[r.status]}`})`);
    return 0;
  } catch (error) {
    return exitCodeOf(error);
  }
}

process.exitCode = await main();
