/** Người tham gia tố tụng, by role, with whoever acts for a party listed under them. */
import { PARTY_ROLE_LABELS, GENDER_LABELS } from '../../../shared/domain/vocabulary.js';
import type { Case, Party } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { groupParties } from './group-parties.js';

export interface PartiesSectionProps {
  readonly caseData: Case;
  readonly onAdd: () => void;
  readonly onEdit: (party: Party) => void;
  readonly onRemove: (party: Party) => void;
}

export function PartiesSection({ caseData, onAdd, onEdit, onRemove }: PartiesSectionProps) {
  const { t, label } = useI18n();
  const groups = groupParties(caseData.type, caseData.parties);
  return (
    <section className="card" aria-labelledby="parties-title">
      <div className="card-head">
        <h2 id="parties-title">{t('case.parties')}</h2>
        <button type="button" className="button small" onClick={onAdd} data-testid="party-add">
          + {t('case.addParty')}
        </button>
      </div>
      {groups.length === 0 ? <p className="empty-small">{t('case.noParties')}</p> : null}
      {groups.map((group) => (
        <div key={group.role} className="role-group">
          <h3>{label(PARTY_ROLE_LABELS[group.role])}</h3>
          <ul className="party-list">
            {group.entries.map(({ party, acting }) => (
              <li key={party.id}>
                <PartyCard party={party} onEdit={onEdit} onRemove={onRemove} />
                {acting.length ? (
                  <ul className="acting-list">
                    {acting.map((agent) => (
                      <li key={agent.id}>
                        <PartyCard party={agent} onEdit={onEdit} onRemove={onRemove} showRole />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function PartyCard({ party, onEdit, onRemove, showRole }: { readonly party: Party; readonly onEdit: (p: Party) => void; readonly onRemove: (p: Party) => void; readonly showRole?: boolean }) {
  const { t, label } = useI18n();
  const details = [
    party.gender ? label(GENDER_LABELS[party.gender]) : '',
    party.birthYear !== undefined ? t('party.birthYear', { year: party.birthYear }) : '',
    party.idNumber ? t('party.idNumber', { id: party.idNumber }) : '',
    party.phone ? t('party.phone', { phone: party.phone }) : '',
    party.occupation ?? '',
    party.organisation ?? '',
  ].filter((s) => s !== '');
  return (
    <div className="party" data-testid="party" data-party-id={party.id}>
      <div className="party-main">
        <div className="party-name">
          {showRole ? <span className="party-role">{label(PARTY_ROLE_LABELS[party.role])}: </span> : null}
          <strong data-testid="party-name">{party.fullName}</strong>
          {party.isMinor ? <span className="badge badge-warn">{t('party.minor')}</span> : null}
        </div>
        {details.length ? <div className="party-details">{details.join(' · ')}</div> : null}
        <div className="party-address" data-testid="party-address">
          {party.address || '—'}
        </div>
      </div>
      <div className="party-actions">
        <button type="button" className="button small" data-testid="party-edit" aria-label={t('party.editLabel', { name: party.fullName })} onClick={() => onEdit(party)}>
          {t('party.edit')}
        </button>
        <button type="button" className="button small subtle-danger" data-testid="party-remove" aria-label={t('party.removeLabel', { name: party.fullName })} onClick={() => onRemove(party)}>
          {t('party.remove')}
        </button>
      </div>
    </div>
  );
}
