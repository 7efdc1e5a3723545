/**
 * Settings card "Địa chỉ máy chủ": the sync server address (desktop and web) and, on the desktop,
 * the update server address with "Kiểm tra cập nhật". Checked as http(s) addresses before they
 * are saved through the bridge (main checks again).
 */
import { useEffect, useId, useState } from 'react';
import { bridge, checkServerUrl, type UpdaterState } from '../bridge/index.js';
import { useI18n } from '../i18n/language.js';
import { updateStateText } from '../app/UpdateBanner.js';

type Feedback = { readonly kind: 'saved' } | { readonly kind: 'error'; readonly text: string } | undefined;

export function ServerSettingsCard() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const uid = useId();
  const desktop = bridge.platform === 'desktop';
  const [syncUrl, setSyncUrl] = useState('');
  const [updateUrl, setUpdateUrl] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(undefined);
  const [update, setUpdate] = useState<UpdaterState | undefined>(undefined);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    let cancelled = false;
    bridge.settings.get().then(
      (settings) => {
        if (cancelled) return;
        setSyncUrl(settings.syncServerUrl);
        setUpdateUrl(settings.updateUrl ?? '');
      },
      (error: unknown) => console.error('Courtdesk: settings unavailable', error),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const save = async () => {
    const sync = checkServerUrl(syncUrl);
    const upd = desktop ? checkServerUrl(updateUrl) : undefined;
    const bad = !sync.ok ? sync : upd && !upd.ok ? upd : undefined;
    if (bad && !bad.ok) {
      setFeedback({ kind: 'error', text: language === 'vi' ? bad.messageVi : bad.messageEn });
      return;
    }
    const result = await bridge.settings.set({ ...(sync.ok ? { syncServerUrl: sync.value } : {}), ...(upd?.ok ? { updateUrl: upd.value } : {}) });
    if (!result.ok) {
      setFeedback({ kind: 'error', text: language === 'vi' ? result.messageVi : result.messageEn });
      return;
    }
    setSyncUrl(result.value.syncServerUrl);
    setUpdateUrl(result.value.updateUrl ?? '');
    setFeedback({ kind: 'saved' });
  };

  const check = async () => {
    setChecking(true);
    try {
      setUpdate(await bridge.updater.check());
    } finally {
      setChecking(false);
    }
  };

  const updateText = update ? (update.status === 'idle' ? t('update.upToDate') : updateStateText(update, i18n)) : undefined;
  return (
    <section className="card" data-testid="server-settings">
      <h2>{t('servers.title')}</h2>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={`${uid}-sync`}>{t('servers.sync')}</label>
        <input id={`${uid}-sync`} value={syncUrl} onChange={(e) => setSyncUrl(e.target.value)} inputMode="url" data-testid="servers-sync-url" />
        {desktop ? (
          <>
            <label htmlFor={`${uid}-update`}>{t('servers.update')}</label>
            <input id={`${uid}-update`} value={updateUrl} onChange={(e) => setUpdateUrl(e.target.value)} inputMode="url" data-testid="servers-update-url" />
          </>
        ) : null}
        <p className="subtle">{t(desktop ? 'servers.hintDesktop' : 'servers.hintWeb')}</p>
        <div className="button-row">
          <button type="submit" className="button primary" data-testid="servers-save">
            {t('servers.save')}
          </button>
          {desktop ? (
            <button type="button" className="button" disabled={checking} onClick={() => void check()} data-testid="update-check">
              {t('servers.checkUpdates')}
            </button>
          ) : null}
        </div>
      </form>
      <div role="status" className="subtle">
        {feedback?.kind === 'saved' ? <p>{t('servers.saved')}</p> : null}
        {feedback?.kind === 'error' ? (
          <p className="form-error" role="alert">
            {feedback.text}
          </p>
        ) : null}
        {checking ? <p>{t('update.checking')}</p> : updateText ? <p data-testid="update-check-result">{updateText}</p> : null}
      </div>
    </section>
  );
}
