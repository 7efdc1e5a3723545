/**
 * The behaviour every `ServerStore` must have beyond docs and accounts: staff links, device keys
 * and published packs. One suite, run against each store (SQLite here; PostgreSQL beside it), so
 * the two stores cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ServerStore, StoredDocState } from '../../../../server/store/store.js';

const COURT = 'tand-kv1-vinhlong';

export function describeStoreContract(name: string, openStore: () => Promise<ServerStore>): void {
  describe(`${name}: accounts, device keys and packs`, () => {
    it('keeps the staff link of an account, and drops it when the account is replaced without one', async () => {
      const store = await openStore();
      await store.putUser({ court: COURT, user: 'thamphan', passwordHash: 'h', roles: ['judge'], staffId: 'tp-01' });
      expect(await store.getUser(COURT, 'thamphan')).toMatchObject({ staffId: 'tp-01' });
      await store.putUser({ court: COURT, user: 'thamphan', passwordHash: 'h2', roles: ['judge'] });
      expect(await store.getUser(COURT, 'thamphan')).not.toHaveProperty('staffId');
    });

    it('registers, lists, finds and revokes device keys per court', async () => {
      const store = await openStore();
      const key = { court: COURT, user: 'thamphan', keyId: 'k1', publicKey: 'AAAA', deviceName: 'Laptop', registeredAt: '2026-11-28T08:00:00.000Z' };
      await store.putDeviceKey(key);
      await store.putDeviceKey({ ...key, keyId: 'k2', deviceName: 'Máy bàn', registeredAt: '2026-11-28T09:00:00.000Z' });
      await store.putDeviceKey({ ...key, deviceName: 'Laptop phòng xử án 2' });
      expect((await store.listDeviceKeys(COURT, 'thamphan')).map((k) => [k.keyId, k.deviceName])).toEqual([
        ['k1', 'Laptop phòng xử án 2'],
        ['k2', 'Máy bàn'],
      ]);
      expect(await store.getDeviceKey('tand-khac', 'k1')).toBeNull();
      expect(await store.revokeDeviceKey(COURT, 'k1', '2026-11-29T00:00:00.000Z')).toBe(true);
      expect(await store.revokeDeviceKey(COURT, 'k1', '2026-11-30T00:00:00.000Z')).toBe(false);
      expect(await store.getDeviceKey(COURT, 'k1')).toMatchObject({ revokedAt: '2026-11-29T00:00:00.000Z', publicKey: 'AAAA' });
    });

    it('stores each pack version once and returns its exact bytes', async () => {
      const store = await openStore();
      const bytes = new Uint8Array([1, 2, 3, 250]);
      const pack = { kind: 'templates' as const, packId: 'tand-builtin', version: '1.1.0', bytes, sha256: 'ab', publishedBy: 'quantri', publishedAt: '2026-11-28T08:00:00.000Z' };
      expect(await store.putPack(COURT, pack)).toEqual({ created: true });
      expect(await store.putPack(COURT, { ...pack, bytes: new Uint8Array([9]) })).toEqual({ created: false });
      await store.putPack(COURT, { ...pack, version: '1.2.0' });
      expect((await store.listPacks(COURT)).map((p) => p.version)).toEqual(['1.1.0', '1.2.0']);
      expect(await store.listPacks('tand-khac')).toEqual([]);
      const read = await store.getPack(COURT, 'templates', 'tand-builtin', '1.1.0');
      expect(read && [...read.bytes]).toEqual([1, 2, 3, 250]);
      expect(await store.getPack(COURT, 'deadlines', 'tand-builtin', '1.1.0')).toBeNull();
    });

    it('records who may read each document, per court', async () => {
      const store = await openStore();
      await store.putDocAccess(COURT, 'doc/nghi-an', ['tp-01', 'httnd-02']);
      await store.putDocAccess(COURT, 'doc/bien-ban', null);
      await store.putDocAccess(COURT, 'doc/bien-ban', ['tp-01']);
      await store.putDocAccess(COURT, 'doc/bien-ban', null);
      const access = await store.getDocAccess(COURT, ['doc/nghi-an', 'doc/bien-ban', 'doc/chua-co']);
      expect([...access.entries()].sort()).toEqual([
        ['doc/bien-ban', null],
        ['doc/nghi-an', ['tp-01', 'httnd-02']],
      ]);
      expect((await store.getDocAccess('tand-khac', ['doc/nghi-an'])).size).toBe(0);
      expect((await store.getDocAccess(COURT, [])).size).toBe(0);
    });
  });
}

/** Raw access to a store's rows, to stand for rows written before the state-vector migration. */
export interface StateVectorRows {
  /** Sets the doc's stored state vector to NULL, as the migration leaves rows stored before it. */
  forget(court: string, docKey: string): Promise<void>;
  /** The doc's stored state vector as the store keeps it (JSON text or object), or null. */
  stored(court: string, docKey: string): Promise<unknown>;
}

