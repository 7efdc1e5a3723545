/**
 * The sync engine's status against the real server: a refusal (401) is shown as such, never as
 * "offline"; an unreachable server is "offline" with a retry scheduled; a successful catch-up is
 * "synced" with the time of the last sync and the per-document pending count from the acks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { updateCaseFields } from '../../../shared/domain/case-mutations.js';
import { SyncEngine } from '../../../renderer/sync/status.js';
import { memorySessionStore } from '../../../renderer/sync/session.js';
import { makeCourtFile } from '../../unit/renderer/replica/fixtures.js';
import { COURT, PASSWORD, openTestReplica, seedUser, start, tempDataDir } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const dataDir = tempDataDir();
  await seedUser(dataDir);
  const server = await start(dataDir);
  cleanups.push(() => server.close());
  const replica = await openTestReplica('status');
  cleanups.push(() => replica.close());
  const file = makeCourtFile({ seed: 2, cases: 3 });
  await replica.importCourtFile({ ...file, court: { ...file.court, id: COURT }, cases: file.cases.map((c) => ({ ...c, courtId: COURT })) });
  return { server, replica, file };
}

function engineFor(replica: Awaited<ReturnType<typeof openTestReplica>>, sessions = memorySessionStore()) {
  const engine = new SyncEngine({ replica, sessions, pollMs: 0, editDebounceMs: 10, random: () => 0 });
  cleanups.push(() => engine.stop());
  return engine;
}

describe('sync status', () => {
  it('logs in, syncs, counts pending per document, and resyncs after an edit', async () => {
    const { server, replica, file } = await setup();
    const engine = engineFor(replica);
    await engine.start();
    expect(engine.getStatus()).toMatchObject({ phase: 'signedOut', pendingCount: 3 });
    const login = await engine.login({ serverUrl: server.url, court: COURT, user: 'thuky', password: PASSWORD });
    expect(login.ok).toBe(true);
    await engine.idle();
    expect(engine.getStatus()).toMatchObject({ phase: 'synced', pendingCount: 0, clockSkewed: false });
    expect(engine.getStatus().lastSyncAt).toBeDefined();

    await replica.editCase(file.cases[0]!.id, (doc, ctx) => updateCaseFields(doc, { notes: 'mới' }, ctx));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(engine.getStatus().pendingCount).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await engine.idle();
    expect(engine.getStatus()).toMatchObject({ phase: 'synced', pendingCount: 0 });
  });

  it('shows a wrong password and a forged token as refused, not offline', async () => {
    const { server, replica } = await setup();
    const engine = engineFor(replica);
    await engine.start();
    const login = await engine.login({ serverUrl: server.url, court: COURT, user: 'thuky', password: 'sai' });
    expect(!login.ok && login.error.kind).toBe('refused');
    expect(!login.ok && login.error.messageVi).toContain('Sai');

    const sessions = memorySessionStore({ serverUrl: server.url, court: COURT, user: 'thuky', roles: ['clerk'], token: 'a.b.c', expiresAt: Date.now() + 3_600_000 });
    const forged = engineFor(replica, sessions);
    await forged.start();
    await forged.idle();
    expect(forged.getStatus().phase).toBe('expired');
    expect(forged.getStatus().retryAt).toBeUndefined();
  });

  it('is offline with a retry scheduled when the server cannot be reached, and keeps local edits', async () => {
    const { server, replica } = await setup();
    const url = server.url;
    await server.close();
    const sessions = memorySessionStore({ serverUrl: url, court: COURT, user: 'thuky', roles: ['clerk'], token: 'a.b.c', expiresAt: Date.now() + 3_600_000 });
    const engine = engineFor(replica, sessions);
    await engine.start();
    await engine.idle();
    expect(engine.getStatus()).toMatchObject({ phase: 'offline', pendingCount: 3 });
    expect(engine.getStatus().retryAt).toBeGreaterThan(Date.now());
  });
});
