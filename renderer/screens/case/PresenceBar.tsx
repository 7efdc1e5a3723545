/**
 * Who else has this case file open (awareness of the case's live y-websocket room). The room is
 * opened only while this case is on screen and a session exists; edits made here still reach
 * the server through the replica (live-room.ts), and offline this bar simply shows nothing.
 */
import { useEffect, useState } from 'react';
import { ACCOUNT_ROLE_LABELS } from '../../../shared/sync/claims.js';
import { useI18n } from '../../i18n/language.js';
import { useReplica } from '../../app/replica-context.js';
import { openLiveRoom, type Presence } from '../../sync/live-room.js';
import { isExpired } from '../../sync/session.js';
import { browserNetwork, useSync, useSyncStatus } from '../../sync/ui/SyncProvider.js';

export function PresenceBar({ caseId }: { readonly caseId: string }) {
  const { t, label } = useI18n();
  const { replica } = useReplica();
  const { sessions } = useSync();
  const status = useSyncStatus();
  const [peers, setPeers] = useState<readonly Presence[]>([]);
  const [connected, setConnected] = useState(false);
  // Re-open the room when the identity changes (login, new token), not on every status tick.
  const token = status.session ? sessions.load()?.token ?? '' : '';

  useEffect(() => {
    const session = sessions.load();
    if (!session || token === '' || isExpired(session)) return;
    const room = openLiveRoom({
      replica,
      session,
      caseId,
      network: browserNetwork,
      onPeers: setPeers,
      onState: (state) => setConnected(state === 'connected'),
    });
    return () => {
      room.destroy();
      setPeers([]);
      setConnected(false);
    };
  }, [replica, sessions, caseId, token]);

  if (!connected) return null;
  return (
    <p className="presence-bar subtle" data-testid="presence-bar" role="status">
      {peers.length === 0 ? (
        t('sync.presenceAlone')
      ) : (
        <>
          {t('sync.presence')}{' '}
          {peers.map((peer) => (
            <span key={peer.clientId} className="presence-peer" data-testid="presence-peer">
              {peer.name}
              {peer.roles[0] ? ` (${label(ACCOUNT_ROLE_LABELS[peer.roles[0]])})` : ''}
            </span>
          ))}
        </>
      )}
    </p>
  );
}
