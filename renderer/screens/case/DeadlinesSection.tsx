/**
 * "Thời hạn tố tụng": the statutory limits running in this case, computed on the fly by the shared
 * deadline engine from the case's own events (thụ lý, quyết định đưa vụ án ra xét xử, hoãn phiên
 * tòa, tuyên án). Each row shows the days left, the due date, the legal basis and the event that
 * set it; overdue limits are red and say so in words (colour is never the only signal). Limits
 * already met are folded away behind a button.
 */
import { useMemo, useState } from 'react';
import { computeDeadlines, DEADLINE_UNIT_LABELS, START_EVENT_LABELS, type Deadline } from '../../../shared/deadlines/index.js';
import { useDeadlineTables } from '../../packs/deadline-tables.js';
import type { Case } from '../../../shared/domain/schemas.js';
import { useI18n } from '../../i18n/language.js';
import { formatShortDate, localDay } from '../../i18n/dates.js';
import type { MessageKey } from '../../i18n/vi.js';

const STATUS_KEYS: Record<Deadline['status'], MessageKey> = {
  running: 'deadlines.status.running',
  dueSoon: 'deadlines.status.dueSoon',
  overdue: 'deadlines.status.overdue',
  paused: 'deadlines.status.paused',
  met: 'deadlines.status.met',
};

const TAG_KEYS: Record<Deadline['basisTag'], MessageKey> = {
  S: 'deadlines.tag.S',
  GK: 'deadlines.tag.GK',
  '?': 'deadlines.tag.unsure',
};

const RED = { color: 'var(--red-700)', fontWeight: 600 } as const;

export function DeadlinesSection({ caseData, today = localDay() }: { readonly caseData: Case; readonly today?: string }) {
  const { t, label, language } = useI18n();
  const [showMet, setShowMet] = useState(false);
  // Bundled tables, or newer ones from a signed deadline pack (renderer/packs).
  const tables = useDeadlineTables();
  const deadlines = useMemo(() => computeDeadlines(caseData, { today, tables }), [caseData, today, tables]);
  const open = deadlines.filter((d) => d.status !== 'met');
  const met = deadlines.length - open.length;
  const shown = showMet ? deadlines : open;

  const left = (d: Deadline): string => {
    if (d.daysLeft === null) return t('deadlines.status.paused');
    if (d.status === 'met') return t('deadlines.status.met');
    if (d.daysLeft < 0) return t('deadlines.overdueBy', { days: -d.daysLeft });
    if (d.daysLeft === 0) return t('deadlines.dueToday');
    return t('deadlines.daysLeft', { days: d.daysLeft });
  };

  return (
    <section className="card" aria-labelledby="deadlines-title" data-testid="deadlines">
      <div className="card-head">
        <h2 id="deadlines-title">{t('deadlines.title')}</h2>
        {met > 0 ? (
          <button type="button" className="link-button" onClick={() => setShowMet((v) => !v)} aria-expanded={showMet}>
            {showMet ? t('deadlines.hideMet') : t('deadlines.showMet', { count: met })}
          </button>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <p className="empty-small">{t('deadlines.none')}</p>
      ) : (
        <table className="table deadlines-table">
          <thead>
            <tr>
              <th scope="col">{t('deadlines.col.rule')}</th>
              <th scope="col">{t('deadlines.col.start')}</th>
              <th scope="col">{t('deadlines.col.due')}</th>
              <th scope="col">{t('deadlines.col.left')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => {
              const overdue = d.status === 'overdue';
              const note = language === 'vi' ? d.note : (d.noteEn ?? d.note);
              return (
                <tr key={d.ruleId} data-testid="deadline" data-status={d.status}>
                  <td>
                    <div>{language === 'vi' ? d.title : d.titleEn}</div>
                    <div className="subtle">
                      {d.basis} · {d.length} {label(DEADLINE_UNIT_LABELS[d.unit])} ·{' '}
                      <abbr title={t(TAG_KEYS[d.basisTag])}>{d.basisTag}</abbr>
                    </div>
                    {note ? <div className="subtle">{note}</div> : null}
                  </td>
                  <td>
                    <div>{label(START_EVENT_LABELS[d.startEvent])}</div>
                    <div className="subtle nowrap">{formatShortDate(d.startDate)}</div>
                  </td>
                  <td>
                    <div className="nowrap">{d.dueDate === null ? '—' : formatShortDate(d.dueDate)}</div>
                    {d.movedFrom ? <div className="subtle">{t('deadlines.movedFrom', { date: formatShortDate(d.movedFrom) })}</div> : null}
                    {d.maxDueDate && !d.extended && d.status !== 'met' ? (
                      <div className="subtle">{t('deadlines.max', { date: formatShortDate(d.maxDueDate) })}</div>
                    ) : null}
                  </td>
                  <td className="nowrap" style={overdue ? RED : undefined}>
                    {left(d)}
                    {d.status === 'dueSoon' || overdue ? <div className={overdue ? undefined : 'badge badge-warn'}>{t(STATUS_KEYS[d.status])}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="subtle">{t('deadlines.tables', { rules: tables.rulesVersion, holidays: tables.holidaysVersion })}</p>
    </section>
  );
}
