/**
 * Document bodies (`doc:<id>`: minutes, judgment drafts) travel in backup bundles with the case
 * docs: a body typed offline through the document store (as the editor writes it) is exported,
 * restores into a fresh replica with the same text, merges with other local edits (nothing lost,
 * pending for sync), and an identical body writes nothing and stays not pending. Old cases-only
 * bundles still restore; a doc kind this version does not know is still refused whole. The
 * pre-update snapshot (prepare-install → main) carries the unsynced bodies and main accepts it
 * (the scope rule itself: backup-scope.test.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildBackup, readBackup } from '../../../../shared/backup/index.js';
import { bodyFragment, metaMap } from '../../../../shared/drafting/document-doc.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { BackupTooLargeError, exportBackup } from '../../../../renderer/backup/export.js';
import { applyBackup, inspectBackup } from '../../../../renderer/backup/restore.js';
import { backupDocLabel } from '../../../../renderer/backup/doc-label.js';
import { prepareInstall, updateSnapshotBuilder } from '../../../../renderer/app/prepare-install.js';
import { writeUpdateSnapshot } from '../../../../main/update-snapshot.js';
import { makeCourtFile } from '../replica/fixtures.js';
import { closeMachines, createBody, machine, type Machine } from './machine.js';

afterEach(closeMachines);

const DOC_ID = 'bb-2025-017';
const BODY_ID = `doc:${DOC_ID}`;

/** Creates the minutes as the editor does: meta and a first paragraph, stored as a local edit. */
function createMinutes(m: Machine, firstLine: string): Promise<void> {
  return createBody(m, DOC_ID, 'Biên bản phiên tòa', firstLine);
}

/** Types one more paragraph at the end, through the store (a keystroke batch of the editor). */
async function typeParagraph(m: Machine, text: string): Promise<void> {
  const opened = await m.store.open(DOC_ID);
  if (!opened.ok) throw new Error(opened.error.messageEn);
  const fragment = bodyFragment(opened.value.doc);
  const paragraph = new Y.XmlElement('paragraph');
  fragment.insert(fragment.length, [paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
  await opened.value.close();
}

function paragraphsOf(state: Uint8Array | undefined): string[] {
  if (!state) return [];
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  return bodyFragment(doc)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''));
}

/** The court server acknowledged everything this PC holds: nothing is pending. */
async function serverHasAll(replica: Replica): Promise<void> {
  const items = await replica.sync.pushDocItems(await replica.sync.pendingDocIds());
  const acks = [];
  for (const item of items) {
    const stored = await replica.sync.storedDocState(item.docId);
    acks.push({ docId: item.docId, stateVector: Y.encodeStateVectorFromUpdate(stored!), seq: 1, localVersion: item.localVersion });
  }
  await replica.sync.acknowledgeDocs(acks);
  expect(await replica.sync.pendingDocIds()).toEqual([]);
}

/** Pulls a body as the catch-up would: the server's whole state, with its state vector. */
async function pullBody(replica: Replica, state: Uint8Array): Promise<void> {
  const report = await replica.sync.applyRemoteDocs([{ docId: BODY_ID, update: state, stateVector: Y.encodeStateVectorFromUpdate(state), seq: 1 }]);
  expect(report.failed).toEqual([]);
}

async function inspectOk(replica: Replica, bytes: Uint8Array) {
  const inspected = await inspectBackup(replica, bytes);
  if (!inspected.ok) throw new Error(inspected.error.messageEn);
  return inspected.value;
}

