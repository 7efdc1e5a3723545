/**
 * Two sync-server instances on one PostgreSQL database behave as one court server: live fan-out
 * across instances (LISTEN/NOTIFY), big updates read from the table, the same batch answer from
 * either instance, and convergence of live clients that disconnect and hop between instances
 * while instances restart (seeded, replayable).
 *
 *   PG_SEED=7 PG_STEPS=400 npx vitest run test/integration/pg/two-instances.test.ts
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { BatchResponse } from '../../../shared/sync/batch.js';
import type { RunningServer } from '../../../server/server.js';
import { prng } from '../../unit/renderer/replica/fixtures.js';
import { COURT, login, provider, synced, tempDataDir, waitFor } from '../server/helpers.js';
import { seedPgUser, startPgInstance } from './helpers.js';
import { usePgCluster } from './pg-harness.js';

const harness = usePgCluster();
const ROOM = `court/${COURT}/doc/d-1`;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function twoInstances(): Promise<{ url: string; dataDir: string; servers: RunningServer[] }> {
  const url = await harness.freshDatabase();
  await seedPgUser(url, 'thuky');
  await seedPgUser(url, 'thamphan', COURT, 'judge');
  const dataDir = tempDataDir();
  const servers = [await startPgInstance(dataDir, url), await startPgInstance(dataDir, url)];
  cleanups.push(async () => {
    for (const server of servers) await server.close();
  });
  return { url, dataDir, servers };
}

function open(server: RunningServer, token: string, room = ROOM): { doc: Y.Doc; provider: WebsocketProvider } {
  const client = provider(server, room, token);
  cleanups.push(() => client.provider.destroy());
  return client;
}

async function pull(server: RunningServer, token: string): Promise<BatchResponse> {
  const res = await fetch(`${server.url}/api/sync/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pull: { sinceSeq: 0, limit: 2000 } }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as BatchResponse;
}

describe('two instances on one database', () => {
  it('fan out live edits both ways, small and big, and answer the same batch pull', async () => {
    const { servers } = await twoInstances();
    const [one, two] = servers as [RunningServer, RunningServer];
    const token = await login(one, 'thuky');
    // A token from one instance is valid on the other (shared secret).
    const judgeToken = await login(two, 'thamphan');
    const clerk = open(one, token);
    const judge = open(two, judgeToken);
    await Promise.all([synced(clerk.provider), synced(judge.provider)]);

    clerk.doc.getText('body').insert(0, 'Thư ký ghi: ');
    await waitFor(() => judge.doc.getText('body').toString() === 'Thư ký ghi: ', 'clerk → judge across instances');
    judge.doc.getText('body').insert(judge.doc.getText('body').length, 'Thẩm phán sửa.');
    await waitFor(() => clerk.doc.getText('body').toString() === 'Thư ký ghi: Thẩm phán sửa.', 'judge → clerk across instances');

    // Too big for a notification: the other instance reads it from the table.
    const big = 'Nội dung bản án dài. '.repeat(2000);
    clerk.doc.getText('big').insert(0, big);
    await waitFor(() => judge.doc.getText('big').length === big.length, 'big update across instances');

    // Both instances give the same catch-up answer.
    await waitFor(() => one.loadedDocCount() === 1 && two.loadedDocCount() === 1, 'loaded');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [a, b] = [await pull(one, token), await pull(two, token)];
    expect(a.pull).toEqual(b.pull);
    const fromServer = new Y.Doc();
    Y.applyUpdate(fromServer, Buffer.from(a.pull!.docs[0]!.update, 'base64'));
    expect(fromServer.getText('body').toString()).toBe('Thư ký ghi: Thẩm phán sửa.');
    expect(Y.encodeStateVector(fromServer)).toEqual(Y.encodeStateVector(clerk.doc));
    expect(Y.encodeStateVector(judge.doc)).toEqual(Y.encodeStateVector(clerk.doc));
  });

  it('a batch push on one instance reaches a live client of the other', async () => {
    const { servers } = await twoInstances();
    const [one, two] = servers as [RunningServer, RunningServer];
    const token = await login(one);
    const live = open(two, token);
    await synced(live.provider);
    const offline = new Y.Doc();
    offline.getMap('meta').set('status', 'đã ký');
    const res = await fetch(`${one.url}/api/sync/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ push: [{ room: ROOM, update: Buffer.from(Y.encodeStateAsUpdate(offline)).toString('base64') }] }),
    });
    expect(((await res.json()) as BatchResponse).acks).toHaveLength(1);
    await waitFor(() => live.doc.getMap('meta').get('status') === 'đã ký', 'batch push fanned out');
  });

  const SEED = Number(process.env.PG_SEED ?? 20261201);
  const STEPS = Number(process.env.PG_STEPS ?? 150);
  it(`converge under random disconnects, instance hops and restarts (seed ${SEED}, ${STEPS} steps)`, { timeout: 120_000 }, async () => {
    const rand = prng(SEED);
    const log: string[] = [];
    try {
      const { url, dataDir, servers } = await twoInstances();
      const token = await login(servers[0]!);
      const rooms = [ROOM, `court/${COURT}/case/c-1`];
      const clients = Array.from({ length: 4 }, (_, i) => {
        const server = servers[i % 2]!;
        const client = { ...open(server, token, rooms[i % 2]!), room: rooms[i % 2]!, on: i % 2 };
        return client;
      });
      for (const c of clients) await synced(c.provider);
      for (let step = 0; step < STEPS; step++) {
        const i = Math.floor(rand() * clients.length);
        const c = clients[i]!;
        const roll = rand();
        if (roll < 0.6) {
          const text = c.doc.getText('body');
          if (text.length > 3 && rand() < 0.3) text.delete(Math.floor(rand() * text.length), 1);
          else text.insert(Math.floor(rand() * (text.length + 1)), `${i}${'ăêô'[step % 3]}`);
          log.push(`${step}:c${i} edit`);
        } else if (roll < 0.8) {
          if (c.provider.shouldConnect) c.provider.disconnect();
          else c.provider.connect();
          log.push(`${step}:c${i} ${c.provider.shouldConnect ? 'connect' : 'disconnect'}`);
        } else if (roll < 0.93) {
          // Hop to the other instance (a load balancer sending the reconnect elsewhere).
          c.provider.destroy();
          c.on = 1 - c.on;
          const next = open(servers[c.on]!, token, c.room);
          const carried = Y.encodeStateAsUpdate(c.doc);
          Y.applyUpdate(next.doc, carried);
          Object.assign(c, { doc: next.doc, provider: next.provider });
          log.push(`${step}:c${i} hop to ${c.on}`);
        } else {
          const which = Math.floor(rand() * 2);
          log.push(`${step}: restart instance ${which}`);
          const port = servers[which]!.port;
          await servers[which]!.close();
          servers[which] = await startPgInstance(dataDir, url, { port });
        }
        if (step % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
      for (const room of rooms) {
        const group = clients.filter((c) => c.room === room);
        await waitFor(
          () => group.every((c) => c.provider.synced && Buffer.from(Y.encodeStateVector(c.doc)).equals(Buffer.from(Y.encodeStateVector(group[0]!.doc)))),
          `clients of ${room} converge`,
          20_000,
        );
        await waitFor(() => new Set(group.map((c) => c.doc.getText('body').toString())).size === 1, `content of ${room}`, 5000);
      }
      // The store, read through either instance, holds exactly what the clients hold.
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const server of servers) {
        const page = (await pull(server, token)).pull!;
        for (const room of rooms) {
          const stored = new Y.Doc();
          Y.applyUpdate(stored, Buffer.from(page.docs.find((d) => d.room === room)!.update, 'base64'));
          const client = clients.find((c) => c.room === room)!;
          expect(stored.getText('body').toString(), room).toBe(client.doc.getText('body').toString());
          expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(client.doc));
        }
      }
    } catch (error) {
      console.error(`Two-instance convergence failed with PG_SEED=${SEED} PG_STEPS=${STEPS}. Last steps:\n${log.slice(-30).join('\n')}`);
      throw error;
    }
  });
});
