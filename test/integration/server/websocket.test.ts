import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTokenSigner, loadOrCreateSecret } from '../../../server/auth/tokens.js';
import type { RunningServer } from '../../../server/server.js';
import { SQLITE_FILE_NAME } from '../../../server/store/sqlite-store.js';
import { CLOSE_CODES } from '../../../shared/sync/close-codes.js';
import { COURT, OTHER_COURT, login, provider, rawClient, seedUser, start, synced, syncUrl, tempDataDir, waitFor } from './helpers.js';

const ROOM = `court/${COURT}/case/c-001`;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: Parameters<typeof start>[1] = {}) {
  const dataDir = tempDataDir();
  await seedUser(dataDir);
  const server = await start(dataDir, options);
  cleanups.push(() => server.close());
  const token = await login(server);
  return { dataDir, server, token };
}

function client(server: RunningServer, token: string, room = ROOM, doc?: Y.Doc) {
  const c = provider(server, room, token, doc);
  cleanups.push(() => c.provider.destroy());
  return c;
}

describe('live documents over the y-websocket protocol', () => {
  it('two stock providers on one room converge (text and map)', async () => {
    const { server, token } = await setup();
    const a = client(server, token);
    const b = client(server, token);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('body').insert(0, 'Biên bản phiên tòa');
    b.doc.getMap('meta').set('status', 'nháp');
    await waitFor(() => b.doc.getText('body').toString() === 'Biên bản phiên tòa' && a.doc.getMap('meta').get('status') === 'nháp', 'convergence');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('edits made while disconnected converge after reconnecting', async () => {
    const { server, token } = await setup();
    const a = client(server, token);
    const b = client(server, token);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('body').insert(0, 'Xin chào ');
    await waitFor(() => b.doc.getText('body').length > 0, 'first edit');
    a.provider.disconnect();
    b.provider.disconnect();
    a.doc.getText('body').insert(0, 'A-offline ');
    b.doc.getText('body').insert(b.doc.getText('body').length, 'B-offline');
    a.doc.getMap('meta').set('a', 1);
    b.doc.getMap('meta').set('b', 2);
    a.provider.connect();
    b.provider.connect();
    await waitFor(() => a.doc.getText('body').toString() === b.doc.getText('body').toString() && b.doc.getMap('meta').get('a') === 1 && a.doc.getMap('meta').get('b') === 2, 'offline convergence');
    expect(a.doc.getText('body').toString()).toBe('A-offline Xin chào B-offline');
  });

  it('relays awareness (presence) to the other client and drops it when the client leaves', async () => {
    const { server, token } = await setup();
    const a = client(server, token);
    const b = client(server, token);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Thư ký A' });
    const aId = a.doc.clientID;
    await waitFor(() => (b.provider.awareness.getStates().get(aId) as { user?: { name: string } } | undefined)?.user?.name === 'Thư ký A', 'awareness');
    a.provider.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 'awareness removal');
  });

  describe('refuses before any document byte', () => {
    async function refused(server: RunningServer, url: string) {
      const raw = rawClient(url);
      const closed = await raw.closed;
      // give any stray frame time to arrive
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { ...closed, frames: raw.frames.length };
    }

    it('a missing token → 4401', async () => {
      const { server } = await setup();
      expect(await refused(server, `${syncUrl(server)}/${ROOM}`)).toMatchObject({ code: CLOSE_CODES.unauthorized, frames: 0 });
    });

    it('a forged token (another secret) and a tampered token → 4401', async () => {
      const { server, token } = await setup();
      const forged = await createTokenSigner(randomBytes(32)).sign({ court: COURT, user: 'thuky', roles: ['admin'] });
      expect(await refused(server, `${syncUrl(server)}/${ROOM}?token=${forged}`)).toMatchObject({ code: CLOSE_CODES.unauthorized, frames: 0 });
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const tampered = [header, Buffer.from(JSON.stringify({ ...claims, court: OTHER_COURT })).toString('base64url'), signature].join('.');
      expect(await refused(server, `${syncUrl(server)}/court/${OTHER_COURT}/case/c-001?token=${tampered}`)).toMatchObject({ code: CLOSE_CODES.unauthorized, frames: 0 });
    });

    it('an expired token → 4401', async () => {
      const { server, dataDir } = await setup();
      const past = createTokenSigner(loadOrCreateSecret(dataDir), () => Date.now() - 2 * 3600_000);
      const expired = await past.sign({ court: COURT, user: 'thuky', roles: ['clerk'] }, 3600);
      expect(await refused(server, `${syncUrl(server)}/${ROOM}?token=${expired}`)).toMatchObject({ code: CLOSE_CODES.unauthorized, frames: 0 });
    });

    it("a room of another court → 4403, an invalid room → 4400", async () => {
      const { server, token } = await setup();
      expect(await refused(server, `${syncUrl(server)}/court/${OTHER_COURT}/case/c-001?token=${token}`)).toMatchObject({ code: CLOSE_CODES.forbidden, frames: 0 });
      expect(await refused(server, `${syncUrl(server)}/court/${COURT}/case/a%2Fb?token=${token}`)).toMatchObject({ code: CLOSE_CODES.badRoom, frames: 0 });
    });

    it('the stock provider stops retrying after a 44xx close', async () => {
      const { server } = await setup();
      const c = client(server, 'not-a-token');
      const closed = await new Promise<{ code: number }>((resolve) => c.provider.on('closed', (event) => resolve(event)));
      expect(closed.code).toBe(CLOSE_CODES.unauthorized);
      expect(c.provider.shouldConnect).toBe(false);
    });
  });

  it('a garbage frame, a text frame and an oversized frame close only that connection', async () => {
    const { server, token } = await setup({ maxPayload: 64 * 1024 });
    const a = client(server, token);
    const b = client(server, token);
    await Promise.all([synced(a.provider), synced(b.provider)]);

    const attempts: [string, (ws: WebSocket) => void, number][] = [
      ['garbage', (ws) => ws.send(new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0x7f, 1, 2])), CLOSE_CODES.protocolError],
      ['unknown type', (ws) => ws.send(new Uint8Array([9, 9, 9])), CLOSE_CODES.protocolError],
      ['bad update', (ws) => ws.send(new Uint8Array([0, 2, 4, 1, 1, 200, 7])), CLOSE_CODES.protocolError],
      ['text', (ws) => ws.send('hello'), CLOSE_CODES.unsupportedData],
      ['oversized', (ws) => ws.send(new Uint8Array(100 * 1024)), CLOSE_CODES.tooLarge],
    ];
    for (const [what, send, code] of attempts) {
      const raw = rawClient(`${syncUrl(server)}/${ROOM}?token=${token}`);
      await raw.opened;
      await waitFor(() => raw.frames.length > 0, `sync step 1 for ${what}`);
      send(raw.ws);
      expect((await raw.closed).code, what).toBe(code);
      a.doc.getText('body').insert(0, `${what};`);
      await waitFor(() => b.doc.getText('body').toString().includes(`${what};`), `room still syncing after ${what}`);
    }
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('keeps everything across a server restart on the same data folder and port', async () => {
    const dataDir = tempDataDir();
    await seedUser(dataDir);
    let server = await start(dataDir);
    const port = server.port;
    const token = await login(server);
    const a = provider(server, ROOM, token);
    cleanups.push(() => a.provider.destroy());
    await synced(a.provider);
    a.doc.getText('body').insert(0, 'trước khi khởi động lại');
    a.doc.getMap('meta').set('n', 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    await waitFor(() => !a.provider.wsconnected, 'disconnect');
    a.doc.getMap('meta').set('offline', true);

    server = await start(dataDir, { port });
    cleanups.push(() => server.close());
    await waitFor(() => a.provider.synced, 'reconnect', 8000);
    const fresh = client(server, token);
    await synced(fresh.provider);
    await waitFor(() => fresh.doc.getMap('meta').get('offline') === true, 'offline edit after restart');
    expect(fresh.doc.getText('body').toString()).toBe('trước khi khởi động lại');
    expect(fresh.doc.getMap('meta').get('n')).toBe(1);
  });

  it('unloads an idle doc after the configured delay and reloads it intact', async () => {
    const { server, token } = await setup({ idleUnloadMs: 150 });
    const a = client(server, token);
    await synced(a.provider);
    a.doc.getText('body').insert(0, 'nội dung');
    expect(server.loadedDocCount()).toBe(1);
    a.provider.destroy();
    await waitFor(() => server.loadedDocCount() === 0, 'idle unload', 3000);
    const b = client(server, token);
    await synced(b.provider);
    expect(b.doc.getText('body').toString()).toBe('nội dung');
  });

  it('a doc whose stored data is corrupt is closed with 1011, never served empty', async () => {
    const dataDir = tempDataDir();
    await seedUser(dataDir);
    let server = await start(dataDir);
    const token = await login(server);
    const a = provider(server, ROOM, token);
    await synced(a.provider);
    a.doc.getText('body').insert(0, 'dữ liệu quý');
    await new Promise((resolve) => setTimeout(resolve, 50));
    a.provider.destroy();
    await server.close();

    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
    db.prepare('UPDATE docs SET snapshot = ? WHERE doc_key = ?').run(Buffer.from([1, 2, 3]), 'case/c-001');
    db.prepare('UPDATE updates SET data = ? WHERE doc_key = ?').run(Buffer.from([1, 2, 3]), 'case/c-001');
    db.close();

    server = await start(dataDir);
    cleanups.push(() => server.close());
    const raw = rawClient(`${syncUrl(server)}/${ROOM}?token=${token}`);
    expect((await raw.closed).code).toBe(CLOSE_CODES.serverError);
    expect(raw.frames).toHaveLength(0);
    expect(server.loadedDocCount()).toBe(0);
    // The server itself keeps running and serves other docs.
    const other = client(server, token, `court/${COURT}/doc/d-002`);
    await synced(other.provider);
  });
});
