/**
 * The case file as the screen shows it: read from its doc through the replica (fast path,
 * DESIGN budget ≤ 150 ms), reloaded when this case changes. Errors are values: a corrupt or
 * missing doc shows a message for this case only.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Case } from '../../../shared/domain/schemas.js';
import type { DomainError } from '../../../shared/domain/result.js';
import type { ReplicaChange } from '../../replica/types.js';
import { useReplica } from '../../app/replica-context.js';

export type CaseState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly value: Case; readonly loadMs: number }
  | { readonly kind: 'failed'; readonly error: DomainError };

export function useCase(caseId: string): CaseState {
  const { replica } = useReplica();
  const [state, setState] = useState<{ id: string; state: CaseState } | null>(null);
  const [version, setVersion] = useState(0);

  const onChange = useCallback(
    (change: ReplicaChange) => {
      if (change.bulk || change.caseIds.includes(caseId)) setVersion((v) => v + 1);
    },
    [caseId],
  );
  useEffect(() => replica.subscribe(onChange), [replica, onChange]);

  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    replica.loadCase(caseId).then(
      (result) => {
        if (cancelled) return;
        const loadMs = performance.now() - started;
        setState({ id: caseId, state: result.ok ? { kind: 'ready', value: result.value, loadMs } : { kind: 'failed', error: result.error } });
      },
      (error: unknown) => {
        if (cancelled) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({
          id: caseId,
          state: { kind: 'failed', error: { code: 'case.loadThrew', messageVi: 'Không đọc được hồ sơ vụ án.', messageEn: 'The case file could not be read.', detail: message } },
        });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [replica, caseId, version]);

  return state && state.id === caseId ? state.state : { kind: 'loading' };
}
