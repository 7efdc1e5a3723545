// Court IT's publish path end to end: `npm run templates -- publish` (the real CLI in a child
// process) logs in to a real server on a free port and uploads a signed pack; the pack is then
// listed and downloaded byte for byte by a clerk. Refusals come back with exit 1 and the
// server's Vietnamese words; mistakes in the command with exit 2.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/server.js';
import type { KeyPair } from '../../../shared/templates/pack.js';
import { deadlinePackFile, flipOneByte, makeKeys, PACK_NAME, templatePackFile } from '../../unit/shared/packs/fixtures.js';
import { COURT, login, PASSWORD, seedUser, start, tempDataDir } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

let dataDir: string;
let server: RunningServer;
let pair: KeyPair;
let packFile: string;

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, path.join(ROOT, 'scripts/templates.ts'), ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out: stdout, err: stderr });
    });
  });
}

const publish = (file: string, user = 'quantri', password = PASSWORD, url = server.url) =>
  cli('publish', '--pack', file, '--server', url, '--court', COURT, '--user', user, '--password', password);

beforeAll(async () => {
  dataDir = tempDataDir();
  ({ pair } = await makeKeys());
  fs.mkdirSync(path.join(dataDir, 'pack-keys'));
  fs.writeFileSync(path.join(dataDir, 'pack-keys', 'court-it.pub'), JSON.stringify(pair.publicKey));
  await seedUser(dataDir, 'quantri', COURT, 'admin');
  await seedUser(dataDir, 'thuky', COURT, 'clerk');
  server = await start(dataDir);
  packFile = path.join(dataDir, 'pack.json');
  fs.writeFileSync(packFile, await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', key: pair.privateKey }));
}, 60_000);

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('templates publish', { timeout: 120_000 }, () => {
  it('publishes a signed pack that a clerk then lists and downloads byte for byte', async () => {
    const result = await publish(packFile);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(`Đã đăng bộ mẫu "${PACK_NAME}" phiên bản 2026.1`);

    const token = await login(server, 'thuky');
    const list = (await (await fetch(`${server.url}/api/packs`, { headers: { authorization: `Bearer ${token}` } })).json()) as { packs: { packId: string; version: string }[] };
    expect(list.packs.map((p) => `${p.packId} ${p.version}`)).toEqual([`${PACK_NAME} 2026.1`]);
    const bytes = new Uint8Array(await (await fetch(`${server.url}/api/packs/templates/${encodeURIComponent(PACK_NAME)}/2026.1`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect(Buffer.from(bytes).equals(fs.readFileSync(packFile))).toBe(true);
  });

  it('publishes a deadline pack with the same command', async () => {
    const file = path.join(dataDir, 'deadlines.json');
    fs.writeFileSync(file, await deadlinePackFile({ version: '2026.1', key: pair.privateKey }));
    const result = await publish(file);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('Đã đăng gói bảng thời hạn');
  });

  it('exits 1 with the server\'s words for a duplicate, a tampered pack and a non-admin account', async () => {
    const duplicate = await publish(packFile);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toMatch(/^Lỗi: Phiên bản 2026\.1 của gói .* đã được đăng trước đó/);

    const tampered = path.join(dataDir, 'tampered.json');
    fs.writeFileSync(tampered, flipOneByte(await templatePackFile({ packVersion: '2026.2', templateVersion: '3.0.0', key: pair.privateKey })));
    const refused = await publish(tampered);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Lỗi: Bộ mẫu bị từ chối/);

    const fresh = path.join(dataDir, 'fresh.json');
    fs.writeFileSync(fresh, await templatePackFile({ packVersion: '2026.3', templateVersion: '3.0.0', key: pair.privateKey }));
    const clerk = await publish(fresh, 'thuky');
    expect(clerk.code).toBe(1);
    expect(clerk.err).toMatch(/Chỉ tài khoản quản trị/);

    const unsigned = path.join(dataDir, 'unsigned.json');
    fs.writeFileSync(unsigned, await templatePackFile({ packVersion: '2026.4', templateVersion: '3.0.0' }));
    const notSigned = await publish(unsigned);
    expect(notSigned.code).toBe(1);
    expect(notSigned.err).toMatch(/chưa được ký/);
  });

  it('exits 2 for a wrong password, an unreachable server, a bad URL or a missing file', async () => {
    const wrong = await publish(packFile, 'quantri', 'sai-mat-khau');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/^Lỗi: Đăng nhập thất bại/);
    const unreachable = await publish(packFile, 'quantri', PASSWORD, 'http://127.0.0.1:1');
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/Không kết nối được máy chủ/);
    expect((await publish(packFile, 'quantri', PASSWORD, 'ftp://x')).code).toBe(2);
    expect((await publish(path.join(dataDir, 'nope.json'))).code).toBe(2);
    for (const result of [wrong, unreachable]) expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});
