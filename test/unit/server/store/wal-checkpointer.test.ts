import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createJsonLogger } from '../../../../server/log.js';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../../server/store/sqlite-store.js';
import { startWalCheckpointer, type WalCheckpointer } from '../../../../server/store/wal-checkpointer.js';

const COURT = 'tand-kv1-vinhlong';

function recordingLogger() {
  const events: Record<string, unknown>[] = [];
  const logger = createJsonLogger({ level: 'debug', write: (line) => void events.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, events };
}

function walDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-wal-'));
  const file = path.join(dir, 'test.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)');
  return { db, file };
}

const autocheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true }) as number;

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const running: { checkpointer: WalCheckpointer; db: Database.Database }[] = [];
afterEach(async () => {
  for (const { checkpointer, db } of running.splice(0)) {
    await checkpointer.stop();
    if (db.open) db.close();
  }
});

describe('startWalCheckpointer', () => {
  it('turns off the checkpoint inside commits and checkpoints the WAL from its worker', async () => {
    const { db, file } = walDatabase();
    const { logger, events } = recordingLogger();
    const checkpointer = startWalCheckpointer(db, file, { logger, intervalMs: 30 });
    running.push({ checkpointer, db });
    expect(await checkpointer.ready).toBe(true);
    expect(autocheckpoint(db)).toBe(0);

    const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
    for (let i = 0; i < 300; i++) insert.run(Buffer.alloc(3000, i));
    // The worker copied the committed pages into the database file.
    await until(() => events.some((e) => e.event === 'store.checkpoint' && Number(e.checkpointed) >= 300));
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 300 });
    reader.close();

    await checkpointer.stop();
    expect(autocheckpoint(db)).toBe(1000);
  });

  it('gives the checkpoints back to the live connection when its worker cannot open the database', async () => {
    const { db } = walDatabase();
    const { logger, events } = recordingLogger();
    const checkpointer = startWalCheckpointer(db, path.join(os.tmpdir(), 'courtdesk-wal-missing', 'none.sqlite'), { logger, intervalMs: 30 });
    running.push({ checkpointer, db });
    expect(await checkpointer.ready).toBe(false);
    await until(() => autocheckpoint(db) === 1000);
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['store.checkpoint.workerFailed', 'store.checkpoint.workerStopped']));
  });
});

describe('openSqliteStore with background checkpoints', () => {
  it('keeps every update across a close and reopen, and the close removes the WAL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-store-'));
    const { logger } = recordingLogger();
    const store = openSqliteStore(dir, { backgroundCheckpoints: { logger, intervalMs: 20 } });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 200; i++) doc.getText('t').insert(0, `dòng ${i} `);
    for (const update of updates) await store.appendUpdate(COURT, 'case/c-1', update);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await store.close();
    expect(fs.existsSync(path.join(dir, `${SQLITE_FILE_NAME}-wal`))).toBe(false);

    const again = openSqliteStore(dir);
    const loaded = await again.loadDoc(COURT, 'case/c-1');
    await again.close();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, loaded!.update);
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());
  });
});
