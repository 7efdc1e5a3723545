/** The case file's header: numbers, type and level, subject, status, assignment. */
import { CASE_TYPE_LABELS, OFFENCE_CLASS_LABELS, PROCEDURE_LEVEL_LABELS, PROCEEDING_KIND_LABELS } from '../../../shared/domain/vocabulary.js';
import type { Case } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { useReplica } from '../../app/replica-context.js';
import { formatShortDate } from '../../i18n/dates.js';
import { CaseStatusBadge, TypeBadge } from '../../components/Badges.js';

/** Subjects are stored as the forms write them ("V/v tranh chấp…"); add the prefix when missing. */
export function subjectLine(subject: string): string {
  return /^v\/v\b/i.test(subject) ? subject : `V/v ${subject}`;
}

export function CaseHeader({ caseData, onChangeStatus }: { readonly caseData: Case; readonly onChangeStatus: () => void }) {
  const { t, label } = useI18n();
  const { staffById } = useReplica();
  const judge = caseData.judgeId ? staffById.get(caseData.judgeId)?.name : undefined;
  const clerk = caseData.clerkId ? staffById.get(caseData.clerkId)?.name : undefined;
  return (
    <header className="case-header">
      <div className="case-header-main">
        <p className="case-kicker">
          <TypeBadge type={caseData.type} /> {label(PROCEEDING_KIND_LABELS[caseData.proceeding])} {label(CASE_TYPE_LABELS[caseData.type]).toLocaleLowerCase('vi')} ·{' '}
          {label(PROCEDURE_LEVEL_LABELS[caseData.level])}
        </p>
        <h1 id="case-title" data-testid="case-number">
          {caseData.acceptanceNumber}
        </h1>
        <p className="case-subject" data-testid="case-subject">
          {subjectLine(caseData.subject)}
        </p>
        <p className="subtle">{t('case.acceptance', { number: caseData.acceptanceNumber, date: formatShortDate(caseData.acceptanceDate) })}</p>
      </div>
      <div className="case-header-side">
        <div className="status-line">
          <CaseStatusBadge status={caseData.status} />
          <button type="button" className="button small" onClick={onChangeStatus} data-testid="change-status">
            {t('case.changeStatus')}
          </button>
        </div>
        <dl className="facts">
          <div>
            <dt>{t('case.judge')}</dt>
            <dd>{judge ?? t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('case.clerk')}</dt>
            <dd>{clerk ?? t('common.notSet')}</dd>
          </div>
          {caseData.offenceClass ? (
            <div>
              <dt>{t('case.offenceClass')}</dt>
              <dd>{label(OFFENCE_CLASS_LABELS[caseData.offenceClass])}</dd>
            </div>
          ) : null}
          {caseData.trialDecisionNumber ? (
            <div>
              <dt>{t('case.trialDecision')}</dt>
              <dd>
                {caseData.trialDecisionDate
                  ? t('case.numberDate', { number: caseData.trialDecisionNumber, date: formatShortDate(caseData.trialDecisionDate) })
                  : caseData.trialDecisionNumber}
              </dd>
            </div>
          ) : null}
          {caseData.judgmentNumber ? (
            <div>
              <dt>{t('case.judgment')}</dt>
              <dd>
                {caseData.judgmentDate ? t('case.numberDate', { number: caseData.judgmentNumber, date: formatShortDate(caseData.judgmentDate) }) : caseData.judgmentNumber}
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
    </header>
  );
}
