/**
 * SQLite → PostgreSQL migration of a demo court: every doc (snapshots and pending updates), seq,
 * account, device key and pack arrives exactly; a server on each store gives the same catch-up;
 * a second run refuses to merge; the CLI prints its summary and fails on a damaged doc.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BatchResponse } from '../../../shared/sync/batch.js';
import { DEMO_ACCOUNTS, DEMO_COURT_ID, seedDemoAccounts } from '../../../server/demo-accounts.js';
import { seedDemoCourt } from '../../../server/demo-court.js';
import { migrateSqliteToPg } from '../../../server/store/migrate-sqlite-to-pg.js';
import { openPgStore } from '../../../server/store/pg-store.js';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../server/store/sqlite-store.js';
import type { ServerStore } from '../../../server/store/store.js';
import type { RunningServer } from '../../../server/server.js';
import { start, tempDataDir } from '../server/helpers.js';
import { usePgCluster } from './pg-harness.js';

const harness = usePgCluster();
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The demo court, then a life on the server: edits (pending), compactions, a staff link, keys, packs. */
async function livedInCourt(): Promise<{ dataDir: string; docKeys: string[] }> {
  const dataDir = tempDataDir();
  const seeded = await seedDemoCourt(dataDir, { today: '2026-11-28', cases: 60 });
  expect(seeded.courtId).toBe(DEMO_COURT_ID);
  await seedDemoAccounts(dataDir, DEMO_COURT_ID);
  const store = openSqliteStore(dataDir);
  try {
    const changes = await store.changesSince(DEMO_COURT_ID, 0, 1000);
    const docKeys = changes.docs.map((d) => d.docKey);
    for (const [i, docKey] of docKeys.slice(0, 20).entries()) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.loadDoc(DEMO_COURT_ID, docKey))!.update);
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getMap('case').set('notes', `Ghi chú ${i}`);
      doc.getMap('case').set('notes', `Ghi chú ${i} (sửa)`);
      for (const u of updates) await store.appendUpdate(DEMO_COURT_ID, docKey, u);
      if (i % 3 === 0) await store.compact(DEMO_COURT_ID, docKey);
    }
    const body = new Y.Doc();
    body.getText('body').insert(0, 'Biên bản phiên tòa');
    await store.appendUpdate(DEMO_COURT_ID, 'doc/d-1', Y.encodeStateAsUpdate(body));
    await store.appendUpdate('tand-khac', 'case/c-9', Y.encodeStateAsUpdate(body));
    await store.putDocAccess(DEMO_COURT_ID, 'doc/d-1', null);
    await store.putUser({ court: DEMO_COURT_ID, user: 'thamphan2', passwordHash: 'scrypt$x', roles: ['judge', 'admin'], staffId: 'tp-02' });
    await store.putDeviceKey({ court: DEMO_COURT_ID, user: 'thamphan2', keyId: 'k1', publicKey: 'AAAA', deviceName: 'Laptop phòng xử án 2', registeredAt: '2026-11-28T08:00:00.000Z' });
    await store.revokeDeviceKey(DEMO_COURT_ID, 'k1', '2026-11-29T08:00:00.000Z');
    await store.putPack(DEMO_COURT_ID, { kind: 'templates', packId: 'tand', version: '1.0.0', bytes: new Uint8Array([1, 2, 250]), sha256: 'ab', publishedBy: 'quantri', publishedAt: '2026-11-28T08:00:00.000Z' });
    await store.putPack(DEMO_COURT_ID, { kind: 'deadlines', packId: 'tand', version: '1.0.1', bytes: new Uint8Array([3]), sha256: 'cd', publishedBy: 'quantri', publishedAt: '2026-11-28T09:00:00.000Z' });
    return { dataDir, docKeys: [...docKeys, 'doc/d-1'] };
  } finally {
    await store.close();
  }
}

