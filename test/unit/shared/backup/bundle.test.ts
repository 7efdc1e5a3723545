import { strToU8, unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, buildBackup, readBackup } from '../../../../shared/backup/index.js';
import type { BackupDoc, BackupMeta } from '../../../../shared/backup/index.js';

const meta: BackupMeta = {
  createdAt: '2026-11-28T08:30:00.000+07:00',
  court: { id: 'tand-q1-hcm', name: 'Tòa án nhân dân Quận 1, Thành phố Hồ Chí Minh' },
  appVersion: '0.1.0',
  counts: { cases: 2 },
};

function caseDoc(docId: string, fields: Record<string, string>): BackupDoc {
  const doc = new Y.Doc({ guid: docId });
  const map = doc.getMap('case');
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return { docId, state: Y.encodeStateAsUpdate(doc) };
}

const docs = [caseDoc('case-1', { number: '12/2025/TLST-DS', subject: 'Tranh chấp hợp đồng vay tài sản' }), caseDoc('case-2', { number: '23/2025/QĐXXST-HS' })];

describe('buildBackup / readBackup', () => {
  it('round-trips every doc byte for byte with a manifest describing them', async () => {
    const bytes = await buildBackup(docs, meta);
    const read = await readBackup(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.manifest.format).toBe(BACKUP_FORMAT);
    expect(read.value.manifest.formatVersion).toBe(1);
    expect(read.value.manifest.court.name).toBe(meta.court.name);
    expect(read.value.manifest.counts).toEqual({ cases: 2, docs: 2 });
    expect(read.value.manifest.docs.map((d) => [d.docId, d.bytes])).toEqual(docs.map((d) => [d.docId, d.state.byteLength]));
    expect(read.value.manifest.docs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(read.value.docs).toEqual(docs);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, read.value.docs[0]!.state);
    expect(restored.getMap('case').get('subject')).toBe('Tranh chấp hợp đồng vay tài sản');
  });

  it('holds manifest.json and docs/<docId>.bin in a plain zip', async () => {
    const files = unzipSync(await buildBackup(docs, meta));
    expect(Object.keys(files).sort()).toEqual(['docs/case-1.bin', 'docs/case-2.bin', 'manifest.json']);
  });

  it('refuses doc ids that are not strict ids', async () => {
    await expect(buildBackup([{ docId: '../evil', state: new Uint8Array([0, 0]) }], meta)).rejects.toThrow(/invalid doc id/);
  });

  /** Rewrites one entry of a valid bundle. */
  async function tampered(edit: (files: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
    const files = unzipSync(await buildBackup(docs, meta));
    edit(files);
    return zipSync(files);
  }
  const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;

  it.each<[string, () => Promise<Uint8Array>, string, RegExp]>([
    ['random bytes', async () => new Uint8Array([1, 2, 3, 4, 5]), 'backup.notZip', /không phải tệp sao lưu/],
    ['a zip without manifest', async () => zipSync({ 'a.txt': strToU8('x') }), 'backup.foreign', /không phải tệp sao lưu/],
    ['another app’s manifest', async () => zipSync({ 'manifest.json': strToU8('{"format":"other.app"}') }), 'backup.foreign', /không phải tệp sao lưu/],
    [
      'a bundle from a newer app',
      () => tampered((f) => (f['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(f), formatVersion: 2 })))),
      'backup.tooNew',
      /phiên bản Courtdesk mới hơn/,
    ],
    ['a flipped byte in a doc', () => tampered((f) => (f['docs/case-1.bin']![3]! ^= 0xff)), 'backup.corrupt', /bị hỏng/],
    ['a missing doc', () => tampered((f) => delete f['docs/case-2.bin']), 'backup.corrupt', /bị hỏng/],
    ['an unlisted extra entry', () => tampered((f) => (f['docs/case-3.bin'] = new Uint8Array([0, 0]))), 'backup.corrupt', /bị hỏng/],
    ['a manifest with a bad size', () => tampered((f) => (f['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(f), docs: [{ ...(manifestOf(f).docs as object[])[0], bytes: 1 }] })))), 'backup.corrupt', /bị hỏng/],
    ['a manifest that is not JSON', () => tampered((f) => (f['manifest.json'] = strToU8('{'))), 'backup.foreign', /không phải tệp sao lưu/],
  ])('refuses %s with a Vietnamese message', async (_name, make, code, message) => {
    const read = await readBackup(await make());
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe(code);
    expect(read.error.messageVi).toMatch(message);
    expect(read.error.messageEn.length).toBeGreaterThan(10);
  });

  it('refuses a doc whose checksum matches but whose bytes are not a Yjs update', async () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]);
    const bytes = await buildBackup([{ docId: 'case-9', state: garbage }], meta);
    const read = await readBackup(bytes);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.detail).toMatch(/not a Yjs update/);
  });
});
