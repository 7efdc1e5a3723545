/**
 * "Thêm thông tin cần mã hóa": a text the rules missed (typed, or taken from the selection in the
 * original) and its replacement. A name of two words or more gets the rule's own form proposed
 * (surname + middle name + initial), which the judge may change. Checked by the shared review
 * logic; its Vietnamese message shows inline.
 */
import { useId, useState } from 'react';
import { addReplacement, type ReviewDecisions } from '../../shared/anonymise/decisions.js';
import { initialOf } from '../../shared/anonymise/letters.js';
import { FormError } from '../components/FormError.js';
import { useI18n } from '../i18n/language.js';

/** "Lê Thị Hoa" → "Lê Thị H"; one word or text with digits → no proposal. */
function proposedReplacement(original: string): string {
  const words = original.normalize('NFC').trim().split(/\s+/);
  if (words.length < 2 || /\d/.test(original)) return '';
  const given = words.pop() ?? '';
  return [...words, initialOf(given)].join(' ');
}

export interface AddReplacementFormProps {
  readonly decisions: ReviewDecisions;
  readonly onChange: (decisions: ReviewDecisions) => void;
}

export function AddReplacementForm({ decisions, onChange }: AddReplacementFormProps) {
  const { t, language } = useI18n();
  const uid = useId();
  const [original, setOriginal] = useState('');
  const [replacement, setReplacement] = useState('');
  const [error, setError] = useState<string | null>(null);

  const takeSelection = () => {
    const selected = window.getSelection()?.toString().replace(/\s+/g, ' ').trim() ?? '';
    if (selected === '') {
      setError(t('publication.add.noSelection'));
      return;
    }
    setError(null);
    setOriginal(selected);
    if (replacement === '') setReplacement(proposedReplacement(selected));
  };

  const submit = () => {
    const result = addReplacement(decisions, { original, replacement });
    if (!result.ok) {
      setError(language === 'vi' ? result.error.messageVi : result.error.messageEn);
      return;
    }
    setError(null);
    setOriginal('');
    setReplacement('');
    onChange(result.value);
  };

  return (
    <section aria-labelledby={`${uid}-title`} data-testid="publication-add-form">
      <h4 id={`${uid}-title`} className="section-title">
        {t('publication.add.title')}
      </h4>
      <FormError message={error} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.6rem', alignItems: 'flex-end' }}>
        <div className="field">
          <label htmlFor={`${uid}-original`}>{t('publication.add.original')}</label>
          <input
            id={`${uid}-original`}
            value={original}
            onChange={(e) => setOriginal(e.target.value)}
            onBlur={() => replacement === '' && setReplacement(proposedReplacement(original))}
            data-testid="publication-add-original"
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-replacement`}>{t('publication.add.replacement')}</label>
          <input
            id={`${uid}-replacement`}
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
            data-testid="publication-add-replacement"
          />
        </div>
        <button type="button" className="button small" onMouseDown={(e) => e.preventDefault()} onClick={takeSelection} data-testid="publication-use-selection">
          {t('publication.add.useSelection')}
        </button>
        <button type="button" className="button small primary" onClick={submit} data-testid="publication-add">
          {t('publication.add.submit')}
        </button>
      </div>
    </section>
  );
}
