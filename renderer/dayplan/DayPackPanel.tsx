/**
 * "Chuẩn bị cho ngày …" on the hearing calendar: pick the day(s), press Chuẩn bị; when the court
 * server can be reached the replica catches up first, then every hearing of those days (for the
 * chosen clerk's or judge's cases) shows "Sẵn sàng ngoại tuyến" or what is missing and why.
 * The check reads only local data (renderer/dayplan/prepare.ts), loaded on first use.
 */
import { useEffect, useMemo, useState } from 'react';
import { inScope, scopeFor } from '../../shared/caseload/scope.js';
import type { HearingRow } from '../replica/types.js';
import { useReplica } from '../app/replica-context.js';
import { openCase } from '../app/navigation.js';
import { formatShortDate, formatTime, formatTimestamp, formatWeekday, localDay } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { TypeBadge } from '../components/Badges.js';
import { loadCaseTemplates, loadDocxExport } from '../documents/loaders.js';
import { openDocProbe } from './local-docs.js';
import { readPreparedDays, rememberPrepared } from './pack-memory.js';
import type { DayPack, HearingPack, PackSyncOutcome } from './prepare.js';
import { IssueList } from './IssueList.js';
import { StaffSelect } from './StaffSelect.js';
import { useStaffChoice } from './staff-choice.js';
import './dayplan.css';

type Run =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly phase: 'loading' | 'syncing' | 'checking' }
  | { readonly kind: 'done'; readonly pack: DayPack }
  | { readonly kind: 'failed'; readonly message: string };

export interface DayPackPanelProps {
  /** The days the clerk may pick (the calendar's week). */
  readonly days: readonly string[];
  /** Picked at first. */
  readonly initialDays: readonly string[];
  /** The calendar's judge filter, when set: only that judge's hearings. */
  readonly judgeId: string;
  readonly onClose: () => void;
}

/** The calendar's judge filter wins; otherwise the chosen clerk's or judge's hearings. */
function packFilter(staffScope: ReturnType<typeof scopeFor>, judgeId: string): (hearing: HearingRow) => boolean {
  if (judgeId) return (h) => h.judgeId === judgeId;
  return (h) => inScope(staffScope, h);
}

