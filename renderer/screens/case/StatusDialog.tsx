/** Moves the case along its lifecycle, offering only the transitions the procedure allows. */
import { useId, useState } from 'react';
import { setCaseStatus } from '../../../shared/domain/case-mutations.js';
import { CASE_STATUS_LABELS, CASE_STATUS_TRANSITIONS, type CaseStatus } from '../../../shared/domain/vocabulary.js';
import type { Case } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import type { RunEdit } from './useEdit.js';
import { SaveCancelFooter } from '../../components/SaveCancelFooter.js';

export function StatusDialog({ caseData, runEdit, onClose }: { readonly caseData: Case; readonly runEdit: RunEdit; readonly onClose: () => void }) {
  const { t, label } = useI18n();
  const uid = useId();
  const allowed = CASE_STATUS_TRANSITIONS[caseData.status];
  const [next, setNext] = useState<CaseStatus | undefined>(allowed[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (busy || !next) return;
    setBusy(true);
    const failure = await runEdit((doc, ctx) => setCaseStatus(doc, next, ctx));
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Dialog
      title={t('status.dialogTitle')}
      onClose={onClose}
      onSubmit={() => void save()}
      testId="status-dialog"
      footer={<SaveCancelFooter busy={busy} onCancel={onClose} canSave={allowed.length > 0} />}
    >
      <p>{t('status.current', { status: label(CASE_STATUS_LABELS[caseData.status]) })}</p>
      <FormError message={error} />
      {allowed.length ? (
        <div className="field">
          <label htmlFor={`${uid}-status`}>{t('status.next')}</label>
          <select id={`${uid}-status`} value={next} onChange={(e) => setNext(e.target.value as CaseStatus)} autoFocus>
            {allowed.map((status) => (
              <option key={status} value={status}>
                {label(CASE_STATUS_LABELS[status])}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>{t('case.noTransitions')}</p>
      )}
    </Dialog>
  );
}