/** A seeded generator (mulberry32), so a failing case replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Several clients editing one doc (text, map, deletions), each update as its doc emitted it, in a causal order. */
function editingSession(seed: number, steps: number): Uint8Array[] {
  const next = random(seed);
  const docs = [1, 2, 3].map((i) => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = seed * 10 + i;
    return doc;
  });
  const emitted: Uint8Array[] = [];
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'peer') emitted.push(update);
    });
  }
  for (let step = 0; step < steps; step++) {
    const doc = docs[Math.floor(next() * docs.length)]!;
    const text = doc.getText('body');
    const roll = next();
    if (roll < 0.55 || text.length === 0) text.insert(Math.floor(next() * (text.length + 1)), `đoạn ${step} `);
    else if (roll < 0.75) text.delete(Math.floor(next() * text.length), 1 + Math.floor(next() * Math.min(5, text.length)));
    else doc.getMap('meta').set(`k${step % 7}`, step);
    // Peers sync now and then, so later updates depend on other clients' structs.
    if (next() < 0.3) {
      const other = docs[Math.floor(next() * docs.length)]!;
      if (other !== doc) Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), 'peer');
    }
  }
  return emitted;
}

function expectExactStateVector(state: StoredDocState | null, label: string): void {
  expect(state, label).not.toBeNull();
  const computed = Y.encodeStateVectorFromUpdate(state!.update);
  expect([...Y.decodeStateVector(state!.stateVector)].sort(), label).toEqual([...Y.decodeStateVector(computed)].sort());
  // Clients in the same (descending) order as Yjs writes them: byte for byte the same answer.
  expect(Buffer.from(state!.stateVector).equals(Buffer.from(computed)), label).toBe(true);
}

/**
 * The state vector a store keeps beside each doc (server/store/state-vector.ts): whatever was
 * appended, compacted or migrated, `loadDoc` and `loadDocs` answer exactly
 * `Y.encodeStateVectorFromUpdate(update)`.
 */