describe('backup bundles with document bodies', () => {
  it('exports a body typed offline, and restores it into a fresh replica with the same text, pending', async () => {
    const a = await machine();
    await a.replica.importCourtFile(makeCourtFile({ seed: 3, cases: 2 }));
    await createMinutes(a, 'Phiên tòa bắt đầu lúc 8 giờ 00.');
    await typeParagraph(a, 'Chủ tọa phiên tòa công bố quyết định đưa vụ án ra xét xử.');
    const progress: { done: number; total: number }[] = [];
    const exported = await exportBackup(a.replica, { appVersion: '0.2.0', onProgress: (p) => progress.push(p) });
    expect(exported).toMatchObject({ docCount: 3, caseCount: 2, documentCount: 1 });
    expect(progress.at(0)).toEqual({ done: 0, total: 3 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });

    const read = await readBackup(exported.bytes);
    if (!read.ok) throw new Error(read.error.messageEn);
    expect(read.value.manifest.formatVersion).toBe(1);
    expect(read.value.manifest.counts).toMatchObject({ cases: 2, documents: 1, docs: 3 });
    expect(read.value.docs.map((d) => d.docId).filter((id) => id.startsWith('doc:'))).toEqual([BODY_ID]);

    const d = await machine();
    const inspected = await inspectOk(d.replica, exported.bytes);
    expect(inspected.plan.byKind).toEqual({ case: { new: 2, merge: 0, contained: 0 }, document: { new: 1, merge: 0, contained: 0 } });
    const restoring: number[] = [];
    const report = await applyBackup(d.replica, inspected, (p) => restoring.push(p.done));
    expect(report).toEqual({ changed: 3, changedCases: 2, changedDocuments: 1, failed: [] });
    expect(restoring.at(-1)).toBe(3);
    expect(await d.replica.sync.documentDocIds()).toEqual([BODY_ID]);
    expect(paragraphsOf(await d.replica.sync.storedDocState(BODY_ID))).toEqual(['Phiên tòa bắt đầu lúc 8 giờ 00.', 'Chủ tọa phiên tòa công bố quyết định đưa vụ án ra xét xử.']);
    // The editor opens the restored body like any other.
    const opened = await d.store.open(DOC_ID);
    expect(opened.ok && metaMap(opened.value.doc).get('title')).toBe('Biên bản phiên tòa');
    if (opened.ok) await opened.value.close();
    // The server never saw this body (or not from here): it is pushed at the next sync.
    expect(await d.replica.sync.pendingDocIds()).toContain(BODY_ID);
  });

  it('merges a restored body with other local edits: both kept, and the body becomes pending', async () => {
    const a = await machine();
    await createMinutes(a, 'Phiên tòa bắt đầu lúc 8 giờ 00.');
    const common = (await a.replica.sync.storedDocState(BODY_ID))!;
    const b = await machine();
    await pullBody(b.replica, common);
    // Offline on both PCs: A types the plaintiff's statement, B the presiding judge's question.
    await typeParagraph(a, 'Nguyên đơn trình bày: giữ nguyên yêu cầu khởi kiện.');
    await typeParagraph(b, 'Chủ tọa hỏi bị đơn có ý kiến gì không.');
    // B's own edit reached the server: only the restore can make the body pending again.
    await serverHasAll(b.replica);
    const serverState = (await b.replica.sync.storedDocState(BODY_ID))!;
    const exported = await exportBackup(a.replica, { appVersion: '0.2.0' });

    const inspected = await inspectOk(b.replica, exported.bytes);
    expect(inspected.plan.byKind.document).toEqual({ new: 0, merge: 1, contained: 0 });
    const report = await applyBackup(b.replica, inspected);
    expect(report).toEqual({ changed: 1, changedCases: 0, changedDocuments: 1, failed: [] });
    const merged = paragraphsOf(await b.replica.sync.storedDocState(BODY_ID));
    expect(merged).toHaveLength(3);
    expect(merged[0]).toBe('Phiên tòa bắt đầu lúc 8 giờ 00.');
    expect(merged).toContain('Nguyên đơn trình bày: giữ nguyên yêu cầu khởi kiện.');
    expect(merged).toContain('Chủ tọa hỏi bị đơn có ý kiến gì không.');
    expect(await b.replica.sync.pendingDocIds()).toEqual([BODY_ID]);
    // What B pushes next brings the server (which has B's paragraph) A's paragraph too.
    const [push] = await b.replica.sync.pushDocItems([BODY_ID]);
    const serverCopy = new Y.Doc({ gc: false });
    Y.applyUpdate(serverCopy, serverState);
    expect(paragraphsOf(Y.encodeStateAsUpdate(serverCopy))).not.toContain('Nguyên đơn trình bày: giữ nguyên yêu cầu khởi kiện.');
    Y.applyUpdate(serverCopy, push!.update);
    expect(paragraphsOf(Y.encodeStateAsUpdate(serverCopy)).sort()).toEqual([...merged].sort());
  });

  it('restoring an identical body writes nothing and leaves it not pending', async () => {
    const a = await machine();
    await createMinutes(a, 'Quyết định đưa vụ án ra xét xử.');
    const state = (await a.replica.sync.storedDocState(BODY_ID))!;
    const exported = await exportBackup(a.replica, { appVersion: '0.2.0' });
    const c = await machine();
    await pullBody(c.replica, state);
    expect(await c.replica.sync.pendingDocIds()).toEqual([]);
    const before = await c.replica.sync.storedDocState(BODY_ID);
    const written: string[] = [];
    const off = c.replica.sync.onStoredDocUpdate((docId) => written.push(docId));

    const inspected = await inspectOk(c.replica, exported.bytes);
    expect(inspected.plan.byKind.document).toEqual({ new: 0, merge: 0, contained: 1 });
    const report = await applyBackup(c.replica, inspected);
    off();
    expect(report).toEqual({ changed: 0, changedCases: 0, changedDocuments: 0, failed: [] });
    expect(written).toEqual([]);
    expect(await c.replica.sync.storedDocState(BODY_ID)).toEqual(before);
    expect(await c.replica.sync.pendingDocIds()).toEqual([]);
  });

  it('still restores an old cases-only bundle (no documents count), leaving local bodies alone', async () => {
    const file = makeCourtFile({ seed: 5, cases: 2 });
    const source = await machine();
    await source.replica.importCourtFile(file);
    const caseDocs = [];
    for (const caseId of await source.replica.sync.caseIds()) caseDocs.push({ docId: `case:${caseId}`, state: (await source.replica.sync.docState(caseId))! });
    // Exactly what the exporter wrote before bodies were included.
    const old = await buildBackup(caseDocs, { createdAt: '2026-01-05T08:00:00.000Z', court: { id: 'tand-x', name: 'TAND X' }, appVersion: '0.1.0', counts: { cases: 2 } });

    const target = await machine();
    await createMinutes(target, 'Biên bản chỉ có trên máy này.');
    const bodyBefore = await target.replica.sync.storedDocState(BODY_ID);
    const inspected = await inspectOk(target.replica, old);
    expect(inspected.backup.manifest.counts['documents']).toBeUndefined();
    expect(inspected.plan.byKind).toEqual({ case: { new: 2, merge: 0, contained: 0 }, document: { new: 0, merge: 0, contained: 0 } });
    const report = await applyBackup(target.replica, inspected);
    expect(report).toEqual({ changed: 2, changedCases: 2, changedDocuments: 0, failed: [] });
    expect((await target.replica.info()).caseCount).toBe(2);
    expect(await target.replica.sync.storedDocState(BODY_ID)).toEqual(bodyBefore);
  });

  it('still refuses a bundle holding a doc kind this version does not know, writing nothing', async () => {
    const body = new Y.Doc({ gc: false });
    metaMap(body).set('title', 'Biên bản');
    const note = new Y.Doc();
    note.getMap('note').set('text', 'ghi chú');
    const bytes = await buildBackup(
      [
        { docId: BODY_ID, state: Y.encodeStateAsUpdate(body) },
        { docId: 'note:n-1', state: Y.encodeStateAsUpdate(note) },
      ],
      { createdAt: '2027-01-05T08:00:00.000Z', court: { id: 'tand-x', name: 'TAND X' }, appVersion: '0.9.0', counts: { documents: 1 } },
    );
    const target = await machine();
    const result = await inspectBackup(target.replica, bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('backup.tooNew');
      expect(result.error.messageVi).toMatch(/Hãy cập nhật ứng dụng/);
      expect(result.error.detail).toContain('note:n-1');
    }
    expect(await target.replica.sync.documentDocIds()).toEqual([]);
    expect(await target.replica.sync.pendingDocIds()).toEqual([]);
  });

  it('labels a failed doc for the clerk by the bundle copy: document title or case number, with its id', () => {
    const body = new Y.Doc({ gc: false });
    metaMap(body).set('title', 'Bản án sơ thẩm');
    expect(backupDocLabel(BODY_ID, Y.encodeStateAsUpdate(body))).toBe(`Bản án sơ thẩm (${DOC_ID})`);
    const kase = new Y.Doc();
    kase.getMap('case').set('acceptanceNumber', '12/2025/TLST-DS');
    expect(backupDocLabel('case:c-1', Y.encodeStateAsUpdate(kase))).toBe('12/2025/TLST-DS (c-1)');
    expect(backupDocLabel(BODY_ID, new Uint8Array([1, 2, 3]))).toBe(DOC_ID);
    expect(backupDocLabel('case:c-2', undefined)).toBe('c-2');
  });
});

