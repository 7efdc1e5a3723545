/**
 * Backup export and restore between two replicas (fake-indexeddb): the bundle from A merges into
 * B without losing B's own edits, marks what it changed as pending for sync, and a damaged,
 * foreign or too-new file is refused before anything is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import { updateCaseFields } from '../../../../shared/domain/case-mutations.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import { applyBackup, inspectBackup } from '../../../../renderer/backup/restore.js';
import { exportBackup } from '../../../../renderer/backup/export.js';
import { backupFileName } from '../../../../renderer/backup/file-name.js';
import { fakeIdb, makeCourtFile } from '../replica/fixtures.js';

const opened: Replica[] = [];
afterEach(() => {
  for (const replica of opened.splice(0)) replica.close();
});

async function open(): Promise<Replica> {
  const replica = await openReplica(fakeIdb());
  opened.push(replica);
  return replica;
}

async function ackAll(replica: Replica): Promise<void> {
  const items = await replica.sync.pushItems(await replica.sync.pendingCaseIds());
  await replica.sync.acknowledge(items.map((i) => ({ caseId: i.caseId, stateVector: Y.encodeStateVectorFromUpdate(i.update), seq: 1, localVersion: i.localVersion })));
}

async function snapshotOf(replica: Replica): Promise<Map<string, Uint8Array | undefined>> {
  const out = new Map<string, Uint8Array | undefined>();
  for (const id of await replica.sync.caseIds()) out.set(id, await replica.sync.docState(id));
  return out;
}

/** Two replicas of the same court: A has one case more, both edited case 0 in different fields. */
async function twoReplicas() {
  const file = makeCourtFile({ seed: 7, cases: 4 });
  const ids = file.cases.map((c) => c.id);
  const a = await open();
  const b = await open();
  await a.importCourtFile(file);
  await b.importCourtFile({ ...file, cases: file.cases.slice(0, 3) });
  await ackAll(b);
  expect(await b.sync.pendingCaseIds()).toEqual([]);
  expect((await a.editCase(ids[0]!, (doc, ctx) => updateCaseFields(doc, { notes: 'Ghi chú trên máy A' }, ctx))).ok).toBe(true);
  expect((await a.editCase(ids[1]!, (doc, ctx) => updateCaseFields(doc, { notes: 'Chỉ máy A sửa hồ sơ này' }, ctx))).ok).toBe(true);
  expect((await b.editCase(ids[0]!, (doc, ctx) => updateCaseFields(doc, { subject: 'V/v tranh chấp sửa trên máy B' }, ctx))).ok).toBe(true);
  return { a, b, ids, file };
}

describe('backup export and restore', () => {
  it('merges A\'s bundle into B: both edits present, the new case added, changed docs pending', async () => {
    const { a, b, ids } = await twoReplicas();
    const progress: number[] = [];
    const exported = await exportBackup(a, { appVersion: '0.1.0', now: () => new Date(2026, 10, 28, 9, 5), onProgress: (p) => progress.push(p.done) });
    expect(exported.docCount).toBe(4);
    expect(exported.name).toMatch(/^courtdesk-saoluu-[a-z0-9-]+-20261128-0905\.zip$/);
    expect(progress.at(-1)).toBe(4);

    const inspected = await inspectBackup(b, exported.bytes);
    if (!inspected.ok) throw new Error(inspected.error.messageEn);
    expect(inspected.value.plan.counts).toEqual({ new: 1, merge: 2, contained: 1 });

    const report = await applyBackup(b, inspected.value);
    expect(report.failed).toEqual([]);
    expect(report.changed).toBe(3);

    const merged = await b.loadCase(ids[0]!);
    if (!merged.ok) throw new Error(merged.error.messageEn);
    expect(merged.value.notes).toBe('Ghi chú trên máy A');
    expect(merged.value.subject).toBe('V/v tranh chấp sửa trên máy B');
    const onlyA = await b.loadCase(ids[1]!);
    expect(onlyA.ok && onlyA.value.notes).toBe('Chỉ máy A sửa hồ sơ này');
    expect((await b.info()).caseCount).toBe(4);
    // Rows re-projected: the register finds the restored case.
    const page = await b.listCases({}, 'numberAsc', 0, 10);
    expect(page.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    // Case 1 was acknowledged by the server before; the restore added A's edit, so it must be pushed.
    expect(await b.sync.pendingCaseIds()).toEqual([ids[0]!, ids[1]!, ids[3]!].sort());

    // Restoring the same bundle again changes nothing.
    const again = await inspectBackup(b, exported.bytes);
    expect(again.ok && again.value.plan.counts).toEqual({ new: 0, merge: 0, contained: 4 });
  });

  it('refuses a bundle with one flipped byte, and B is unchanged', async () => {
    const { a, b } = await twoReplicas();
    const exported = await exportBackup(a, { appVersion: '0.1.0' });
    const before = await snapshotOf(b);
    const pendingBefore = await b.sync.pendingCaseIds();
    // Flip a byte inside the first stored doc (level 0: the bytes sit in the zip as they are).
    const files = unzipSync(exported.bytes);
    const docName = Object.keys(files).find((n) => n.startsWith('docs/'))!;
    const at = exported.bytes.findIndex((_, i) => exported.bytes.subarray(i, i + 16).every((x, j) => x === files[docName]![8 + j]));
    expect(at).toBeGreaterThan(0);
    const damaged = exported.bytes.slice();
    damaged[at] = damaged[at]! ^ 0xff;

    const result = await inspectBackup(b, damaged);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toMatch(/Tệp sao lưu bị hỏng|không phải tệp sao lưu Courtdesk/);
    expect(await snapshotOf(b)).toEqual(before);
    expect(await b.sync.pendingCaseIds()).toEqual(pendingBefore);
  });

  it('refuses a foreign zip and a bundle from a newer format, in Vietnamese', async () => {
    const b = await open();
    const foreign = await inspectBackup(b, zipSync({ 'readme.txt': strToU8('xin chào') }));
    expect(!foreign.ok && foreign.error.messageVi).toMatch(/^Đây không phải tệp sao lưu Courtdesk/);
    const manifest = { format: 'courtdesk.backup', formatVersion: 99, createdAt: '2026-11-28T00:00:00Z', court: { id: 'x', name: 'x' }, appVersion: '9', docs: [], counts: {} };
    const newer = await inspectBackup(b, zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)) }));
    expect(!newer.ok && newer.error.messageVi).toMatch(/phiên bản Courtdesk mới hơn/);
    expect(await b.sync.caseIds()).toEqual([]);
  });
});

describe('backupFileName', () => {
  it('folds the court, pads the local time', () => {
    expect(backupFileName('TAND huyện Đông Anh', new Date(2026, 0, 2, 3, 4))).toBe('courtdesk-saoluu-tand-huyen-dong-anh-20260102-0304.zip');
  });
});
