/**
 * The catch-up endpoints read docs a chunk at a time (`loadDocs`) and answer the state vector the
 * store keeps, on both stores: every doc comes back with exactly `encodeStateVectorFromUpdate`
 * of what was sent, a doc stored before the state-vector migration too, and a corrupt doc in the
 * middle of a page is reported for itself while the rest of the page is still served.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BatchResponse } from '../../../shared/sync/batch.js';
import { decodeDocsPage } from '../../../shared/sync/docs-wire.js';
import { SQLITE_FILE_NAME } from '../../../server/store/sqlite-store.js';
import type { RunningServer } from '../../../server/server.js';
import { serverBackend, type ServerBackend, type StoreKind } from '../pg/helpers.js';
import { usePgCluster } from '../pg/pg-harness.js';
import { COURT, login } from './helpers.js';

const harness = usePgCluster();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function post(server: RunningServer, token: string, route: string, body: unknown): Promise<Response> {
  const res = await fetch(`${server.url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res;
}

/** Runs SQL on the server's own store, the way an operator's shell would. */
async function storeSql(backend: ServerBackend, sqlite: string, postgres: string, params: unknown[]): Promise<void> {
  if (backend.kind === 'sqlite') {
    const db = new Database(path.join(backend.dataDir, SQLITE_FILE_NAME));
    try {
      db.prepare(sqlite).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: backend.pgUrl });
  await client.connect();
  try {
    await client.query(postgres, params);
  } finally {
    await client.end();
  }
}

describe.each<StoreKind>(['sqlite', 'postgres'])('catch-up reads on %s', (kind) => {
  it('answers every doc with its exact state vector, and a corrupt one for itself only', { timeout: 60_000 }, async () => {
    const backend = await serverBackend(kind, harness);
    await backend.seedUser('thuky');
    const server = await backend.start();
    cleanups.push(() => server.close());
    const token = await login(server);

    const rooms: string[] = [];
    const sent = new Map<string, Y.Doc>();
    const push: { room: string; update: string }[] = [];
    for (let i = 0; i < 24; i++) {
      const room = i % 2 === 0 ? `court/${COURT}/case/c-${i}` : `court/${COURT}/doc/d-${i}`;
      const doc = new Y.Doc({ gc: false });
      doc.getText('body').insert(0, `Biên bản số ${i}: `.repeat(1 + (i % 5)));
      doc.getMap('meta').set('n', i);
      if (i % 3 === 0) doc.getText('body').delete(0, 3);
      rooms.push(room);
      sent.set(room, doc);
      push.push({ room, update: b64(Y.encodeStateAsUpdate(doc)) });
    }
    const pushed = (await (await post(server, token, '/api/sync/batch', { push })).json()) as BatchResponse;
    expect(pushed.acks).toHaveLength(24);

    // One doc as the previous release stored it (no state vector kept), one with a damaged update.
    await storeSql(backend, 'UPDATE docs SET state_vector = NULL WHERE doc_key = ?', 'UPDATE docs SET state_vector = NULL WHERE doc_key = $1', ['case/c-4']);
    const broken = `court/${COURT}/doc/d-7`;
    await storeSql(
      backend,
      `UPDATE docs SET snapshot = X'00010203' WHERE doc_key = ?`,
      `UPDATE docs SET snapshot = '\\x00010203'::bytea WHERE doc_key = $1`,
      ['doc/d-7'],
    );
    // The push above unloaded and compacted each doc: the damage is in its snapshot; make sure of it.
    const changes = (await (await post(server, token, '/api/sync/changes', { sinceSeq: 0 })).json()) as { changes: { room: string }[] };
    expect(changes.changes.map((c) => c.room).sort()).toEqual([...rooms].sort());

    const page = decodeDocsPage(new Uint8Array(await (await post(server, token, '/api/sync/docs', { docs: rooms.map((room) => ({ room })) })).arrayBuffer()));
    expect(page.errors.map((e) => [e.room, e.code])).toEqual([[broken, 'store.corrupt']]);
    expect(page.docs.map((d) => d.room).sort()).toEqual(rooms.filter((r) => r !== broken).sort());
    for (const doc of page.docs) {
      expect(Buffer.from(doc.stateVector).equals(Buffer.from(Y.encodeStateVectorFromUpdate(doc.update))), doc.room).toBe(true);
      expect(Buffer.from(doc.stateVector).equals(Buffer.from(Y.encodeStateVector(sent.get(doc.room)!))), doc.room).toBe(true);
      const copy = new Y.Doc({ gc: false });
      Y.applyUpdate(copy, doc.update);
      expect(copy.getText('body').toString(), doc.room).toBe(sent.get(doc.room)!.getText('body').toString());
    }

    // A client that already holds the state gets no structs; the batch pull agrees.
    const again = decodeDocsPage(
      new Uint8Array(
        await (
          await post(server, token, '/api/sync/docs', { docs: page.docs.map((d) => ({ room: d.room, stateVector: b64(d.stateVector) })) })
        ).arrayBuffer(),
      ),
    );
    // (deletions always travel: a diff carries the delete set)
    expect(again.docs.every((d) => Y.decodeUpdate(d.update).structs.length === 0)).toBe(true);
    const pulled = (await (await post(server, token, '/api/sync/batch', { pull: { sinceSeq: 0, limit: 2000 } })).json()) as BatchResponse;
    expect(pulled.errors.map((e) => e.room)).toEqual([broken]);
    expect(pulled.pull!.docs).toHaveLength(23);
    for (const doc of pulled.pull!.docs) {
      expect(doc.stateVector, doc.room).toBe(b64(Y.encodeStateVectorFromUpdate(Buffer.from(doc.update, 'base64'))));
    }
  });
});
