/**
 * A live y-websocket room for the case that is OPEN on screen (DESIGN §4): the stock
 * `WebsocketProvider`, token in the URL params, awareness carrying the user's name and role so
 * the case file shows who else is in it. All other docs sync through the batch catch-up.
 *
 * The provider syncs its own Y.Doc (the "room doc"), bridged to the replica both ways, so every
 * change still goes through the replica's single persist path:
 *   server → room doc (origin: provider) → `replica.sync.applyRemote` (persist + project + notify)
 *   local edit → `onDocUpdate('local')` → room doc → provider → server
 * The server's ack of those edits comes from the next catch-up (status.ts runs one after edits).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES } from '../../shared/sync/close-codes.js';
import { formatRoomName } from '../../shared/sync/rooms.js';
import type { AccountRole } from '../../shared/sync/claims.js';
import type { Replica } from '../replica/types.js';
import type { Session } from './session.js';

const REPLICA_SIDE = Symbol('courtdesk.replica-side');

export interface Presence {
  /** Awareness client id (one per open window). */
  readonly clientId: number;
  readonly user: string;
  readonly name: string;
  readonly roles: readonly AccountRole[];
}

export type LiveRoomState = 'connecting' | 'connected' | 'disconnected' | 'refused' | 'expired';

export interface LiveRoomOptions {
  readonly replica: Replica;
  readonly session: Session;
  readonly caseId: string;
  /** Display name for the others (default: the user name). */
  readonly displayName?: string;
  readonly onPeers?: (peers: readonly Presence[]) => void;
  readonly onState?: (state: LiveRoomState) => void;
  /** Browser online flag and events: offline, the socket is closed (edits wait in the replica). */
  readonly network?: { isOnline(): boolean; subscribe(onChange: () => void): () => void };
  /** Node: the `ws` package's WebSocket (tests). */
  readonly WebSocketPolyfill?: typeof WebSocket;
}

export interface LiveRoom {
  readonly provider: WebsocketProvider;
  /** Resolves once the room doc holds the replica's state (the provider connects after it). */
  readonly ready: Promise<void>;
  peers(): readonly Presence[];
  destroy(): void;
}

export function syncEndpoint(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/sync`;
}

export function openLiveRoom(options: LiveRoomOptions): LiveRoom {
  const { replica, session, caseId } = options;
  const doc = new Y.Doc();
  const room = formatRoomName({ courtId: session.court, kind: 'case', id: caseId });
  const provider = new WebsocketProvider(syncEndpoint(session.serverUrl), room, doc, {
    connect: false,
    disableBc: true,
    params: { token: session.token },
    maxBackoffTime: 10_000,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  let destroyed = false;

  // Remote changes: persist through the replica (serialised by its edit queue).
  const onRoomUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === REPLICA_SIDE || destroyed) return;
    replica.sync.applyRemote([{ caseId, update }]).catch((e: unknown) => console.error('Courtdesk: a live update could not be saved', e));
  };
  doc.on('update', onRoomUpdate);
  const offReplica = replica.sync.onDocUpdate((id, update) => {
    if (id === caseId && !destroyed) Y.applyUpdate(doc, update, REPLICA_SIDE);
  });

  const peers = (): Presence[] => {
    const out: Presence[] = [];
    for (const [clientId, state] of provider.awareness.getStates()) {
      if (clientId === doc.clientID) continue;
      const user = (state as { user?: { user?: unknown; name?: unknown; roles?: unknown } }).user;
      if (!user || typeof user.user !== 'string') continue;
      out.push({
        clientId,
        user: user.user,
        name: typeof user.name === 'string' ? user.name : user.user,
        roles: Array.isArray(user.roles) ? (user.roles as AccountRole[]) : [],
      });
    }
    return out;
  };
  provider.awareness.setLocalStateField('user', { user: session.user, name: options.displayName ?? session.user, roles: session.roles });
  provider.awareness.on('change', () => options.onPeers?.(peers()));
  provider.on('status', ({ status }: { status: string }) => options.onState?.(status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'disconnected'));
  provider.on('closed', ({ code }: { code: number }) => {
    options.onState?.(code === CLOSE_CODES.unauthorized ? 'expired' : 'refused');
  });

  const online = () => options.network?.isOnline() ?? true;
  const offNetwork =
    options.network?.subscribe(() => {
      if (destroyed) return;
      if (online()) provider.connect();
      else provider.disconnect();
    }) ?? (() => undefined);
  const ready = replica.sync.docState(caseId).then(
    (state) => {
      if (destroyed) return;
      if (state) Y.applyUpdate(doc, state, REPLICA_SIDE);
      if (online()) provider.connect();
    },
    (e: unknown) => console.error('Courtdesk: the live room could not read the case', e),
  );

  return {
    provider,
    ready,
    peers,
    destroy() {
      destroyed = true;
      offNetwork();
      offReplica();
      doc.off('update', onRoomUpdate);
      provider.awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
    },
  };
}
