/**
 * The server's rules for signed and panel-only documents, against the real server on 127.0.0.1:
 * device key registration and the key directory, staff ids in tokens, deliberation minutes
 * refused to a clerk before any byte, and a finalised document that refuses an edit but accepts
 * a correction (nothing of the refused edit stored).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAccount } from '../../../server/auth/accounts.js';
import { createTokenSigner, loadOrCreateSecret } from '../../../server/auth/tokens.js';
import type { RunningServer } from '../../../server/server.js';
import { openSqliteStore } from '../../../server/store/sqlite-store.js';
import { keyRegistrationStatement } from '../../../shared/drafting/device-keys.js';
import { DOCUMENT_ROOT } from '../../../shared/drafting/document-doc.js';
import { appendCorrection } from '../../../shared/drafting/finalisation.js';
import { deviceKeyId } from '../../../shared/drafting/signing.js';
import { CLOSE_CODES } from '../../../shared/sync/close-codes.js';
import { decodeDocsPage } from '../../../shared/sync/docs-wire.js';
import { COURT, login, PASSWORD, provider, rawClient, start, synced, syncUrl, tempDataDir, waitFor } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const servers: RunningServer[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) fn();
  for (const server of servers.splice(0)) await server.close();
});

const ACCOUNTS = [
  { user: 'thuky', roles: ['clerk'], staffId: 's-clerk-01' },
  { user: 'thamphan', roles: ['judge'], staffId: 's-judge-01' },
  { user: 'hoitham', roles: ['judge'], staffId: 's-assessor-03' },
  { user: 'quantri', roles: ['admin'] },
];

async function setup(seed?: (store: ReturnType<typeof openSqliteStore>) => Promise<void>) {
  const dataDir = tempDataDir();
  const store = openSqliteStore(dataDir);
  try {
    for (const a of ACCOUNTS) {
      const result = await addAccount(store, { court: COURT, user: a.user, password: PASSWORD, roles: a.roles, ...(a.staffId ? { staffId: a.staffId } : {}) });
      if (!result.ok) throw new Error(result.error.messageEn);
    }
    await seed?.(store);
  } finally {
    await store.close();
  }
  const server = await start(dataDir);
  servers.push(server);
  const tokens: Record<string, string> = {};
  for (const a of ACCOUNTS) tokens[a.user] = await login(server, a.user);
  return { server, dataDir, tokens };
}

function documentDoc(meta: Record<string, unknown>, text: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    const m = doc.getMap(DOCUMENT_ROOT.meta);
    for (const [k, v] of Object.entries({ documentId: 'd-nghi-an', caseId: 'c-001', courtId: COURT, kind: 'deliberationMinutes', status: 'draft', ...meta })) m.set(k, v);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment(DOCUMENT_ROOT.body).insert(0, [p]);
  });
  return doc;
}

async function keyPair() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = Buffer.from(await crypto.subtle.exportKey('raw', pair.publicKey)).toString('base64');
  const sign = async (data: Uint8Array) => Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new Uint8Array(data))).toString('base64');
  return { publicKey, sign };
}

async function api(server: RunningServer, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('device keys', () => {
  it('registers a key with a proof of possession, lists it with the staff link, and refuses bad proofs and stolen keys', async () => {
    const { server, tokens } = await setup();
    const key = await keyPair();
    const proof = await key.sign(keyRegistrationStatement(COURT, 'thamphan', key.publicKey));
    const created = await api(server, tokens.thamphan!, 'POST', '/api/keys', { publicKey: key.publicKey, deviceName: 'Máy tính phòng xử án 2', proof });
    expect(created.status).toBe(201);
    expect(created.body.keyId).toBe(await deviceKeyId(key.publicKey));
    const again = await api(server, tokens.thamphan!, 'POST', '/api/keys', { publicKey: key.publicKey, deviceName: 'Laptop', proof });
    expect(again.status).toBe(200);

    const directory = await api(server, tokens.thuky!, 'GET', '/api/keys?user=thamphan');
    expect(directory.status).toBe(200);
    expect(directory.body).toMatchObject({ user: 'thamphan', staffId: 's-judge-01', keys: [{ keyId: created.body.keyId, publicKey: key.publicKey, deviceName: 'Laptop' }] });
    expect((await api(server, tokens.thuky!, 'GET', '/api/keys?user=khong-co')).body).toEqual({ user: 'khong-co', keys: [] });

    // A proof made for another account, or no proof at all, registers nothing.
    const forged = await api(server, tokens.thuky!, 'POST', '/api/keys', { publicKey: key.publicKey, deviceName: 'x', proof });
    expect(forged).toMatchObject({ status: 422, body: { error: 'keys.badProof', message: expect.stringMatching(/khóa/) } });
    // The judge's key, with a valid proof signed for the clerk (someone holding the judge's key).
    const stolen = await api(server, tokens.thuky!, 'POST', '/api/keys', { publicKey: key.publicKey, deviceName: 'x', proof: await key.sign(keyRegistrationStatement(COURT, 'thuky', key.publicKey)) });
    expect(stolen.status).toBe(409);
    expect((await api(server, tokens.thuky!, 'POST', '/api/keys', { publicKey: 'abc', deviceName: '' })).status).toBe(400);
    expect((await fetch(`${server.url}/api/keys?user=thamphan`)).status).toBe(401);
  });

  it('carries the staff id in the token; the CLI links an account to a staff member', async () => {
    const { server, dataDir, tokens } = await setup();
    const claims = await createTokenSigner(loadOrCreateSecret(dataDir)).verify(tokens.thuky!);
    expect(claims).toMatchObject({ user: 'thuky', staffId: 's-clerk-01' });
    expect((await createTokenSigner(loadOrCreateSecret(dataDir)).verify(tokens.quantri!))?.staffId).toBeUndefined();

    const added = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/cli.ts'), 'user', 'add', '--data', dataDir, '--court', COURT, '--user', 'thuky2', '--password', 'mat-khau-dai', '--role', 'clerk', '--staff', 's-clerk-02'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(added.status, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout.trim().split('\n').at(-1)!)).toMatchObject({ event: 'user.created', staffId: 's-clerk-02' });
    const token = await login(server, 'thuky2', COURT, 'mat-khau-dai');
    expect((await createTokenSigner(loadOrCreateSecret(dataDir)).verify(token))?.staffId).toBe('s-clerk-02');
  });
});

describe('panel-only documents', () => {
  const ROOM = `court/${COURT}/doc/d-nghi-an`;
  const seed = async (store: ReturnType<typeof openSqliteStore>) => {
    const doc = documentDoc({ restrictedToStaff: ['s-judge-01', 's-assessor-03'] }, 'Hội đồng xét xử thảo luận và biểu quyết: chấp nhận yêu cầu khởi kiện.');
    await store.appendUpdate(COURT, 'doc/d-nghi-an', Y.encodeStateAsUpdate(doc));
  };

  it("refuses the clerk's and the administrator's token with 4403 before any document byte; the panel syncs", async () => {
    const { server, tokens } = await setup(seed);
    for (const user of ['thuky', 'quantri']) {
      const raw = rawClient(`${syncUrl(server)}/${ROOM}?token=${tokens[user]}`);
      const closed = await raw.closed;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect({ user, code: closed.code, frames: raw.frames.length }).toEqual({ user, code: CLOSE_CODES.forbidden, frames: 0 });
      expect(closed.reason).toBe('restricted');
    }
    for (const user of ['thamphan', 'hoitham']) {
      const judge = provider(server, ROOM, tokens[user]!, new Y.Doc({ gc: false }));
      cleanups.push(() => judge.provider.destroy());
      await synced(judge.provider);
      expect(judge.doc.getXmlFragment(DOCUMENT_ROOT.body).toString()).toContain('chấp nhận yêu cầu khởi kiện');
    }
  });

  it('leaves the document out of a clerk\'s catch-up (both pulls) and refuses his push; the panel gets it', async () => {
    const { server, tokens } = await setup(seed);
    const pulledBy = async (user: string) => {
      const changes = await api(server, tokens[user]!, 'POST', '/api/sync/changes', { sinceSeq: 0 });
      const rooms = (changes.body.changes as { room: string }[]).map((c) => ({ room: c.room }));
      const res = await fetch(`${server.url}/api/sync/docs`, { method: 'POST', headers: { authorization: `Bearer ${tokens[user]}` }, body: JSON.stringify({ docs: rooms }) });
      const twoStep = decodeDocsPage(new Uint8Array(await res.arrayBuffer())).docs.map((d) => d.room);
      const legacy = await api(server, tokens[user]!, 'POST', '/api/sync/batch', { pull: { sinceSeq: 0 } });
      return { twoStep, legacy: (legacy.body.pull as { docs: { room: string }[] }).docs.map((d) => d.room) };
    };
    // Twice: the first read decodes the stored document and records its panel; the second uses the record.
    for (let round = 0; round < 2; round++) {
      expect(await pulledBy('thuky')).toEqual({ twoStep: [], legacy: [] });
      expect(await pulledBy('quantri')).toEqual({ twoStep: [], legacy: [] });
      expect(await pulledBy('hoitham')).toEqual({ twoStep: [ROOM], legacy: [ROOM] });
    }
    const edit = new Y.Doc();
    edit.getArray('note').push(['thư ký ghi thêm']);
    const push = await api(server, tokens.thuky!, 'POST', '/api/sync/batch', { push: [{ room: ROOM, update: Buffer.from(Y.encodeStateAsUpdate(edit)).toString('base64') }] });
    expect(push.body.acks).toEqual([]);
    expect(push.body.errors).toEqual([expect.objectContaining({ room: ROOM, code: 'sync.forbidden' })]);
  });
});

describe('a judgment draft', () => {
  const ROOM = `court/${COURT}/doc/d-ban-an`;
  const seed = async (store: ReturnType<typeof openSqliteStore>) => {
    const doc = documentDoc({ documentId: 'd-ban-an', kind: 'judgment', restrictedToStaff: ['s-judge-01', 's-assessor-03'] }, 'Chấp nhận yêu cầu khởi kiện của nguyên đơn.');
    await store.appendUpdate(COURT, 'doc/d-ban-an', Y.encodeStateAsUpdate(doc));
  };

  it("is refused to the clerk until the presiding judge's signature finalises it; then the clerk reads it", async () => {
    const { server, tokens } = await setup(seed);
    const refused = rawClient(`${syncUrl(server)}/${ROOM}?token=${tokens.thuky}`);
    const closed = await refused.closed;
    expect({ code: closed.code, reason: closed.reason, frames: refused.frames.length }).toEqual({ code: CLOSE_CODES.forbidden, reason: 'restricted', frames: 0 });

    // The judge's client finalises it (finalisation.ts): status, time and the end of the restriction in one change.
    const judge = provider(server, ROOM, tokens.thamphan!, new Y.Doc({ gc: false }));
    cleanups.push(() => judge.provider.destroy());
    await synced(judge.provider);
    judge.doc.transact(() => {
      const meta = judge.doc.getMap(DOCUMENT_ROOT.meta);
      meta.set('status', 'finalised');
      meta.set('finalisedAt', '2025-11-28T11:30:00.000Z');
      meta.delete('restrictedToStaff');
    });

    // Stored and the restriction recorded as lifted: the clerk's catch-up and room both get it.
    const clerkPulls = async () => {
      const res = await fetch(`${server.url}/api/sync/docs`, { method: 'POST', headers: { authorization: `Bearer ${tokens.thuky}` }, body: JSON.stringify({ docs: [{ room: ROOM }] }) });
      return decodeDocsPage(new Uint8Array(await res.arrayBuffer())).docs.map((d) => d.room);
    };
    const deadline = Date.now() + 5000;
    while (!(await clerkPulls()).includes(ROOM)) {
      if (Date.now() > deadline) throw new Error("the finalised judgment never reached the clerk's catch-up");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const clerk = provider(server, ROOM, tokens.thuky!, new Y.Doc({ gc: false }));
    cleanups.push(() => clerk.provider.destroy());
    await synced(clerk.provider);
    expect(clerk.doc.getXmlFragment(DOCUMENT_ROOT.body).toString()).toContain('Chấp nhận yêu cầu khởi kiện');
    expect(clerk.doc.getMap(DOCUMENT_ROOT.meta).get('status')).toBe('finalised');
  });
});

describe('finalised documents', () => {
  const ROOM = `court/${COURT}/doc/d-bien-ban`;
  const seed = async (store: ReturnType<typeof openSqliteStore>) => {
    const doc = documentDoc({ documentId: 'd-bien-ban', kind: 'hearingMinutes', status: 'finalised', finalisedAt: '2025-11-28T11:00:00.000Z' }, 'Bị đơn trả lời: Không đồng ý.');
    await store.appendUpdate(COURT, 'doc/d-bien-ban', Y.encodeStateAsUpdate(doc));
  };

  async function storedBody(dataDir: string): Promise<{ body: string; corrections: unknown[] }> {
    const store = openSqliteStore(dataDir);
    try {
      const state = await store.loadDoc(COURT, 'doc/d-bien-ban');
      const doc = new Y.Doc({ gc: false });
      Y.applyUpdate(doc, state!.update);
      return { body: doc.getXmlFragment(DOCUMENT_ROOT.body).toString(), corrections: doc.getArray(DOCUMENT_ROOT.corrections).toArray() };
    } finally {
      await store.close();
    }
  }

  it('refuses an edit over WebSocket (4409, nothing stored) and accepts a correction', async () => {
    const { server, dataDir, tokens } = await setup(seed);
    const clerk = provider(server, ROOM, tokens.thuky!, new Y.Doc({ gc: false }));
    const judge = provider(server, ROOM, tokens.thamphan!, new Y.Doc({ gc: false }));
    cleanups.push(() => clerk.provider.destroy(), () => judge.provider.destroy());
    await Promise.all([synced(clerk.provider), synced(judge.provider)]);

    // A correction is appended: the server stores it and the judge sees it.
    const correction = appendCorrection(clerk.doc, { text: 'Dòng 1 sửa "Không đồng ý" thành "Không đồng ý với yêu cầu".', by: 'thuky', at: '2025-11-28T12:00:00.000Z' });
    expect(correction.ok).toBe(true);
    await waitFor(() => judge.doc.getArray(DOCUMENT_ROOT.corrections).length === 1, 'the correction reaches the judge');

    // An edit of the body closes the clerk's connection with 4409; the judge never sees it.
    const closed = new Promise<{ code: number }>((resolve) => clerk.provider.on('connection-close', (event: { code: number } | null) => event && resolve(event)));
    const text = (clerk.doc.getXmlFragment(DOCUMENT_ROOT.body).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'SỬA SAU KHI KÝ ');
    expect((await closed).code).toBe(CLOSE_CODES.documentFinalised);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(judge.doc.getXmlFragment(DOCUMENT_ROOT.body).toString()).not.toContain('SỬA SAU KHI KÝ');

    judge.provider.destroy();
    clerk.provider.destroy();
    await server.close();
    servers.length = 0;
    const stored = await storedBody(dataDir);
    expect(stored.body).not.toContain('SỬA SAU KHI KÝ');
    expect(stored.body).toContain('Bị đơn trả lời: Không đồng ý.');
    expect(stored.corrections).toHaveLength(1);
  });

  it('refuses the same edit pushed through the batch endpoint, storing nothing', async () => {
    const { server, dataDir, tokens } = await setup(seed);
    const store = openSqliteStore(dataDir);
    const state = (await store.loadDoc(COURT, 'doc/d-bien-ban'))!.update;
    await store.close();
    const local = new Y.Doc({ gc: false });
    Y.applyUpdate(local, state);
    const before = Y.encodeStateVector(local);
    ((local.getXmlFragment(DOCUMENT_ROOT.body).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'SỬA ');
    local.getMap(DOCUMENT_ROOT.meta).set('status', 'draft');
    const update = Buffer.from(Y.encodeStateAsUpdate(local, before)).toString('base64');
    const res = await api(server, tokens.thuky!, 'POST', '/api/sync/batch', { push: [{ room: ROOM, update }] });
    expect(res.status).toBe(200);
    expect(res.body.acks).toEqual([]);
    expect(res.body.errors).toEqual([expect.objectContaining({ room: ROOM, code: 'sync.document.finalised' })]);
    await server.close();
    servers.length = 0;
    expect((await storedBody(dataDir)).body).not.toContain('SỬA');
  });
});
