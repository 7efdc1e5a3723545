/**
 * Lịch xét xử: the week (Monday to Saturday columns) or one day of hearings, all judges or one.
 * Everything is a button or a select, so the week is walked with Tab and Enter alone.
 */
import { useI18n } from '../../i18n/language.js';
import { navigate } from '../../app/navigation.js';
import { useReplica } from '../../app/replica-context.js';
import { addDays, formatShortDate, formatWeekday, localDay, mondayOf, workWeek } from '../../i18n/dates.js';
import { HearingItem } from '../../components/HearingItem.js';
import type { HearingRow } from '../../replica/types.js';
import type { CalendarQuery } from './params.js';
import { useHearings } from './useHearings.js';
import { useState } from 'react';
import { DayPackPanel } from '../../dayplan/DayPackPanel.js';

export function CalendarScreen({ query }: { readonly query: CalendarQuery }) {
  const { t, language } = useI18n();
  const { judges, staffById } = useReplica();
  const days = workWeek(query.week);
  const today = localDay();
  const first = days[0] ?? query.week;
  const last = days[days.length - 1] ?? query.week;
  const { hearings, ready, error } = useHearings(query.view === 'day' ? query.day : first, query.view === 'day' ? query.day : last, query.judgeId);
  const go = (patch: Partial<CalendarQuery>) => navigate({ screen: 'calendar', calendar: { ...query, ...patch } });
  const goToDay = (day: string) => go({ day, week: mondayOf(day) });
  const byDay = new Map<string, HearingRow[]>(days.map((d) => [d, []]));
  for (const hearing of hearings) byDay.get(hearing.day)?.push(hearing);
  const judgeName = (id: string) => staffById.get(id)?.name ?? '';
  const [packOpen, setPackOpen] = useState(false);

  return (
    <section className="screen calendar" aria-labelledby="calendar-title">
      <div className="screen-head">
        <h1 id="calendar-title">{t('calendar.title')}</h1>
        <div className="toolbar">
          {query.view === 'week' ? (
            <>
              <button type="button" className="button" onClick={() => go({ week: addDays(query.week, -7), day: addDays(query.day, -7) })}>
                ‹ {t('calendar.prevWeek')}
              </button>
              <button type="button" className="button" onClick={() => go({ week: mondayOf(today), day: today })} disabled={mondayOf(today) === query.week}>
                {t('calendar.thisWeek')}
              </button>
              <button type="button" className="button" onClick={() => go({ week: addDays(query.week, 7), day: addDays(query.day, 7) })}>
                {t('calendar.nextWeek')} ›
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={() => goToDay(previousWorkDay(query.day))}>
                ‹ {t('calendar.prevDay')}
              </button>
              <button type="button" className="button" onClick={() => goToDay(today)} disabled={query.day === today}>
                {t('calendar.today')}
              </button>
              <button type="button" className="button" onClick={() => goToDay(nextWorkDay(query.day))}>
                {t('calendar.nextDay')} ›
              </button>
            </>
          )}
          <div className="segmented" role="group" aria-label={t('calendar.view')}>
            <button type="button" aria-pressed={query.view === 'week'} onClick={() => go({ view: 'week' })}>
              {t('calendar.week')}
            </button>
            <button type="button" aria-pressed={query.view === 'day'} onClick={() => go({ view: 'day' })}>
              {t('calendar.day')}
            </button>
          </div>
          <button type="button" className="button" onClick={() => setPackOpen(true)} aria-expanded={packOpen} data-testid="dayplan-launch">
            {t('dayplan.launch', { date: formatShortDate(query.day < today ? today : query.day) })}
          </button>
          <label className="field-inline">
            <span>{t('calendar.judge')}</span>
            <select value={query.judgeId} onChange={(e) => go({ judgeId: e.target.value })} data-testid="calendar-judge">
              <option value="">{t('calendar.allJudges')}</option>
              {judges.map((judge) => (
                <option key={judge.id} value={judge.id}>
                  {judge.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {packOpen ? <DayPackPanel key={query.week} days={days} initialDays={[query.day]} judgeId={query.judgeId} onClose={() => setPackOpen(false)} /> : null}
      <p className="subtle" aria-live="polite" data-testid="calendar-range">
        {query.view === 'week'
          ? `${t('calendar.weekRange', { from: formatShortDate(first), to: formatShortDate(last) })} · ${ready ? t('calendar.weekCount', { count: hearings.length }) : t('common.loading')}`
          : `${formatWeekday(query.day, language)}, ${formatShortDate(query.day)} · ${ready ? t('today.hearingCount', { count: hearings.length }) : t('common.loading')}`}
      </p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {query.view === 'week' ? (
        <div className="week-grid" data-testid="week-grid">
          {days.map((day) => {
            const list = byDay.get(day) ?? [];
            return (
              <section key={day} className={day === today ? 'week-day is-today' : 'week-day'} aria-label={`${formatWeekday(day, language)} ${formatShortDate(day)}`}>
                <h2>
                  <button type="button" className="day-link" onClick={() => go({ view: 'day', day })}>
                    <span>{formatWeekday(day, language)}</span> <span className="day-date">{formatShortDate(day).slice(0, 5)}</span>
                  </button>
                </h2>
                {ready && list.length === 0 ? <p className="empty-small">{t('calendar.empty')}</p> : null}
                {list.map((hearing) => (
                  <HearingItem key={hearing.key} hearing={hearing} judgeName={judgeName(hearing.judgeId)} compact />
                ))}
              </section>
            );
          })}
        </div>
      ) : (
        <div className="day-list">
          {ready && hearings.length === 0 ? <p className="empty-state">{t('calendar.empty')}</p> : null}
          {hearings.map((hearing) => (
            <HearingItem key={hearing.key} hearing={hearing} judgeName={judgeName(hearing.judgeId)} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Courts sit Monday to Saturday: skip Sunday when stepping through days. */
function previousWorkDay(day: string): string {
  const previous = addDays(day, -1);
  return workWeek(previous).includes(previous) ? previous : addDays(day, -2);
}

function nextWorkDay(day: string): string {
  const next = addDays(day, 1);
  return workWeek(next).includes(next) ? next : addDays(day, 2);
}
