/**
 * Signed packs for the pack-distribution tests (server route, app-side check, CLI publish, e2e):
 * a template pack carrying a newer version of the built-in hearing minutes 48-DS with one visibly
 * changed sentence, a deadline pack of the bundled tables, and a byte flipper.
 */
import { buildDeadlinePack, bundledTableData, serializeDeadlinePack, signDeadlinePack } from '../../../../shared/deadlines/index.js';
import { parseTrustedKeys, type TrustedKey } from '../../../../shared/packs/trusted-keys.js';
import { builtinSourceFiles } from '../../../../shared/templates/builtin/index.js';
import { buildPack, generateKeyPair, serializePack, signPack, type KeyPair } from '../../../../shared/templates/pack.js';

export const MINUTES_ID = 'NQ01-2017/48-DS';
export const PACK_NAME = 'Bộ mẫu TAND khu vực 1 - Vĩnh Long';
/** The sentence the newer version adds as its last paragraph, to be seen in previews and diffs. */
export const ADDED_SENTENCE = 'Phiên tòa được ghi âm, ghi hình theo quy định.';

export async function makeKeys(): Promise<{ pair: KeyPair; trusted: readonly TrustedKey[] }> {
  const pair = await generateKeyPair();
  const trusted = await parseTrustedKeys(JSON.stringify(pair.publicKey));
  if (!trusted.ok) throw new Error(trusted.error.messageEn);
  return { pair, trusted: trusted.value };
}

/** A built-in template's source (48-DS by default) at `version`, ending with ADDED_SENTENCE. */
export function minutesSource(version: string, id = MINUTES_ID): { file: string; text: string } {
  const source = builtinSourceFiles().find((f) => f.text.includes(`id: ${id}\n`));
  if (!source) throw new Error(`${id} not in the built-in pack`);
  const text = `${source.text.replace(/^version: .*$/m, `version: ${version}`).trimEnd()}\n${ADDED_SENTENCE}\n`;
  return { file: source.file, text };
}

/** A pack file (text) of the newer 48-DS; unsigned when `key` is undefined. */
export async function templatePackFile(options: { packVersion: string; templateVersion: string; key?: KeyPair['privateKey']; name?: string; templateId?: string }): Promise<string> {
  const built = await buildPack([minutesSource(options.templateVersion, options.templateId)], { name: options.name ?? PACK_NAME, version: options.packVersion, createdAt: '2026-01-05T00:00:00.000Z' });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return serializePack(options.key ? await signPack(built.value, options.key) : built.value);
}

export async function deadlinePackFile(options: { version: string; key: KeyPair['privateKey']; holidaysVersion?: string }): Promise<string> {
  const { rules, holidays } = bundledTableData();
  const table = options.holidaysVersion ? { ...(holidays as Record<string, unknown>), version: options.holidaysVersion } : holidays;
  const built = buildDeadlinePack(rules, table, { name: 'Bảng thời hạn TAND khu vực 1', version: options.version, createdAt: '2026-01-05T00:00:00.000Z' });
  if (!built.ok) throw new Error(built.error.messageEn);
  return serializeDeadlinePack(await signDeadlinePack(built.value, options.key));
}

/** The bytes of `text` with one bit flipped in the middle (inside a template source). */
export function flipOneByte(text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const at = text.indexOf(ADDED_SENTENCE) >= 0 ? new TextEncoder().encode(text.slice(0, text.indexOf(ADDED_SENTENCE))).length + 3 : Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes;
}
