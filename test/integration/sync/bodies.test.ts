/**
 * The two-step pull against the real server: document bodies (`doc/…` rooms) reach a replica
 * stored as the server's bytes, later edits arrive as diffs, an incremental catch-up asks only for
 * the docs that changed (with only their state vectors), and the endpoints refuse bad input.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runCatchUp } from '../../../renderer/sync/catch-up.js';
import { decodeDocsPage } from '../../../shared/sync/docs-wire.js';
import { formatRoomName } from '../../../shared/sync/rooms.js';
import type { RunningServer } from '../../../server/server.js';
import { IDBKeyRange as FakeIDBKeyRange, indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { CourtdeskDb } from '../../../renderer/replica/schema.js';
import { COURT, openNamedTestReplica, openTestReplica, seedUser, sessionFor, start, syncOk, tempDataDir } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const bodyRoom = (id: string) => formatRoomName({ courtId: COURT, kind: 'doc', id });

async function serverWithClerk(): Promise<RunningServer> {
  const dataDir = tempDataDir();
  await seedUser(dataDir, 'thuky', COURT, 'clerk');
  const server = await start(dataDir);
  cleanups.push(() => server.close());
  return server;
}

/** Another device writes straight to the server: one batch push per call. */
async function pushFromElsewhere(server: RunningServer, token: string, items: { room: string; update: Uint8Array }[]): Promise<void> {
  const res = await fetch(`${server.url}/api/sync/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ push: items.map((i) => ({ room: i.room, update: Buffer.from(i.update).toString('base64') })) }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { acks: unknown[] }).acks).toHaveLength(items.length);
}

function textOf(state: Uint8Array | undefined): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getXmlFragment('body').toString();
}

describe('document bodies through the two-step pull', () => {
  it('pulls new bodies as stored bytes, then only the changed ones as diffs', async () => {
    const server = await serverWithClerk();
    const session = await sessionFor(server);
    const elsewhere = Array.from({ length: 30 }, () => new Y.Doc());
    elsewhere.forEach((doc, i) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`Biên bản số ${i}`)]);
      doc.getXmlFragment('body').insert(0, [p]);
    });
    await pushFromElsewhere(server, session.token, elsewhere.map((doc, i) => ({ room: bodyRoom(`d-${i}`), update: Y.encodeStateAsUpdate(doc) })));

    const { replica, name } = await openNamedTestReplica('bodies');
    cleanups.push(() => replica.close());
    const requests: { path: string; body: string }[] = [];
    const recording = (input: string, init?: RequestInit) => {
      requests.push({ path: new URL(input).pathname, body: String(init?.body ?? '') });
      return fetch(input, init);
    };
    const first = await syncOk(replica, session, { fetch: recording, pullLimit: 12 });
    expect(first.pulled).toBe(30);
    // One changes page, three docs requests of ≤ 12, no state vectors (the replica held nothing).
    expect(requests.map((r) => r.path)).toEqual(['/api/sync/changes', '/api/sync/docs', '/api/sync/docs', '/api/sync/docs']);
    expect(requests.some((r) => r.body.includes('stateVector'))).toBe(false);
    expect(textOf(await replica.sync.storedDocState('doc:d-7'))).toBe('<paragraph>Biên bản số 7</paragraph>');
    expect(await replica.sync.pendingDocIds()).toEqual([]);

    // Two bodies change elsewhere; the next catch-up asks for those two, with their state vectors.
    const before = elsewhere.map((doc) => Y.encodeStateVector(doc));
    for (const i of [3, 21]) (elsewhere[i]!.getXmlFragment('body').get(0) as Y.XmlElement).insert(1, [new Y.XmlText(' (đã sửa)')]);
    await pushFromElsewhere(server, session.token, [3, 21].map((i) => ({ room: bodyRoom(`d-${i}`), update: Y.encodeStateAsUpdate(elsewhere[i]!, before[i]!) })));
    requests.length = 0;
    const changed: string[] = [];
    const stop = replica.sync.onStoredDocUpdate((docId) => changed.push(docId));
    const second = await syncOk(replica, session, { fetch: recording });
    stop();
    expect(second.pulled).toBe(2);
    const docsRequest = JSON.parse(requests.find((r) => r.path === '/api/sync/docs')!.body) as { docs: { room: string; stateVector?: string }[] };
    expect(docsRequest.docs.map((d) => d.room)).toEqual([bodyRoom('d-3'), bodyRoom('d-21')]);
    expect(docsRequest.docs.every((d) => typeof d.stateVector === 'string')).toBe(true);
    expect(changed.sort()).toEqual(['doc:d-21', 'doc:d-3']);
    expect(textOf(await replica.sync.storedDocState('doc:d-21'))).toBe('<paragraph>Biên bản số 21 (đã sửa)</paragraph>');
    expect(textOf(await replica.sync.storedDocState('doc:d-4'))).toBe('<paragraph>Biên bản số 4</paragraph>');

    // Every byte array stored owns its buffer: the pull keeps updates as views into the received
    // answer until they are stored, and a view would store the whole answer with each record.
    const raw = new CourtdeskDb(name, { indexedDB: fakeIndexedDB, IDBKeyRange: FakeIDBKeyRange });
    await raw.open();
    cleanups.push(() => raw.close());
    const arrays: Uint8Array[] = [];
    for (const pack of await raw.bodyPacks.toArray()) arrays.push(pack.bytes);
    for (const snapshot of await raw.docSnapshots.toArray()) arrays.push(snapshot.state);
    for (const update of await raw.docUpdates.toArray()) arrays.push(update.update);
    for (const record of await raw.syncState.toArray()) arrays.push(...[record.serverSV, record.knownSV].filter((sv) => sv !== undefined));
    for (const sync of await raw.packedSync.toArray()) arrays.push(...sync.serverSVs.filter((sv) => sv !== null));
    expect(arrays.length).toBeGreaterThan(30);
    for (const bytes of arrays) expect(bytes.buffer.byteLength).toBe(bytes.byteLength);

    // Nothing new: one changes request, no docs request.
    requests.length = 0;
    expect((await syncOk(replica, session, { fetch: recording })).pulled).toBe(0);
    expect(requests.map((r) => r.path)).toEqual(['/api/sync/changes']);
  });

  it('pulls many pages as a pipeline, and resumes after the page stored last when a listing fails', async () => {
    const server = await serverWithClerk();
    const session = await sessionFor(server);
    const elsewhere = Array.from({ length: 30 }, (_, i) => {
      const doc = new Y.Doc();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`Quyết định số ${i}`)]);
      doc.getXmlFragment('body').insert(0, [p]);
      return doc;
    });
    await pushFromElsewhere(server, session.token, elsewhere.map((doc, i) => ({ room: bodyRoom(`q-${i}`), update: Y.encodeStateAsUpdate(doc) })));

    const replica = await openTestReplica('pages');
    cleanups.push(() => replica.close());
    const paths: string[] = [];
    let listings = 0;
    // Pages of 7 changes, docs asked 3 at a time; the third listing fails once (network lost).
    const flaky = (input: string, init?: RequestInit) => {
      const path = new URL(input).pathname;
      paths.push(path);
      if (path === '/api/sync/changes' && ++listings === 3) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init);
    };
    const cut = await runCatchUp({ replica: replica.sync, session, fetch: flaky, changesLimit: 7, pullLimit: 3 });
    expect(cut.kind).toBe('offline');
    // The next page is listed before this page's docs are asked for (it needs only nextSeq).
    expect(paths.slice(0, 3)).toEqual(['/api/sync/changes', '/api/sync/changes', '/api/sync/docs']);
    // Pages 1 and 2 were stored whole (the third listing failed during page 2), and the cursor
    // says so: the next catch-up pulls only the other 16.
    const stored = async () => (await Promise.all(elsewhere.map((_, i) => replica.sync.storedDocState(`doc:q-${i}`)))).filter((s) => s !== undefined).length;
    expect(await stored()).toBe(14);
    const rest = await syncOk(replica, session, { changesLimit: 7, pullLimit: 3 });
    expect(rest.pulled).toBe(16);
    expect(await stored()).toBe(30);
    for (const i of [0, 13, 14, 29]) expect(textOf(await replica.sync.storedDocState(`doc:q-${i}`))).toBe(`<paragraph>Quyết định số ${i}</paragraph>`);
  });

  it('refuses malformed requests, a bad token and rooms of another court', async () => {
    const server = await serverWithClerk();
    const session = await sessionFor(server);
    const post = (path: string, body: unknown, token = session.token) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await post('/api/sync/changes', { sinceSeq: -1 })).status).toBe(400);
    expect((await post('/api/sync/docs', { docs: 'all' })).status).toBe(400);
    expect((await post('/api/sync/changes', { sinceSeq: 0 }, 'forged.token.value')).status).toBe(401);
    const res = await post('/api/sync/docs', { docs: [{ room: 'court/tand-khac/doc/d-1' }, { room: 'not a room' }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.courtdesk.docs');
    const page = decodeDocsPage(new Uint8Array(await res.arrayBuffer()));
    expect(page.docs).toEqual([]);
    expect(page.errors.map((e) => e.code)).toEqual(['sync.forbidden', 'sync.room.invalid']);
  });
});
