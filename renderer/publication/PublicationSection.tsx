/**
 * "Công bố bản án" in the case file: the publication state (chưa đến hạn / chờ công bố / đã công
 * bố / không công bố), the legal-effect date and the 30-day limit it starts (deadline rule
 * `pub.judgment-publication`, NQ 03/2017), and the decision on record with who and when. The
 * button opens the record dialog; the copy itself is reviewed from the judgment template's
 * "Bản công bố" button (PublicationReview.tsx: a drafted, preferably signed, judgment first).
 */
import { useState } from 'react';
import type { Case } from '../../shared/domain/schemas.js';
import { NOT_PUBLISH_REASON_INFO, PUBLICATION_STATE_LABELS } from '../../shared/publication/reasons.js';
import { publicationStatus } from '../../shared/publication/status.js';
import { formatShortDate, formatTimestamp, localDay } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';
import type { RunEdit } from '../screens/case/useEdit.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { PublicationRecordDialog } from './PublicationRecordDialog.js';

const RED = { color: 'var(--red-700)', fontWeight: 600 } as const;

export function PublicationSection({ caseData, runEdit, today = localDay() }: { readonly caseData: Case; readonly runEdit: RunEdit; readonly today?: string }) {
  const { t, label } = useI18n();
  const { sessions } = useSync();
  const [open, setOpen] = useState(false);
  const status = publicationStatus(caseData, today);
  const { record, deadline } = status;

  const left = (): string => {
    if (!deadline || deadline.daysLeft === null) return '';
    if (deadline.daysLeft < 0) return t('publication.card.overdueBy', { days: -deadline.daysLeft });
    if (deadline.daysLeft === 0) return t('publication.card.dueToday');
    return t('publication.card.daysLeft', { days: deadline.daysLeft });
  };

  return (
    <section className="card" aria-labelledby="publication-title" data-testid="publication-section">
      <div className="card-head">
        <h2 id="publication-title">{t('publication.card.title')}</h2>
        <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="publication-record">
          {t('publication.card.record')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('publication.card.state')}</dt>
        <dd data-testid="publication-state" data-state={status.state}>
          {label(PUBLICATION_STATE_LABELS[status.state])}
        </dd>
        <dt>{t('publication.card.legalEffect')}</dt>
        <dd data-testid="publication-legal-effect-date">{status.legalEffectDate ? formatShortDate(status.legalEffectDate) : t('publication.card.noLegalEffect')}</dd>
        {status.state === 'published' || status.state === 'notToPublish' ? null : (
          <>
            <dt>{t('publication.card.deadline')}</dt>
            <dd data-testid="publication-due" data-overdue={status.overdue} style={status.overdue ? RED : undefined}>
              {deadline?.dueDate ? `${formatShortDate(deadline.dueDate)} (${left()}) · ${deadline.basis}` : t('publication.card.deadlineNeedsDate')}
            </dd>
          </>
        )}
        {record?.publishedAt ? (
          <>
            <dt>{t('publication.card.publishedAt')}</dt>
            <dd>{formatShortDate(record.publishedAt)}</dd>
          </>
        ) : null}
        {record && record.reasons.length > 0 ? (
          <>
            <dt>{t('publication.card.reasons')}</dt>
            <dd data-testid="publication-reasons-shown">
              <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
                {record.reasons.map((r) => (
                  <li key={r} data-reason={r}>
                    {label(NOT_PUBLISH_REASON_INFO[r].label)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {record?.note ? (
          <>
            <dt>{t('publication.card.note')}</dt>
            <dd>{record.note}</dd>
          </>
        ) : null}
      </dl>
      {record ? (
        <p className="subtle" data-testid="publication-decided">
          {t('publication.card.decided', { who: record.decidedBy, when: formatTimestamp(record.decidedAt) })}
        </p>
      ) : null}
      {!record && status.suggestedReasons.length > 0 ? (
        <p className="subtle" data-testid="publication-suggested">
          {t('publication.card.suggested', { reasons: status.suggestedReasons.map((r) => label(NOT_PUBLISH_REASON_INFO[r].label)).join('; ') })}
        </p>
      ) : null}
      {open ? <PublicationRecordDialog caseData={caseData} runEdit={runEdit} {...(userOf(sessions.load()) ?? {})} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function userOf(session: { readonly user: string } | undefined): { userName: string } | undefined {
  return session && session.user !== '' ? { userName: session.user } : undefined;
}
