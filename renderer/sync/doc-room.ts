/**
 * The live y-websocket room of the document OPEN in the editor (`court/{court}/doc/{id}`): a
 * sibling of live-room.ts (case rooms). Here the provider syncs the editor's own Y.Doc: the
 * document store (renderer/replica/document-store.ts) already persists every update of that doc,
 * and treats the provider's as remote (stored, not marked as local edits), so no bridge doc is
 * needed. Awareness carries the user's name and a colour for the collaboration carets.
 * Offline, the socket is closed and edits simply wait in IndexedDB for the catch-up.
 */
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES } from '../../shared/sync/close-codes.js';
import { formatRoomName } from '../../shared/sync/rooms.js';
import type { LiveRoomState } from './live-room.js';
import { syncEndpoint } from './live-room.js';
import type { Session } from './session.js';

const CARET_COLOURS = ['#b91c1c', '#1d4ed8', '#047857', '#7c3aed', '#c2410c', '#0e7490', '#a21caf', '#4d7c0f'];

/** A stable colour per user name, so a colleague keeps their colour across sessions. */
export function caretColour(user: string): string {
  let hash = 0;
  for (const ch of user) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length]!;
}

export interface DocRoomOptions {
  readonly doc: Y.Doc;
  readonly documentId: string;
  readonly session: Session;
  readonly displayName?: string;
  /** Called with the provider before it connects, so its updates are known as remote. */
  readonly registerRemoteOrigin: (origin: unknown) => void;
  readonly onState?: (state: LiveRoomState) => void;
  readonly network?: { isOnline(): boolean; subscribe(onChange: () => void): () => void };
  readonly WebSocketPolyfill?: typeof WebSocket;
}

export interface DocRoom {
  readonly provider: WebsocketProvider;
  readonly user: { readonly name: string; readonly color: string };
  destroy(): void;
}

export function openDocRoom(options: DocRoomOptions): DocRoom {
  const { doc, session } = options;
  const room = formatRoomName({ courtId: session.court, kind: 'doc', id: options.documentId });
  const provider = new WebsocketProvider(syncEndpoint(session.serverUrl), room, doc, {
    connect: false,
    disableBc: true,
    params: { token: session.token },
    maxBackoffTime: 10_000,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  options.registerRemoteOrigin(provider);
  const user = { name: options.displayName ?? session.user, color: caretColour(session.user) };
  provider.awareness.setLocalStateField('user', { ...user, user: session.user, roles: session.roles });
  provider.on('status', ({ status }: { status: string }) => options.onState?.(status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'disconnected'));
  provider.on('closed', ({ code }: { code: number }) => options.onState?.(code === CLOSE_CODES.unauthorized ? 'expired' : 'refused'));
  let destroyed = false;
  const online = () => options.network?.isOnline() ?? true;
  const offNetwork =
    options.network?.subscribe(() => {
      if (destroyed) return;
      if (online()) provider.connect();
      else provider.disconnect();
    }) ?? (() => undefined);
  if (online()) provider.connect();
  return {
    provider,
    user,
    destroy() {
      destroyed = true;
      offNetwork();
      provider.awareness.setLocalState(null);
      provider.destroy();
    },
  };
}
