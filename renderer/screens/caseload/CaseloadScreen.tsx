/**
 * Số liệu: the caseload of the chosen judge, clerk or the whole court, computed from the local
 * replica (shared/caseload): open cases by type and stage, hearings this week and this month,
 * limits already passed, documents awaiting signature; two charts; each table exported as CSV
 * (UTF-8 with BOM, for Excel) and all of them as one XLSX workbook, saved through the bridge.
 */
import { useEffect, useMemo, useState } from 'react';
import { computeCaseload, OPEN_STATUSES, type Caseload } from '../../../shared/caseload/aggregate.js';
import { tableToCsvBytes } from '../../../shared/caseload/csv.js';
import { scopeFor } from '../../../shared/caseload/scope.js';
import { caseloadTables, type TableLabels } from '../../../shared/caseload/tables.js';
import type { FigureTable } from '../../../shared/caseload/table.js';
import { buildXlsx } from '../../../shared/caseload/xlsx.js';
import { CASE_STATUS_LABELS, CASE_TYPE_LABELS, CASE_TYPES } from '../../../shared/domain/vocabulary.js';
import { useReplica } from '../../app/replica-context.js';
import { bridge } from '../../bridge/index.js';
import { loadScopedCases } from '../../dayplan/scoped-cases.js';
import { StaffSelect } from '../../dayplan/StaffSelect.js';
import { useStaffChoice } from '../../dayplan/staff-choice.js';
import { addDays, formatShortDate, formatWeekday, localDay } from '../../i18n/dates.js';
import { useI18n } from '../../i18n/language.js';
import { useDeadlineTables } from '../../packs/deadline-tables.js';
import { BarChart } from './charts.js';
import { exportFileName } from './file-name.js';
import '../../dayplan/dayplan.css';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly figures: Caseload; readonly unreadable: number };

type Saved = { readonly kind: 'idle' } | { readonly kind: 'saved'; readonly name: string } | { readonly kind: 'failed'; readonly message: string };

