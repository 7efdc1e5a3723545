/**
 * Đính chính: corrections appended to a finalised document, each attributed and dated; the signed
 * body stays as it was signed. The form shows once the document is final.
 */
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { appendCorrection, correctionsOf } from '../../shared/drafting/finalisation.js';
import { formatTimestamp } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';

export function CorrectionsList({ doc, user, readOnly }: { readonly doc: Y.Doc; readonly user: string; readonly readOnly: boolean }) {
  const { t, language } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const corrections = correctionsOf(doc);
  if (!readOnly && corrections.length === 0) return null;

  const add = () => {
    const result = appendCorrection(doc, { text, by: user || '?', at: new Date().toISOString() });
    if (!result.ok) {
      // What was typed stays in the box.
      setError(language === 'vi' ? result.error.messageVi : result.error.messageEn);
      return;
    }
    setError(undefined);
    setText('');
  };

  return (
    <section className="cd-corrections" data-testid="signing-corrections">
      <h3>{t('signing.corrections')}</h3>
      {corrections.length === 0 ? <p className="subtle">{t('signing.noCorrections')}</p> : null}
      <ol>
        {corrections.map((c) => (
          <li key={c.id} data-testid="signing-correction">
            <p className="cd-correction-text">{c.text}</p>
            <p className="subtle">{t('signing.correctionBy', { user: c.by, time: formatTimestamp(c.at) })}</p>
          </li>
        ))}
      </ol>
      {readOnly ? (
        <div className="cd-correction-form">
          <label htmlFor={id}>{t('signing.correctionText')}</label>
          <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="signing-correction-text" />
          <button type="button" className="button" onClick={add} data-testid="signing-add-correction">
            {t('signing.addCorrection')}
          </button>
          {error ? <p className="form-error">{error}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
