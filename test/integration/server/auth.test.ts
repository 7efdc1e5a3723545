import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenSigner, loadOrCreateSecret, SECRET_FILE_NAME } from '../../../server/auth/tokens.js';
import type { RunningServer } from '../../../server/server.js';
import { COURT, start, tempDataDir } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Runs the real CLI the way `npm run server -- …` does, with tsx and no build step. */
function cli(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

async function postLogin(server: RunningServer, body: unknown) {
  const res = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function batch(server: RunningServer, token: string) {
  return fetch(`${server.url}/api/sync/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ pull: { sinceSeq: 0 } }) });
}

describe('accounts and login', () => {
  it('adds a user with the CLI, then logs in; wrong password, unknown user and unknown court get 401', async () => {
    const dataDir = tempDataDir();
    const added = cli(['user', 'add', '--data', dataDir, '--court', COURT, '--user', 'thamphan', '--password', 'mat-khau-dai', '--role', 'judge']);
    expect(added.status, added.stderr).toBe(0);
    expect(added.lines.at(-1)).toMatchObject({ level: 'info', event: 'user.created', court: COURT, user: 'thamphan', roles: ['judge'] });
    const refused = cli(['user', 'add', '--data', dataDir, '--court', COURT, '--user', 'x', '--password', 'short', '--role', 'judge']);
    expect(refused.status).toBe(1);
    expect(refused.lines.at(-1)).toMatchObject({ event: 'user.add.refused', code: 'account.password' });

    const server = await start(dataDir);
    servers.push(server);
    const ok = await postLogin(server, { court: COURT, user: 'thamphan', password: 'mat-khau-dai' });
    expect(ok.status).toBe(200);
    const token = ok.body.token as string;
    const claims = await createTokenSigner(loadOrCreateSecret(dataDir)).verify(token);
    expect(claims).toMatchObject({ court: COURT, user: 'thamphan', roles: ['judge'] });
    expect(claims!.exp).toBeGreaterThan(Date.now() / 1000);

    for (const body of [
      { court: COURT, user: 'thamphan', password: 'sai-mat-khau' },
      { court: COURT, user: 'khong-co', password: 'mat-khau-dai' },
      { court: 'tand-khong-co', user: 'thamphan', password: 'mat-khau-dai' },
    ]) {
      const res = await postLogin(server, body);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'auth.invalidCredentials', message: expect.stringMatching(/mật khẩu/), messageEn: expect.any(String) });
    }
    expect((await postLogin(server, { court: COURT })).status).toBe(400);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
  });

  it('keeps the token secret in the data folder with mode 0600', () => {
    const dataDir = tempDataDir();
    const first = loadOrCreateSecret(dataDir);
    expect(fs.statSync(path.join(dataDir, SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecret(dataDir)).toEqual(first);
  });

  it('refuses a tampered, an expired, a forged and a missing token on the batch endpoint', async () => {
    const dataDir = tempDataDir();
    const server = await start(dataDir);
    servers.push(server);
    const signer = createTokenSigner(loadOrCreateSecret(dataDir));
    const good = await signer.sign({ court: COURT, user: 'thuky', roles: ['clerk'] });
    expect((await batch(server, good)).status).toBe(200);

    const [header, payload, signature] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url'), signature].join('.');
    const unsigned = [Buffer.from('{"alg":"none"}').toString('base64url'), payload, ''].join('.');
    const expired = await createTokenSigner(loadOrCreateSecret(dataDir), () => Date.now() - 3 * 3600_000).sign({ court: COURT, user: 'thuky', roles: ['clerk'] }, 3600);
    const forged = await createTokenSigner(new Uint8Array(32).fill(7)).sign({ court: COURT, user: 'thuky', roles: ['clerk'] });
    for (const token of [tampered, unsigned, expired, forged, '']) {
      const res = await batch(server, token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'auth.invalidToken', message: expect.stringMatching(/đăng nhập/) });
    }
  });
});