export function DayPackPanel({ days: weekDays, initialDays, judgeId, onClose }: DayPackPanelProps) {
  const { t, language } = useI18n();
  const { replica, info, staffById } = useReplica();
  const { engine, sessions } = useSync();
  const [staffId] = useStaffChoice();
  // A pack is for a day still to come: past days of the week are not offered.
  const today = localDay();
  const days = weekDays.filter((d) => d >= today);
  const [picked, setPicked] = useState<readonly string[]>(() => {
    const wanted = initialDays.filter((d) => days.includes(d));
    return wanted.length > 0 ? wanted : days.slice(0, 1);
  });
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [prepared, setPrepared] = useState(() => readPreparedDays());
  const probe = useMemo(() => openDocProbe(), []);
  useEffect(() => () => probe.close(), [probe]);

  const toggleDay = (day: string) => setPicked((list) => (list.includes(day) ? list.filter((d) => d !== day) : [...list, day].sort()));

  const start = () => {
    const court = info.court;
    if (!court || picked.length === 0) return;
    setRun({ kind: 'running', phase: 'loading' });
    const scope = scopeFor(info.staff, staffId || undefined);
    const include = packFilter(scope, judgeId);
    // The code the day needs offline comes along: the check itself, and (in web mode, where code is
    // fetched on demand) the template engine and the DOCX export of "Soạn văn bản từ mẫu".
    Promise.all([import('./prepare.js'), loadCaseTemplates(), loadDocxExport()])
      .then(([{ prepareDayPack }]) =>
        prepareDayPack({
          replica,
          probe,
          court,
          staff: info.staff,
          days: picked,
          include,
          sync: engine,
          serverConfigured: Boolean(sessions.load()?.token),
          online: navigator.onLine,
          onPhase: (phase) => setRun({ kind: 'running', phase }),
        }),
      )
      .then((pack) => {
        rememberPrepared(pack.days, pack.checkedAt, today);
        setPrepared(readPreparedDays());
        setRun({ kind: 'done', pack });
      })
      .catch((cause: unknown) => setRun({ kind: 'failed', message: cause instanceof Error ? cause.message : String(cause) }));
  };

  const busy = run.kind === 'running';
  return (
    <section className="card dayplan" aria-labelledby="dayplan-title" data-testid="dayplan">
      <div className="card-head">
        <h2 id="dayplan-title">{t('dayplan.title', { days: picked.map((d) => formatShortDate(d)).join(', ') || '…' })}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <p className="subtle">{t('dayplan.lead')}</p>
      <div className="toolbar dayplan-controls">
        <fieldset className="dayplan-days">
          <legend>{t('dayplan.pickDays')}</legend>
          {days.length === 0 ? <span className="subtle">{t('dayplan.pastWeek')}</span> : null}
          {days.map((day) => (
            <label key={day} className="check">
              <input type="checkbox" checked={picked.includes(day)} onChange={() => toggleDay(day)} data-testid={`dayplan-day-${day}`} />
              <span>
                {formatWeekday(day, language)} {formatShortDate(day).slice(0, 5)}
                {prepared[day] ? <span className="subtle"> · {t('dayplan.preparedAt', { at: formatTimestamp(prepared[day]) })}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
        {judgeId ? <span className="subtle">{t('dayplan.judgeFilter', { name: staffById.get(judgeId)?.name ?? judgeId })}</span> : <StaffSelect testId="dayplan-staff" />}
        <button type="button" className="button primary" onClick={start} disabled={busy || picked.length === 0} data-testid="dayplan-prepare">
          {t('dayplan.prepare')}
        </button>
      </div>
      <div aria-live="polite" data-testid="dayplan-status">
        {run.kind === 'running' ? <p className="subtle">{t(`dayplan.phase.${run.phase}`)}</p> : null}
        {run.kind === 'failed' ? (
          <p className="inline-error" role="alert">
            {t('dayplan.failed', { message: run.message })}
          </p>
        ) : null}
        {run.kind === 'done' ? <PackSummary pack={run.pack} /> : null}
      </div>
      {run.kind === 'done' ? (
        <ul className="dayplan-list" data-testid="dayplan-hearings">
          {run.pack.hearings.map((item) => (
            <PackHearing key={item.hearing.key} item={item} judgeName={staffById.get(item.hearing.judgeId)?.name ?? ''} showDay={run.pack.days.length > 1} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PackSummary({ pack }: { readonly pack: DayPack }) {
  const { t, language } = useI18n();
  const ready = pack.hearings.filter((h) => h.readiness.ready).length;
  return (
    <>
      <p data-testid="dayplan-sync" data-sync={pack.sync.kind}>
        {syncText(pack.sync, t, language)}
      </p>
      <p data-testid="dayplan-summary" data-ready={ready} data-total={pack.hearings.length}>
        {pack.hearings.length === 0 ? t('dayplan.noHearings') : t('dayplan.summary', { ready, total: pack.hearings.length })}
      </p>
    </>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function syncText(sync: PackSyncOutcome, t: T, language: 'vi' | 'en'): string {
  switch (sync.kind) {
    case 'synced':
      return t('dayplan.sync.synced');
    case 'skipped':
      return sync.reason === 'offline' ? t('dayplan.sync.offline') : t('dayplan.sync.signedOut');
    case 'failed': {
      const message = language === 'vi' ? sync.messageVi : (sync.messageEn ?? sync.messageVi);
      return t('dayplan.sync.failed', { message: message ?? sync.phase });
    }
  }
}

function PackHearing({ item, judgeName, showDay }: { readonly item: HearingPack; readonly judgeName: string; readonly showDay: boolean }) {
  const { t } = useI18n();
  const { hearing, readiness } = item;
  return (
    <li className={readiness.ready ? 'dayplan-item is-ready' : 'dayplan-item not-ready'} data-testid="dayplan-hearing" data-ready={String(readiness.ready)} data-case-id={hearing.caseId} data-day={hearing.day}>
      <div className="dayplan-item-head">
        <span className="nowrap">
          {showDay ? `${formatShortDate(hearing.day).slice(0, 5)} ` : ''}
          {formatTime(hearing.startsAt)}
          {hearing.room ? ` · ${hearing.room}` : ''}
        </span>
        <span>
          <strong>{hearing.acceptanceNumber}</strong> <TypeBadge type={hearing.caseType} /> {hearing.subject}
        </span>
        <span className={readiness.ready ? 'badge dayplan-ok' : 'badge dayplan-bad'} data-testid="dayplan-verdict">
          {readiness.ready ? t('dayplan.ready') : t('dayplan.notReady')}
        </span>
      </div>
      <div className="subtle">
        {hearing.partySummary}
        {judgeName ? ` · ${judgeName}` : ''}
      </div>
      <div className="subtle" data-testid="dayplan-template" data-template-id={item.minutesTemplateId ?? ''}>
        {item.minutesTemplateId ? t('dayplan.minutes', { title: item.minutesTemplateTitle ?? '', id: item.minutesTemplateId }) : t('dayplan.noMinutes')}
      </div>
      <IssueList issues={readiness.issues} />
      <button type="button" className="link-button" onClick={() => openCase(hearing.caseId)} data-testid="dayplan-open">
        {t('dayplan.open')}
      </button>
    </li>
  );
}
