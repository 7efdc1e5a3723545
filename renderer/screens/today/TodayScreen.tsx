/**
 * Hôm nay: the first thing a clerk sees: today's hearings across judges, grouped by judge, and
 * how many are left this week. Each hearing is one Tab and Enter away from its case file.
 */
import { useI18n } from '../../i18n/language.js';
import { useReplica } from '../../app/replica-context.js';
import { formatLongDate, formatWeekday, localDay, workWeek } from '../../i18n/dates.js';
import { HearingItem } from '../../components/HearingItem.js';
import { useHearings } from '../calendar/useHearings.js';
import { focusSearch } from '../../app/navigation.js';
import { RemindersPanel } from '../../reminders/RemindersPanel.js';

export function TodayScreen() {
  const { t, language } = useI18n();
  const { staffById } = useReplica();
  const today = localDay();
  const week = workWeek(today);
  const todays = useHearings(today, today, '');
  const weeks = useHearings(week[0] ?? today, week[week.length - 1] ?? today, '');
  const judgeName = (id: string) => staffById.get(id)?.name ?? '';

  return (
    <section className="screen today" aria-labelledby="today-title">
      <div className="screen-head">
        <div>
          <h1 id="today-title">{t('today.title')}</h1>
          <p className="subtle" data-testid="today-date">
            {t('today.date', { weekday: formatWeekday(today, language), date: formatLongDate(today, language) })}
          </p>
        </div>
        <div className="toolbar">
          <a className="button" href={`#/calendar?week=${week[0] ?? today}`}>
            {t('today.openCalendar')}
          </a>
          <button type="button" className="button" onClick={focusSearch}>
            {t('today.openCases')}
          </button>
        </div>
      </div>
      <div className="summary-cards">
        <div className="summary-card">
          <span className="summary-value" data-testid="today-count">{todays.ready ? todays.hearings.length : '…'}</span>
          <span className="summary-label">{t('today.hearings')}</span>
        </div>
        <div className="summary-card">
          <span className="summary-value" data-testid="week-count">{weeks.ready ? weeks.hearings.length : '…'}</span>
          <span className="summary-label">{weeks.ready ? t('today.weekCount', { count: weeks.hearings.length }) : t('common.loading')}</span>
        </div>
      </div>
      <RemindersPanel />
      <h2 className="section-title">{t('today.hearings')}</h2>
      {todays.error ? <p className="inline-error" role="alert">{todays.error}</p> : null}
      {todays.ready && todays.hearings.length === 0 ? <p className="empty-state">{t('today.noHearings')}</p> : null}
      <div className="day-list" data-testid="today-hearings">
        {todays.hearings.map((hearing) => (
          <HearingItem key={hearing.key} hearing={hearing} judgeName={judgeName(hearing.judgeId)} />
        ))}
      </div>
    </section>
  );
}
