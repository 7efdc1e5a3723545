/** The words of a reminder, for the Hôm nay panel and for desktop notifications alike. */
import type { MessageKey } from '../i18n/vi.js';
import type { Language, Params } from '../i18n/translate.js';
import type { Reminder } from './compute.js';

type Translate = (key: MessageKey, params?: Params) => string;

function day(localDate: string): string {
  return `${localDate.slice(8, 10)}/${localDate.slice(5, 7)}/${localDate.slice(0, 4)}`;
}

export interface ReminderText {
  /** The kind, e.g. "Thời hạn sắp đến". */
  readonly heading: string;
  /** One line: the case and what is due. */
  readonly line: string;
}

export function reminderText(r: Reminder, t: Translate, language: Language): ReminderText {
  switch (r.kind) {
    case 'deadline':
      return {
        heading: t('dayplan.reminders.kind.deadline'),
        line: t(r.daysLeft === 0 ? 'dayplan.reminders.deadlineToday' : 'dayplan.reminders.deadline', {
          number: r.acceptanceNumber,
          title: language === 'vi' ? r.title : r.titleEn,
          date: day(r.dueDate),
          days: r.daysLeft,
        }),
      };
    case 'hearingNotReady':
      return {
        heading: t('dayplan.reminders.kind.hearingNotReady'),
        line: t(r.blocking.length > 0 ? 'dayplan.reminders.hearingMissing' : 'dayplan.reminders.hearingUnprepared', {
          number: r.acceptanceNumber,
          time: `${r.startsAt.slice(11, 16)} ${day(r.startsAt.slice(0, 10))}`,
          missing: r.blocking.map((code) => t(`dayplan.issue.${code}` as MessageKey)).join('; '),
        }),
      };
    case 'minutesUnsigned':
      return { heading: t('dayplan.reminders.kind.minutesUnsigned'), line: t('dayplan.reminders.minutes', { number: r.acceptanceNumber, title: r.title, date: day(r.createdOn) }) };
    case 'publicationOverdue':
      return {
        heading: t('dayplan.reminders.kind.publicationOverdue'),
        line: t('dayplan.reminders.publication', { number: r.acceptanceNumber, title: r.title, date: day(r.dueDate), days: r.daysOverdue }),
      };
  }
}
