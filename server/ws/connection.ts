/**
 * One authenticated WebSocket in one room. Order matters and is the point of this file:
 *
 * 1. The doc is loaded (registry) before any byte goes out; frames that arrive meanwhile wait in
 *    a short queue. A failed load closes with 1011: the client keeps its copy and retries. A
 *    document the account may not read (panel only: auth/access.ts `canAccessDoc`) closes with
 *    4403, still before any byte of it.
 * 2. Then the server sends sync step 1 and the room's presence, and handles the queued frames.
 * 3. Every frame is decoded strictly; a malformed one closes this connection only (1002), a text
 *    frame 1003, and an oversized one is refused by ws itself (`maxPayload`, 1009) and reported on
 *    the 'error' listener, which every socket has so that no socket error can crash the process.
 * 4. The token's expiry ends the connection (4401), and a ping every 30 s drops dead peers.
 * 5. A change to a finalised document is refused (nothing stored) and closes with 4409: the
 *    client keeps its copy, the stock provider stops retrying.
 */
import type { WebSocket, RawData } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE_CODES } from '../../shared/sync/close-codes.js';
import type { SessionClaims } from '../../shared/sync/claims.js';
import { formatRoomName, type RoomRef } from '../../shared/sync/rooms.js';
import { canAccessDoc } from '../auth/access.js';
import type { DocRegistry } from '../docs/doc-registry.js';
import { DocumentFinalisedError, documentAccessMeta } from '../docs/document-rules.js';
import type { LiveDoc, Peer } from '../docs/live-doc.js';
import { errorFields, type Logger } from '../log.js';
import { decodeClientMessage, encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2, ProtocolError } from './protocol.js';

export interface ConnectionOptions {
  readonly registry: DocRegistry;
  readonly logger: Logger;
  readonly pingIntervalMs: number;
  /** A peer that lets this much pile up unsent is too slow to keep (it resyncs on reconnect). */
  readonly maxBufferedBytes: number;
}

/** Frames a client may send while its doc is still loading. */
const MAX_QUEUED_FRAMES = 256;
const OPEN = 1;

export function handleConnection(ws: WebSocket, room: RoomRef, claims: SessionClaims, options: ConnectionOptions): void {
  const { registry, logger } = options;
  const roomName = formatRoomName(room);
  const who = { room: roomName, user: claims.user };
  let live: LiveDoc | undefined;
  let closed = false;
  let queue: Uint8Array[] = [];
  let alive = true;

  const peer: Peer = {
    send(message) {
      if (ws.readyState !== OPEN) return;
      if (ws.bufferedAmount > options.maxBufferedBytes) {
        logger.warn('ws.slowPeer', { ...who, buffered: ws.bufferedAmount });
        ws.terminate();
        return;
      }
      ws.send(message, (error) => {
        if (error) ws.terminate();
      });
    },
    close(code, reason) {
      if (ws.readyState === OPEN) ws.close(code, reason);
    },
  };

  const handleFrame = (doc: LiveDoc, frame: Uint8Array): void => {
    try {
      const message = decodeClientMessage(frame);
      switch (message.kind) {
        case 'syncStep1':
          peer.send(encodeSyncStep2(doc.doc, message.stateVector));
          break;
        case 'syncStep2':
        case 'update':
          // The write is awaited by nobody here: a store failure is handled by the registry
          // (it closes the room with 1011), so only silence the rejection.
          registry.applyUpdate(doc, message.update, peer).catch(() => {});
          break;
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(doc.awareness, message.update, peer);
          break;
        case 'queryAwareness':
          sendPresence(doc);
          break;
      }
    } catch (error) {
      if (error instanceof DocumentFinalisedError) {
        logger.warn('ws.update.finalised', { ...who, detail: error.detail });
        peer.close(CLOSE_CODES.documentFinalised, 'document finalised');
        return;
      }
      logger.warn(error instanceof ProtocolError ? 'ws.protocolError' : 'ws.badMessage', { ...who, ...errorFields(error) });
      peer.close(CLOSE_CODES.protocolError, 'malformed message');
    }
  };

  const sendPresence = (doc: LiveDoc): void => {
    const clients = [...doc.awareness.getStates().keys()];
    if (clients.length > 0) peer.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(doc.awareness, clients)));
  };

  ws.on('error', (error) => logger.warn('ws.error', { ...who, ...errorFields(error) }));
  ws.on('pong', () => (alive = true));
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary) {
      peer.close(CLOSE_CODES.unsupportedData, 'binary frames only');
      return;
    }
    const frame = toBytes(data);
    if (live !== undefined) {
      handleFrame(live, frame);
      return;
    }
    queue.push(frame);
    if (queue.length > MAX_QUEUED_FRAMES) peer.close(CLOSE_CODES.policyViolation, 'too many frames while loading');
  });

  const ping = setInterval(() => {
    if (!alive) {
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, options.pingIntervalMs);
  ping.unref();
  const expiry = setTimeout(() => peer.close(CLOSE_CODES.unauthorized, 'token expired'), Math.max(0, claims.exp * 1000 - Date.now()));
  expiry.unref();

  ws.on('close', (code: number) => {
    closed = true;
    queue = [];
    clearInterval(ping);
    clearTimeout(expiry);
    if (live !== undefined) {
      live.removePeer(peer);
      registry.release(live);
    }
    logger.info('ws.closed', { ...who, code });
  });

  const admit = async (doc: LiveDoc): Promise<boolean> => {
    const decision = await canAccessDoc(claims, room, async () => documentAccessMeta(doc.doc));
    if (decision.allowed) return true;
    logger.warn('ws.refused', { ...who, code: CLOSE_CODES.forbidden, reason: decision.reason });
    peer.close(CLOSE_CODES.forbidden, decision.reason);
    return false;
  };

  registry.acquire(room).then(
    async (doc) => {
      if (closed || !(await admit(doc)) || closed) {
        registry.release(doc);
        return;
      }
      live = doc;
      doc.addPeer(peer);
      peer.send(encodeSyncStep1(doc.doc));
      sendPresence(doc);
      const waiting = queue;
      queue = [];
      for (const frame of waiting) handleFrame(doc, frame);
    },
    (error: unknown) => {
      logger.error('doc.load.failed', { ...who, ...errorFields(error) });
      peer.close(CLOSE_CODES.serverError, 'document unavailable');
    },
  );
  logger.info('ws.open', who);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
