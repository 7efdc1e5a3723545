// The /api/packs routes on a real server (port 0): who may publish, what is refused and with
// which words, duplicates, listing and downloading per court, and where trusted keys come from.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/server.js';
import type { KeyPair } from '../../../../shared/templates/pack.js';
import { COURT, login, OTHER_COURT, seedUser, start, tempDataDir } from '../../../integration/server/helpers.js';
import { deadlinePackFile, flipOneByte, makeKeys, PACK_NAME, templatePackFile } from '../../shared/packs/fixtures.js';

let dataDir: string;
let server: RunningServer;
let pair: KeyPair;
let admin: string;
let clerk: string;
let signed: string;

async function publish(body: Uint8Array | string, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/packs`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  dataDir = tempDataDir();
  ({ pair } = await makeKeys());
  fs.mkdirSync(path.join(dataDir, 'pack-keys'));
  fs.writeFileSync(path.join(dataDir, 'pack-keys', 'court-it.pub'), JSON.stringify(pair.publicKey));
  await seedUser(dataDir, 'quantri', COURT, 'admin');
  await seedUser(dataDir, 'thuky', COURT, 'clerk');
  await seedUser(dataDir, 'quantri2', OTHER_COURT, 'admin');
  server = await start(dataDir);
  admin = await login(server, 'quantri');
  clerk = await login(server, 'thuky');
  signed = await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', key: pair.privateKey });
}, 60_000);

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/packs', () => {
  it('needs a token (401) and the admin role (403)', async () => {
    expect((await publish(signed)).status).toBe(401);
    const asClerk = await publish(signed, clerk);
    expect(asClerk.status).toBe(403);
    expect(asClerk.json.message).toMatch(/Chỉ tài khoản quản trị/);
  });

  it('refuses a tampered, an unsigned, a foreign-key and a non-pack body with a Vietnamese error (422)', async () => {
    const flipped = await publish(flipOneByte(signed), admin);
    expect(flipped.status).toBe(422);
    expect(flipped.json.message).toMatch(/^Bộ mẫu bị từ chối/);

    const unsigned = await publish(await templatePackFile({ packVersion: '2026.9', templateVersion: '2.0.0' }), admin);
    expect(unsigned.status).toBe(422);
    expect(unsigned.json.message).toBe('Bộ mẫu bị từ chối: bộ mẫu chưa được ký');

    const { pair: stranger } = await makeKeys();
    const foreign = await publish(await templatePackFile({ packVersion: '2026.9', templateVersion: '2.0.0', key: stranger.privateKey }), admin);
    expect(foreign.status).toBe(422);
    expect(foreign.json.message).toMatch(/khóa khác với khóa tin cậy/);

    const junk = await publish('{"hello":1}', admin);
    expect(junk.status).toBe(422);
    expect(junk.json.message).toMatch(/^Tệp không phải bộ mẫu/);
    expect((await publish(new Uint8Array(), admin)).status).toBe(400);

    // Nothing refused was stored.
    const list = (await (await fetch(`${server.url}/api/packs`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { packs: unknown[] };
    expect(list.packs).toEqual([]);
  });

  it('stores a signed pack (201) and answers 409 to the same version again', async () => {
    const first = await publish(signed, admin);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ kind: 'templates', packId: PACK_NAME, version: '2026.1' });
    const again = await publish(signed, admin);
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/đã được đăng trước đó/);
    const deadlines = await publish(await deadlinePackFile({ version: '2026.1', key: pair.privateKey }), admin);
    expect(deadlines.status).toBe(201);
  });
});

describe('GET /api/packs', () => {
  it('lists and serves the exact bytes to any account of the court, none to another court', async () => {
    const res = await fetch(`${server.url}/api/packs`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(res.status).toBe(200);
    const list = (await res.json()) as { court: string; packs: { kind: string; packId: string; version: string; sha256: string; publishedAt: string }[] };
    expect(list.court).toBe(COURT);
    expect(list.packs.map((p) => `${p.kind}/${p.version}`)).toEqual(['templates/2026.1', 'deadlines/2026.1']);
    const entry = list.packs[0]!;
    const download = await fetch(`${server.url}/api/packs/templates/${encodeURIComponent(entry.packId)}/${entry.version}`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(signed);

    const stranger = await login(server, 'quantri2', OTHER_COURT);
    const theirs = (await (await fetch(`${server.url}/api/packs`, { headers: { authorization: `Bearer ${stranger}` } })).json()) as { packs: unknown[] };
    expect(theirs.packs).toEqual([]);
    const denied = await fetch(`${server.url}/api/packs/templates/${encodeURIComponent(entry.packId)}/${entry.version}`, { headers: { authorization: `Bearer ${stranger}` } });
    expect(denied.status).toBe(404);
  });

  it('needs a token and answers 404 to unknown kinds, ids and malformed paths', async () => {
    expect((await fetch(`${server.url}/api/packs`)).status).toBe(401);
    const auth = { authorization: `Bearer ${clerk}` };
    for (const tail of ['other/x/1', 'templates/none/1', 'templates/%E0%A4%A/1', 'templates/only-two']) {
      expect((await fetch(`${server.url}/api/packs/${tail}`, { headers: auth })).status, tail).toBe(404);
    }
    expect((await fetch(`${server.url}/api/packs`, { method: 'PUT', headers: auth })).status).toBe(405);
  });
});

describe('trusted keys', () => {
  it('takes --pack-keys FILE, and reports an invalid key file instead of refusing every pack', async () => {
    const dir = tempDataDir();
    const { pair: it2 } = await makeKeys();
    const keyFile = path.join(dir, 'keys.json');
    fs.writeFileSync(keyFile, JSON.stringify([it2.publicKey]));
    await seedUser(dir, 'quantri', COURT, 'admin');
    const other = await start(dir, { packKeysFile: keyFile });
    try {
      const token = await login(other, 'quantri');
      const post = (body: string) => fetch(`${other.url}/api/packs`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
      expect((await post(await templatePackFile({ packVersion: '1', templateVersion: '2.0.0', key: it2.privateKey }))).status).toBe(201);
      fs.writeFileSync(keyFile, JSON.stringify(it2.privateKey));
      const broken = await post(await templatePackFile({ packVersion: '2', templateVersion: '2.0.0', key: it2.privateKey }));
      expect(broken.status).toBe(500);
      expect(((await broken.json()) as { message: string }).message).toMatch(/khóa BÍ MẬT.*keys\.json/);
    } finally {
      await other.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
