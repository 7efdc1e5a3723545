/**
 * The two things a clerk records after a hearing: its outcome with who attended, or its
 * adjournment (with the new date when already fixed, which creates the new hearing).
 */
import { useId, useState } from 'react';
import { adjournHearing, recordHearingOutcome } from '../../../shared/domain/case-mutations.js';
import { PARTY_ROLE_LABELS, type Attendance } from '../../../shared/domain/vocabulary.js';
import type { Case, Hearing } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { formatDateTime } from '../../i18n/dates.js';
import { newId } from './ids.js';
import type { RunEdit } from './useEdit.js';
import { SaveCancelFooter } from '../../components/SaveCancelFooter.js';

interface HearingDialogProps {
  readonly caseData: Case;
  readonly hearing: Hearing;
  readonly runEdit: RunEdit;
  readonly onClose: () => void;
}

/** Everyone summoned starts as present, unless the hearing already recorded otherwise. */
function initialAttendance(caseData: Case, hearing: Hearing): Record<string, Attendance> {
  return Object.fromEntries(caseData.parties.map((p) => [p.id, hearing.attendance[p.id] ?? 'present']));
}

function AttendanceChecklist({ caseData, attendance, onChange }: { readonly caseData: Case; readonly attendance: Record<string, Attendance>; readonly onChange: (next: Record<string, Attendance>) => void }) {
  const { t, label } = useI18n();
  if (caseData.parties.length === 0) return null;
  return (
    <fieldset className="field span-2 attendance">
      <legend>{t('hearingEdit.attendance')}</legend>
      {caseData.parties.map((party) => (
        <label key={party.id} className="check">
          <input
            type="checkbox"
            checked={attendance[party.id] === 'present'}
            onChange={(e) => onChange({ ...attendance, [party.id]: e.target.checked ? 'present' : 'absent' })}
          />
          {party.fullName} <span className="subtle">({label(PARTY_ROLE_LABELS[party.role])})</span>
        </label>
      ))}
    </fieldset>
  );
}

export function OutcomeDialog({ caseData, hearing, runEdit, onClose }: HearingDialogProps) {
  const { t } = useI18n();
  const uid = useId();
  const [outcome, setOutcome] = useState(hearing.outcome);
  const [attendance, setAttendance] = useState(() => initialAttendance(caseData, hearing));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (busy) return;
    setBusy(true);
    const failure = await runEdit((doc, ctx) => recordHearingOutcome(doc, hearing.id, { outcome, attendance }, ctx));
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Dialog
      title={`${t('hearingEdit.outcomeTitle')} · ${formatDateTime(hearing.startsAt)}`}
      onClose={onClose}
      onSubmit={() => void save()}
      wide
      testId="outcome-dialog"
      footer={<SaveCancelFooter busy={busy} onCancel={onClose} />}
    >
      <FormError message={error} />
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor={`${uid}-outcome`}>{t('hearingEdit.outcomeField')}</label>
          <textarea id={`${uid}-outcome`} rows={3} value={outcome} onChange={(e) => setOutcome(e.target.value)} autoFocus />
        </div>
        <AttendanceChecklist caseData={caseData} attendance={attendance} onChange={setAttendance} />
      </div>
    </Dialog>
  );
}

export function AdjournDialog({ caseData, hearing, runEdit, onClose }: HearingDialogProps) {
  const { t } = useI18n();
  const uid = useId();
  const [reason, setReason] = useState(hearing.adjournmentReason);
  const [newDate, setNewDate] = useState('');
  const [newTime, setNewTime] = useState(hearing.startsAt.slice(11, 16));
  const [attendance, setAttendance] = useState(() => initialAttendance(caseData, hearing));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newHearingId] = useState(() => newId('hearing'));
  const save = async () => {
    if (busy) return;
    if (newDate && !newTime) {
      setError(t('hearingEdit.newTimeRequired'));
      return;
    }
    const rescheduling = newDate ? { newStartsAt: `${newDate}T${newTime}`, newHearingId } : {};
    setBusy(true);
    const failure = await runEdit((doc, ctx) => adjournHearing(doc, hearing.id, { reason, attendance, ...rescheduling }, ctx));
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Dialog
      title={`${t('hearingEdit.adjournTitle')} · ${formatDateTime(hearing.startsAt)}`}
      onClose={onClose}
      onSubmit={() => void save()}
      wide
      testId="adjourn-dialog"
      footer={<SaveCancelFooter busy={busy} onCancel={onClose} />}
    >
      <FormError message={error} />
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor={`${uid}-reason`}>{t('hearingEdit.reason')}</label>
          <textarea id={`${uid}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-date`}>{t('hearingEdit.newDate')}</label>
          <input id={`${uid}-date`} type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-time`}>{t('hearingEdit.newTime')}</label>
          <input id={`${uid}-time`} type="time" value={newTime} onChange={(e) => setNewTime(e.target.value)} />
        </div>
        <AttendanceChecklist caseData={caseData} attendance={attendance} onChange={setAttendance} />
      </div>
    </Dialog>
  );
}
