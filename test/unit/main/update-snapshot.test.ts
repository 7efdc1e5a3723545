// The file snapshot before an update installs: written atomically into <userData>/backups, checked
// as a readable backup first, rotated to the newest three; a failure blocks the install with the
// reason (the updater's policy, with electron-updater behind its port).
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBackup } from '../../../shared/backup/index.js';
import type { PrepareInstallResult, UpdaterState } from '../../../shared/contracts/ipc.js';
import { domainError, err } from '../../../shared/domain/result.js';
import { InstallHandshake } from '../../../main/install-handshake.js';
import { nodeSnapshotFs, snapshotFileName, snapshotsOldestFirst, writeUpdateSnapshot, type SnapshotFs } from '../../../main/update-snapshot.js';
import { UpdaterService, type AutoUpdaterPort } from '../../../main/updater.js';

async function bundle(): Promise<Uint8Array> {
  const doc = new Y.Doc({ guid: 'case:c-1' });
  doc.getMap('case').set('acceptanceNumber', '12/2025/TLST-DS');
  return buildBackup([{ docId: 'case:c-1', state: Y.encodeStateAsUpdate(doc) }], {
    createdAt: '2026-11-28T08:00:00.000Z',
    court: { id: 'tand-kv1-vinhlong', name: 'Tòa án nhân dân khu vực 1 - Vĩnh Long' },
    appVersion: '0.1.0',
    counts: { cases: 1 },
  });
}

let userData = '';
beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'courtdesk-snapshot-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('writeUpdateSnapshot', () => {
  it('writes the bundle under backups/ with the version and a time stamp, readable by this user only', async () => {
    const bytes = await bundle();
    const now = new Date('2026-11-28T08:30:00.123Z');
    const outcome = await writeUpdateSnapshot({ userData, version: '0.2.0', bytes, now });
    expect(outcome).toEqual({ ok: true, path: path.join(userData, 'backups', 'before-update-0.2.0-20261128T083000123Z.courtdesk-backup'), removed: [] });
    const dir = path.join(userData, 'backups');
    expect(await readdir(dir)).toEqual(['before-update-0.2.0-20261128T083000123Z.courtdesk-backup']);
    expect(new Uint8Array(await readFile(path.join(dir, 'before-update-0.2.0-20261128T083000123Z.courtdesk-backup')))).toEqual(bytes);
  });

  it('keeps the newest three snapshots, whatever their versions, and leaves other files alone', async () => {
    const dir = path.join(userData, 'backups');
    await mkdir(dir, { recursive: true });
    const old = [
      snapshotFileName('0.1.0', new Date('2026-01-01T00:00:00Z')),
      snapshotFileName('0.1.1', new Date('2026-02-01T00:00:00Z')),
      snapshotFileName('0.1.2', new Date('2026-03-01T00:00:00Z')),
      snapshotFileName('0.10.0', new Date('2026-04-01T00:00:00Z')),
    ];
    for (const name of old) await writeFile(path.join(dir, name), 'old');
    await writeFile(path.join(dir, 'sao-luu-thu-cong.courtdesk-backup'), 'the clerk’s own');
    const outcome = await writeUpdateSnapshot({ userData, version: '0.2.0', bytes: await bundle(), now: new Date('2026-05-01T00:00:00Z') });
    expect(outcome.ok && outcome.removed).toEqual([old[0], old[1]]);
    expect((await readdir(dir)).sort()).toEqual([old[2], old[3], snapshotFileName('0.2.0', new Date('2026-05-01T00:00:00Z')), 'sao-luu-thu-cong.courtdesk-backup'].sort());
  });

  it('refuses a missing or unreadable bundle with a Vietnamese reason and writes nothing', async () => {
    for (const bytes of [undefined, new Uint8Array(), new TextEncoder().encode('not a zip')]) {
      const outcome = await writeUpdateSnapshot({ userData, version: '0.2.0', bytes });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.messageVi).toMatch(/^Chưa lưu được bản sao lưu dữ liệu trước khi cập nhật: .+ Bản cập nhật chưa được cài/);
    }
    await expect(readdir(path.join(userData, 'backups'))).rejects.toThrow();
  });

  it('reports a failed write (disk full) and does not rotate', async () => {
    const remove = vi.fn(async () => undefined);
    const fs: SnapshotFs = {
      ...nodeSnapshotFs,
      write: async () => err(domainError('file.writeFailed', 'Ổ đĩa đã đầy.', 'The disk is full.')),
      remove,
    };
    const outcome = await writeUpdateSnapshot({ userData, version: '0.2.0', bytes: await bundle(), fs });
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.messageVi).toContain('Ổ đĩa đã đầy.');
    expect(remove).not.toHaveBeenCalled();
  });

  it('orders snapshots by their time stamp, not by version text', () => {
    const a = snapshotFileName('0.10.0', new Date('2026-01-01T00:00:00Z'));
    const b = snapshotFileName('0.9.0', new Date('2026-02-01T00:00:00Z'));
    expect(snapshotsOldestFirst([b, 'x.txt', a])).toEqual([a, b]);
    expect(snapshotFileName('1.0/../../x', new Date(0))).toBe('before-update-1.0_.._.._x-19700101T000000000Z.courtdesk-backup');
  });
});

