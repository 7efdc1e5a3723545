/**
 * Main → renderer request `update:prepareInstall`: main sends a request id, the preload runs the
 * renderer's handler (flush edits, snapshot the replica, count unsynced updates) and answers on
 * `update:prepareInstallReply` through the validating IPC wrapper. No answer in time means "not
 * ready", so a hung renderer can never be restarted under the clerk's feet.
 */
import { randomUUID } from 'node:crypto';
import type { PrepareInstallReply, PrepareInstallResult } from '../shared/contracts/ipc.js';

export const PREPARE_INSTALL_TIMEOUT_MS = 60_000;

export class InstallHandshake {
  private readonly pending = new Map<string, (result: PrepareInstallResult) => void>();

  constructor(
    /** Sends `update:prepareInstall` with the id to the renderer; false when no window can receive it. */
    private readonly send: (payload: { requestId: string }) => boolean,
    private readonly timeoutMs = PREPARE_INSTALL_TIMEOUT_MS,
  ) {}

  request(): Promise<PrepareInstallResult | null> {
    const requestId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve(null);
      }, this.timeoutMs);
      this.pending.set(requestId, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      if (!this.send({ requestId })) {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(null);
      }
    });
  }

  /** The reply handler (registered with `handle`); an unknown or late id is ignored. */
  reply(reply: PrepareInstallReply): void {
    const settle = this.pending.get(reply.requestId);
    if (!settle) return;
    this.pending.delete(reply.requestId);
    settle({
      pendingSync: reply.pendingSync,
      unsaved: reply.unsaved,
      snapshotTaken: reply.snapshotTaken,
      ...(reply.snapshot ? { snapshot: reply.snapshot } : {}),
      ...(reply.messageVi !== undefined ? { messageVi: reply.messageVi } : {}),
      ...(reply.messageEn !== undefined ? { messageEn: reply.messageEn } : {}),
    });
  }
}
