/** "Nhắc việc" on Hôm nay: every current reminder, each one Enter away from its case file. */
import { openCase } from '../app/navigation.js';
import { useI18n } from '../i18n/language.js';
import { formatTimestamp } from '../i18n/dates.js';
import { StaffSelect } from '../dayplan/StaffSelect.js';
import { reminderText } from './reminder-text.js';
import { useReminderSettings } from './settings.js';
import { useReminderState } from './store.js';
import '../dayplan/dayplan.css';

export function RemindersPanel() {
  const { t, language } = useI18n();
  const { reminders, computedAt, computing, error } = useReminderState();
  const settings = useReminderSettings();
  return (
    <section className="card" aria-labelledby="reminders-title" data-testid="reminders" data-count={reminders.length} data-computed={computedAt ? 'true' : 'false'}>
      <div className="card-head">
        <h2 id="reminders-title">{t('dayplan.reminders.title')}</h2>
        <StaffSelect testId="reminders-staff" />
      </div>
      <p className="subtle" aria-live="polite">
        {computing ? t('dayplan.reminders.computing') : computedAt ? t('dayplan.reminders.computedAt', { at: formatTimestamp(computedAt), days: settings.days }) : t('common.loading')}
      </p>
      {error ? (
        <p className="inline-error" role="alert">
          {t('dayplan.reminders.failed', { message: error })}
        </p>
      ) : null}
      {computedAt && reminders.length === 0 ? <p className="empty-small">{t('dayplan.reminders.none')}</p> : null}
      <ul className="reminder-list">
        {reminders.map((r) => {
          const text = reminderText(r, t, language);
          return (
            <li key={r.id} className="reminder-item" data-testid="reminder" data-kind={r.kind}>
              <span className="reminder-kind">{text.heading}</span>
              <button type="button" className="link-button" onClick={() => openCase(r.caseId)}>
                {text.line}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The count beside "Hôm nay" in the navigation; nothing while there is none. */
export function ReminderCount() {
  const { t } = useI18n();
  const { reminders } = useReminderState();
  if (reminders.length === 0) return null;
  return (
    <span className="nav-count" data-testid="reminder-count" aria-label={t('dayplan.reminders.count', { count: reminders.length })}>
      {reminders.length}
    </span>
  );
}
