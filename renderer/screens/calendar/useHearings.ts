/** Hearings between two days (optionally one judge's), reloaded when the replica changes. */
import { useEffect, useState } from 'react';
import type { HearingRow } from '../../replica/types.js';
import { useReplica } from '../../app/replica-context.js';

export interface HearingsState {
  readonly key: string;
  readonly hearings: readonly HearingRow[];
  readonly error?: string;
}

export function useHearings(fromDay: string, toDay: string, judgeId: string): { hearings: readonly HearingRow[]; ready: boolean; error?: string } {
  const { replica } = useReplica();
  const key = `${fromDay}|${toDay}|${judgeId}`;
  const [state, setState] = useState<HearingsState | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => replica.subscribe(() => setVersion((v) => v + 1)), [replica]);
  useEffect(() => {
    let cancelled = false;
    replica.hearingsBetween(fromDay, toDay, judgeId || undefined).then(
      (hearings) => {
        if (!cancelled) setState({ key, hearings: [...hearings].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.room.localeCompare(b.room, 'vi')) });
      },
      (error: unknown) => {
        if (!cancelled) setState({ key, hearings: [], error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [replica, fromDay, toDay, judgeId, key, version]);
  const ready = state?.key === key;
  return { hearings: ready ? state.hearings : [], ready, ...(ready && state.error ? { error: state.error } : {}) };
}
