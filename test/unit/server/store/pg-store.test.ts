/**
 * The PostgreSQL store on a real server: every behaviour sqlite-store.test.ts pins for SQLite
 * (append/load/compact, null for a new doc, reopen, corrupt blobs, per-court seq and paging,
 * accounts, closed store), then what only several writers on one database can break: concurrent
 * appends from two instances, compaction racing appends, migrations racing, the database down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { PG_MIGRATIONS } from '../../../../server/store/pg-schema.js';
import { openPgStore, type PgStore } from '../../../../server/store/pg-store.js';
import { StoreError } from '../../../../server/store/store.js';
import { usePgCluster } from '../../../integration/pg/pg-harness.js';

const COURT = 'tand-kv1-vinhlong';
const harness = usePgCluster();
const stores: PgStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function open(url?: string): Promise<{ store: PgStore; url: string }> {
  const dbUrl = url ?? (await harness.freshDatabase());
  const store = await openPgStore({ connectionString: dbUrl });
  stores.push(store);
  return { store, url: dbUrl };
}

async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

function recordingDoc(clientID?: number) {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('PgStore: the SQLite store behaviours', () => {
  it('appends, loads the merged state, compacts, and loads the same state again', async () => {
    const { store } = await open();
    const { doc, updates } = recordingDoc();
    for (let i = 0; i < 50; i++) doc.getText('body').insert(doc.getText('body').length, `dòng ${i}; `);
    doc.getMap('meta').set('status', 'nháp');
    doc.getText('body').delete(0, 5);
    let last = { seq: 0, pendingUpdates: 0 };
    for (const update of updates) last = await store.appendUpdate(COURT, 'doc/d-1', update);
    expect(last.pendingUpdates).toBe(updates.length);

    const before = await store.loadDoc(COURT, 'doc/d-1');
    expect(docFrom(before!.update).getText('body').toString()).toBe(doc.getText('body').toString());
    expect(before!.seq).toBe(last.seq);

    await store.compact(COURT, 'doc/d-1');
    const reloaded = docFrom((await store.loadDoc(COURT, 'doc/d-1'))!.update);
    expect(reloaded.getText('body').toString()).toBe(doc.getText('body').toString());
    expect(reloaded.getMap('meta').get('status')).toBe('nháp');
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(doc));
    expect((await store.appendUpdate(COURT, 'doc/d-1', Y.encodeStateAsUpdate(new Y.Doc()))).pendingUpdates).toBe(1);
  });

  it('answers null for a doc never stored', async () => {
    const { store } = await open();
    expect(await store.loadDoc(COURT, 'case/none')).toBeNull();
  });

  it('keeps everything after close and reopen (random edits, seeded)', async () => {
    const seed = 20261128;
    let state = seed;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const { store, url } = await open();
    const { doc, updates } = recordingDoc();
    for (let i = 0; i < 300; i++) {
      const text = doc.getText('body');
      if (text.length > 0 && random() < 0.3) text.delete(Math.floor(random() * text.length), 1);
      else text.insert(Math.floor(random() * (text.length + 1)), 'ăâđêôơư'[Math.floor(random() * 7)] as string);
      if (i % 97 === 0) await store.compact(COURT, 'doc/r');
      for (const update of updates.splice(0)) await store.appendUpdate(COURT, 'doc/r', update);
    }
    await store.close();
    const { store: again } = await open(url);
    const loaded = await again.loadDoc(COURT, 'doc/r');
    expect(docFrom(loaded!.update).getText('body').toString(), `seed ${seed}`).toBe(doc.getText('body').toString());
  });

  it('reports a corrupt stored update as a load error, never as an empty doc, and does not compact it away', async () => {
    const { store, url } = await open();
    const { doc, updates } = recordingDoc();
    doc.getText('body').insert(0, 'quan trọng');
    doc.getText('body').insert(0, 'rất ');
    for (const update of updates) await store.appendUpdate(COURT, 'doc/x', update);
    await sql(url, 'UPDATE updates SET data = $1 WHERE id = (SELECT MIN(id) FROM updates)', [Buffer.from([0, 1, 2, 3])]);

    await expect(store.loadDoc(COURT, 'doc/x')).rejects.toMatchObject({ name: 'StoreError', code: 'store.corrupt' });
    await expect(store.compact(COURT, 'doc/x')).rejects.toBeInstanceOf(StoreError);
    await expect(store.loadDoc(COURT, 'doc/x')).rejects.toMatchObject({ code: 'store.corrupt' });
    expect((await sql(url, 'SELECT count(*)::int AS n FROM updates')).rows[0].n).toBe(2);
  });

  it('reports a corrupt snapshot as a load error', async () => {
    const { store, url } = await open();
    const { doc, updates } = recordingDoc();
    doc.getText('body').insert(0, 'bản án');
    for (const update of updates) await store.appendUpdate(COURT, 'doc/s', update);
    await store.compact(COURT, 'doc/s');
    await sql(url, `UPDATE docs SET snapshot = overlay(snapshot placing '\\xff'::bytea from length(snapshot)) WHERE doc_key = 'doc/s'`);
    await expect(store.loadDoc(COURT, 'doc/s')).rejects.toMatchObject({ code: 'store.corrupt' });
  });

  it('keeps one monotonic change sequence per court, and pages "changed since"', async () => {
    const { store } = await open();
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const seqs: number[] = [];
    for (let i = 0; i < 10; i++) seqs.push((await store.appendUpdate(COURT, `case/c-${i % 4}`, update)).seq);
    const other = await store.appendUpdate('tand-khac', 'case/c-0', update);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(other.seq).toBe(1);
    expect(await store.currentSeq(COURT)).toBe(10);
    expect(await store.currentSeq('tand-none')).toBe(0);
    expect(await store.changesSince(COURT, 0, 3)).toEqual({
      docs: [
        { docKey: 'case/c-2', seq: 7 },
        { docKey: 'case/c-3', seq: 8 },
        { docKey: 'case/c-0', seq: 9 },
      ],
      hasMore: true,
    });
    expect(await store.changesSince(COURT, 9, 3)).toEqual({ docs: [{ docKey: 'case/c-1', seq: 10 }], hasMore: false });
    expect((await store.changesSince(COURT, 10, 10)).docs).toEqual([]);
  });

  it('stores accounts and refuses calls after close', async () => {
    const { store } = await open();
    expect(await store.putUser({ court: COURT, user: 'thuky', passwordHash: 'h1', roles: ['clerk'] })).toEqual({ created: true });
    expect(await store.putUser({ court: COURT, user: 'thuky', passwordHash: 'h2', roles: ['clerk', 'judge'] })).toEqual({ created: false });
    expect(await store.getUser(COURT, 'thuky')).toEqual({ court: COURT, user: 'thuky', passwordHash: 'h2', roles: ['clerk', 'judge'] });
    expect(await store.getUser('tand-khac', 'thuky')).toBeNull();
    await store.close();
    await expect(store.currentSeq(COURT)).rejects.toMatchObject({ code: 'store.closed' });
    await expect(store.appendUpdate(COURT, 'case/c', new Uint8Array([0, 0]))).rejects.toMatchObject({ code: 'store.closed' });
  });
});

describe('PgStore: several instances on one database', () => {
  it('migrates once when two instances start together, and reopens at the same version', async () => {
    const url = await harness.freshDatabase();
    const [a, b] = await Promise.all([open(url), open(url)]);
    expect(a.store).not.toBe(b.store);
    expect((await sql(url, 'SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    await sql(url, 'INSERT INTO schema_migrations (version) VALUES (99)');
    await expect(openPgStore({ connectionString: url })).rejects.toMatchObject({ code: 'store.unavailable', message: expect.stringContaining('newer') });
  });

  it('gives concurrent appends from two instances gap-free seqs in commit order, a court\'s waiting appends in one statement', async () => {
    const url = await harness.freshDatabase();
    const { store: a } = await open(url);
    const { store: b } = await open(url);
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).appendUpdate(COURT, `case/c-${i % 7}`, update)));
    // Group commit: each doc's waiting appends became one row; the rows' seqs are 1..N, no gap.
    const rows = (await sql(url, 'SELECT seq, doc_key FROM updates ORDER BY seq')).rows as { seq: number; doc_key: string }[];
    const total = await b.currentSeq(COURT);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(total).toBeLessThan(200);
    // Every caller got the seq of the row that holds its update.
    const docOfSeq = new Map(rows.map((r) => [Number(r.seq), r.doc_key]));
    results.forEach((r, i) => expect(docOfSeq.get(r.seq)).toBe(`case/c-${i % 7}`));
    // Paging from any point lists each doc once, at its last change, whichever instance answers.
    const all = await a.changesSince(COURT, 0, 100);
    expect(all.docs).toHaveLength(7);
    expect(await b.changesSince(COURT, 0, 100)).toEqual(all);
    const last = new Map<string, number>();
    results.forEach((r, i) => last.set(`case/c-${i % 7}`, Math.max(last.get(`case/c-${i % 7}`) ?? 0, r.seq)));
    expect(all.docs.map((d) => [d.docKey, d.seq])).toEqual([...last.entries()].sort((x, y) => x[1] - y[1]));
  });

  it('merges a doc\'s waiting updates in order, loses none, and keeps the state vector exact (two instances, many docs)', async () => {
    const url = await harness.freshDatabase();
    const { store: a } = await open(url);
    const { store: b } = await open(url);
    const writers = Array.from({ length: 6 }, (_, i) => ({ ...recordingDoc(100 + i), docKey: `doc/g-${i % 3}` }));
    const pending: Promise<{ seq: number }>[] = [];
    for (let round = 0; round < 60; round++) {
      for (const [i, w] of writers.entries()) {
        w.doc.getText('t').insert(w.doc.getText('t').length, `${i}.${round} `);
        // Writers i and i+3 share a doc, each on its own instance: both instances' batches hold it.
        const store = i < 3 ? a : b;
        if (round % 10 === 0) {
          // Another writer's structs, seen first through the store: later updates depend on them.
          const other = writers[(i + 3) % 6]!;
          Y.applyUpdate(w.doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(w.doc)), 'peer');
        }
        for (const update of w.updates.splice(0)) pending.push(store.appendUpdate(COURT, w.docKey, update));
      }
      if (round % 7 === 0) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    for (let d = 0; d < 3; d++) {
      const expected = new Y.Doc();
      for (const w of [writers[d]!, writers[d + 3]!]) Y.applyUpdate(expected, Y.encodeStateAsUpdate(w.doc));
      const loaded = (await a.loadDoc(COURT, `doc/g-${d}`))!;
      expect(docFrom(loaded.update).getText('t').toString()).toBe(expected.getText('t').toString());
      expect([...Y.decodeStateVector(loaded.stateVector)].sort()).toEqual([...Y.decodeStateVector(Y.encodeStateVector(expected))].sort());
    }
    const seqs = (await sql(url, 'SELECT seq FROM updates ORDER BY seq')).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('migrates a database written before the state-vector migration, and answers exact state vectors', async () => {
    const { store, url } = await open();
    const { doc, updates } = recordingDoc(5);
    for (let i = 0; i < 20; i++) doc.getText('body').insert(0, `dòng ${i} `);
    for (const update of updates.splice(0, 10)) await store.appendUpdate(COURT, 'doc/cu', update);
    await store.compact(COURT, 'doc/cu');
    for (const update of updates.splice(0)) await store.appendUpdate(COURT, 'doc/cu', update);
    await store.close();
    // Back to schema 2, as a server of the previous release left it.
    await sql(url, 'ALTER TABLE docs DROP COLUMN state_vector; DROP FUNCTION courtdesk_sv_append; DELETE FROM schema_migrations WHERE version >= 3');
    const { store: upgraded } = await open(url);
    expect((await sql(url, 'SELECT max(version) AS v FROM schema_migrations')).rows[0].v).toBe(PG_MIGRATIONS.length);
    const loaded = (await upgraded.loadDoc(COURT, 'doc/cu'))!;
    expect(Buffer.from(loaded.stateVector).equals(Buffer.from(Y.encodeStateVectorFromUpdate(loaded.update)))).toBe(true);
    expect(Buffer.from(loaded.stateVector).equals(Buffer.from(Y.encodeStateVector(doc)))).toBe(true);
    expect((await sql(url, 'SELECT state_vector FROM docs')).rows[0].state_vector).toEqual({ '5': Y.decodeStateVector(Y.encodeStateVector(doc)).get(5) });
    doc.getText('body').insert(0, 'mới ');
    await upgraded.appendUpdate(COURT, 'doc/cu', updates.shift()!);
    expect(Buffer.from((await upgraded.loadDoc(COURT, 'doc/cu'))!.stateVector).equals(Buffer.from(Y.encodeStateVector(doc)))).toBe(true);
  });

  it('never loses an update appended through one instance while another compacts the doc', async () => {
    const url = await harness.freshDatabase();
    const { store: a } = await open(url);
    const { store: b } = await open(url);
    const writers = [recordingDoc(1), recordingDoc(2)];
    const tasks: Promise<unknown>[] = [];
    for (let round = 0; round < 40; round++) {
      for (const [i, w] of writers.entries()) {
        w.doc.getMap('m').set(`k${i}-${round}`, round);
        for (const update of w.updates.splice(0)) tasks.push((i === 0 ? a : b).appendUpdate(COURT, 'doc/hot', update));
      }
      if (round % 5 === 0) tasks.push(a.compact(COURT, 'doc/hot'), b.compact(COURT, 'doc/hot'));
    }
    await Promise.all(tasks);
    await a.compact(COURT, 'doc/hot');
    const loaded = docFrom((await b.loadDoc(COURT, 'doc/hot'))!.update);
    const keys = [...loaded.getMap('m').keys()].sort();
    expect(keys).toHaveLength(80);
    expect((await sql(url, 'SELECT pending, (SELECT count(*)::int FROM updates) AS rows FROM docs')).rows[0]).toEqual({ pending: 0, rows: 0 });
  });

  it('answers what a copy up to a seq lacks: updates after it, and the snapshot once they were compacted', async () => {
    const { store } = await open();
    const { doc, updates } = recordingDoc(7);
    doc.getText('t').insert(0, 'một ');
    const first = await store.appendUpdate(COURT, 'doc/s', updates.shift()!);
    doc.getText('t').insert(4, 'hai ');
    await store.appendUpdate(COURT, 'doc/s', updates.shift()!);
    const copy = docFrom((await store.loadDocSince(COURT, 'doc/s', 0))!.update!);
    expect(copy.getText('t').toString()).toBe('một hai ');

    const since = await store.loadDocSince(COURT, 'doc/s', first.seq);
    expect(Y.decodeUpdate(since!.update!).structs.every((s) => s.id.clock >= 4)).toBe(true);
    expect((await store.loadDocSince(COURT, 'doc/s', since!.seq))!.update).toBeNull();
    await store.compact(COURT, 'doc/s');
    // The update after `first` now lives in the snapshot: the snapshot comes back.
    const afterCompaction = await store.loadDocSince(COURT, 'doc/s', first.seq);
    expect(docFrom(afterCompaction!.update!).getText('t').toString()).toBe('một hai ');
    expect(await store.loadDocSince(COURT, 'doc/none', 0)).toBeNull();
  });

  it('fails with store.unavailable when the database is unreachable, and never throws anything else', async () => {
    const store = await openPgStore({ connectionString: await harness.freshDatabase(), connectTimeoutMs: 2000 });
    stores.push(store);
    await store.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    await expect(openPgStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectTimeoutMs: 1000 })).rejects.toMatchObject({
      name: 'StoreError',
      code: 'store.unavailable',
    });
    // A terminated pooled connection is replaced; the next call works.
    expect(await store.currentSeq(COURT)).toBe(0);
  });

  it('stores no update of a doc after one that failed (the stored history stays a prefix)', async () => {
    const { store, url } = await open();
    const { doc, updates } = recordingDoc(9);
    doc.getText('t').insert(0, 'a');
    await store.appendUpdate(COURT, 'doc/p', updates.shift()!);
    // A trigger makes the next insert fail once, like a full disk (a sequence is not rolled back).
    await sql(url, 'CREATE SEQUENCE fail_seq');
    await sql(url, `CREATE FUNCTION fail_once() RETURNS trigger AS $$ BEGIN IF nextval('fail_seq') = 1 THEN
      RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await sql(url, 'CREATE TRIGGER fail_once BEFORE INSERT ON updates FOR EACH ROW EXECUTE FUNCTION fail_once()');
    doc.getText('t').insert(1, 'b');
    doc.getText('t').insert(2, 'c');
    const [b, c] = [store.appendUpdate(COURT, 'doc/p', updates.shift()!), store.appendUpdate(COURT, 'doc/p', updates.shift()!)];
    await expect(b).rejects.toMatchObject({ code: 'store.unavailable' });
    await expect(c).rejects.toMatchObject({ code: 'store.unavailable' });
    expect(docFrom((await store.loadDoc(COURT, 'doc/p'))!.update).getText('t').toString()).toBe('a');
    // Once the queue drained, the doc accepts appends again (the client re-sends b and c).
    doc.getText('t').insert(3, 'd');
    await store.appendUpdate(COURT, 'doc/p', Y.encodeStateAsUpdate(doc));
    expect(docFrom((await store.loadDoc(COURT, 'doc/p'))!.update).getText('t').toString()).toBe('abcd');
  });
});
