// The app side of pack distribution, on fake-indexeddb with a fake court server: newer packs are
// downloaded, verified and installed; a tampered or unsigned pack is refused with its Vietnamese
// reason and the packs already installed stay in use; the template list offers the newest version.
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkForPacks, packsToFetch } from '../../../../renderer/packs/check.js';
import { installedTemplates, activeDeadlinePack } from '../../../../renderer/packs/installed.js';
import { reloadInstalled } from '../../../../renderer/packs/load-installed.js';
import { installedPacks, lastPackCheck } from '../../../../renderer/packs/pack-db.js';
import { addTrustedKey, removeTrustedKey, trustedKeys } from '../../../../renderer/packs/trust.js';
import { effectiveDeadlineTables } from '../../../../renderer/packs/deadline-tables.js';
import { templatesForCase } from '../../../../renderer/documents/case-templates.js';
import { CourtdeskDb } from '../../../../renderer/replica/schema.js';
import type { PackListEntry } from '../../../../shared/packs/list.js';
import { generateCourt } from '../../../../shared/demo/index.js';
import type { KeyPair } from '../../../../shared/templates/pack.js';
import { fakeIdb } from '../replica/fixtures.js';
import { deadlinePackFile, flipOneByte, makeKeys, MINUTES_ID, PACK_NAME, templatePackFile } from '../../shared/packs/fixtures.js';

const SERVER = 'http://court.test';
let pair: KeyPair;
const opened: CourtdeskDb[] = [];

/** A court server holding `files` (kind/packId/version → bytes); counts downloads. */
function fakeServer(files: { kind: 'templates' | 'deadlines'; packId: string; version: string; bytes: Uint8Array; listedSha?: string }[]) {
  const downloads: string[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer t0k3n');
    const path = decodeURIComponent(new URL(url).pathname);
    if (path === '/api/packs') {
      const packs: PackListEntry[] = files.map((f) => ({
        kind: f.kind,
        packId: f.packId,
        version: f.version,
        sha256: f.listedSha ?? createHash('sha256').update(f.bytes).digest('hex'),
        publishedAt: '2026-01-06T00:00:00.000Z',
      }));
      return Response.json({ court: 'c', packs });
    }
    const file = files.find((f) => path === `/api/packs/${f.kind}/${f.packId}/${f.version}`);
    if (!file) return Response.json({ error: 'packs.notFound', message: 'Không có gói này trên máy chủ.' }, { status: 404 });
    downloads.push(`${file.packId} ${file.version}`);
    return new Response(new Uint8Array(file.bytes));
  };
  return { fetch, downloads };
}

async function openDb(): Promise<CourtdeskDb> {
  const idb = fakeIdb();
  const db = new CourtdeskDb(idb.name, idb);
  await db.open();
  opened.push(db);
  return db;
}

const session = { serverUrl: SERVER, token: 't0k3n' };
const bytesOf = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  ({ pair } = await makeKeys());
});

afterEach(async () => {
  for (const db of opened.splice(0)) {
    // Leave the module-level state empty for the next test.
    await db.packs.clear();
    await db.meta.clear();
    await reloadInstalled(db);
    db.close();
  }
});

