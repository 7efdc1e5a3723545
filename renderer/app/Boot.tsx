/** The first thing rendered: opens the replica (loading the demo on first start) or explains why not. */
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/language.js';
import { onBootProgress, startBoot, type BootProgress, type BootResult } from './boot.js';
import { classifyOpenError, OPEN_FAILURE_ADVICE, type OpenFailure } from './open-error.js';
import { ReplicaProvider } from './replica-context.js';
import { App } from './App.js';
import { SyncProvider } from '../sync/ui/SyncProvider.js';
import { PacksProvider } from '../packs/PacksProvider.js';

type State = { readonly kind: 'working'; readonly progress: BootProgress } | { readonly kind: 'ready'; readonly result: BootResult } | { readonly kind: 'failed'; readonly failure: OpenFailure };

export function Boot() {
  const [state, setState] = useState<State>({ kind: 'working', progress: { phase: 'opening' } });
  /** Joins the (single) boot and follows its progress; returns the unsubscribe for the effect. */
  const attach = useCallback(() => {
    const off = onBootProgress((progress) => setState((s) => (s.kind === 'working' ? { kind: 'working', progress } : s)));
    startBoot().then(
      (result) => {
        off();
        setState({ kind: 'ready', result });
      },
      (error: unknown) => {
        off();
        console.error('Replica could not be opened', error);
        setState({ kind: 'failed', failure: classifyOpenError(error) });
      },
    );
    return off;
  }, []);
  useEffect(() => attach(), [attach]);
  const retry = () => {
    setState({ kind: 'working', progress: { phase: 'opening' } });
    attach();
  };

  if (state.kind === 'failed') return <OpenErrorPage failure={state.failure} onRetry={retry} />;
  if (state.kind === 'working') return <BootProgressView progress={state.progress} />;
  const { result } = state;
  return (
    <ReplicaProvider replica={result.replica} initialInfo={result.info}>
      <SyncProvider>
        <PacksProvider>
          <App demoLoadedNow={result.demoLoaded} demoError={result.demoError} />
        </PacksProvider>
      </SyncProvider>
    </ReplicaProvider>
  );
}

function BootProgressView({ progress }: { readonly progress: BootProgress }) {
  const { t } = useI18n();
  return (
    <main className="boot" aria-busy="true">
      <div className="boot-card">
        <div className="brand-mark" aria-hidden="true">
          ⚖
        </div>
        <h1>Courtdesk</h1>
        {progress.phase === 'opening' ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <>
            <p role="status">{t('demo.loading', { done: progress.progress.done, total: progress.progress.total })}</p>
            <progress data-testid="demo-progress" max={Math.max(progress.progress.total, 1)} value={progress.progress.done} />
          </>
        )}
      </div>
    </main>
  );
}

function OpenErrorPage({ failure, onRetry }: { readonly failure: OpenFailure; readonly onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <main className="boot">
      <section className="error-panel open-error" role="alert" data-testid="open-error">
        <h1>{t('openError.title')}</h1>
        {failure.messageVi ? <p className="error-lead">{failure.messageVi}</p> : null}
        <p>
          <strong>{t('openError.nothingDeleted')}</strong>
        </p>
        <h2>{t('openError.whatToDo')}</h2>
        <p>{t(OPEN_FAILURE_ADVICE[failure.kind])}</p>
        <details className="error-detail">
          <summary>{t('openError.detail')}</summary>
          <pre>{failure.detail}</pre>
        </details>
        <div className="button-row">
          <button type="button" className="button primary" onClick={onRetry}>
            {t('openError.retry')}
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </button>
        </div>
      </section>
    </main>
  );
}
