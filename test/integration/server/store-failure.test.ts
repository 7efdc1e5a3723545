import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../../server/store/sqlite-store.js';
import { StoreError, type ServerStore } from '../../../server/store/store.js';
import type { RunningServer } from '../../../server/server.js';
import { CLOSE_CODES } from '../../../shared/sync/close-codes.js';
import { COURT, login, memoryLogger, provider, seedUser, start, synced, tempDataDir, waitFor } from './helpers.js';

const ROOM = `court/${COURT}/case/c-1`;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real store, with a switch that makes every doc call fail like a full or lost disk. */
function breakableStore(dataDir: string): ServerStore & { broken: boolean } {
  const inner = openSqliteStore(dataDir);
  const guard = <T>(call: () => Promise<T>): Promise<T> => (wrapper.broken ? Promise.reject(new StoreError('store.unavailable', 'disk I/O error')) : call());
  const wrapper = {
    broken: false,
    appendUpdate: (court: string, key: string, update: Uint8Array) => guard(() => inner.appendUpdate(court, key, update)),
    loadDoc: (court: string, key: string) => guard(() => inner.loadDoc(court, key)),
    loadDocs: (court: string, keys: readonly string[]) => guard(() => inner.loadDocs(court, keys)),
    compact: (court: string, key: string) => guard(() => inner.compact(court, key)),
    changesSince: (court: string, since: number, limit: number) => guard(() => inner.changesSince(court, since, limit)),
    currentSeq: (court: string) => guard(() => inner.currentSeq(court)),
    putUser: inner.putUser.bind(inner),
    getUser: inner.getUser.bind(inner),
    putDeviceKey: inner.putDeviceKey.bind(inner),
    listDeviceKeys: inner.listDeviceKeys.bind(inner),
    getDeviceKey: inner.getDeviceKey.bind(inner),
    revokeDeviceKey: inner.revokeDeviceKey.bind(inner),
    putPack: inner.putPack.bind(inner),
    listPacks: inner.listPacks.bind(inner),
    getPack: inner.getPack.bind(inner),
    putDocAccess: inner.putDocAccess.bind(inner),
    getDocAccess: inner.getDocAccess.bind(inner),
    close: inner.close.bind(inner),
  };
  return wrapper;
}

describe('a failing store', () => {
  it('closes the room with 1011, answers 503, logs, and keeps the process serving', async () => {
    const dataDir = tempDataDir();
    await seedUser(dataDir);
    const store = breakableStore(dataDir);
    const logger = memoryLogger();
    const server: RunningServer = await start(dataDir, { store, logger });
    cleanups.push(() => server.close());
    const token = await login(server);
    const a = provider(server, ROOM, token);
    cleanups.push(() => a.provider.destroy());
    await synced(a.provider);
    a.doc.getText('body').insert(0, 'đã lưu');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const closes: number[] = [];
    a.provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
    store.broken = true;
    a.doc.getText('body').insert(0, 'chưa lưu ');
    await waitFor(() => closes.includes(CLOSE_CODES.serverError), '1011 close');
    expect(logger.events.some((e) => e.event === 'store.append.failed' && e.level === 'error')).toBe(true);

    const res = await fetch(`${server.url}/api/sync/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ pull: { sinceSeq: 0 } }) });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'store.unavailable', message: expect.any(String) });

    // The disk comes back: the provider reconnects and re-sends what the server lost.
    store.broken = false;
    await waitFor(() => a.provider.synced, 'reconnect', 8000);
    const b = provider(server, ROOM, token, new Y.Doc());
    cleanups.push(() => b.provider.destroy());
    await synced(b.provider);
    await waitFor(() => b.doc.getText('body').toString() === 'chưa lưu đã lưu', 'lost update re-sent');
  });
});
