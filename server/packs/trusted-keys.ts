/**
 * The court IT public keys this server accepts packs from: the file given with `--pack-keys FILE`
 * (one KEY.pub, a JSON array or a JWK set) and every `*.pub` / `*.json` file in
 * `<data>/pack-keys/`. Read on every publish, so court IT adds or removes a key by dropping or
 * deleting a file, without a restart. An unreadable or invalid key file is an error the publisher
 * sees (never silently skipped: a typo would otherwise refuse every pack with "wrong key").
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { domainError, err, ok, type Result } from '../../shared/domain/result.js';
import { mergeTrustedKeys, parseTrustedKeys, type TrustedKey } from '../../shared/packs/trusted-keys.js';

export const PACK_KEYS_DIR_NAME = 'pack-keys';

export interface PackKeySources {
  /** `--pack-keys FILE`. */
  readonly file?: string;
  /** `<data>/pack-keys`; a missing folder holds no key. */
  readonly dir: string;
}

async function keysOf(file: string): Promise<Result<readonly TrustedKey[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return err(domainError('packs.keysUnreadable', `Máy chủ không đọc được tệp khóa tin cậy ${path.basename(file)}.`, `Cannot read the trusted key file ${file}.`));
  }
  const parsed = await parseTrustedKeys(text);
  if (!parsed.ok) return err({ ...parsed.error, messageVi: `${parsed.error.messageVi} (tệp ${path.basename(file)})`, messageEn: `${parsed.error.messageEn} (${file})` });
  return parsed;
}

/** Every trusted key, or the first key file that cannot be used. */
export async function loadPackKeys(sources: PackKeySources): Promise<Result<readonly TrustedKey[]>> {
  const files: string[] = sources.file ? [sources.file] : [];
  try {
    const names = (await readdir(sources.dir)).filter((name) => /\.(pub|json)$/i.test(name) && !name.startsWith('.')).sort();
    files.push(...names.map((name) => path.join(sources.dir, name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return err(domainError('packs.keysUnreadable', 'Máy chủ không đọc được thư mục khóa tin cậy.', `Cannot read ${sources.dir}.`));
    }
  }
  const lists: (readonly TrustedKey[])[] = [];
  for (const file of files) {
    const keys = await keysOf(file);
    if (!keys.ok) return keys;
    lists.push(keys.value);
  }
  return ok(mergeTrustedKeys(...lists));
}
