/**
 * Cài đặt → Nhắc việc: how many days ahead a deadline is reminded (default 3), and desktop
 * notifications (on the web the browser asks once, from this button's click).
 */
import { useState } from 'react';
import { bridge } from '../bridge/index.js';
import { useI18n } from '../i18n/language.js';
import { parseReminderDays, setReminderSettings, useReminderSettings, MAX_REMINDER_DAYS } from './settings.js';

export function RemindersSettingsCard() {
  const { t } = useI18n();
  const settings = useReminderSettings();
  const [days, setDays] = useState(String(settings.days));
  const [error, setError] = useState(false);
  const [permission, setPermission] = useState(() => bridge.notificationPermission());

  const saveDays = () => {
    const parsed = parseReminderDays(days);
    setError(!parsed.ok);
    if (parsed.ok) setReminderSettings({ days: parsed.value });
  };

  const enable = async () => {
    setReminderSettings({ notify: true });
    setPermission(await bridge.requestNotificationPermission());
  };

  return (
    <section className="card" aria-labelledby="reminder-settings-title" data-testid="reminder-settings">
      <h2 id="reminder-settings-title">{t('dayplan.reminders.settings.title')}</h2>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          saveDays();
        }}
      >
        <label className="field-inline">
          <span>{t('dayplan.reminders.settings.days')}</span>
          <input
            type="number"
            min={0}
            max={MAX_REMINDER_DAYS}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            aria-invalid={error}
            aria-describedby={error ? 'reminder-days-error' : undefined}
            data-testid="reminder-days"
          />
        </label>
        <button type="submit" className="button">
          {t('common.save')}
        </button>
      </form>
      {error ? (
        <p id="reminder-days-error" className="inline-error" role="alert">
          {t('dayplan.reminders.settings.daysInvalid', { max: MAX_REMINDER_DAYS })}
        </p>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={settings.notify} onChange={(e) => setReminderSettings({ notify: e.target.checked })} data-testid="reminder-notify" />
        <span>{t('dayplan.reminders.settings.notify')}</span>
      </label>
      <p className="subtle">
        {t(`dayplan.reminders.settings.permission.${permission}`)}{' '}
        {permission === 'default' ? (
          <button type="button" className="link-button" onClick={() => void enable()}>
            {t('dayplan.reminders.settings.allow')}
          </button>
        ) : null}
      </p>
    </section>
  );
}