async function everything(store: ServerStore, docKeys: string[]) {
  const docs: Record<string, { seq: number; sv: string; state: string }> = {};
  for (const key of docKeys) {
    const loaded = (await store.loadDoc(DEMO_COURT_ID, key))!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.update);
    docs[key] = { seq: loaded.seq, sv: Buffer.from(Y.encodeStateVector(doc)).toString('base64'), state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') };
  }
  const users = await Promise.all([...DEMO_ACCOUNTS.map((a) => a.user), 'thamphan2'].map((u) => store.getUser(DEMO_COURT_ID, u)));
  const packs = await store.listPacks(DEMO_COURT_ID);
  return {
    docs,
    seq: await store.currentSeq(DEMO_COURT_ID),
    otherSeq: await store.currentSeq('tand-khac'),
    changes: await store.changesSince(DEMO_COURT_ID, 0, 10_000),
    users,
    keys: await store.listDeviceKeys(DEMO_COURT_ID, 'thamphan2'),
    access: [...(await store.getDocAccess(DEMO_COURT_ID, docKeys)).entries()],
    stateVectors: await Promise.all(docKeys.map(async (key) => Buffer.from((await store.loadDoc(DEMO_COURT_ID, key))!.stateVector).toString('base64'))),
    packs,
    packBytes: await Promise.all(packs.map(async (p) => [...(await store.getPack(DEMO_COURT_ID, p.kind, p.packId, p.version))!.bytes])),
  };
}

async function pullAll(server: RunningServer): Promise<BatchResponse['pull']> {
  const login = await fetch(`${server.url}/api/login`, { method: 'POST', body: JSON.stringify({ court: DEMO_COURT_ID, user: 'thuky', password: DEMO_ACCOUNTS[0]!.password }) });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${server.url}/api/sync/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ pull: { sinceSeq: 0, limit: 2000 } }) });
  return ((await res.json()) as BatchResponse).pull;
}

describe('SQLite → PostgreSQL migration', () => {
  it('round-trips a demo court exactly and refuses a second run', { timeout: 60_000 }, async () => {
    const { dataDir, docKeys } = await livedInCourt();
    const url = await harness.freshDatabase();
    const report = await migrateSqliteToPg(dataDir, url);
    expect(report.mismatches).toEqual([]);
    expect(report.verified).toBe(docKeys.length + 1); // + the other court's doc
    expect(report.snapshots).toBe(7);
    expect(report.users).toBe(4);
    expect(report.deviceKeys).toBe(1);
    expect(report.packs).toBe(2);

    const sqlite = openSqliteStore(dataDir);
    const pg = await openPgStore({ connectionString: url });
    try {
      expect(await everything(pg, docKeys)).toEqual(await everything(sqlite, docKeys));
    } finally {
      await sqlite.close();
      await pg.close();
    }

    // The same catch-up from a server on either store.
    const fromSqlite = await start(dataDir);
    const pulledSqlite = await pullAll(fromSqlite).finally(() => fromSqlite.close());
    const fromPg = await start(tempDataDir(), { postgres: { url } });
    const pulledPg = await pullAll(fromPg).finally(() => fromPg.close());
    expect(pulledPg).toEqual(pulledSqlite);
    expect(pulledPg!.docs).toHaveLength(docKeys.length);

    await expect(migrateSqliteToPg(dataDir, url)).rejects.toThrow(/already holds court/);
  });

  it('the CLI prints a summary, and exits non-zero when a document does not verify', { timeout: 60_000 }, async () => {
    const { dataDir } = await livedInCourt();
    const cli = (from: string, url: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'migrate', '--from-sqlite', from, '--pg-url', url], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const ok = cli(dataDir, await harness.freshDatabase());
    expect(ok.status, ok.stderr).toBe(0);
    const summary = ok.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.event === 'migrate.summary');
    expect(summary).toMatchObject({ level: 'info', docs: 62, mismatches: 0, verified: 62 });

    // A damaged update in the source: copied as is, reported, exit 1.
    const damaged = tempDataDir();
    fs.copyFileSync(path.join(dataDir, SQLITE_FILE_NAME), path.join(damaged, SQLITE_FILE_NAME));
    const db = new Database(path.join(damaged, SQLITE_FILE_NAME));
    db.prepare('UPDATE updates SET data = ? WHERE id = (SELECT MAX(id) FROM updates)').run(Buffer.from([9, 9, 9]));
    db.close();
    const bad = cli(damaged, await harness.freshDatabase());
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('migrate.mismatch');

  });
});
