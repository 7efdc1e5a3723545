/**
 * Court IT's template tool: `npm run templates -- <command> [options]`.
 *
 *   keygen --out KEY                         writes KEY (private JWK, mode 600) and KEY.pub
 *   export --out DIR                         writes the built-in pack's sources (one .tpl per form)
 *   build  --src DIR --out PACK [--name N] [--pack-version V]   compiles DIR/*.tpl into an unsigned pack
 *   sign   --pack PACK --key KEY             signs PACK in place
 *   verify --pack PACK --pubkey PUB          exit 0 only when the pack is valid, 1 when it is not
 *   list   [--pack PACK]                     id, version, effective date, title
 *   render --template ID --case COURT.json [--case-id ID] [--hearing-id ID] [--pack PACK --pubkey PUB] --out FILE
 *                                            FILE.txt = plain text, FILE.json = document content,
 *                                            FILE.docx = court-format DOCX (validated, then written atomically)
 *   fields                                   the field-path reference (Markdown), for docs/TEMPLATES.md
 *   publish --pack PACK --server URL --court C --user U --password P
 *                                            uploads a signed pack (templates or deadline tables) with an admin account
 *
 * Exit codes: 0 ok; 1 verification failed, a template has errors, or the server refused the pack;
 * 2 bad arguments, files, server address or credentials.
 */
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDocx, validateDocx } from '../shared/docx/index.js';
import { CourtFileSchema, type CourtFile } from '../shared/domain/schemas.js';
import { BUILTIN_PACK_NAME, BUILTIN_VERSION, builtinSourceFiles, builtinTemplates } from '../shared/templates/builtin/index.js';
import { buildContext } from '../shared/templates/context.js';
import type { Template } from '../shared/templates/model.js';
import { buildPack, generateKeyPair, parseKey, parsePack, serializePack, signPack, verifyPack } from '../shared/templates/pack.js';
import { fieldRows } from '../shared/templates/paths.js';
import { renderTemplate } from '../shared/templates/render.js';
import { servesCase } from '../shared/templates/select.js';
import { compileTemplate, formatTemplateError } from '../shared/templates/source-format.js';
import { docToText } from '../shared/templates/text.js';
import { CliError, exitCodeOf, usage } from './cli-error.js';
import { publishPack } from './pack-publish.js';


type Options = Record<string, string>;

function parseArgs(argv: readonly string[]): { command: string; options: Options } {
  const [command = '', ...rest] = argv;
  const options: Options = {};
  for (let i = 0; i < rest.length; i += 1) {
    const key = rest[i] ?? '';
    if (!key.startsWith('--')) usage(`Tham số không hợp lệ "${key}"`, `Unexpected argument "${key}"`);
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) usage(`Thiếu giá trị cho ${key}`, `Missing value for ${key}`);
    options[key.slice(2)] = value as string;
    i += 1;
  }
  return { command, options };
}

function need(options: Options, name: string): string {
  return options[name] ?? usage(`Thiếu tham số --${name}`, `Missing --${name}`);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return usage(`Không đọc được tệp ${file}`, `Cannot read ${file}`);
  }
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    return usage(`Không đọc được tệp ${file}`, `Cannot read ${file}`);
  }
}

async function write(file: string, text: string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, text, 'utf8');
  } catch {
    usage(`Không ghi được tệp ${file}`, `Cannot write ${file}`);
  }
}

/** Validates the package, then writes it to a temp file beside FILE and renames: never a half-written DOCX. */
async function writeDocx(file: string, bytes: Uint8Array): Promise<void> {
  const check = validateDocx(bytes);
  if (!check.ok) throw new CliError(1, `${check.error.messageVi}: ${check.error.detail ?? ''}`, `${check.error.messageEn}: ${check.error.detail ?? ''}`);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true });
    usage(`Không ghi được tệp ${file}`, `Cannot write ${file}`);
  }
}

async function keygen(options: Options): Promise<void> {
  const out = need(options, 'out');
  const pair = await generateKeyPair();
  await write(out, `${JSON.stringify(pair.privateKey, null, 2)}\n`);
  await chmod(out, 0o600);
  await write(`${out}.pub`, `${JSON.stringify(pair.publicKey, null, 2)}\n`);
  console.log(`Đã tạo khóa ${pair.publicKey.kid}: ${out} (bí mật, giữ kín), ${out}.pub (công khai) / key pair written`);
}

