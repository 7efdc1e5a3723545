/**
 * The two scopes of a backup bundle (docs/BACKUP.md): the manual export holds every case doc and
 * every body; the pre-update snapshot (and "Chỉ các văn bản chưa đồng bộ") holds every case doc but
 * only the bodies the court server has not acknowledged, since the others can be pulled again.
 * A refusal says what to do, and the install refusal carries the renderer's reason to the banner.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBackup } from '../../../../shared/backup/index.js';
import { bodyFragment } from '../../../../shared/drafting/document-doc.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { BackupTooLargeError, exportBackup } from '../../../../renderer/backup/export.js';
import { inspectBackup } from '../../../../renderer/backup/restore.js';
import { prepareInstall, updateSnapshotBuilder } from '../../../../renderer/app/prepare-install.js';
import { writeUpdateSnapshot } from '../../../../main/update-snapshot.js';
import { installBlocker } from '../../../../main/updater.js';
import { makeCourtFile } from '../replica/fixtures.js';
import { closeMachines, createBody, machine, type Machine } from './machine.js';

afterEach(closeMachines);

/** The court server acknowledges these docs as they are stored now. */
async function acknowledge(replica: Replica, docIds: readonly string[]): Promise<void> {
  const items = await replica.sync.pushDocItems(docIds);
  const acks = [];
  for (const item of items) {
    const stored = await replica.sync.storedDocState(item.docId);
    acks.push({ docId: item.docId, stateVector: Y.encodeStateVectorFromUpdate(stored!), seq: 1, localVersion: item.localVersion });
  }
  await replica.sync.acknowledgeDocs(acks);
}

function firstParagraph(state: Uint8Array | undefined): string | undefined {
  if (!state) return undefined;
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  const first = bodyFragment(doc).get(0);
  return first instanceof Y.XmlElement ? first.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : undefined;
}

const SYNCED = 'doc:qd-2025-004';
const PENDING = 'doc:bb-2025-017';

/**
 * Three cases, one of them synced with the server; a decision the server acknowledged and minutes
 * typed offline since. Answers the case doc ids.
 */
async function courtWithOneSyncedBody(m: Machine): Promise<string[]> {
  await m.replica.importCourtFile(makeCourtFile({ seed: 11, cases: 3 }));
  const caseDocIds = (await m.replica.sync.caseIds()).map((id) => `case:${id}`);
  await createBody(m, SYNCED.slice('doc:'.length), 'Quyết định đưa vụ án ra xét xử', 'Đã gửi lên máy chủ của tòa.');
  await acknowledge(m.replica, [SYNCED, caseDocIds[0]!]);
  await createBody(m, PENDING.slice('doc:'.length), 'Biên bản phiên tòa', 'Chỉ có trên máy này.');
  const pending = await m.replica.sync.pendingDocIds();
  expect(pending).toContain(PENDING);
  expect(pending).not.toContain(SYNCED);
  expect(pending).not.toContain(caseDocIds[0]);
  return caseDocIds;
}

describe('backup scopes', () => {
  it('the pre-update snapshot holds every case doc and the pending body only; main writes it', async () => {
    const m = await machine();
    const caseDocIds = await courtWithOneSyncedBody(m);
    const result = await prepareInstall({ replica: m.replica, buildSnapshot: updateSnapshotBuilder(m.replica, async () => '0.1.0') });
    expect(result).toMatchObject({ snapshotTaken: true, unsaved: 0 });
    expect(result.messageVi).toBeUndefined();

    const read = await readBackup(result.snapshot!);
    if (!read.ok) throw new Error(read.error.messageEn);
    // Every case doc, the synced one included: small, and the index of everything on the PC.
    expect(read.value.docs.map((d) => d.docId)).toEqual([...caseDocIds, PENDING]);
    expect(firstParagraph(read.value.docs.at(-1)?.state)).toBe('Chỉ có trên máy này.');
    expect(read.value.manifest.counts).toMatchObject({ cases: 3, documents: 1, documentsOnServer: 1, docs: 4 });

    // Main accepts it as it is (readBackup in writeUpdateSnapshot) and writes it to disk.
    const userData = await mkdtemp(path.join(tmpdir(), 'courtdesk-snapshot-scope-'));
    try {
      const outcome = await writeUpdateSnapshot({ userData, version: '0.2.0', bytes: result.snapshot, now: new Date('2026-11-28T08:30:00.000Z') });
      if (!outcome.ok) throw new Error(outcome.messageEn);
      expect(new Uint8Array(await readFile(outcome.path))).toEqual(result.snapshot);
    } finally {
      await rm(userData, { recursive: true, force: true });
    }
  });

  it('the manual export holds both bodies; "chưa đồng bộ" holds the pending one and says so in the restore plan', async () => {
    const m = await machine();
    const caseDocIds = await courtWithOneSyncedBody(m);
    const at = () => new Date(2026, 10, 28, 9, 5);

    const full = await exportBackup(m.replica, { appVersion: '0.1.0', now: at });
    expect(full).toMatchObject({ scope: 'all', caseCount: 3, documentCount: 2, documentsOnServer: 0, docCount: 5 });
    const fullRead = await readBackup(full.bytes);
    if (!fullRead.ok) throw new Error(fullRead.error.messageEn);
    expect(fullRead.value.docs.map((d) => d.docId)).toEqual([...caseDocIds, PENDING, SYNCED]);
    // A full bundle states no `documentsOnServer`: nothing was left out.
    expect(fullRead.value.manifest.counts['documentsOnServer']).toBeUndefined();

    const partial = await exportBackup(m.replica, { appVersion: '0.1.0', now: at, scope: 'pending' });
    expect(partial).toMatchObject({ scope: 'pending', caseCount: 3, documentCount: 1, documentsOnServer: 1, docCount: 4 });
    expect(partial.name).toMatch(/^courtdesk-saoluu-.+-20261128-0905-chua-dong-bo\.zip$/);
    expect(full.name).toMatch(/-20261128-0905\.zip$/);

    // Restored on a fresh PC, the plan counts the pending body and tells the clerk about the rest.
    const fresh = await machine();
    const inspected = await inspectBackup(fresh.replica, partial.bytes);
    if (!inspected.ok) throw new Error(inspected.error.messageEn);
    expect(inspected.value.plan.byKind.document).toEqual({ new: 1, merge: 0, contained: 0 });
    expect(inspected.value.backup.manifest.counts['documentsOnServer']).toBe(1);
  });

  it('a never-synced replica: the snapshot holds every body (all of them pending)', async () => {
    const m = await machine();
    await createBody(m, 'bb-1', 'Biên bản lấy lời khai', 'Lời khai thứ nhất.');
    await createBody(m, 'bb-2', 'Biên bản hòa giải', 'Hòa giải không thành.');
    const snapshot = await exportBackup(m.replica, { appVersion: '0.1.0', scope: 'pending' });
    expect(snapshot).toMatchObject({ documentCount: 2, documentsOnServer: 0 });
  });
});

