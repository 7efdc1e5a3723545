/**
 * The sync engine's status against the real server: a refusal (401) is shown as such, never as
 * "offline"; an unreachable server is "offline" with a retry scheduled; a successful catch-up is
 * "synced" with the time of the last sync and the per-document pending count from the acks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { updateCaseFields } from '../../../shared/domain/case-mutations.js';
import { SyncEngine } from '../../../renderer/sync/status.js';
import { memorySessionStore } from '../../../renderer/sync/session.js';
import { indexedDB as fakeIndexedDB, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { openDocumentStore } from '../../../renderer/replica/document-store.js';
import { openReplica } from '../../../renderer/replica/replica.js';
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

    // Every count the status showed, so the test does not depend on how fast the debounced
    // sync follows the edit.
    const counts: number[] = [];
    const off = engine.subscribe((status) => counts.push(status.pendingCount));
    await replica.editCase(file.cases[0]!.id, (doc, ctx) => updateCaseFields(doc, { notes: 'mới' }, ctx));
    await vi.waitFor(() => expect(counts).toContain(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await engine.idle();
    off();
    expect(engine.getStatus()).toMatchObject({ phase: 'synced', pendingCount: 0 });
  });

  it('pushes a document body edited through the document store soon after the edit', async () => {
    const dataDir = tempDataDir();
    await seedUser(dataDir);
    const server = await start(dataDir);
    cleanups.push(() => server.close());
    const name = `status-bodies-${process.pid}-${Date.now()}`;
    const replica = await openReplica({ name, indexedDB: fakeIndexedDB, IDBKeyRange: FakeIDBKeyRange });
    cleanups.push(() => replica.close());
    const documents = await openDocumentStore({ name, indexedDB: fakeIndexedDB, IDBKeyRange: FakeIDBKeyRange, lifecycle: { subscribe: () => () => {} } });
    cleanups.push(() => documents.close());
    const sessions = memorySessionStore();
    const engine = new SyncEngine({ replica, sessions, pollMs: 0, editDebounceMs: 10, random: () => 0 });
    cleanups.push(() => engine.stop());
    await engine.start();
    expect((await engine.login({ serverUrl: server.url, court: COURT, user: 'thuky', password: PASSWORD })).ok).toBe(true);
    await engine.idle();

    const created = await documents.create('d-bb-1', (doc) => doc.getMap('meta').set('title', 'Biên bản phiên tòa'));
    if (!created.ok) throw new Error(created.error.messageEn);
    cleanups.push(() => created.value.close());
    // No poll (pollMs 0): only the local-edit signal can start this sync.
    await vi.waitFor(async () => expect(await replica.sync.pendingDocIds()).toEqual([]), { timeout: 5_000 });
    const onServer = await fetch(`${server.url}/api/sync/changes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sessions.load()!.token}` },
      body: JSON.stringify({ sinceSeq: 0 }),
    });
    expect(((await onServer.json()) as { changes: { room: string }[] }).changes.map((c) => c.room)).toContain(`court/${COURT}/doc/d-bb-1`);
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

  it('shows a local storage failure during a catch-up as an error with a retry, never an unhandled rejection', async () => {
    const { server, replica } = await setup();
    const sessions = memorySessionStore();
    const failing: typeof replica = Object.create(replica, {
      sync: { value: { ...replica.sync, getCursor: () => Promise.reject(new Error('QuotaExceededError: the disk is full')) } },
    });
    const engine = engineFor(failing, sessions);
    await engine.start();
    expect((await engine.login({ serverUrl: server.url, court: COURT, user: 'thuky', password: PASSWORD })).ok).toBe(true);
    await engine.idle();
    expect(engine.getStatus()).toMatchObject({ phase: 'error', pendingCount: 3 });
    expect(engine.getStatus().messageVi).toContain('không bị mất');
    expect(engine.getStatus().retryAt).toBeGreaterThan(Date.now());
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

