/**
 * Document docs in the replica (document-store.ts): a local edit is in IndexedDB within the
 * coalescing delay, together with its sync mark; a page-hide flushes at once; remote updates are
 * stored but not marked; reopening gives the same content; 300 small edits compact without loss;
 * a failed write keeps its bytes and succeeds later.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IDBKeyRange as FakeIDBKeyRange, IDBFactory as FakeIDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { openDocumentStore, type DocumentStore, type PageLifecycle } from '../../../../renderer/replica/document-store.js';
import { openDatabase } from '../../../../renderer/replica/open.js';
import { COMPACT_AFTER } from '../../../../renderer/replica/doc-store.js';
import { pendingDocIds } from '../../../../renderer/replica/sync-state.js';
import { bodyFragment, metaMap } from '../../../../shared/drafting/document-doc.js';

const stores: DocumentStore[] = [];

/** Object stores whose writes fail as on a full disk. */
const failingStores = new Set<string>();
for (const method of ['add', 'put'] as const) {
  const original = FakeObjectStore.prototype[method];
  FakeObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    if (failingStores.has(this.name)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  } as typeof original;
}

function manualLifecycle(): PageLifecycle & { fire(): void } {
  const listeners = new Set<() => void>();
  return {
    subscribe(flushNow) {
      listeners.add(flushNow);
      return () => listeners.delete(flushNow);
    },
    fire() {
      for (const l of listeners) l();
    },
  };
}

async function setup(options: { delay?: number; lifecycle?: PageLifecycle } = {}) {
  const indexedDB = new FakeIDBFactory();
  const open = () =>
    openDocumentStore({ name: 'doc-test', indexedDB, IDBKeyRange: FakeIDBKeyRange, flushDelayMs: options.delay ?? 250, ...(options.lifecycle ? { lifecycle: options.lifecycle } : {}) });
  const store = await open();
  stores.push(store);
  const db = await openDatabase({ name: 'doc-test', indexedDB, IDBKeyRange: FakeIDBKeyRange });
  return { store, db, open };
}

