/** The answer to main's `update:prepareInstall`: syncs first, counts what is still pending. */
import { describe, expect, it } from 'vitest';
import { prepareInstall, registerPrepareInstall, snapshotFailureReason } from '../../../../renderer/app/prepare-install.js';
import { PREPARE_INSTALL_MESSAGE_MAX, type PrepareInstallResult } from '../../../../shared/contracts/ipc.js';

function fakeReplica(pending: string[], infoFails = false) {
  return {
    info: () => (infoFails ? Promise.reject(new Error('closed')) : Promise.resolve({ staff: [], caseCount: 3 })),
    sync: { pendingDocIds: () => Promise.resolve([...pending]) },
  };
}

describe('prepareInstall', () => {
  it('asks the engine to sync and reports what it left pending', async () => {
    const pending = ['c1', 'c2', 'c3'];
    const engine = {
      calls: 0,
      syncNow() {
        this.calls += 1;
      },
      // The catch-up pushes two of the three docs.
      idle: () => Promise.resolve().then(() => void pending.splice(0, 2)),
    };
    const result = await prepareInstall({ replica: fakeReplica(pending), engine });
    expect(engine.calls).toBe(1);
    expect(result).toEqual({ pendingSync: 1, unsaved: 0, snapshotTaken: true });
  });

  it('does not wait for a catch-up that never ends, and reports no snapshot when the replica cannot be read', async () => {
    const engine = { syncNow: () => {}, idle: () => new Promise<void>(() => {}) };
    const started = Date.now();
    const result = await prepareInstall({ replica: fakeReplica(['c1'], true), engine, syncWaitMs: 20 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toEqual({ pendingSync: 1, unsaved: 0, snapshotTaken: false });
  });

  it('sends the backup bundle as the snapshot, and no snapshot when building it fails', async () => {
    const bytes = new Uint8Array([80, 75, 3, 4]);
    expect(await prepareInstall({ replica: fakeReplica([]), buildSnapshot: async () => bytes })).toEqual({ pendingSync: 0, unsaved: 0, snapshotTaken: true, snapshot: bytes });
    const failing = async (): Promise<Uint8Array> => {
      throw new Error('QuotaExceededError');
    };
    // The failure goes back with its reason (main shows it in the blocked banner).
    expect(await prepareInstall({ replica: fakeReplica(['c1']), buildSnapshot: failing })).toEqual({
      pendingSync: 1,
      unsaved: 0,
      snapshotTaken: false,
      messageVi: expect.stringMatching(/^không đọc được dữ liệu trên máy để sao lưu \(QuotaExceededError\)\. Dữ liệu trên máy vẫn nguyên vẹn/),
      messageEn: 'the local data could not be read for the backup (QuotaExceededError).',
    });
  });

  it('passes an error\'s own Vietnamese reason through, cut to the contract\'s length', async () => {
    const tooLarge = Object.assign(new Error('too large'), { messageVi: 'Dữ liệu trên máy vượt quá cỡ tối đa.', messageEn: 'Too large.' });
    const result = await prepareInstall({ replica: fakeReplica([]), buildSnapshot: () => Promise.reject(tooLarge) });
    expect(result).toMatchObject({ snapshotTaken: false, messageVi: 'Dữ liệu trên máy vượt quá cỡ tối đa.', messageEn: 'Too large.' });
    const long = snapshotFailureReason({ messageVi: 'Ư'.repeat(PREPARE_INSTALL_MESSAGE_MAX + 50), messageEn: 'x' });
    expect(long.messageVi).toHaveLength(PREPARE_INSTALL_MESSAGE_MAX);
    expect(long.messageVi.endsWith('…')).toBe(true);
    expect(snapshotFailureReason('boom').messageVi).toMatch(/\(boom\)/);
  });

  it('registers one handler with the bridge that answers with the replica state', async () => {
    let registered: (() => Promise<PrepareInstallResult>) | undefined;
    const off = registerPrepareInstall((handler) => {
      registered = handler;
      return () => {
        registered = undefined;
      };
    }, { replica: fakeReplica([]) });
    expect(await registered!()).toEqual({ pendingSync: 0, unsaved: 0, snapshotTaken: true });
    off();
    expect(registered).toBeUndefined();
  });
});