export default function CaseloadScreen() {
  const { t, label, language, count } = useI18n();
  const { replica, info, staffById } = useReplica();
  const [staffId] = useStaffChoice();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [saved, setSaved] = useState<Saved>({ kind: 'idle' });
  const [version, setVersion] = useState(0);
  const today = localDay();
  const deadlineTables = useDeadlineTables();
  useEffect(() => replica.subscribe(() => setVersion((v) => v + 1)), [replica]);

  useEffect(() => {
    let cancelled = false;
    // A reload keeps showing the previous figures until the new ones are ready.
    loadScopedCases(replica, scopeFor(info.staff, staffId || undefined)).then(
      ({ cases, unreadable }) => {
        if (!cancelled) setLoad({ kind: 'ready', figures: computeCaseload(cases, { today, scope: scopeFor(info.staff, staffId || undefined), tables: deadlineTables }), unreadable: unreadable.length });
      },
      (cause: unknown) => {
        if (!cancelled) setLoad({ kind: 'failed', message: cause instanceof Error ? cause.message : String(cause) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [replica, info.staff, staffId, today, version, deadlineTables]);

  const labels = useMemo<TableLabels>(
    () => ({
      language,
      open: { title: t('dayplan.caseload.open.title'), type: t('dayplan.caseload.open.type'), total: t('dayplan.caseload.total') },
      hearings: { title: t('dayplan.caseload.hearings.title'), period: t('dayplan.caseload.hearings.period'), count: t('dayplan.caseload.hearings.count'), week: t('dayplan.caseload.hearings.week'), month: t('dayplan.caseload.hearings.month') },
      overdue: { title: t('dayplan.caseload.overdue.title'), number: t('dayplan.caseload.col.number'), type: t('dayplan.caseload.col.type'), limit: t('dayplan.caseload.overdue.limit'), due: t('dayplan.caseload.overdue.due'), days: t('dayplan.caseload.overdue.days'), judge: t('dayplan.caseload.col.judge') },
      awaiting: { title: t('dayplan.caseload.awaiting.title'), number: t('dayplan.caseload.col.number'), document: t('dayplan.caseload.awaiting.document'), kind: t('dayplan.caseload.awaiting.kind'), updated: t('dayplan.caseload.awaiting.updated'), judge: t('dayplan.caseload.col.judge') },
      weekdays: Array.from({ length: 7 }, (_, i) => formatWeekday(addDays('2024-01-01', i), language)),
    }),
    [t, language],
  );
  const tables = useMemo(() => (load.kind === 'ready' ? caseloadTables(load.figures, labels, (id) => (id ? (staffById.get(id)?.name ?? '') : '')) : []), [load, labels, staffById]);
  const whose = staffId ? (staffById.get(staffId)?.name ?? staffId) : t('dayplan.staff.court');

  const save = (name: string, bytes: Uint8Array, filter: { name: string; extensions: string[] }) => {
    setSaved({ kind: 'idle' });
    bridge.saveFile(name, bytes, [filter]).then(
      (outcome) => {
        if (outcome.saved) setSaved({ kind: 'saved', name });
        else if (outcome.messageVi) setSaved({ kind: 'failed', message: language === 'vi' ? outcome.messageVi : (outcome.messageEn ?? outcome.messageVi) });
      },
      (cause: unknown) => setSaved({ kind: 'failed', message: String(cause) }),
    );
  };
  const saveCsv = (table: FigureTable) => save(exportFileName(table.title, whose, today, 'csv'), tableToCsvBytes(table), { name: 'CSV', extensions: ['csv'] });
  const saveXlsx = () => save(exportFileName(t('dayplan.nav.caseload'), whose, today, 'xlsx'), buildXlsx(tables), { name: 'Excel', extensions: ['xlsx'] });

  return (
    <section className="screen caseload" aria-labelledby="caseload-title" data-testid="caseload">
      <div className="screen-head">
        <div>
          <h1 id="caseload-title">{t('dayplan.caseload.title')}</h1>
          <p className="subtle">{t('dayplan.caseload.lead', { whose, date: formatShortDate(today) })}</p>
        </div>
        <div className="toolbar">
          <StaffSelect testId="caseload-staff" />
          <button type="button" className="button primary" onClick={saveXlsx} disabled={tables.length === 0} data-testid="caseload-xlsx">
            {t('dayplan.caseload.exportXlsx')}
          </button>
        </div>
      </div>
      <div aria-live="polite" data-testid="caseload-status">
        {load.kind === 'loading' ? <p className="subtle">{t('dayplan.caseload.loading')}</p> : null}
        {load.kind === 'failed' ? (
          <p className="inline-error" role="alert">
            {t('dayplan.caseload.failed', { message: load.message })}
          </p>
        ) : null}
        {load.kind === 'ready' && load.unreadable > 0 ? <p className="inline-error">{t('dayplan.caseload.unreadable', { count: load.unreadable })}</p> : null}
        {saved.kind === 'saved' ? <p className="subtle">{t('dayplan.caseload.saved', { name: saved.name })}</p> : null}
        {saved.kind === 'failed' ? (
          <p className="inline-error" role="alert">
            {saved.message}
          </p>
        ) : null}
      </div>
      {load.kind === 'ready' ? (
        <>
          <div className="summary-cards" data-testid="caseload-summary">
            <Summary value={count(load.figures.openCases)} label={t('dayplan.caseload.summary.open')} testId="caseload-open" />
            <Summary value={count(load.figures.hearingsThisWeek)} label={t('dayplan.caseload.summary.week')} testId="caseload-week" />
            <Summary value={count(load.figures.hearingsThisMonth)} label={t('dayplan.caseload.summary.month')} testId="caseload-month" />
            <Summary value={count(load.figures.overdue.length)} label={t('dayplan.caseload.summary.overdue')} testId="caseload-overdue" />
            <Summary value={count(load.figures.awaitingSignature.length)} label={t('dayplan.caseload.summary.awaiting')} testId="caseload-awaiting" />
          </div>
          <div className="caseload-grid">
            <section className="card" aria-labelledby="chart-open-title">
              <h2 id="chart-open-title">{t('dayplan.caseload.open.title')}</h2>
              <BarChart
                testId="chart-open"
                title={t('dayplan.caseload.open.title')}
                stacked
                labels={CASE_TYPES.filter((ct) => load.figures.openByType[ct] > 0).map((ct) => ct)}
                series={OPEN_STATUSES.filter((s) => load.figures.openByStage[s] > 0).map((s) => ({
                  label: label(CASE_STATUS_LABELS[s]),
                  values: CASE_TYPES.filter((ct) => load.figures.openByType[ct] > 0).map((ct) => load.figures.byTypeAndStage[ct][s]),
                }))}
              />
              <p className="subtle">{CASE_TYPES.filter((ct) => load.figures.openByType[ct] > 0).map((ct) => `${ct}: ${label(CASE_TYPE_LABELS[ct])}`).join(' · ')}</p>
            </section>
            <section className="card" aria-labelledby="chart-week-title">
              <h2 id="chart-week-title">{t('dayplan.caseload.hearings.chart')}</h2>
              <BarChart
                testId="chart-week"
                title={t('dayplan.caseload.hearings.chart')}
                stacked={false}
                labels={load.figures.hearingsByDay.map((d) => `${formatWeekday(d.day, language)} ${formatShortDate(d.day).slice(0, 5)}`)}
                series={[{ label: t('dayplan.caseload.hearings.count'), values: load.figures.hearingsByDay.map((d) => d.count) }]}
              />
            </section>
          </div>
          {tables.map((table) => (
            <FigureTableCard key={table.id} table={table} onCsv={() => saveCsv(table)} />
          ))}
        </>
      ) : null}
    </section>
  );
}

function Summary({ value, label, testId }: { readonly value: string; readonly label: string; readonly testId: string }) {
  return (
    <div className="summary-card">
      <span className="summary-value" data-testid={testId}>
        {value}
      </span>
      <span className="summary-label">{label}</span>
    </div>
  );
}

const SHOWN_ROWS = 50;

function FigureTableCard({ table, onCsv }: { readonly table: FigureTable; readonly onCsv: () => void }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const rows = all ? table.rows : table.rows.slice(0, SHOWN_ROWS);
  return (
    <section className="card" aria-labelledby={`table-${table.id}`} data-testid={`caseload-table-${table.id}`}>
      <div className="card-head">
        <h2 id={`table-${table.id}`}>{table.title}</h2>
        <button type="button" className="button" onClick={onCsv} data-testid={`caseload-csv-${table.id}`}>
          {t('dayplan.caseload.exportCsv')}
        </button>
      </div>
      {table.rows.length === 0 ? (
        <p className="empty-small">{t('dayplan.caseload.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              {table.header.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table.rows.length > SHOWN_ROWS ? (
        <button type="button" className="link-button" onClick={() => setAll((v) => !v)}>
          {all ? t('dayplan.caseload.fewer') : t('dayplan.caseload.all', { count: table.rows.length })}
        </button>
      ) : null}
    </section>
  );
}
