/**
 * Shared setup of the client-sync integration tests: the real court server on 127.0.0.1 port 0
 * in a temp folder, and replicas on fake-indexeddb driven by the app's own catch-up client
 * (renderer/sync) through Node's fetch.
 */
import { indexedDB as fakeIndexedDB, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { openReplica } from '../../../renderer/replica/replica.js';
import type { Replica } from '../../../renderer/replica/types.js';
import { runCatchUp, type CatchUpOptions, type CatchUpResult } from '../../../renderer/sync/catch-up.js';
import { login, type Session } from '../../../renderer/sync/session.js';
import type { RunningServer } from '../../../server/server.js';
import { COURT, PASSWORD } from '../server/helpers.js';

export { COURT, PASSWORD, seedUser, start, tempDataDir, memoryLogger } from '../server/helpers.js';

let counter = 0;

export async function openTestReplica(label: string): Promise<Replica> {
  return (await openNamedTestReplica(label)).replica;
}

/** A test replica and its database name (to open the database raw beside it). */
export async function openNamedTestReplica(label: string): Promise<{ replica: Replica; name: string }> {
  counter += 1;
  const name = `sync-${label}-${process.pid}-${counter}-${Date.now()}`;
  return { replica: await openReplica({ name, indexedDB: fakeIndexedDB, IDBKeyRange: FakeIDBKeyRange }), name };
}

export async function sessionFor(server: RunningServer, user = 'thuky', court = COURT, password = PASSWORD): Promise<Session> {
  const result = await login(fetch, { serverUrl: server.url, court, user, password });
  if (!result.ok) throw new Error(`login failed: ${result.error.messageEn}`);
  return result.value;
}

/** Runs one catch-up and fails the test unless it completed. */
export async function syncOk(replica: Replica, session: Session, options: Partial<CatchUpOptions> = {}): Promise<Extract<CatchUpResult, { kind: 'done' }>> {
  const result = await runCatchUp({ replica: replica.sync, session, ...options });
  if (result.kind !== 'done') throw new Error(`catch-up did not complete: ${JSON.stringify(result)}`);
  return result;
}
