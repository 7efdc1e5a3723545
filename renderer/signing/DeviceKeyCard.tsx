/**
 * Cài đặt → Khóa ký: creates this device's signing key for the logged-in account (private key
 * non-extractable, in IndexedDB) and registers its public key with the court server.
 */
import { useEffect, useId, useState } from 'react';
import { formatTimestamp } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';
import { isExpired } from '../sync/session.js';
import { useSync, useSyncStatus } from '../sync/ui/SyncProvider.js';
import { registerDeviceKey } from './device-key.js';
import { getDeviceKey, type DeviceKeyRecord } from './key-db.js';

type State = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'done' } | { readonly kind: 'failed'; readonly message: string };

export function DeviceKeyCard() {
  const { t, language } = useI18n();
  const { sessions } = useSync();
  useSyncStatus(); // re-render on login / logout
  const session = sessions.load();
  const id = useId();
  const [record, setRecord] = useState<DeviceKeyRecord | undefined>();
  const [name, setName] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const court = session?.court;
  const user = session?.user;

  useEffect(() => {
    if (!court || !user) return;
    let cancelled = false;
    getDeviceKey(court, user).then(
      (r) => {
        if (!cancelled) setRecord(r);
      },
      (e: unknown) => {
        if (!cancelled) setState({ kind: 'failed', message: String(e) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [court, user]);

  const register = async () => {
    if (!session) return;
    setState({ kind: 'busy' });
    try {
      const result = await registerDeviceKey(fetch, session, name.trim() || t('signing.key.defaultName', { user: session.user }));
      if (result.ok) {
        setRecord(result.value);
        setState({ kind: 'done' });
      } else setState({ kind: 'failed', message: language === 'vi' ? result.error.messageVi : result.error.messageEn });
    } catch (error) {
      setState({ kind: 'failed', message: t('signing.key.unsupported', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const usable = session !== undefined && !isExpired(session);
  const registered = record?.registeredAt !== undefined && record.user === user;
  return (
    <section className="card" data-testid="device-key-card">
      <h2>{t('signing.key.title')}</h2>
      <p className="subtle">{t('signing.key.hint')}</p>
      {session?.staffId ? <p className="subtle">{t('signing.staffLink', { staffId: session.staffId })}</p> : null}
      <p data-testid="device-key-status" data-registered={registered ? 'yes' : 'no'}>
        {registered
          ? t('signing.key.registered', { device: record.deviceName ?? '', keyId: record.keyId, time: formatTimestamp(record.registeredAt ?? '') })
          : user
            ? t('signing.key.none', { user })
            : t('signing.key.needSession')}
      </p>
      {usable && !registered ? (
        <div className="cd-correction-form">
          <label htmlFor={id}>{t('signing.key.deviceName')}</label>
          <input id={id} value={name} placeholder={t('signing.key.defaultName', { user: session.user })} onChange={(e) => setName(e.target.value)} data-testid="device-key-name" />
          <button type="button" className="button primary" onClick={() => void register()} disabled={state.kind === 'busy'} data-testid="device-key-register">
            {state.kind === 'busy' ? t('signing.key.registering') : t('signing.key.register')}
          </button>
        </div>
      ) : null}
      {!usable && !registered && user ? <p className="subtle">{t('signing.key.needSession')}</p> : null}
      <div role="status">
        {state.kind === 'done' ? <p className="subtle">{t('signing.key.done')}</p> : null}
        {state.kind === 'failed' ? <p className="form-error">{state.message}</p> : null}
      </div>
    </section>
  );
}