describe('a backup too large for one bundle', () => {
  it('the full export tells the clerk to choose "Chỉ các văn bản chưa đồng bộ", which then fits', async () => {
    const m = await machine();
    const caseDocIds = await courtWithOneSyncedBody(m);
    // What the exporter counts (state + 400 bytes of zip and manifest per doc): room for the
    // partial bundle, not for the synced body on top of it.
    const sizeOf = async (docId: string) => (await m.replica.sync.storedDocState(docId))!.byteLength + 400;
    let partialSize = await sizeOf(PENDING);
    for (const docId of caseDocIds) partialSize += await sizeOf(docId);
    const maxBytes = partialSize + Math.floor((await sizeOf(SYNCED)) / 2);
    const refused = exportBackup(m.replica, { appVersion: '0.1.0', maxBytes });
    await expect(refused).rejects.toBeInstanceOf(BackupTooLargeError);
    await expect(refused).rejects.toMatchObject({
      scope: 'all',
      messageVi: expect.stringMatching(/vượt quá cỡ tối đa.*dữ liệu trên máy vẫn nguyên vẹn\. Hãy chọn “Chỉ các văn bản chưa đồng bộ”/),
      messageEn: expect.stringMatching(/Only documents not yet synced/),
    });
    expect((await exportBackup(m.replica, { appVersion: '0.1.0', scope: 'pending', maxBytes })).documentCount).toBe(1);
  });

  it('unsynced work too large even alone: the message says to sync first', async () => {
    const m = await machine();
    await courtWithOneSyncedBody(m);
    const refused = exportBackup(m.replica, { appVersion: '0.1.0', scope: 'pending', maxBytes: 1_000 });
    await expect(refused).rejects.toMatchObject({ scope: 'pending', messageVi: expect.stringMatching(/Hãy kết nối mạng nội bộ của tòa và chờ đồng bộ xong/) });
    await expect(refused).rejects.not.toMatchObject({ messageVi: expect.stringMatching(/Chỉ các văn bản chưa đồng bộ/) });
  });

  it('the install refusal carries that reason to main, which puts it in the blocked message', async () => {
    const m = await machine();
    await courtWithOneSyncedBody(m);
    const result = await prepareInstall({ replica: m.replica, buildSnapshot: updateSnapshotBuilder(m.replica, async () => '0.1.0', { maxBytes: 1_000 }) });
    expect(result.snapshotTaken).toBe(false);
    expect(result.snapshot).toBeUndefined();
    expect(result.messageVi).toMatch(/vượt quá cỡ tối đa của một bản sao lưu.*Hãy kết nối mạng nội bộ/);
    expect(result.messageEn).toMatch(/exceeds the largest backup/);

    const blocker = installBlocker(result);
    expect(blocker?.messageVi).toMatch(/^Còn \d+ hồ sơ chưa đồng bộ.*Chưa tạo được bản sao dữ liệu trên máy trước khi cập nhật: Dữ liệu trên máy \(hơn \d+ MiB\) vượt quá/);
    expect(blocker?.messageEn).toMatch(/The local data snapshot could not be taken: The local data/);
  });
});
