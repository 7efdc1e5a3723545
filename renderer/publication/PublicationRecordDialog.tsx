/**
 * Records the publication decision on the case (NQ 03/2017): the legal-effect date that starts the
 * 30-day limit, and the decision: publish (to be posted), published (with the date), or not to
 * publish with at least one Art. 4 reason. The reasons the case data suggests are pre-ticked and
 * marked; the presiding judge confirms. Who decided is a name (the signed-in user, else the
 * presiding judge of the panel); when is the edit's time.
 */
import { useId, useState } from 'react';
import { recordPublication } from '../../shared/domain/case-mutations.js';
import type { Case } from '../../shared/domain/schemas.js';
import { NOT_PUBLISH_REASON_INFO, NOT_PUBLISH_REASONS, type NotPublishReason, type PublicationState } from '../../shared/publication/reasons.js';
import { suggestedNotPublishReasons } from '../../shared/publication/status.js';
import { Dialog } from '../components/Dialog.js';
import { FormError } from '../components/FormError.js';
import { SaveCancelFooter } from '../components/SaveCancelFooter.js';
import { useI18n } from '../i18n/language.js';
import type { MessageKey } from '../i18n/vi.js';
import type { RunEdit } from '../screens/case/useEdit.js';

type Decision = Exclude<PublicationState, 'notDue'>;

const DECISION_KEYS: Record<Decision, MessageKey> = {
  pending: 'publication.dialog.pending',
  published: 'publication.dialog.published',
  notToPublish: 'publication.dialog.notToPublish',
};

export interface PublicationRecordDialogProps {
  readonly caseData: Case;
  readonly runEdit: RunEdit;
  /** Who is deciding, when known (the signed-in user). */
  readonly userName?: string;
  readonly onClose: () => void;
}

export function PublicationRecordDialog({ caseData, runEdit, userName, onClose }: PublicationRecordDialogProps) {
  const { t, label } = useI18n();
  const uid = useId();
  const record = caseData.publication;
  const suggested = suggestedNotPublishReasons(caseData);
  const presiding = caseData.panel.find((m) => m.role === 'presidingJudge')?.name;
  const [legalEffectDate, setLegalEffectDate] = useState(record?.legalEffectDate ?? '');
  const [decision, setDecision] = useState<Decision>(record && record.state !== 'notDue' ? record.state : suggested.length > 0 ? 'notToPublish' : 'pending');
  const [reasons, setReasons] = useState<readonly NotPublishReason[]>(record?.reasons.length ? record.reasons : suggested);
  const [publishedAt, setPublishedAt] = useState(record?.publishedAt ?? '');
  const [note, setNote] = useState(record?.note ?? '');
  const [decidedBy, setDecidedBy] = useState(userName ?? record?.decidedBy ?? presiding ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (reason: NotPublishReason, on: boolean) => setReasons((rs) => (on ? [...rs.filter((r) => r !== reason), reason] : rs.filter((r) => r !== reason)));

  const save = async () => {
    if (busy) return;
    setBusy(true);
    const input = {
      state: decision,
      decidedBy,
      note,
      reasons: decision === 'notToPublish' ? NOT_PUBLISH_REASONS.filter((r) => reasons.includes(r)) : [],
      ...(legalEffectDate ? { legalEffectDate } : {}),
      ...(decision === 'published' && publishedAt ? { publishedAt } : {}),
    };
    const failure = await runEdit((doc, ctx) => recordPublication(doc, input, ctx));
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog title={t('publication.dialog.title')} onClose={onClose} onSubmit={() => void save()} testId="publication-record-dialog" footer={<SaveCancelFooter busy={busy} onCancel={onClose} />}>
      <FormError message={error} />
      <div className="field">
        <label htmlFor={`${uid}-effect`}>{t('publication.card.legalEffect')}</label>
        <input id={`${uid}-effect`} type="date" value={legalEffectDate} onChange={(e) => setLegalEffectDate(e.target.value)} data-testid="publication-legal-effect" />
      </div>
      <fieldset className="field">
        <legend>{t('publication.dialog.decision')}</legend>
        {(Object.keys(DECISION_KEYS) as Decision[]).map((d) => (
          <label key={d} style={{ display: 'block' }}>
            <input type="radio" name={`${uid}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} data-testid={`publication-decision-${d}`} /> {t(DECISION_KEYS[d])}
          </label>
        ))}
      </fieldset>
      {decision === 'published' ? (
        <div className="field">
          <label htmlFor={`${uid}-published`}>{t('publication.card.publishedAt')}</label>
          <input id={`${uid}-published`} type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} data-testid="publication-published-at" />
        </div>
      ) : null}
      {decision === 'notToPublish' ? (
        <fieldset className="field" data-testid="publication-reasons">
          <legend>{t('publication.dialog.reasons')}</legend>
          {NOT_PUBLISH_REASONS.map((reason) => (
            <label key={reason} style={{ display: 'block' }}>
              <input type="checkbox" checked={reasons.includes(reason)} onChange={(e) => toggle(reason, e.target.checked)} data-testid={`publication-reason-${reason}`} />{' '}
              {label(NOT_PUBLISH_REASON_INFO[reason].label)} <span className="subtle">({NOT_PUBLISH_REASON_INFO[reason].basis})</span>
              {suggested.includes(reason) ? <strong> {t('publication.dialog.suggestedMark')}</strong> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${uid}-note`}>{t('publication.card.note')}</label>
        <input id={`${uid}-note`} value={note} onChange={(e) => setNote(e.target.value)} data-testid="publication-note" />
      </div>
      <div className="field">
        <label htmlFor={`${uid}-by`}>{t('publication.dialog.decidedBy')}</label>
        <input id={`${uid}-by`} value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} data-testid="publication-decided-by" />
      </div>
    </Dialog>
  );
}
