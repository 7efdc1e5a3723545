/**
 * Settings → Bộ mẫu và bảng thời hạn: the installed packs (kind, id, version, date, source), the
 * built-in pack, the last check against the court server with any refusal in words, a "check
 * now" button, and the trusted court IT keys (shipped ones, plus keys court IT pastes here).
 */
import { useId, useState, type FormEvent } from 'react';
import { BUILTIN_VERSION } from '../../shared/templates/builtin/fragments.js';
import { useI18n } from '../i18n/language.js';
import { formatTimestamp } from '../i18n/dates.js';
import { useSyncStatus } from '../sync/ui/SyncProvider.js';
import type { PackCheckRecord } from '../replica/schema.js';
import { usePacks } from './PacksProvider.js';
import type { PackSummary } from './installed.js';

export function PacksSettings() {
  const { t, language } = useI18n();
  const packs = usePacks();
  const status = useSyncStatus();
  const uid = useId();
  const [keyText, setKeyText] = useState('');
  const [keyMessage, setKeyMessage] = useState<{ readonly error: boolean; readonly text: string } | null>(null);
  const words = (vi: string, en: string | undefined) => (language === 'vi' ? vi : (en ?? vi));

  const rows: { summary: PackSummary; problem?: string }[] = [
    ...packs.installed.templatePacks.map((p) => ({ summary: p.summary })),
    ...packs.installed.deadlinePacks.map((p) => ({ summary: p.summary })),
    ...packs.installed.unusable.map((p) => ({ summary: p.summary, problem: words(p.messageVi, p.messageEn) })),
  ];

  const addKey = async (event: FormEvent) => {
    event.preventDefault();
    const result = await packs.addKey(keyText, status.session?.user ?? '');
    if (result.ok) {
      setKeyText('');
      setKeyMessage({ error: false, text: t('packs.keyAdded.ok', { kid: result.value.join(', ') }) });
    } else setKeyMessage({ error: true, text: words(result.error.messageVi, result.error.messageEn) });
  };

  const signedIn = status.session !== undefined && status.phase !== 'expired' && status.phase !== 'signedOut';
  return (
    <section className="card" data-testid="packs-settings" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('packs.title')}</h2>
      <p className="subtle">{t('packs.hint')}</p>
      {packs.failure ? <p className="form-error">{t('packs.storageFailed', { message: packs.failure })}</p> : null}

      <h3>{t('packs.installed')}</h3>
      {rows.length === 0 ? (
        <p className="empty-small" data-testid="packs-none">
          {t('packs.none', { version: BUILTIN_VERSION })}
        </p>
      ) : (
        <table className="table" data-testid="packs-installed">
          <thead>
            <tr>
              <th scope="col">{t('packs.col.kind')}</th>
              <th scope="col">{t('packs.col.id')}</th>
              <th scope="col">{t('packs.col.version')}</th>
              <th scope="col">{t('packs.col.date')}</th>
              <th scope="col">{t('packs.col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ summary, problem }) => (
              <tr key={summary.key} data-testid="pack-row" data-pack-id={summary.packId} data-version={summary.version}>
                <td>{t(summary.kind === 'templates' ? 'packs.kind.templates' : 'packs.kind.deadlines')}</td>
                <td>
                  {summary.packId}
                  {problem ? <div className="form-error">{t('packs.unusable', { message: problem })}</div> : null}
                </td>
                <td>{summary.version}</td>
                <td className="nowrap">{formatTimestamp(summary.installedAt)}</td>
                <td>{summary.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('packs.lastCheck')}</h3>
      <LastCheck record={packs.lastCheck} />
      <div className="button-row">
        <button type="button" className="button" onClick={packs.checkNow} disabled={!signedIn || packs.checking} data-testid="packs-check-now">
          {packs.checking ? t('packs.checking') : t('packs.checkNow')}
        </button>
      </div>
      {!signedIn ? <p className="subtle">{t('packs.notSignedIn')}</p> : null}

      <h3>{t('packs.keys')}</h3>
      {packs.keys.length === 0 ? (
        <p className="form-error" data-testid="packs-no-keys">
          {t('packs.keysNone')}
        </p>
      ) : (
        <ul data-testid="packs-keys">
          {packs.keys.map((key) => (
            <li key={key.kid} data-kid={key.kid}>
              <code>{key.kid}</code> · {key.shipped ? t('packs.keyShipped') : t('packs.keyAdded', { date: key.addedAt ? formatTimestamp(key.addedAt) : '' })}
              {key.label ? ` · ${key.label}` : ''}
              {!key.shipped ? (
                <button type="button" className="link-button" onClick={() => void packs.removeKey(key.kid)} data-testid="packs-key-remove">
                  {t('packs.keyRemove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void addKey(event)} data-testid="packs-key-form">
        <label htmlFor={`${uid}-key`}>{t('packs.keyAddLabel')}</label>
        <textarea id={`${uid}-key`} rows={3} value={keyText} onChange={(e) => setKeyText(e.target.value)} spellCheck={false} data-testid="packs-key-input" />
        <p className="subtle">{t('packs.keyWarning')}</p>
        <button type="submit" className="button" disabled={keyText.trim() === ''} data-testid="packs-key-add">
          {t('packs.keyAdd')}
        </button>
        {keyMessage ? (
          <p className={keyMessage.error ? 'form-error' : 'subtle'} role="status">
            {keyMessage.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function LastCheck({ record }: { readonly record: PackCheckRecord | undefined }) {
  const { t, language } = useI18n();
  if (!record) return <p className="subtle">{t('packs.neverChecked')}</p>;
  const time = formatTimestamp(record.at);
  const words = (vi: string, en: string | undefined) => (language === 'vi' ? vi : (en ?? vi));
  return (
    <div data-testid="packs-last-check" data-outcome={record.outcome}>
      {record.outcome === 'failed' ? (
        <p className="form-error">{t('packs.checkFailed', { time, message: words(record.messageVi ?? '', record.messageEn) })}</p>
      ) : record.installed.length > 0 ? (
        <p>{t('packs.checkedInstalled', { time, packs: record.installed.join(', ') })}</p>
      ) : record.refused.length === 0 ? (
        <p className="subtle">{t('packs.checkedOk', { time })}</p>
      ) : null}
      {record.refused.map((refusal) => (
        <p key={refusal.pack} className="form-error" role="alert" data-testid="packs-refused">
          {t('packs.refused', { pack: refusal.pack, message: words(refusal.messageVi, refusal.messageEn).replace(/\.$/, '') })}
        </p>
      ))}
    </div>
  );
}
