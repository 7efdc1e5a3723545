import { describe, expect, it, vi } from 'vitest';
import { InstallHandshake } from '../../../main/install-handshake.js';

describe('InstallHandshake', () => {
  it('resolves with the renderer’s reply to its own request id', async () => {
    const sent: { requestId: string }[] = [];
    const handshake = new InstallHandshake((payload) => (sent.push(payload), true), 1000);
    const pending = handshake.request();
    expect(sent).toHaveLength(1);
    handshake.reply({ requestId: 'ffffffff-0000', pendingSync: 9, unsaved: 9, snapshotTaken: false }); // a stranger's id: ignored
    handshake.reply({ requestId: sent[0]!.requestId, pendingSync: 2, unsaved: 0, snapshotTaken: true });
    expect(await pending).toEqual({ pendingSync: 2, unsaved: 0, snapshotTaken: true });
  });

  it('passes the renderer\'s reason on (why no snapshot), and only when it gave one', async () => {
    const sent: { requestId: string }[] = [];
    const handshake = new InstallHandshake((payload) => (sent.push(payload), true), 1000);
    const pending = handshake.request();
    handshake.reply({ requestId: sent[0]!.requestId, pendingSync: 0, unsaved: 0, snapshotTaken: false, messageVi: 'Dữ liệu quá lớn.', messageEn: 'Too large.' });
    expect(await pending).toEqual({ pendingSync: 0, unsaved: 0, snapshotTaken: false, messageVi: 'Dữ liệu quá lớn.', messageEn: 'Too large.' });
  });

  it('gives null (not ready) when no window can be asked or none answers in time', async () => {
    expect(await new InstallHandshake(() => false, 1000).request()).toBeNull();
    vi.useFakeTimers();
    const late = new InstallHandshake(() => true, 5000);
    const pending = late.request();
    vi.advanceTimersByTime(5000);
    expect(await pending).toBeNull();
    vi.useRealTimers();
  });
});