describe('checkForPacks', () => {
  it('installs a newer signed pack, and its template is offered instead of the built-in one', async () => {
    const db = await openDb();
    await addTrustedKey(db, JSON.stringify(pair.publicKey), 'quantri');
    const server = fakeServer([{ kind: 'templates', packId: PACK_NAME, version: '2026.1', bytes: bytesOf(await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', key: pair.privateKey })) }]);

    const record = await checkForPacks({ db, session, fetch: server.fetch });
    expect(record).toMatchObject({ outcome: 'ok', installed: [`${PACK_NAME} 2026.1`], refused: [] });
    expect((await installedPacks(db)).map((p) => p.key)).toEqual([`templates/${PACK_NAME}/2026.1`]);
    await reloadInstalled(db);
    expect(installedTemplates().map((t) => `${t.meta.id} ${t.meta.version}`)).toEqual([`${MINUTES_ID} 2.0.0`]);

    const file = generateCourt({ cases: 40, seed: 3, today: '2026-01-05' });
    const kase = file.cases.find((c) => c.type === 'DS' && c.level === 'ST' && c.hearings.some((h) => h.kind === 'trial' && !h.online))!;
    const offered = templatesForCase({ court: file.court, staff: file.staff, kase, today: '2026-01-05' });
    const minutes = offered.filter((t) => t.meta.id === MINUTES_ID);
    expect(minutes.map((t) => t.meta.version)).toEqual(['2.0.0']);

    // Nothing newer the second time: nothing downloaded again.
    const again = await checkForPacks({ db, session, fetch: server.fetch });
    expect(again).toMatchObject({ outcome: 'ok', installed: [] });
    expect(server.downloads).toHaveLength(1);
  });

  it('refuses a pack with one flipped byte, says why in Vietnamese, and keeps the installed packs', async () => {
    const db = await openDb();
    await addTrustedKey(db, JSON.stringify(pair.publicKey), 'quantri');
    const good = bytesOf(await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', key: pair.privateKey }));
    await checkForPacks({ db, session, fetch: fakeServer([{ kind: 'templates', packId: PACK_NAME, version: '2026.1', bytes: good }]).fetch });

    const tampered = flipOneByte(await templatePackFile({ packVersion: '2026.2', templateVersion: '3.0.0', key: pair.privateKey }));
    const server = fakeServer([
      { kind: 'templates', packId: PACK_NAME, version: '2026.1', bytes: good },
      { kind: 'templates', packId: PACK_NAME, version: '2026.2', bytes: tampered },
    ]);
    const record = await checkForPacks({ db, session, fetch: server.fetch });
    expect(record.outcome).toBe('refused');
    expect(record.refused).toHaveLength(1);
    expect(record.refused[0]).toMatchObject({ pack: `${PACK_NAME} 2026.2` });
    expect(record.refused[0]!.messageVi).toMatch(/^Bộ mẫu bị từ chối/);
    expect((await lastPackCheck(db))?.refused[0]?.messageVi).toBe(record.refused[0]!.messageVi);

    await reloadInstalled(db);
    expect((await installedPacks(db)).map((p) => p.version)).toEqual(['2026.1']);
    expect(installedTemplates().map((t) => t.meta.version)).toEqual(['2.0.0']);

    // Refused once: not downloaded again while the trust list is the same, still reported.
    const next = await checkForPacks({ db, session, fetch: server.fetch });
    expect(next.refused.map((r) => r.pack)).toEqual([`${PACK_NAME} 2026.2`]);
    expect(server.downloads).toEqual([`${PACK_NAME} 2026.2`]);
  });

  it('refuses an unsigned pack, one signed by an untrusted key, and a download that differs from the list', async () => {
    const db = await openDb();
    const { pair: stranger } = await makeKeys();
    await addTrustedKey(db, JSON.stringify(pair.publicKey), 'quantri');
    const signedText = await templatePackFile({ packVersion: '5', templateVersion: '2.0.0', key: pair.privateKey, name: 'C' });
    const server = fakeServer([
      { kind: 'templates', packId: 'A', version: '1', bytes: bytesOf(await templatePackFile({ packVersion: '1', templateVersion: '2.0.0', name: 'A' })) },
      { kind: 'templates', packId: 'B', version: '1', bytes: bytesOf(await templatePackFile({ packVersion: '1', templateVersion: '2.0.0', key: stranger.privateKey, name: 'B' })) },
      { kind: 'templates', packId: 'C', version: '5', bytes: bytesOf(signedText), listedSha: '0'.repeat(64) },
    ]);
    const record = await checkForPacks({ db, session, fetch: server.fetch });
    const reasons = Object.fromEntries(record.refused.map((r) => [r.pack, r.messageVi]));
    expect(reasons['A 1']).toBe('Bộ mẫu bị từ chối: bộ mẫu chưa được ký');
    expect(reasons['B 1']).toMatch(/khóa khác với khóa tin cậy/);
    expect(reasons['C 5']).toMatch(/không khớp mã băm/);
    expect(await installedPacks(db)).toEqual([]);
  });

  it('installs a deadline pack whose tables then drive the deadline computation', async () => {
    const db = await openDb();
    await addTrustedKey(db, JSON.stringify(pair.publicKey), 'quantri');
    const bytes = bytesOf(await deadlinePackFile({ version: '2026.1', key: pair.privateKey, holidaysVersion: '2099.1' }));
    const record = await checkForPacks({ db, session, fetch: fakeServer([{ kind: 'deadlines', packId: 'Bảng thời hạn TAND khu vực 1', version: '2026.1', bytes }]).fetch });
    expect(record.installed).toEqual(['Bảng thời hạn TAND khu vực 1 2026.1']);
    await reloadInstalled(db);
    expect(activeDeadlinePack()?.summary.version).toBe('2026.1');
    expect(effectiveDeadlineTables().holidaysVersion).toBe('2099.1');
  });

  it('stops using an installed pack whose key was removed, without deleting it', async () => {
    const db = await openDb();
    const added = await addTrustedKey(db, JSON.stringify(pair.publicKey), 'quantri');
    await checkForPacks({ db, session, fetch: fakeServer([{ kind: 'templates', packId: PACK_NAME, version: '2026.1', bytes: bytesOf(await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', key: pair.privateKey })) }]).fetch });
    await removeTrustedKey(db, added.ok ? added.value[0]! : '');
    const state = await reloadInstalled(db);
    expect(state.templatePacks).toEqual([]);
    expect(state.unusable.map((u) => u.summary.version)).toEqual(['2026.1']);
    expect(await installedPacks(db)).toHaveLength(1);
    expect(await trustedKeys(db)).toEqual([]);
  });

  it('reports a server that cannot be reached or refuses, installing nothing', async () => {
    const db = await openDb();
    const offline = await checkForPacks({ db, session, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(offline).toMatchObject({ outcome: 'failed', messageVi: 'Không kết nối được máy chủ tòa án.' });
    const refused = await checkForPacks({ db, session, fetch: async () => Response.json({ message: 'Phiên đăng nhập đã hết hạn.' }, { status: 401 }) });
    expect(refused).toMatchObject({ outcome: 'failed', messageVi: 'Phiên đăng nhập đã hết hạn.' });
  });
});

describe('packsToFetch', () => {
  const entry = (packId: string, version: string, kind: 'templates' | 'deadlines' = 'templates'): PackListEntry => ({ kind, packId, version, sha256: 'a'.repeat(64), publishedAt: '' });
  it('takes the newest listed version of each pack when newer than what the app has', () => {
    const have = new Map([['templates/A', '1.0.0'], ['deadlines/A', '2026.1']]);
    const picked = packsToFetch([entry('A', '1.0.0'), entry('A', '1.2.0'), entry('A', '1.10.0'), entry('B', '0.1'), entry('A', '2026.1', 'deadlines')], have);
    expect(picked.map((p) => `${p.kind}/${p.packId} ${p.version}`)).toEqual(['templates/A 1.10.0', 'templates/B 0.1']);
  });
});

describe('trust list', () => {
  it('refuses a private key and a key already trusted', async () => {
    const db = await openDb();
    const privateKey = await addTrustedKey(db, JSON.stringify(pair.privateKey), 'x');
    expect(!privateKey.ok && privateKey.error.messageVi).toMatch(/khóa BÍ MẬT/);
    expect((await addTrustedKey(db, JSON.stringify(pair.publicKey), 'x')).ok).toBe(true);
    const twice = await addTrustedKey(db, JSON.stringify(pair.publicKey), 'x');
    expect(!twice.ok && twice.error.messageVi).toBe('Khóa này đã có trong danh sách tin cậy.');
  });
});
