/**
 * The open replica and what the whole UI needs from its info (court, staff, case count), shared
 * through one context. `useReplicaChanges` re-runs a loader whenever the replica commits a change.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { StaffMember } from '../../shared/domain/schemas.js';
import type { Replica, ReplicaChange, ReplicaInfo } from '../replica/types.js';

export interface ReplicaState {
  readonly replica: Replica;
  readonly info: ReplicaInfo;
  readonly staffById: ReadonlyMap<string, StaffMember>;
  readonly judges: readonly StaffMember[];
}

const ReplicaContext = createContext<ReplicaState | null>(null);

export function ReplicaProvider({ replica, initialInfo, children }: { readonly replica: Replica; readonly initialInfo: ReplicaInfo; readonly children: ReactNode }) {
  const [info, setInfo] = useState(initialInfo);
  useEffect(() => {
    let cancelled = false;
    const unsubscribe = replica.subscribe(() => {
      void replica.info().then((next) => {
        if (!cancelled) setInfo(next);
      });
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [replica]);
  const value = useMemo<ReplicaState>(() => {
    const staffById = new Map(info.staff.map((s) => [s.id, s] as const));
    const judges = info.staff.filter((s) => s.role === 'judge').sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { replica, info, staffById, judges };
  }, [replica, info]);
  return <ReplicaContext.Provider value={value}>{children}</ReplicaContext.Provider>;
}

export function useReplica(): ReplicaState {
  const state = useContext(ReplicaContext);
  if (!state) throw new Error('useReplica() outside ReplicaProvider');
  return state;
}

/** Subscribes to replica changes; `listener` should be stable (useCallback) or cheap. */
export function useReplicaChanges(listener: (change: ReplicaChange) => void): void {
  const { replica } = useReplica();
  useEffect(() => replica.subscribe(listener), [replica, listener]);
}