export function describeDocStateContract(name: string, openStore: () => Promise<{ store: ServerStore; rows: StateVectorRows }>): void {
  describe(`${name}: stored state vectors and batch loads`, () => {
    it('keeps the exact state vector through random appends and compactions (seeded)', async () => {
      const { store } = await openStore();
      for (const seed of [1, 2, 3]) {
        const docKey = `doc/sv-${seed}`;
        const updates = editingSession(seed, 120);
        const next = random(seed + 100);
        for (const [i, update] of updates.entries()) {
          await store.appendUpdate(COURT, docKey, update);
          if (next() < 0.08) await store.compact(COURT, docKey);
          if (i % 17 === 0) expectExactStateVector(await store.loadDoc(COURT, docKey), `seed ${seed}, after update ${i}`);
        }
        expectExactStateVector(await store.loadDoc(COURT, docKey), `seed ${seed}, end`);
        await store.compact(COURT, docKey);
        expectExactStateVector(await store.loadDoc(COURT, docKey), `seed ${seed}, compacted`);
      }
    });

    it('stays exact when an update arrives before the one it depends on, and once the gap fills', async () => {
      const { store } = await openStore();
      const doc = new Y.Doc();
      doc.clientID = 77;
      const emitted: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => emitted.push(update));
      doc.getText('t').insert(0, 'một ');
      doc.getText('t').insert(4, 'hai ');
      doc.getText('t').insert(8, 'ba');
      const [first, second, third] = emitted as [Uint8Array, Uint8Array, Uint8Array];
      await store.appendUpdate(COURT, 'doc/gap', first);
      await store.appendUpdate(COURT, 'doc/gap', third);
      const holed = await store.loadDoc(COURT, 'doc/gap');
      expectExactStateVector(holed, 'with a hole');
      expect(Y.decodeStateVector(holed!.stateVector).get(77)).toBe(4);
      await store.appendUpdate(COURT, 'doc/gap', second);
      expectExactStateVector(await store.loadDoc(COURT, 'doc/gap'), 'hole filled');
      await store.compact(COURT, 'doc/gap');
      const compacted = await store.loadDoc(COURT, 'doc/gap');
      expectExactStateVector(compacted, 'compacted');
      expect(Y.decodeStateVector(compacted!.stateVector).get(77)).toBe(10);
      await store.appendUpdate(COURT, 'doc/gap', Y.encodeStateAsUpdate(doc));
      expectExactStateVector(await store.loadDoc(COURT, 'doc/gap'), 'after a full re-send');
    });

    it('computes and keeps the state vector of rows stored before the migration', async () => {
      const { store, rows } = await openStore();
      const updates = editingSession(9, 60);
      for (const update of updates.slice(0, 30)) await store.appendUpdate(COURT, 'doc/cu', update);
      await store.compact(COURT, 'doc/cu');
      for (const update of updates.slice(30)) await store.appendUpdate(COURT, 'doc/cu', update);
      await rows.forget(COURT, 'doc/cu');
      expect(await rows.stored(COURT, 'doc/cu')).toBeNull();
      expectExactStateVector(await store.loadDoc(COURT, 'doc/cu'), 'computed on read');
      expect(await rows.stored(COURT, 'doc/cu')).not.toBeNull();
      expectExactStateVector(await store.loadDoc(COURT, 'doc/cu'), 'kept');
      // An unknown one stays unknown through appends, and compaction fills it in.
      await rows.forget(COURT, 'doc/cu');
      const more = new Y.Doc();
      more.clientID = 4242;
      more.getText('body').insert(0, 'bổ sung');
      await store.appendUpdate(COURT, 'doc/cu', Y.encodeStateAsUpdate(more));
      expect(await rows.stored(COURT, 'doc/cu')).toBeNull();
      await store.compact(COURT, 'doc/cu');
      expect(await rows.stored(COURT, 'doc/cu')).not.toBeNull();
      expectExactStateVector(await store.loadDoc(COURT, 'doc/cu'), 'compacted after unknown');
      // Batch loads fill unknown ones too.
      await rows.forget(COURT, 'doc/cu');
      expectExactStateVector((await store.loadDocs(COURT, ['doc/cu'])).get('doc/cu') ?? null, 'batch load of an unknown one');
      expect(await rows.stored(COURT, 'doc/cu')).not.toBeNull();
    });

    it('loads many docs at once exactly as one by one, leaving out docs never stored', async () => {
      const { store } = await openStore();
      const keys: string[] = [];
      for (let i = 0; i < 12; i++) {
        const docKey = i % 3 === 0 ? `case/c-${i}` : `doc/d-${i}`;
        keys.push(docKey);
        for (const update of editingSession(20 + i, 10 + i)) await store.appendUpdate(COURT, docKey, update);
        if (i % 2 === 0) await store.compact(COURT, docKey);
      }
      await store.appendUpdate('tand-khac', 'case/c-0', Y.encodeStateAsUpdate(new Y.Doc()));
      const batch = await store.loadDocs(COURT, [...keys, 'doc/chua-co']);
      expect([...batch.keys()].sort()).toEqual([...keys].sort());
      for (const docKey of keys) {
        const one = await store.loadDoc(COURT, docKey);
        const many = batch.get(docKey)!;
        expect(many.seq, docKey).toBe(one!.seq);
        expect(Buffer.from(many.stateVector).equals(Buffer.from(one!.stateVector)), docKey).toBe(true);
        expect(Buffer.from(Y.encodeStateAsUpdate(docOf(many.update))).equals(Buffer.from(Y.encodeStateAsUpdate(docOf(one!.update)))), docKey).toBe(true);
        expectExactStateVector(many, docKey);
      }
      expect((await store.loadDocs(COURT, [])).size).toBe(0);
      expect((await store.loadDocs('tand-khac', keys)).size).toBe(1);
    });
  });
}

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, update);
  return doc;
}
