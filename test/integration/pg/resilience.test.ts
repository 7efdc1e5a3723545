/**
 * Failures of a multi-instance deployment, with real processes: PostgreSQL stopped and started
 * again while clients edit (503 / 1011 "Máy chủ tạm thời không sẵn sàng", the process keeps
 * serving, clients keep their updates and retry, nothing is lost), and one instance killed with
 * SIGKILL in the middle of a batch push (the client retries on the other instance; nothing lost).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCaseRaw } from '../../../shared/domain/case-doc.js';
import { updateCaseFields } from '../../../shared/domain/case-mutations.js';
import type { CourtFile } from '../../../shared/domain/schemas.js';
import { runCatchUp } from '../../../renderer/sync/catch-up.js';
import { login as clientLogin, type Session } from '../../../renderer/sync/session.js';
import type { RunningServer } from '../../../server/server.js';
import { makeCourtFile } from '../../unit/renderer/replica/fixtures.js';
import { COURT, PASSWORD, login, provider, synced, tempDataDir, waitFor } from '../server/helpers.js';
import { openTestReplica } from '../sync/helpers.js';
import { seedPgUser, startPgInstance } from './helpers.js';
import { usePgCluster, type PgCluster } from './pg-harness.js';
import { createDatabase } from './pg-cluster.js';

const harness = usePgCluster();
const ROOT = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function courtFile(cases: number): CourtFile {
  const file = makeCourtFile({ seed: 21, cases });
  return { ...file, court: { ...file.court, id: COURT }, cases: file.cases.map((c) => ({ ...c, courtId: COURT })) };
}

async function session(server: { url: string }, user = 'thuky'): Promise<Session> {
  const result = await clientLogin(fetch, { serverUrl: server.url, court: COURT, user, password: PASSWORD });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
}

async function replica(label: string) {
  const r = await openTestReplica(label);
  cleanups.push(() => r.close());
  return r;
}

describe('PostgreSQL stopped and restarted during edits', () => {
  it('answers 503 / 1011, keeps serving, and loses nothing once the database is back', { timeout: 90_000 }, async () => {
    const cluster: PgCluster = await harness.privateCluster();
    const url = await createDatabase(cluster.adminUrl);
    await seedPgUser(url, 'thuky');
    await seedPgUser(url, 'thamphan', COURT, 'judge');
    const dataDir = tempDataDir();
    const servers = [await startPgInstance(dataDir, url), await startPgInstance(dataDir, url)];
    cleanups.push(async () => {
      for (const s of servers) await s.close();
    });
    const [one, two] = servers as [RunningServer, RunningServer];
    const token = await login(one);
    const room = `court/${COURT}/doc/bien-ban`;
    const clerk = provider(one, room, token);
    const judge = provider(two, room, token);
    cleanups.push(() => clerk.provider.destroy(), () => judge.provider.destroy());
    await Promise.all([synced(clerk.provider), synced(judge.provider)]);
    clerk.doc.getText('body').insert(0, 'Trước khi mất kết nối. ');
    await waitFor(() => judge.doc.getText('body').length > 0, 'fan-out before the outage');

    const file = courtFile(6);
    const offline = await replica('pg-outage');
    await offline.importCourtFile(file);
    const s = await session(one);
    expect((await runCatchUp({ replica: offline.sync, session: s })).kind).toBe('done');

    const closes: number[] = [];
    clerk.provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
    await cluster.stop();

    // Edits while the database is down: live, and offline in the replica.
    clerk.doc.getText('body').insert(clerk.doc.getText('body').length, 'Trong lúc máy chủ CSDL dừng. ');
    judge.doc.getText('body').insert(0, 'Thẩm phán: ');
    const caseId = file.cases[2]!.id;
    expect((await offline.editCase(caseId, (doc, ctx) => updateCaseFields(doc, { notes: 'Ghi khi CSDL dừng' }, ctx))).ok).toBe(true);
    await waitFor(() => closes.includes(1011), 'room closed with 1011');

    const down = await runCatchUp({ replica: offline.sync, session: s });
    expect(down.kind).toBe('error');
    expect(down.kind === 'error' && down.messageVi).toContain('Máy chủ tạm thời không sẵn sàng');
    expect(await offline.sync.pendingCaseIds()).toEqual([caseId]);
    const health = await fetch(`${two.url}/api/health`);
    expect(health.status).toBe(200);
    const refused = await fetch(`${one.url}/api/login`, { method: 'POST', body: JSON.stringify({ court: COURT, user: 'thuky', password: PASSWORD }) });
    expect(refused.status).toBe(503);

    await cluster.restart();
    // Providers reconnect on their own and re-send what the server lost; the replica retries.
    await waitFor(() => clerk.provider.synced && judge.provider.synced, 'providers resynced', 20_000);
    await waitFor(() => judge.doc.getText('body').toString() === clerk.doc.getText('body').toString(), 'live docs converge', 20_000);
    expect(clerk.doc.getText('body').toString()).toContain('Trong lúc máy chủ CSDL dừng.');
    expect(clerk.doc.getText('body').toString()).toContain('Thẩm phán: ');
    let again = await runCatchUp({ replica: offline.sync, session: s });
    for (let i = 0; again.kind !== 'done' && i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await runCatchUp({ replica: offline.sync, session: s });
    }
    expect(again.kind).toBe('done');
    expect(await offline.sync.pendingCaseIds()).toEqual([]);

    // What the store holds, through the other instance, to a fresh client.
    const fresh = await replica('pg-after');
    expect((await runCatchUp({ replica: fresh.sync, session: await session(two, 'thamphan') })).kind).toBe('done');
    const loaded = await fresh.loadCase(caseId);
    expect(loaded.ok && loaded.value.notes).toBe('Ghi khi CSDL dừng');
    const late = provider(two, room, token);
    cleanups.push(() => late.provider.destroy());
    await synced(late.provider);
    await waitFor(() => late.doc.getText('body').toString() === clerk.doc.getText('body').toString(), 'stored live doc');
  });
});

/** The server CLI in its own process (so it can be SIGKILLed), on PostgreSQL; resolves with its URL. */
async function spawnInstance(dataDir: string, url: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--store', 'postgres', '--pg-url', url, '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const listening = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('instance did not start')), 30_000);
    lines.on('line', (line) => {
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'server.listening' && event.url) {
        clearTimeout(timer);
        resolve(event.url);
      }
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return { child, url: listening };
}

