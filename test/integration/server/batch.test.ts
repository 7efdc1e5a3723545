import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BatchResponse } from '../../../shared/sync/batch.js';
import { createTokenSigner, loadOrCreateSecret } from '../../../server/auth/tokens.js';
import type { RunningServer } from '../../../server/server.js';
import { COURT, OTHER_COURT, login, provider, seedUser, start, synced, tempDataDir, waitFor } from './helpers.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const dataDir = tempDataDir();
  await seedUser(dataDir);
  const server = await start(dataDir);
  cleanups.push(() => server.close());
  return { server, dataDir, token: await login(server) };
}

async function batch(server: RunningServer, token: string, body: unknown): Promise<BatchResponse> {
  const res = await fetch(`${server.url}/api/sync/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as BatchResponse;
}

/** Pulls every page since `sinceSeq`, applying each update to the replica's docs. */
async function catchUp(server: RunningServer, token: string, replica: Map<string, Y.Doc>, sinceSeq: number, limit: number) {
  let cursor = sinceSeq;
  let pages = 0;
  let received = 0;
  for (;;) {
    const stateVectors = Object.fromEntries([...replica].map(([room, doc]) => [room, b64(Y.encodeStateVector(doc))]));
    const { pull, errors } = await batch(server, token, { pull: { sinceSeq: cursor, limit, stateVectors } });
    expect(errors).toEqual([]);
    pages++;
    for (const doc of pull!.docs) {
      const local = replica.get(doc.room) ?? new Y.Doc();
      Y.applyUpdate(local, unb64(doc.update));
      replica.set(doc.room, local);
      received++;
    }
    cursor = pull!.nextSeq;
    if (!pull!.hasMore) return { cursor, pages, received };
  }
}

const room = (i: number) => `court/${COURT}/case/c-${String(i).padStart(3, '0')}`;

describe('batch catch-up', () => {
  it('acks 100 offline docs, pages them to another client, then sends nothing it already has', async () => {
    const { server, token } = await setup();
    const offline = new Map<string, Y.Doc>();
    for (let i = 0; i < 100; i++) {
      const doc = new Y.Doc();
      doc.getText('body').insert(0, `Vụ án số ${i}`);
      doc.getMap('meta').set('n', i);
      offline.set(room(i), doc);
    }
    const pushed = await batch(server, token, { push: [...offline].map(([r, doc]) => ({ room: r, update: b64(Y.encodeStateAsUpdate(doc)) })) });
    expect(pushed.errors).toEqual([]);
    expect(pushed.acks).toHaveLength(100);
    for (const ack of pushed.acks) {
      // the server's state vector covers everything the client sent: the client may mark it synced
      expect(unb64(ack.stateVector)).toEqual(Y.encodeStateVector(offline.get(ack.room)!));
      expect(ack.seq).toBeGreaterThan(0);
    }
    // pushed docs are not kept in memory
    await waitFor(() => server.loadedDocCount() === 0, 'batch docs unloaded');

    const replica = new Map<string, Y.Doc>();
    const first = await catchUp(server, token, replica, 0, 30);
    expect(first.pages).toBe(4);
    expect(first.received).toBe(100);
    for (const [r, doc] of offline) expect(replica.get(r)?.getText('body').toString()).toBe(doc.getText('body').toString());

    const again = await catchUp(server, token, replica, 0, 500);
    expect(again.received).toBe(0);
    const fromCursor = await catchUp(server, token, replica, first.cursor, 500);
    expect(fromCursor).toMatchObject({ received: 0, pages: 1, cursor: first.cursor });
  });

  it('a doc edited live over the WebSocket shows up in the next "changed since", and a push reaches live peers', async () => {
    const { server, token } = await setup();
    await batch(server, token, { push: [{ room: room(1), update: b64(Y.encodeStateAsUpdate(docWith('một'))) }] });
    const replica = new Map<string, Y.Doc>();
    const { cursor } = await catchUp(server, token, replica, 0, 100);

    const live = provider(server, room(2), token);
    cleanups.push(() => live.provider.destroy());
    await synced(live.provider);
    live.doc.getText('body').insert(0, 'sửa trực tiếp');
    await waitFor(() => server.loadedDocCount() === 1, 'live doc');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const next = await batch(server, token, { pull: { sinceSeq: cursor } });
    expect(next.pull!.docs.map((d) => d.room)).toEqual([room(2)]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, unb64(next.pull!.docs[0]!.update));
    expect(copy.getText('body').toString()).toBe('sửa trực tiếp');

    // a pushed offline edit of the open doc is broadcast to its live peer
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(live.doc));
    offline.getText('body').insert(0, 'ngoại tuyến + ');
    const pushed = await batch(server, token, { push: [{ room: room(2), update: b64(Y.encodeStateAsUpdate(offline)) }] });
    expect(pushed.acks.map((a) => a.room)).toEqual([room(2)]);
    await waitFor(() => live.doc.getText('body').toString() === 'ngoại tuyến + sửa trực tiếp', 'push broadcast');
  });

  it('reports per-document errors (other court, bad room, unreadable update) and still acks the rest', async () => {
    const { server, token, dataDir } = await setup();
    const res = await batch(server, token, {
      push: [
        { room: `court/${OTHER_COURT}/case/x`, update: b64(Y.encodeStateAsUpdate(docWith('x'))) },
        { room: 'court/../case/x', update: b64(Y.encodeStateAsUpdate(docWith('x'))) },
        { room: room(7), update: b64(new Uint8Array([1, 1, 200, 7])) },
        { room: room(8), update: b64(Y.encodeStateAsUpdate(docWith('tám'))) },
      ],
    });
    expect(res.acks.map((a) => a.room)).toEqual([room(8)]);
    expect(res.errors.map((e) => e.code)).toEqual(['sync.forbidden', 'sync.room.invalid', 'sync.update.invalid']);
    for (const error of res.errors) expect(error.message.length).toBeGreaterThan(0);
    // the other court's change sequence and pull see nothing of ours
    const otherToken = await createTokenSigner(loadOrCreateSecret(dataDir)).sign({ court: OTHER_COURT, user: 'x', roles: ['admin'] });
    const other = await batch(server, otherToken, { pull: { sinceSeq: 0 } });
    expect(other.pull).toMatchObject({ docs: [], currentSeq: 0, hasMore: false });
  });

  it('answers 400 for a malformed batch', async () => {
    const { server, token } = await setup();
    const res = await fetch(`${server.url}/api/sync/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ pull: { sinceSeq: -1 } }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'sync.badRequest', message: expect.any(String), messageEn: expect.any(String) });
  });
});

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return doc;
}