describe('the pre-update snapshot', () => {
  it('carries the document bodies, and main verifies and writes it', async () => {
    const a = await machine();
    await a.replica.importCourtFile(makeCourtFile({ seed: 9, cases: 1 }));
    await createMinutes(a, 'Biên bản nghị án chưa đồng bộ.');
    // The minutes were never synced: the snapshot (pending scope) must carry them.
    const result = await prepareInstall({ replica: a.replica, buildSnapshot: updateSnapshotBuilder(a.replica, async () => '0.1.0') });
    expect(result).toMatchObject({ snapshotTaken: true, unsaved: 0 });
    expect(result.pendingSync).toBe(2);

    const userData = await mkdtemp(path.join(tmpdir(), 'courtdesk-snapshot-bodies-'));
    try {
      const outcome = await writeUpdateSnapshot({ userData, version: '0.2.0', bytes: result.snapshot, now: new Date('2026-11-28T08:30:00.000Z') });
      if (!outcome.ok) throw new Error(outcome.messageEn);
      const read = await readBackup(new Uint8Array(await readFile(outcome.path)));
      if (!read.ok) throw new Error(read.error.messageEn);
      const body = read.value.docs.find((d) => d.docId === BODY_ID);
      expect(paragraphsOf(body?.state)).toEqual(['Biên bản nghị án chưa đồng bộ.']);
    } finally {
      await rm(userData, { recursive: true, force: true });
    }
  });
});

describe('a replica larger than a bundle may be', () => {
  it('is refused while reading, in Vietnamese, before any bundle is built', async () => {
    const a = await machine();
    await createMinutes(a, 'Biên bản dài.');
    const size = (await a.replica.sync.storedDocState(BODY_ID))!.byteLength;
    const refused = exportBackup(a.replica, { appVersion: '0.2.0', maxBytes: size });
    await expect(refused).rejects.toBeInstanceOf(BackupTooLargeError);
    await expect(refused).rejects.toMatchObject({ messageVi: expect.stringMatching(/vượt quá cỡ tối đa của một bản sao lưu.*dữ liệu trên máy vẫn nguyên vẹn/) });
    // With room for it, the same replica exports.
    expect((await exportBackup(a.replica, { appVersion: '0.2.0', maxBytes: size + 1000 })).documentCount).toBe(1);
  });
});