describe('one instance killed mid-batch', () => {
  it('loses nothing: the client retries on the other instance', { timeout: 90_000 }, async () => {
    const url = await harness.freshDatabase();
    await seedPgUser(url, 'thuky');
    const dataDir = tempDataDir();
    const doomed = await spawnInstance(dataDir, url);
    cleanups.push(() => doomed.child.kill('SIGKILL'));
    const survivor = await startPgInstance(dataDir, url);
    cleanups.push(() => survivor.close());

    const file = courtFile(120);
    const writer = await replica('pg-kill');
    await writer.importCourtFile(file);
    for (const c of file.cases.slice(0, 30)) await writer.editCase(c.id, (doc, ctx) => updateCaseFields(doc, { notes: `Sửa ${c.id}` }, ctx));

    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    cleanups.push(() => watcher.end());
    const pushing = runCatchUp({ replica: writer.sync, session: await session({ url: doomed.url }), pushBatch: 120 });
    // Kill it once part of the batch is stored, before the answer.
    for (let i = 0; i < 2000; i++) {
      const { rows } = await watcher.query<{ n: number }>('SELECT count(*)::int AS n FROM docs');
      if (rows[0]!.n >= 10) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    doomed.child.kill('SIGKILL');
    const failed = await pushing;
    expect(failed.kind).not.toBe('done');
    const stored = (await watcher.query<{ n: number }>('SELECT count(*)::int AS n FROM docs')).rows[0]!.n;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(120);
    expect((await writer.sync.pendingCaseIds()).length).toBe(120);

    const retried = await runCatchUp({ replica: writer.sync, session: await session(survivor) });
    expect(retried.kind).toBe('done');
    expect(await writer.sync.pendingCaseIds()).toEqual([]);

    const reader = await replica('pg-kill-reader');
    expect((await runCatchUp({ replica: reader.sync, session: await session(survivor) })).kind).toBe('done');
    expect((await reader.info()).caseCount).toBe(120);
    for (const c of file.cases) {
      const [mine, theirs] = [await writer.sync.docState(c.id), await reader.sync.docState(c.id)];
      const [a, b] = [new Y.Doc(), new Y.Doc()];
      Y.applyUpdate(a, mine!);
      Y.applyUpdate(b, theirs!);
      expect(Y.encodeStateVector(b), c.id).toEqual(Y.encodeStateVector(a));
      expect(readCaseRaw(b)).toEqual(readCaseRaw(a));
    }
  });
});
