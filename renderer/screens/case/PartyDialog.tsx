/**
 * Add or correct a participant. On a refusal (empty name, a year that is not a number…) the
 * dialog stays open with everything the user typed, and the Vietnamese message shows inline.
 */
import { useId, useState } from 'react';
import { GENDERS, GENDER_LABELS, PARTY_ROLE_LABELS, roleOrder, type PartyRole } from '../../../shared/domain/vocabulary.js';
import { upsertParty } from '../../../shared/domain/case-mutations.js';
import type { Case, Party } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { formToPartyInput, isActingRole, partyToForm, type PartyFormValues } from './party-form.js';
import { newId } from './ids.js';
import type { RunEdit } from './useEdit.js';
import { SaveCancelFooter } from '../../components/SaveCancelFooter.js';

export interface PartyDialogProps {
  readonly caseData: Case;
  /** The party to correct; undefined to add one. */
  readonly party?: Party | undefined;
  readonly runEdit: RunEdit;
  readonly onClose: () => void;
}

export function PartyDialog({ caseData, party, runEdit, onClose }: PartyDialogProps) {
  const { t, label } = useI18n();
  const roles = roleOrder(caseData.type);
  const [values, setValues] = useState<PartyFormValues>(() => partyToForm(party, roles[0] ?? 'plaintiff'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [id] = useState(() => party?.id ?? newId('party'));
  const uid = useId();
  const field = (name: string) => `${uid}-${name}`;
  const set = <K extends keyof PartyFormValues>(key: K, value: PartyFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const principals = caseData.parties.filter((p) => p.id !== id && !isActingRole(p.role));
  const isPerson = values.kind === 'person';

  const save = async () => {
    if (busy) return;
    const maxOrder = caseData.parties.reduce((max, p) => Math.max(max, p.order), 0);
    const checked = formToPartyInput(values, party, id, maxOrder + 1);
    if (!checked.ok) {
      setError(t(checked.messageKey));
      document.getElementById(field(checked.field))?.focus();
      return;
    }
    setBusy(true);
    const failure = await runEdit((doc, ctx) => upsertParty(doc, checked.value, ctx));
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog
      title={party ? t('party.dialogEdit') : t('party.dialogAdd')}
      onClose={onClose}
      onSubmit={() => void save()}
      wide
      testId="party-dialog"
      footer={<SaveCancelFooter busy={busy} onCancel={onClose} />}
    >
      <FormError message={error} />
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor={field('fullName')}>{t('party.field.fullName')}</label>
          <input id={field('fullName')} value={values.fullName} onChange={(e) => set('fullName', e.target.value)} autoFocus autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={field('role')}>{t('party.field.role')}</label>
          <select id={field('role')} value={values.role} onChange={(e) => set('role', e.target.value as PartyRole)}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {label(PARTY_ROLE_LABELS[role])}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('party.field.kind')}</legend>
          <label className="check">
            <input type="radio" name={field('kind')} checked={isPerson} onChange={() => set('kind', 'person')} />
            {t('party.kind.person')}
          </label>
          <label className="check">
            <input type="radio" name={field('kind')} checked={!isPerson} onChange={() => set('kind', 'organisation')} />
            {t('party.kind.organisation')}
          </label>
        </fieldset>
        {isPerson ? (
          <>
            <div className="field">
              <label htmlFor={field('gender')}>{t('party.field.gender')}</label>
              <select id={field('gender')} value={values.gender} onChange={(e) => set('gender', e.target.value as PartyFormValues['gender'])}>
                <option value="">{t('common.notSet')}</option>
                {GENDERS.map((gender) => (
                  <option key={gender} value={gender}>
                    {label(GENDER_LABELS[gender])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={field('birthYear')}>{t('party.field.birthYear')}</label>
              <input id={field('birthYear')} inputMode="numeric" value={values.birthYear} onChange={(e) => set('birthYear', e.target.value)} autoComplete="off" />
            </div>
          </>
        ) : null}
        <div className="field span-2">
          <label htmlFor={field('address')}>{t('party.field.address')}</label>
          <input id={field('address')} value={values.address} onChange={(e) => set('address', e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={field('idNumber')}>{t('party.field.idNumber')}</label>
          <input id={field('idNumber')} value={values.idNumber} onChange={(e) => set('idNumber', e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={field('phone')}>{t('party.field.phone')}</label>
          <input id={field('phone')} type="tel" value={values.phone} onChange={(e) => set('phone', e.target.value)} autoComplete="off" />
        </div>
        {isPerson ? (
          <div className="field">
            <label htmlFor={field('occupation')}>{t('party.field.occupation')}</label>
            <input id={field('occupation')} value={values.occupation} onChange={(e) => set('occupation', e.target.value)} autoComplete="off" />
          </div>
        ) : null}
        {isActingRole(values.role) ? (
          <>
            <div className="field">
              <label htmlFor={field('organisation')}>{t('party.field.organisation')}</label>
              <input id={field('organisation')} value={values.organisation} onChange={(e) => set('organisation', e.target.value)} autoComplete="off" />
            </div>
            <fieldset className="field span-2" id={field('actsFor')} tabIndex={-1}>
              <legend>{t('party.field.actsFor')}</legend>
              {principals.map((p) => (
                <label key={p.id} className="check">
                  <input
                    type="checkbox"
                    checked={values.actsFor.includes(p.id)}
                    onChange={(e) => set('actsFor', e.target.checked ? [...values.actsFor, p.id] : values.actsFor.filter((x) => x !== p.id))}
                  />
                  {p.fullName} <span className="subtle">({label(PARTY_ROLE_LABELS[p.role])})</span>
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        {isPerson ? (
          <label className="check span-2">
            <input type="checkbox" checked={values.isMinor} onChange={(e) => set('isMinor', e.target.checked)} />
            {t('party.field.isMinor')}
          </label>
        ) : null}
      </div>
    </Dialog>
  );
}
