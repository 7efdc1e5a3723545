/**
 * The desktop updater's banner (docs/UPDATES.md): a new version found, its download, "downloaded —
 * restart to install", and why an install was refused (`blocked`: unsynced cases…). Also registers,
 * once, the answer to main's "may I install now?" (prepare-install.ts). Hidden in web mode.
 */
import { useEffect, useState } from 'react';
import { bridge, type UpdaterState } from '../bridge/index.js';
import { useI18n, type I18n } from '../i18n/language.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { useReplica } from './replica-context.js';
import { registerPrepareInstall, updateSnapshotBuilder } from './prepare-install.js';

/** One line for an updater state, or undefined when there is nothing to say (idle, disabled). */
export function updateStateText(state: UpdaterState, { t, language }: Pick<I18n, 't' | 'language'>): string | undefined {
  switch (state.status) {
    case 'checking':
      return t('update.checking');
    case 'available':
      return t('update.available', { version: state.version });
    case 'downloading':
      return t('update.downloading', { version: state.version, percent: Math.round(state.percent) });
    case 'downloaded':
      return t('update.downloaded', { version: state.version });
    case 'installing':
      return t('update.installing', { version: state.version });
    case 'blocked':
      return language === 'vi' ? state.messageVi : state.messageEn;
    case 'error':
      return t('update.error', { message: language === 'vi' ? state.messageVi : state.messageEn });
    case 'idle':
    case 'disabled':
      return undefined;
  }
}

export function UpdateBanner() {
  const i18n = useI18n();
  const { t } = i18n;
  const { replica } = useReplica();
  const { engine } = useSync();
  const [state, setState] = useState<UpdaterState | undefined>(undefined);
  const [installing, setInstalling] = useState(false);

  useEffect(() => {
    if (bridge.platform !== 'desktop') return;
    let cancelled = false;
    const offState = bridge.updater.onState(setState);
    bridge.updater.getState().then(
      (s) => {
        if (!cancelled) setState(s);
      },
      (error: unknown) => console.error('Courtdesk: updater state unavailable', error),
    );
    // Case docs + unsynced bodies only: what the court server holds can be pulled again.
    const buildSnapshot = updateSnapshotBuilder(replica, async () => (await bridge.getInfo()).version);
    const offPrepare = registerPrepareInstall(bridge.onPrepareInstall, { replica, engine, buildSnapshot });
    return () => {
      cancelled = true;
      offState();
      offPrepare();
    };
  }, [replica, engine]);

  if (bridge.platform !== 'desktop' || !state) return null;
  const text = updateStateText(state, i18n);
  if (!text || state.status === 'checking') return null;

  const installNow = async () => {
    setInstalling(true);
    try {
      setState(await bridge.updater.installNow());
    } catch (error) {
      console.error('Courtdesk: installing the update failed', error);
    } finally {
      setInstalling(false);
    }
  };
  const canInstall = state.status === 'downloaded' || state.status === 'blocked';
  const warning = state.status === 'blocked' || state.status === 'error';
  return (
    <div className={`banner ${warning ? 'banner-warning' : 'banner-info'}`} role="status" data-testid="update-banner">
      <span>{text}</span>
      {state.status === 'downloading' ? <progress max={100} value={state.percent} aria-label={text} /> : null}
      {canInstall ? (
        <button type="button" className="button small primary" disabled={installing} onClick={() => void installNow()} data-testid="update-install">
          {t(state.status === 'blocked' ? 'update.retryInstall' : 'update.installNow')}
        </button>
      ) : null}
    </div>
  );
}