async function exportSources(options: Options): Promise<void> {
  const dir = need(options, 'out');
  const files = builtinSourceFiles();
  for (const { file, text } of files) await write(path.join(dir, file), text);
  console.log(`Đã xuất ${files.length} mẫu vào ${dir} / exported ${files.length} templates`);
}

async function build(options: Options): Promise<void> {
  const src = need(options, 'src');
  const out = need(options, 'out');
  let names: string[];
  try {
    names = (await readdir(src)).filter((name) => name.endsWith('.tpl')).sort();
  } catch {
    return usage(`Không đọc được thư mục ${src}`, `Cannot read directory ${src}`);
  }
  if (names.length === 0) usage(`Thư mục ${src} không có tệp .tpl`, `No .tpl files in ${src}`);
  const sources = await Promise.all(names.map(async (file) => ({ file, text: await readText(path.join(src, file)) })));
  const result = await buildPack(sources, {
    name: options.name ?? BUILTIN_PACK_NAME,
    version: options['pack-version'] ?? BUILTIN_VERSION,
    createdAt: new Date().toISOString(),
  });
  if (!result.ok) {
    for (const error of result.error) console.error(formatTemplateError(error));
    throw new CliError(1, `Có ${result.error.length} lỗi trong mẫu, chưa đóng gói`, `${result.error.length} template error(s): pack not built`);
  }
  await write(out, serializePack(result.value));
  console.log(`Đã đóng gói ${names.length} mẫu vào ${out} (chưa ký) / built an unsigned pack`);
}

async function sign(options: Options): Promise<void> {
  const file = need(options, 'pack');
  const key = parseKey(await readText(need(options, 'key')), true);
  if (!key.ok) usage(key.error.messageVi, key.error.messageEn);
  const pack = parsePack(await readBytes(file));
  if (!pack.ok) usage(pack.error.messageVi, pack.error.messageEn);
  if (!key.ok || !pack.ok) return;
  const signed = await signPack(pack.value, key.value);
  await write(file, serializePack(signed));
  console.log(`Đã ký bộ mẫu ${file} bằng khóa ${signed.signature?.keyId ?? ''} / pack signed`);
}

async function loadVerified(packFile: string, pubFile: string): Promise<readonly Template[]> {
  const key = parseKey(await readText(pubFile), false);
  if (!key.ok) return usage(key.error.messageVi, key.error.messageEn);
  const verified = await verifyPack(await readBytes(packFile), key.value);
  if (!verified.ok) {
    if (verified.error.detail) console.error(verified.error.detail);
    throw new CliError(1, verified.error.messageVi, verified.error.messageEn);
  }
  return verified.value.templates;
}

async function verify(options: Options): Promise<void> {
  const templates = await loadVerified(need(options, 'pack'), need(options, 'pubkey'));
  console.log(`Bộ mẫu hợp lệ: ${templates.length} mẫu, chữ ký đúng / pack is valid`);
}

async function templatesFrom(options: Options): Promise<readonly Template[]> {
  if (options.pack === undefined) return builtinTemplates();
  if (options.pubkey !== undefined) return loadVerified(options.pack, options.pubkey);
  // Listing an unverified pack is allowed (court IT inspects what it built); it is never loaded by the app so.
  const pack = parsePack(await readBytes(options.pack));
  if (!pack.ok) return usage(pack.error.messageVi, pack.error.messageEn);
  return pack.value.manifest.templates.flatMap((entry) => {
    const compiled = compileTemplate(pack.value.sources[entry.file] ?? '', entry.file);
    return compiled.ok ? [compiled.template] : [];
  });
}

async function list(options: Options): Promise<void> {
  for (const { meta } of await templatesFrom(options)) {
    console.log([meta.id, meta.version, meta.effectiveDate, meta.title].join('\t'));
  }
}

