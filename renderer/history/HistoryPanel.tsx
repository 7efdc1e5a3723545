/**
 * Lịch sử: the document's named versions (created, hearing closed, each signature, each export,
 * saved on demand), a side-by-side view of any of them against the current text with who wrote
 * what, and restoring one as a new edit (nothing is deleted; a finalised document restores nothing).
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { VersionEntry } from '../../shared/drafting/document-doc.js';
import { isReadOnly } from '../../shared/drafting/finalisation.js';
import { recordVersion, restoreVersion, versionsOf } from '../../shared/drafting/versions.js';
import { formatTimestamp } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';
import { CompareView } from './CompareView.js';

export function HistoryPanel({ doc, user, tick }: { readonly doc: Y.Doc; readonly user: string; readonly tick: number }) {
  const { t } = useI18n();
  const [comparing, setComparing] = useState<VersionEntry | undefined>();
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const versions = versionsOf(doc);
  const readOnly = isReadOnly(doc);

  const restore = (entry: VersionEntry) => {
    const restored = restoreVersion(doc, entry, user || '?');
    setMessage(restored ? { text: t('signing.history.restored'), error: false } : { text: t('signing.history.restoreFailed'), error: true });
    setComparing(undefined);
  };

  return (
    <div className="cd-signing-tab" data-testid="history-panel">
      <h3>{t('signing.history.title')}</h3>
      {!readOnly ? (
        <button type="button" className="button small" onClick={() => recordVersion(doc, 'manual', user || '?')} data-testid="history-save">
          {t('signing.history.saveVersion')}
        </button>
      ) : null}
      {versions.length === 0 ? <p className="subtle">{t('signing.history.none')}</p> : null}
      <ol className="cd-history-list">
        {[...versions].reverse().map((v) => (
          <li key={v.id} data-testid="history-entry" data-reason={v.reason}>
            <span>{t('signing.history.entry', { label: v.label, by: v.by, time: formatTimestamp(v.at) })}</span>{' '}
            <button type="button" className="button small" onClick={() => setComparing(comparing?.id === v.id ? undefined : v)} data-testid="history-compare">
              {comparing?.id === v.id ? t('signing.history.closeCompare') : t('signing.history.compare')}
            </button>
            {!readOnly ? (
              <button type="button" className="button small" onClick={() => restore(v)} data-testid="history-restore">
                {t('signing.history.restore')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {message ? (
        <p className={message.error ? 'form-error' : 'subtle'} role="status">
          {message.text}
        </p>
      ) : null}
      {comparing ? <CompareView doc={doc} version={comparing} tick={tick} /> : null}
    </div>
  );
}
