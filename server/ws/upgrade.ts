/**
 * The WebSocket entry: `ws://HOST:PORT/sync/court/{court}/{case|doc}/{id}?token=JWT` (the
 * y-websocket client appends the room name to the server URL and `params` as the query).
 *
 * The token and the room are checked before the doc is touched. A refused connection is accepted
 * and closed at once with 4400 (bad room), 4401 (no, forged or expired token) or 4403 (another
 * court's room): the stock client stops retrying on a 44xx close, where an HTTP error on the
 * upgrade would have it retry forever. Either way no document byte is sent.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer, WebSocket } from 'ws';
import { CLOSE_CODES } from '../../shared/sync/close-codes.js';
import type { SessionClaims } from '../../shared/sync/claims.js';
import { parseRoomName, type RoomRef } from '../../shared/sync/rooms.js';
import { canAccess } from '../auth/access.js';
import type { TokenSigner } from '../auth/tokens.js';
import { errorFields, type Logger } from '../log.js';

export const SYNC_PATH_PREFIX = '/sync/';

export interface UpgradeOptions {
  readonly wss: WebSocketServer;
  readonly tokens: TokenSigner;
  readonly logger: Logger;
  readonly onAccepted: (ws: WebSocket, room: RoomRef, claims: SessionClaims) => void;
}

type Decision = { ok: true; room: RoomRef; claims: SessionClaims } | { ok: false; code: number; reason: string };

export function createUpgradeHandler(options: UpgradeOptions): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const { wss, tokens, logger } = options;
  return (req, socket, head) => {
    socket.on('error', (error) => logger.warn('ws.upgrade.socketError', errorFields(error)));
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(SYNC_PATH_PREFIX)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    void decide(tokens, url)
      .catch((error: unknown): Decision => {
        logger.error('ws.upgrade.failed', errorFields(error));
        return { ok: false, code: CLOSE_CODES.serverError, reason: 'server error' };
      })
      .then((decision) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => {
          if (!decision.ok) {
            ws.on('error', (error) => logger.warn('ws.error', errorFields(error)));
            logger.warn('ws.refused', { path: url.pathname, code: decision.code, reason: decision.reason });
            ws.close(decision.code, decision.reason);
            return;
          }
          options.onAccepted(ws, decision.room, decision.claims);
        });
      });
  };
}

async function decide(tokens: TokenSigner, url: URL): Promise<Decision> {
  const room = parseRoomName(url.pathname.slice(SYNC_PATH_PREFIX.length));
  if (!room.ok) return { ok: false, code: CLOSE_CODES.badRoom, reason: 'invalid room' };
  const claims = await tokens.verify(url.searchParams.get('token'));
  if (claims === null) return { ok: false, code: CLOSE_CODES.unauthorized, reason: 'invalid token' };
  const access = canAccess(claims, room.value);
  if (!access.allowed) return { ok: false, code: CLOSE_CODES.forbidden, reason: access.reason };
  return { ok: true, room: room.value, claims };
}