class FakeAutoUpdater extends EventEmitter implements AutoUpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  allowPrerelease = true;
  setFeedURL = vi.fn();
  checkForUpdates = vi.fn(async () => null);
  quitAndInstall = vi.fn();
}

function downloadedService(report: PrepareInstallResult, snapshot: UpdaterServiceSnapshot) {
  const updater = new FakeAutoUpdater();
  const published: UpdaterState[] = [];
  const service = new UpdaterService({ updater, enabled: true, feedUrl: 'http://toaan.local:1234/updates', publish: (s) => published.push(s), prepareInstall: async () => report, snapshot });
  service.start();
  updater.emit('update-downloaded', { version: '0.2.0' });
  return { updater, service, published };
}
type UpdaterServiceSnapshot = ConstructorParameters<typeof UpdaterService>[0]['snapshot'];

describe('installNow with the file snapshot', () => {
  it('writes the snapshot with the renderer’s bundle after the handshake, then installs', async () => {
    const bytes = await bundle();
    const order: string[] = [];
    const snapshot = vi.fn(async (b: Uint8Array | undefined, version: string) => {
      order.push('snapshot');
      return writeUpdateSnapshot({ userData, version, bytes: b });
    });
    const { updater, service } = downloadedService({ pendingSync: 0, unsaved: 0, snapshotTaken: true, snapshot: bytes }, snapshot);
    updater.quitAndInstall.mockImplementation(() => order.push('install'));
    expect((await service.installNow()).status).toBe('installing');
    expect(snapshot).toHaveBeenCalledWith(bytes, '0.2.0');
    expect(order).toEqual(['snapshot', 'install']);
    expect(await readdir(path.join(userData, 'backups'))).toHaveLength(1);
  });

  it('does not install when the snapshot fails, and says why', async () => {
    const snapshot = vi.fn((b: Uint8Array | undefined, version: string) => writeUpdateSnapshot({ userData, version, bytes: b }));
    // The renderer said it took a snapshot but sent no bundle.
    const { updater, service } = downloadedService({ pendingSync: 0, unsaved: 0, snapshotTaken: true }, snapshot);
    const state = await service.installNow();
    expect(state).toMatchObject({ status: 'blocked', version: '0.2.0', snapshotTaken: false });
    if (state.status === 'blocked') expect(state.messageVi).toContain('Chưa lưu được bản sao lưu dữ liệu trước khi cập nhật');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('does not install when the snapshot writer throws', async () => {
    const { updater, service } = downloadedService({ pendingSync: 0, unsaved: 0, snapshotTaken: true, snapshot: await bundle() }, async () => {
      throw new Error('EIO');
    });
    expect((await service.installNow()).status).toBe('blocked');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('never snapshots while work is unsynced (the handshake blocks first)', async () => {
    const snapshot = vi.fn(async () => ({ ok: true as const }));
    const { updater, service } = downloadedService({ pendingSync: 2, unsaved: 0, snapshotTaken: true, snapshot: await bundle() }, snapshot);
    expect((await service.installNow()).status).toBe('blocked');
    expect(snapshot).not.toHaveBeenCalled();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });
});

describe('InstallHandshake', () => {
  it('passes the renderer’s bundle through to main', async () => {
    let requestId = '';
    const handshake = new InstallHandshake((payload) => {
      requestId = payload.requestId;
      return true;
    }, 1000);
    const pending = handshake.request();
    const bytes = await bundle();
    handshake.reply({ requestId, pendingSync: 0, unsaved: 0, snapshotTaken: true, snapshot: bytes });
    expect((await pending)?.snapshot).toBe(bytes);
  });
});