async function render(options: Options): Promise<void> {
  const id = need(options, 'template');
  const out = need(options, 'out');
  const courtFile = need(options, 'case');
  if (!/\.(txt|json|docx)$/.test(out)) usage('Tệp --out phải có đuôi .txt, .json hoặc .docx', '--out must end in .txt, .json or .docx');
  const template = (await templatesFrom(options)).find((t) => t.meta.id === id);
  if (!template) usage(`Không có mẫu ${id} (xem: npm run templates -- list)`, `No template ${id}`);
  if (!template) return;
  let data: CourtFile;
  try {
    data = CourtFileSchema.parse(JSON.parse(await readText(courtFile)));
  } catch {
    return usage(`Tệp ${courtFile} không phải tệp dữ liệu Tòa án hợp lệ`, `${courtFile} is not a valid court file`);
  }
  const contextOf = (kase: CourtFile['cases'][number]) =>
    buildContext({
      court: data.court,
      staff: data.staff,
      kase,
      hearingKinds: template.meta.hearingKinds,
      today: new Date().toISOString().slice(0, 10),
      ...(options['hearing-id'] ? { hearingId: options['hearing-id'] } : {}),
    });
  const caseId = options['case-id'];
  // Without --case-id: the first case the template serves, preferring one whose hearing was held
  // (a case still awaiting trial legitimately lacks most of a judgment's data).
  const serving = data.cases.filter((c) => servesCase(template.meta, c, contextOf(c)));
  const held = (c: CourtFile['cases'][number]) => c.hearings.some((h) => template.meta.hearingKinds.includes(h.kind) && h.status === 'held');
  const kase = caseId !== undefined ? data.cases.find((c) => c.id === caseId) : (serving.find(held) ?? serving[0]);
  if (!kase) {
    return usage(
      caseId ? `Không có vụ án ${caseId} trong ${courtFile}` : `Không có vụ án nào phù hợp với mẫu ${id}`,
      caseId ? `No case ${caseId}` : `No case served by ${id}`,
    );
  }
  const { doc, missing } = renderTemplate(template, contextOf(kase));
  if (out.endsWith('.docx')) {
    const number = template.meta.kind === 'judgment' ? kase.judgmentNumber : template.meta.kind === 'decision' ? kase.trialDecisionNumber : undefined;
    await writeDocx(out, await buildDocx(doc, { title: template.meta.title, court: data.court.name, ...(number ? { number } : {}) }));
  } else await write(out, out.endsWith('.json') ? `${JSON.stringify(doc, null, 2)}\n` : docToText(doc));
  console.log(`Đã tạo ${out} từ mẫu ${id} cho vụ án ${kase.id} (${kase.acceptanceNumber}); ${missing.length} trường còn thiếu / rendered`);
  for (const field of missing) console.log(`  thiếu: ${field.label} (${field.path})`);
}

function fields(): void {
  console.log('| Đường dẫn (path) | Kiểu | Ý nghĩa | Meaning | Ví dụ |');
  console.log('|---|---|---|---|---|');
  for (const row of fieldRows()) {
    const note = row.supplied ? ' (bổ sung khi soạn thảo)' : '';
    console.log(`| \`${row.path}\` | ${row.type} | ${row.labelVi}${note} | ${row.labelEn} | ${row.example} |`);
  }
}

async function publish(options: Options): Promise<void> {
  const file = need(options, 'pack');
  const server = need(options, 'server');
  const court = need(options, 'court');
  const user = need(options, 'user');
  // The password may come from the environment so it stays out of shell history and `ps`.
  const password = options.password ?? process.env.COURTDESK_PASSWORD ?? usage('Thiếu tham số --password (hoặc biến COURTDESK_PASSWORD)', 'Missing --password (or COURTDESK_PASSWORD)');
  const published = await publishPack({ bytes: await readBytes(file), server, court, user, password });
  const { identity } = published;
  const what = identity.kind === 'templates' ? 'bộ mẫu' : 'gói bảng thời hạn';
  console.log(`Đã đăng ${what} "${identity.packId}" phiên bản ${identity.version} lên ${server} (tòa ${court}); SHA-256 ${published.sha256} / pack published`);
}

const COMMANDS: Record<string, (options: Options) => Promise<void> | void> = {
  keygen,
  export: exportSources,
  build,
  sign,
  verify,
  list,
  render,
  fields,
  publish,
};

async function main(): Promise<number> {
  try {
    const { command, options } = parseArgs(process.argv.slice(2));
    const run = COMMANDS[command];
    if (!run) usage(`Lệnh không hợp lệ "${command}" (có: ${Object.keys(COMMANDS).join(', ')})`, `Unknown command "${command}"`);
    await run?.(options);
    return 0;
  } catch (error) {
    return exitCodeOf(error);
  }
}

process.exitCode = await main();
