/** The read-mostly parts of a case file: the trial panel, the hearings and the documents. */
import {
  DOCUMENT_KIND_LABELS,
  HEARING_KIND_LABELS,
  PANEL_ROLES,
  PANEL_ROLE_LABELS,
} from '../../../shared/domain/vocabulary.js';
import type { Case, Hearing } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { formatDateTime, formatShortDate, formatTime, formatTimestamp, formatWeekday } from '../../i18n/dates.js';
import { DocumentStatusBadge, HearingStatusBadge } from '../../components/Badges.js';
import { documentRouteHash } from '../../editor/links.js';
import { TemplateUpdateNotice } from '../../packs/TemplateUpdateNotice.js';

export function PanelSection({ caseData }: { readonly caseData: Case }) {
  const { t, label } = useI18n();
  const members = [...caseData.panel].sort((a, b) => PANEL_ROLES.indexOf(a.role) - PANEL_ROLES.indexOf(b.role) || a.order - b.order);
  return (
    <section className="card" aria-labelledby="panel-title">
      <div className="card-head">
        <h2 id="panel-title">{t('case.panel')}</h2>
      </div>
      {members.length === 0 ? (
        <p className="empty-small">{t('case.noPanel')}</p>
      ) : (
        <dl className="panel-list" data-testid="panel">
          {members.map((member) => (
            <div key={member.id} className="panel-row">
              <dt>{label(PANEL_ROLE_LABELS[member.role])}</dt>
              <dd>{member.name}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

export interface HearingsSectionProps {
  readonly caseData: Case;
  readonly onOutcome: (hearing: Hearing) => void;
  readonly onAdjourn: (hearing: Hearing) => void;
}

export function HearingsSection({ caseData, onOutcome, onAdjourn }: HearingsSectionProps) {
  const { t, label, language } = useI18n();
  const hearings = [...caseData.hearings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const nameOf = (id: string) => caseData.parties.find((p) => p.id === id)?.fullName ?? id;
  return (
    <section className="card" aria-labelledby="hearings-title">
      <div className="card-head">
        <h2 id="hearings-title">{t('case.hearings')}</h2>
      </div>
      {hearings.length === 0 ? <p className="empty-small">{t('case.noHearings')}</p> : null}
      <ol className="hearing-list">
        {hearings.map((hearing) => {
          const date = hearing.startsAt.slice(0, 10);
          const entries = Object.entries(hearing.attendance);
          const present = entries.filter(([, a]) => a === 'present').map(([id]) => nameOf(id));
          const absent = entries.filter(([, a]) => a === 'absent').map(([id]) => nameOf(id));
          const rescheduled = hearing.rescheduledTo ? caseData.hearings.find((h) => h.id === hearing.rescheduledTo) : undefined;
          return (
            <li key={hearing.id} className="hearing-entry" data-testid="case-hearing">
              <div className="hearing-entry-head">
                <span className="hearing-date">
                  {formatWeekday(date, language)}, {formatShortDate(date)} · {formatTime(hearing.startsAt)}
                </span>
                <span>{label(HEARING_KIND_LABELS[hearing.kind])}</span>
                <span className="subtle">{hearing.room || t('hearing.noRoom')}</span>
                <span className="subtle">{t('hearingEdit.duration', { minutes: hearing.durationMinutes })}</span>
                {hearing.closed ? <span className="badge badge-warn">{t('hearing.closed')}</span> : null}
                {hearing.online ? <span className="badge">{t('hearing.online')}</span> : null}
                <HearingStatusBadge status={hearing.status} />
              </div>
              {hearing.outcome ? <p className="hearing-outcome">{hearing.outcome}</p> : null}
              {hearing.adjournmentReason ? <p className="hearing-outcome">{t('hearingEdit.reasonShown', { reason: hearing.adjournmentReason })}</p> : null}
              {rescheduled ? <p className="subtle">{t('hearingEdit.rescheduledTo', { when: formatDateTime(rescheduled.startsAt) })}</p> : null}
              {entries.length ? (
                <p className="subtle">
                  {t('hearingEdit.attendanceShown', { present: present.join(', ') || t('common.none'), absent: absent.join(', ') || t('common.none') })}
                </p>
              ) : null}
              {hearing.status === 'scheduled' || hearing.status === 'held' ? (
                <div className="button-row">
                  <button type="button" className="button small" onClick={() => onOutcome(hearing)} aria-label={t('hearingEdit.outcomeLabel', { date: formatShortDate(date) })}>
                    {t('hearingEdit.outcome')}
                  </button>
                  {hearing.status === 'scheduled' ? (
                    <button type="button" className="button small" onClick={() => onAdjourn(hearing)} aria-label={t('hearingEdit.adjournLabel', { date: formatShortDate(date) })}>
                      {t('hearingEdit.adjourn')}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function DocumentsSection({ caseData }: { readonly caseData: Case }) {
  const { t, label } = useI18n();
  const documents = [...caseData.documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <section className="card" aria-labelledby="documents-title">
      <div className="card-head">
        <h2 id="documents-title">{t('case.documents')}</h2>
      </div>
      {documents.length === 0 ? (
        <p className="empty-small">{t('case.noDocuments')}</p>
      ) : (
        <table className="table" data-testid="documents">
          <thead>
            <tr>
              <th scope="col">{t('doc.col.title')}</th>
              <th scope="col">{t('doc.col.kind')}</th>
              <th scope="col">{t('doc.col.status')}</th>
              <th scope="col">{t('doc.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id}>
                <td>
                  <a href={documentRouteHash(caseData.id, doc.id)} data-testid="document-link" data-document-id={doc.id}>
                    {doc.title}
                  </a>
                  {doc.number ? <span className="subtle"> · {t('doc.number', { number: doc.number })}</span> : null}
                  {doc.templateId && doc.status === 'draft' ? <TemplateUpdateNotice caseData={caseData} templateId={doc.templateId} documentId={doc.id} /> : null}
                </td>
                <td>{label(DOCUMENT_KIND_LABELS[doc.kind])}</td>
                <td>
                  <DocumentStatusBadge status={doc.status} />
                </td>
                <td className="nowrap">{formatTimestamp(doc.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
