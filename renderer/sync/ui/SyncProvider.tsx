/**
 * One sync engine per window, bound to the open replica: the status for the header, the engine
 * for Settings (login, sync now) and the case file (live room), and the mass-change dialog
 * whenever a pull waits for the user's confirmation.
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useReplica } from '../../app/replica-context.js';
import { SyncEngine, type SyncStatus } from '../status.js';
import { bridge } from '../../bridge/index.js';
import type { SessionStore } from '../session.js';
import { secureSessionStore } from '../secure-session.js';
import { checkStorage, type StorageHealth } from '../guards.js';
import { MassChangeDialog } from './MassChangeDialog.js';

export interface SyncState {
  readonly engine: SyncEngine;
  readonly sessions: SessionStore;
  readonly storage: StorageHealth | undefined;
}

const SyncContext = createContext<SyncState | null>(null);

export const browserNetwork = {
  isOnline: () => navigator.onLine,
  subscribe(onChange: () => void) {
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  },
};

/** How long after mount the sync engine starts (see the effect below). */
const SYNC_START_DELAY_MS = 1_000;

export function SyncProvider({ children }: { readonly children: ReactNode }) {
  const { replica } = useReplica();
  const sessions = useMemo(() => secureSessionStore(bridge.secrets), []);
  const engine = useMemo(() => new SyncEngine({ replica, sessions, network: browserNetwork }), [replica, sessions]);
  const [storage, setStorage] = useState<StorageHealth | undefined>(undefined);
  useEffect(() => {
    // Start once the first screen has painted: the engine's first step counts the pending docs,
    // a scan of every doc key that would otherwise queue in IndexedDB ahead of the register's
    // first page (cold start budget, DESIGN §6). Sync a second later costs nothing.
    let started = false;
    const timer = setTimeout(() => {
      started = true;
      // The token comes from the OS-encrypted store on the desktop: read before the first run.
      void sessions.ready.then(() => (started ? engine.start() : undefined));
    }, SYNC_START_DELAY_MS);
    return () => {
      clearTimeout(timer);
      if (started) engine.stop();
      started = false;
    };
  }, [engine, sessions]);
  useEffect(() => {
    let cancelled = false;
    const check = () =>
      void checkStorage().then((health) => {
        if (!cancelled) setStorage(health);
      });
    check();
    const timer = setInterval(check, 10 * 60_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);
  const value = useMemo(() => ({ engine, sessions, storage }), [engine, sessions, storage]);
  return (
    <SyncContext.Provider value={value}>
      {children}
      <MassChangeDialog />
    </SyncContext.Provider>
  );
}

export function useSync(): SyncState {
  const state = useContext(SyncContext);
  if (!state) throw new Error('useSync() outside SyncProvider');
  return state;
}

/** The engine's status, re-rendering on every change. */
export function useSyncStatus(): SyncStatus {
  const { engine } = useSync();
  return useSyncExternalStore(
    (onChange) => engine.subscribe(onChange),
    () => engine.getStatus(),
  );
}
