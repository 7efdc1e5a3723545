/**
 * The pack check that runs after each successful sync (PacksProvider): list the court server's
 * packs, download each pack newer than what this app has (per kind and pack id, the built-in
 * template pack counting as installed), verify it with the trusted court IT keys, and store it.
 * A refused pack (unsigned, another key, one byte changed, a download whose SHA-256 differs from
 * the list) is reported with its Vietnamese reason and never stored; the packs already installed
 * stay as they are. A pack refused once is not downloaded again until the trust list changes.
 */
import { packListSchema, packPath, type PackListEntry } from '../../shared/packs/list.js';
import { isNewer } from '../../shared/packs/version.js';
import { verifyAnyPack } from '../../shared/packs/verify.js';
import { sha256Hex } from '../../shared/templates/crypto.js';
import { BUILTIN_PACK_NAME, BUILTIN_VERSION } from '../../shared/templates/builtin/index.js';
import type { CourtdeskDb, PackCheckRecord } from '../replica/schema.js';
import { apiUrl, type FetchLike } from '../sync/http.js';
import { installedPacks, lastPackCheck, packKey, putInstalledPack, saveLastPackCheck } from './pack-db.js';
import { keySetId, trustedKeys } from './trust.js';

export interface PackCheckInput {
  readonly db: CourtdeskDb;
  readonly session: { readonly serverUrl: string; readonly token: string };
  readonly fetch?: FetchLike;
  readonly now?: () => Date;
}

type Refusal = PackCheckRecord['refused'][number] & { readonly sha256?: string; readonly keySet?: string };

const label = (entry: Pick<PackListEntry, 'packId' | 'version'>) => `${entry.packId} ${entry.version}`;

async function get(doFetch: FetchLike, url: string, token: string): Promise<{ ok: true; res: Response } | { ok: false; vi: string; en: string }> {
  let res: Response;
  try {
    res = await doFetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    return { ok: false, vi: 'Không kết nối được máy chủ tòa án.', en: `Cannot reach the court server (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (res.ok) return { ok: true, res };
  let body: { message?: unknown; messageEn?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: the status says enough
  }
  return {
    ok: false,
    vi: typeof body.message === 'string' ? body.message : `Máy chủ trả lời lỗi ${res.status}.`,
    en: typeof body.messageEn === 'string' ? body.messageEn : `The server answered ${res.status}.`,
  };
}

/** The newest listed version of each (kind, packId) that is newer than what the app has. */
export function packsToFetch(listed: readonly PackListEntry[], have: ReadonlyMap<string, string>): PackListEntry[] {
  const newest = new Map<string, PackListEntry>();
  for (const entry of listed) {
    const id = `${entry.kind}/${entry.packId}`;
    const best = newest.get(id);
    if (!best || isNewer(entry.version, best.version)) newest.set(id, entry);
  }
  return [...newest.entries()].filter(([id, entry]) => isNewer(entry.version, have.get(id))).map(([, entry]) => entry);
}

/** Runs one check; the record it answers is also saved as the last check. */
export async function checkForPacks(input: PackCheckInput): Promise<PackCheckRecord> {
  const { db, session } = input;
  const doFetch = input.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
  const at = (input.now ?? (() => new Date()))().toISOString();
  const finish = async (record: PackCheckRecord) => {
    await saveLastPackCheck(db, record);
    return record;
  };

  const listed = await get(doFetch, apiUrl(session.serverUrl, '/api/packs'), session.token);
  if (!listed.ok) return finish({ at, server: session.serverUrl, outcome: 'failed', installed: [], refused: [], messageVi: listed.vi, messageEn: listed.en });
  const parsed = packListSchema.safeParse(await listed.res.json().catch(() => undefined));
  if (!parsed.success) {
    return finish({ at, server: session.serverUrl, outcome: 'failed', installed: [], refused: [], messageVi: 'Máy chủ trả lời danh sách gói không đúng định dạng.', messageEn: 'The server answered a malformed pack list.' });
  }

  const have = new Map<string, string>([[`templates/${BUILTIN_PACK_NAME}`, BUILTIN_VERSION]]);
  for (const record of await installedPacks(db)) {
    const id = `${record.kind}/${record.packId}`;
    if (isNewer(record.version, have.get(id))) have.set(id, record.version);
  }
  const keys = await trustedKeys(db);
  const keySet = keySetId(keys);
  const previous = ((await lastPackCheck(db))?.refused ?? []) as readonly Refusal[];
  const installed: string[] = [];
  const refused: Refusal[] = [];

  for (const entry of packsToFetch(parsed.data.packs, have)) {
    const known = previous.find((r) => r.sha256 === entry.sha256 && r.keySet === keySet);
    if (known) {
      refused.push(known);
      continue;
    }
    const refuse = (vi: string, en: string) => refused.push({ pack: label(entry), messageVi: vi, messageEn: en, sha256: entry.sha256, keySet });
    const download = await get(doFetch, apiUrl(session.serverUrl, packPath(entry.kind, entry.packId, entry.version)), session.token);
    if (!download.ok) {
      // Not a verdict on the pack: try again at the next check.
      refused.push({ pack: label(entry), messageVi: download.vi, messageEn: download.en });
      continue;
    }
    const bytes = new Uint8Array(await download.res.arrayBuffer());
    if ((await sha256Hex(bytes)) !== entry.sha256) {
      refuse('Gói tải về không khớp mã băm máy chủ công bố (có thể bị thay đổi trên đường truyền). Không sử dụng gói này.', 'The downloaded pack does not match the published SHA-256. Not used.');
      continue;
    }
    const verified = await verifyAnyPack(bytes, keys);
    if (!verified.ok) {
      refuse(verified.error.messageVi, verified.error.messageEn);
      continue;
    }
    const { identity } = verified.value;
    if (identity.kind !== entry.kind || identity.packId !== entry.packId || identity.version !== entry.version) {
      refuse('Nội dung gói không khớp tên và phiên bản máy chủ công bố. Không sử dụng gói này.', 'The pack content does not match the listed id and version. Not used.');
      continue;
    }
    await putInstalledPack(db, {
      key: packKey(entry.kind, entry.packId, entry.version),
      kind: entry.kind,
      packId: entry.packId,
      version: entry.version,
      bytes,
      sha256: entry.sha256,
      keyId: verified.value.keyId,
      installedAt: at,
      publishedAt: entry.publishedAt,
      source: session.serverUrl,
    });
    installed.push(label(entry));
  }
  return finish({ at, server: session.serverUrl, outcome: refused.length > 0 ? 'refused' : 'ok', installed, refused });
}