const text = (doc: Y.Doc) => doc.getText('t').toString();

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('document store', () => {
  it('creates a document once, marked for the catch-up', async () => {
    const { store, db } = await setup();
    const created = await store.create('d1', (doc) => metaMap(doc).set('title', 'Biên bản phiên tòa'));
    expect(created.ok).toBe(true);
    expect(await pendingDocIds(db)).toContain('doc:d1');
    expect((await db.syncState.get('doc:d1'))?.dirty).toBe(1);
    const again = await store.create('d1', () => undefined);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.messageVi).toContain('đã có');
    db.close();
  });

  it('stores a keystroke within the delay and reopens with the same content', async () => {
    const { store, db, open } = await setup({ delay: 50 });
    const created = await store.create('d2', () => undefined);
    if (!created.ok) throw new Error(created.error.messageEn);
    const { doc } = created.value;
    const before = await db.docUpdates.count();
    doc.getText('t').insert(0, 'Chủ tọa hỏi: ');
    doc.getText('t').insert(13, 'Bị cáo có nhận được cáo trạng không?');
    await new Promise((r) => setTimeout(r, 200));
    // Both keystrokes in one coalesced write, already committed: no flush was asked for.
    expect(await db.docUpdates.count()).toBe(before + 1);
    const second = await open();
    stores.push(second);
    const reopened = await second.open('d2');
    if (!reopened.ok) throw new Error(reopened.error.messageEn);
    expect(text(reopened.value.doc)).toBe('Chủ tọa hỏi: Bị cáo có nhận được cáo trạng không?');
    expect(reopened.value.doc.gc).toBe(false);
    db.close();
  });

  it('flushes at once when the page is hidden', async () => {
    const lifecycle = manualLifecycle();
    const { store, db } = await setup({ delay: 60_000, lifecycle });
    const created = await store.create('d3', () => undefined);
    if (!created.ok) throw new Error(created.error.messageEn);
    created.value.doc.getText('t').insert(0, 'x');
    lifecycle.fire();
    await new Promise((r) => setTimeout(r, 50));
    expect(await store.state('d3')).toBeDefined();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await store.state('d3'))!);
    expect(text(copy)).toBe('x');
    db.close();
  });

  it('stores remote updates without marking them as local edits', async () => {
    const { store, db } = await setup({ delay: 10 });
    const created = await store.create('d4', () => undefined);
    if (!created.ok) throw new Error(created.error.messageEn);
    await db.syncState.put({ docId: 'doc:d4', dirty: 0, localVersion: 1 });
    const provider = { name: 'provider' };
    created.value.addRemoteOrigin(provider);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'từ đồng nghiệp');
    Y.applyUpdate(created.value.doc, Y.encodeStateAsUpdate(other), provider);
    await created.value.flush();
    expect((await db.syncState.get('doc:d4'))?.dirty).toBe(0);
    created.value.doc.getText('t').insert(0, '> ');
    await created.value.flush();
    expect((await db.syncState.get('doc:d4'))?.dirty).toBe(1);
    expect((await db.syncState.get('doc:d4'))?.localVersion).toBe(2);
    db.close();
  });

  it('compacts after many edits and loses nothing', async () => {
    const { store, db, open } = await setup({ delay: 1 });
    const created = await store.create('d5', (doc) => bodyFragment(doc).insert(0, [new Y.XmlText('')]));
    if (!created.ok) throw new Error(created.error.messageEn);
    const t = created.value.doc.getText('t');
    for (let i = 0; i < COMPACT_AFTER * 2 + 7; i++) {
      t.insert(t.length, String(i % 10));
      await created.value.flush();
    }
    expect(await db.docUpdates.where('docId').equals('doc:d5').count()).toBeLessThan(COMPACT_AFTER);
    const second = await open();
    stores.push(second);
    const reopened = await second.open('d5');
    if (!reopened.ok) throw new Error(reopened.error.messageEn);
    expect(text(reopened.value.doc)).toBe(t.toString());
    expect(text(reopened.value.doc)).toHaveLength(COMPACT_AFTER * 2 + 7);
    db.close();
  });

  it('keeps what another writer stored when compacting, and reload brings it in', async () => {
    const { store, db } = await setup({ delay: 1 });
    const created = await store.create('d6', () => undefined);
    if (!created.ok) throw new Error(created.error.messageEn);
    // The catch-up stores a colleague's edit behind the open doc's back.
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, (await store.state('d6'))!);
    colleague.getText('other').insert(0, 'đồng bộ về');
    await db.docUpdates.add({ docId: 'doc:d6', update: Y.encodeStateAsUpdate(colleague) });
    const t = created.value.doc.getText('t');
    for (let i = 0; i < COMPACT_AFTER + 3; i++) {
      t.insert(t.length, 'a');
      await created.value.flush();
    }
    const merged = new Y.Doc();
    Y.applyUpdate(merged, (await store.state('d6'))!);
    expect(merged.getText('other').toString()).toBe('đồng bộ về');
    expect(created.value.doc.getText('other').toString()).toBe('');
    const reloaded = await created.value.reload();
    expect(reloaded.ok).toBe(true);
    expect(created.value.doc.getText('other').toString()).toBe('đồng bộ về');
    db.close();
  });

  it('keeps the bytes of a failed write and writes them on the next flush', async () => {
    const { store, db } = await setup({ delay: 60_000 });
    const created = await store.create('d7', () => undefined);
    if (!created.ok) throw new Error(created.error.messageEn);
    const errors: string[] = [];
    created.value.onError((e) => errors.push(e.messageVi));
    failingStores.add('docUpdates');
    try {
      created.value.doc.getText('t').insert(0, 'không được mất');
      await expect(created.value.flush()).rejects.toBeDefined();
      expect(errors).toHaveLength(1);
    } finally {
      failingStores.delete('docUpdates');
    }
    await created.value.flush();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await store.state('d7'))!);
    expect(text(copy)).toBe('không được mất');
    expect(created.value.doc.getText('t').toString()).toBe('không được mất');
    db.close();
  });
});

describe('updates already stored by the catch-up', () => {
  it('reach the open doc without being written a second time', async () => {
    const indexedDB = new FakeIDBFactory();
    const store = await openDocumentStore({ name: 'doc-test-2', indexedDB, IDBKeyRange: FakeIDBKeyRange, flushDelayMs: 5 });
    stores.push(store);
    const created = await store.create('d8', () => undefined);
    if (!created.ok) throw new Error(created.error.messageEn);
    const db = await openDatabase({ name: 'doc-test-2', indexedDB, IDBKeyRange: FakeIDBKeyRange });
    const colleague = new Y.Doc();
    colleague.getText('t').insert(0, 'kéo về');
    const update = Y.encodeStateAsUpdate(colleague);
    await db.docUpdates.add({ docId: 'doc:d8', update }); // what the catch-up stored
    const before = await db.docUpdates.count();
    created.value.applyStoredUpdate(update);
    await new Promise((r) => setTimeout(r, 30));
    await created.value.flush();
    expect(created.value.doc.getText('t').toString()).toBe('kéo về');
    expect(await db.docUpdates.count()).toBe(before);
    db.close();
  });
});
