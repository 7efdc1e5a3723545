/**
 * Settings → Đồng bộ: the login form (server URL, court, user, password), who is logged in, the
 * last sync and what is still pending, "sync now", and the clock and disk warnings.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { bridge } from '../../bridge/index.js';
import { ACCOUNT_ROLE_LABELS } from '../../../shared/sync/claims.js';
import { useI18n } from '../../i18n/language.js';
import { formatTimestamp } from '../../i18n/dates.js';
import { DEFAULT_SERVER_URL, httpServerUrl } from '../session.js';
import { isClockSkewed } from '../guards.js';
import { useSync, useSyncStatus } from './SyncProvider.js';
import { syncStatusText } from './SyncStatusBadge.js';

const DEFAULT_COURT = 'tand-kv1-vinhlong';

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

export function SyncSettings() {
  const { t, count, label, language } = useI18n();
  const { engine, sessions, storage } = useSync();
  const status = useSyncStatus();
  const uid = useId();
  const remembered = sessions.load();
  const [serverUrl, setServerUrl] = useState(remembered?.serverUrl ?? DEFAULT_SERVER_URL);
  const [court, setCourt] = useState(remembered?.court ?? DEFAULT_COURT);
  const [user, setUser] = useState(remembered?.user ?? '');
  const [password, setPassword] = useState('');
  // A first login goes to the address court IT set (Settings → Máy chủ, or the installer);
  // after that the form keeps the server the user last logged in to.
  useEffect(() => {
    if (remembered) return;
    let cancelled = false;
    void bridge.settings.get().then((settings) => {
      if (!cancelled && settings.syncServerUrl) setServerUrl(httpServerUrl(settings.syncServerUrl));
    });
    return () => {
      cancelled = true;
    };
    // Only on mount: typing in the field must not be overwritten.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await engine.login({ serverUrl, court, user, password });
    setBusy(false);
    if (result.ok) setPassword('');
    else setError(language === 'vi' ? result.error.messageVi : result.error.messageEn);
  };

  const loggedIn = status.session !== undefined && status.phase !== 'expired' && status.phase !== 'signedOut';
  const skewMinutes = status.clockSkewMs === undefined ? 0 : Math.round(Math.abs(status.clockSkewMs) / 60_000);
  return (
    <section className="card" data-testid="sync-settings">
      <h2>{t('sync.settingsTitle')}</h2>
      <p role="status" data-testid="sync-settings-status">
        {syncStatusText(status, t, count)}
      </p>
      {status.messageVi && status.phase !== 'synced' ? <p className="form-error">{language === 'vi' ? status.messageVi : status.messageEn}</p> : null}
      {status.lastSyncAt ? <p className="subtle">{t('sync.lastSync', { time: formatTimestamp(status.lastSyncAt) })}</p> : null}
      {status.pendingCount > 0 ? <p className="subtle">{t('sync.pendingDetail', { count: count(status.pendingCount) })}</p> : null}
      {status.progress && status.progress.total > 0 ? <progress max={status.progress.total} value={status.progress.done} /> : null}
      {isClockSkewed(status.clockSkewMs) ? (
        <p className="form-error" data-testid="clock-warning">
          {t('sync.clockSkew', { minutes: skewMinutes })}
        </p>
      ) : null}
      {storage?.low && storage.quota !== undefined && storage.usage !== undefined ? (
        <p className="form-error" data-testid="disk-warning">
          {t('sync.diskLow', { free: formatBytes(storage.quota - storage.usage) })}
        </p>
      ) : null}
      {storage?.persisted === false ? <p className="subtle">{t('sync.notPersistent')}</p> : null}

      {loggedIn && status.session ? (
        <>
          <p data-testid="sync-identity">
            {t('sync.signedInAs', {
              user: status.session.user,
              roles: status.session.roles.map((r) => label(ACCOUNT_ROLE_LABELS[r])).join(', '),
              court: status.session.court,
            })}
          </p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={() => engine.syncNow()} data-testid="sync-now">
              {t('sync.syncNow')}
            </button>
            <button type="button" className="button" onClick={() => engine.logout()} data-testid="sync-logout">
              {t('sync.logout')}
            </button>
          </div>
        </>
      ) : (
        <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="sync-login">
          <p className="subtle">{t('sync.loginHint')}</p>
          <label htmlFor={`${uid}-server`}>{t('sync.serverUrl')}</label>
          <input id={`${uid}-server`} value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} data-testid="sync-server-url" required />
          <label htmlFor={`${uid}-court`}>{t('sync.court')}</label>
          <input id={`${uid}-court`} value={court} onChange={(e) => setCourt(e.target.value)} data-testid="sync-court" required />
          <label htmlFor={`${uid}-user`}>{t('sync.user')}</label>
          <input id={`${uid}-user`} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" data-testid="sync-user" required />
          <label htmlFor={`${uid}-password`}>{t('sync.password')}</label>
          <input
            id={`${uid}-password`}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            data-testid="sync-password"
            required
          />
          {error ? (
            <p className="form-error" role="alert" data-testid="sync-login-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button primary" disabled={busy} data-testid="sync-login-submit">
            {busy ? t('sync.loggingIn') : t('sync.login')}
          </button>
        </form>
      )}
    </section>
  );
}
