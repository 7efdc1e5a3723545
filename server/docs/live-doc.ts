/**
 * A document loaded in memory while someone uses it: its Y.Doc, its awareness (presence), and
 * the peers (WebSocket connections) in its room. Broadcasting lives here; loading, persisting and
 * unloading live in the registry (doc-registry.ts).
 */
import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { RoomRef } from '../../shared/sync/rooms.js';
import { encodeAwarenessMessage, encodeUpdateMessage } from '../ws/protocol.js';

/** One connection in a room, as the doc layer sees it (the ws layer implements it). */
export interface Peer {
  /** Sends one binary frame; a failed send closes the peer, it never throws. */
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export class LiveDoc {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Each peer with the awareness client ids it controls (removed when it leaves). */
  readonly peers = new Map<Peer, Set<number>>();
  /** Users of this doc (connections and batch requests); unloaded only at zero. */
  holds = 0;
  /** The court seq of the doc's last stored change (0: never stored). */
  seq: number;
  idleTimer: NodeJS.Timeout | undefined;
  /** Writes triggered by the update being applied right now (see DocRegistry.applyUpdate). */
  collectWrites: Promise<unknown>[] | undefined;
  compacting = false;
  /** The doc access last recorded in the store (JSON of the staff list or 'null'); undefined: not yet. */
  recordedAccess: string | undefined;

  constructor(
    readonly room: RoomRef,
    readonly roomName: string,
    readonly docKey: string,
    doc: Y.Doc,
    seq: number,
  ) {
    this.doc = doc;
    this.seq = seq;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own; it only relays its peers'.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set());
  }

  /** Forgets a peer and the presence it controlled (the others see it leave). */
  removePeer(peer: Peer): void {
    const controlled = this.peers.get(peer);
    if (controlled === undefined) return;
    this.peers.delete(peer);
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  /** Sends a doc update to every peer but the one it came from. */
  broadcastUpdate(update: Uint8Array, origin: unknown): void {
    if (this.peers.size === 0) return;
    const message = encodeUpdateMessage(update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
  }

  destroy(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.peers.get(origin as Peer);
    if (controlled !== undefined) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.peers.size === 0) return;
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) peer.send(message);
  };
}
