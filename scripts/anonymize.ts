/**
 * The publication copy, in batch: `npm run anonymize -- --in FILE(.txt|.docx) --parties PARTIES.json
 * --out FILE(.txt|.docx) [--report REPORT.json]`.
 *
 * PARTIES.json is an array of `{ "name", "role", "address"?, "birthDate"?, "idNumber"? }` (and
 * optionally "kind": "person" | "organisation", "phone"). Judges, assessors, clerks and prosecutors
 * keep their names; every other person, business, address and identifying number is replaced
 * (shared/anonymise, docs/DOCX.md). The report lists each replacement (original, replacement, kind,
 * count, positions) for the presiding judge's review. Output files are written to a temp file and
 * renamed, never half-written.
 *
 * Exit codes: 0 ok; 1 the DOCX could not be processed; 2 bad arguments or unreadable files.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { anonymiseDocx, anonymiseText, type PartyInput, type Replacement } from '../shared/anonymise/index.js';
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

async function main(): Promise<number> {
  try {
    const options = parseArgs(process.argv.slice(2));
    const input = options.in ?? usage('Thiếu tham số --in', 'Missing --in');
    const out = options.out ?? usage('Thiếu tham số --out', 'Missing --out');
    const partiesFile = options.parties ?? usage('Thiếu tham số --parties', 'Missing --parties');
    const kind = (name: string) => (name.endsWith('.docx') ? 'docx' : name.endsWith('.txt') ? 'txt' : undefined);
    if (!kind(input) || kind(input) !== kind(out)) usage('--in và --out phải cùng là .txt hoặc cùng là .docx', '--in and --out must both be .txt or both .docx');
    const parties = await loadParties(partiesFile);
    let replacements: readonly Replacement[];
    if (kind(input) === 'docx') {
      const result = anonymiseDocx(new Uint8Array(await read(input)), parties);
      if (!result.ok) throw new CliError(1, result.error.messageVi, result.error.messageEn);
      await atomicWrite(out, result.value.bytes);
      replacements = result.value.replacements;
    } else {
      const result = anonymiseText((await read(input)).toString('utf8'), parties);
      await atomicWrite(out, result.text);
      replacements = result.replacements;
    }
    if (options.report) {
      const report = replacements.map((r) => ({ original: r.original, replacement: r.replacement, kind: r.kind, count: r.count, positions: r.positions }));
      await atomicWrite(options.report, `${JSON.stringify(report, null, 2)}\n`);
    }
    const total = replacements.reduce((sum, r) => sum + r.count, 0);
    console.log(`Đã tạo bản công bố ${out}: ${total} lần thay thế, ${replacements.length} mục cần rà soát / ${total} replacements`);
    for (const r of replacements) console.log(`  ${r.original} → ${r.replacement} (${r.kind}, ${r.count})`);
    return 0;
  } catch (error) {
    return exitCodeOf(error);
  }
}

process.exitCode = await main();
