/**
 * The editor's live room (renderer/sync/doc-room.ts) against the real court server on 127.0.0.1:
 * two clerks open the same draft from their own replicas (fake-indexeddb document stores); what
 * one types reaches the other's editor doc AND the other's IndexedDB, stored as a remote update
 * (not marked as a local edit there), and awareness carries each user's name for the carets.
 */
import WebSocket from 'ws';
import { IDBKeyRange as FakeIDBKeyRange, IDBFactory as FakeIDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeTokenClaims, type Session } from '../../../renderer/sync/session.js';
import { openDocRoom } from '../../../renderer/sync/doc-room.js';
import { openDocumentStore } from '../../../renderer/replica/document-store.js';
import { openDatabase } from '../../../renderer/replica/open.js';
import { metaMap } from '../../../shared/drafting/document-doc.js';
import { COURT, login, seedUser, start, tempDataDir, waitFor } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function sessionOf(serverUrl: string, token: string): Session {
  const claims = decodeTokenClaims(token)!;
  return { serverUrl, court: claims.court, user: claims.user, roles: claims.roles, token, expiresAt: claims.exp * 1000 };
}

async function replicaOf(name: string) {
  const indexedDB = new FakeIDBFactory();
  const store = await openDocumentStore({ name, indexedDB, IDBKeyRange: FakeIDBKeyRange, flushDelayMs: 20 });
  cleanups.push(() => store.close());
  const db = await openDatabase({ name, indexedDB, IDBKeyRange: FakeIDBKeyRange });
  cleanups.push(() => db.close());
  return { store, db };
}

describe('live room of an open document', () => {
  it('carries edits both ways, stores them as remote, and shows who is there', async () => {
    const dataDir = tempDataDir();
    await seedUser(dataDir, 'thuky');
    await seedUser(dataDir, 'thamphan', COURT, 'judge');
    const server = await start(dataDir);
    cleanups.push(() => server.close());
    const [clerkToken, judgeToken] = await Promise.all([login(server, 'thuky'), login(server, 'thamphan')]);

    const clerk = await replicaOf('clerk');
    const judge = await replicaOf('judge');
    // The same draft on both machines (created by the clerk, pulled by the judge's catch-up).
    const created = await clerk.store.create('doc-live', (doc) => {
      metaMap(doc).set('documentId', 'doc-live');
      metaMap(doc).set('status', 'draft');
      doc.getText('t').insert(0, 'Biên bản. ');
    });
    if (!created.ok) throw new Error(created.error.messageEn);
    const seed = await clerk.store.state('doc-live');
    const pulled = await judge.store.create('doc-live', (doc) => Y.applyUpdate(doc, seed!));
    if (!pulled.ok) throw new Error(pulled.error.messageEn);
    await judge.db.syncState.put({ docId: 'doc:doc-live', dirty: 0, localVersion: 0 });

    const rooms = [
      openDocRoom({ doc: created.value.doc, documentId: 'doc-live', session: sessionOf(server.url, clerkToken), displayName: 'Thư ký Phạm Thu', registerRemoteOrigin: (o) => created.value.addRemoteOrigin(o), WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket }),
      openDocRoom({ doc: pulled.value.doc, documentId: 'doc-live', session: sessionOf(server.url, judgeToken), displayName: 'Thẩm phán Trần Bình', registerRemoteOrigin: (o) => pulled.value.addRemoteOrigin(o), WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket }),
    ];
    cleanups.push(() => rooms.forEach((r) => r.destroy()));

    created.value.doc.getText('t').insert(created.value.doc.getText('t').length, 'Chủ tọa hỏi: có mặt không?');
    await waitFor(() => pulled.value.doc.getText('t').toString() === 'Biên bản. Chủ tọa hỏi: có mặt không?', 'the clerk\'s text at the judge');
    pulled.value.doc.getText('t').insert(0, '[sửa] ');
    await waitFor(() => created.value.doc.getText('t').toString().startsWith('[sửa] '), 'the judge\'s text at the clerk');

    // The judge's replica stored the clerk's text as a remote update: not a local edit of the judge.
    await pulled.value.flush();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await judge.store.state('doc-live'))!);
    expect(stored.getText('t').toString()).toContain('Chủ tọa hỏi: có mặt không?');
    const judgeState = await judge.db.syncState.get('doc:doc-live');
    expect(judgeState?.localVersion).toBe(1); // the judge's own "[sửa] " only

    await waitFor(
      () => [...rooms[1]!.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Thư ký Phạm Thu'),
      'the clerk\'s name in the judge\'s awareness',
    );
    expect(rooms[0]!.user.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});
