/** The register's filters: type toggles, statuses, judge, acceptance dates and sort. */
import { CASE_STATUSES, CASE_STATUS_LABELS, CASE_TYPES, CASE_TYPE_LABELS, type CaseStatus, type CaseType } from '../../../shared/domain/vocabulary.js';
import type { CaseSort } from '../../replica/types.js';
import { useI18n } from '../../i18n/language.js';
import { useReplica } from '../../app/replica-context.js';
import { CASE_SORTS, EMPTY_REGISTER_QUERY, hasFilters, type RegisterQuery } from './filters.js';
import type { MessageKey } from '../../i18n/vi.js';

const SORT_LABELS: Record<CaseSort, MessageKey> = {
  numberDesc: 'register.sort.numberDesc',
  numberAsc: 'register.sort.numberAsc',
  nextHearing: 'register.sort.nextHearing',
  updatedDesc: 'register.sort.updatedDesc',
};

function toggle<T>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return order.filter((v) => next.includes(v));
}

export function FilterBar({ query, onChange }: { readonly query: RegisterQuery; readonly onChange: (patch: Partial<RegisterQuery>) => void }) {
  const { t, label } = useI18n();
  const { judges } = useReplica();
  return (
    <div className="filter-bar" role="group" aria-label={t('register.filters')}>
      <fieldset className="filter-types">
        <legend>{t('register.type')}</legend>
        {CASE_TYPES.map((type: CaseType) => (
          <button
            key={type}
            type="button"
            className="chip"
            aria-pressed={query.types.includes(type)}
            title={label(CASE_TYPE_LABELS[type])}
            onClick={() => onChange({ types: toggle(query.types, type, CASE_TYPES) })}
          >
            {type}
          </button>
        ))}
      </fieldset>
      <details className="filter-status">
        <summary>
          {t('register.status')}
          {query.statuses.length ? ` (${query.statuses.length})` : ''}
        </summary>
        <div className="popover" role="group" aria-label={t('register.status')}>
          {CASE_STATUSES.map((status: CaseStatus) => (
            <label key={status} className="check">
              <input
                type="checkbox"
                checked={query.statuses.includes(status)}
                onChange={() => onChange({ statuses: toggle(query.statuses, status, CASE_STATUSES) })}
              />
              {label(CASE_STATUS_LABELS[status])}
            </label>
          ))}
        </div>
      </details>
      <label className="field-inline">
        <span>{t('register.judge')}</span>
        <select value={query.judgeId} onChange={(e) => onChange({ judgeId: e.target.value })}>
          <option value="">{t('register.allJudges')}</option>
          {judges.map((judge) => (
            <option key={judge.id} value={judge.id}>
              {judge.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('register.acceptedFrom')}</span>
        <input type="date" value={query.acceptedFrom} onChange={(e) => onChange({ acceptedFrom: e.target.value })} />
      </label>
      <label className="field-inline">
        <span>{t('register.acceptedTo')}</span>
        <input type="date" value={query.acceptedTo} onChange={(e) => onChange({ acceptedTo: e.target.value })} />
      </label>
      <label className="field-inline">
        <span>{t('register.sort')}</span>
        <select value={query.sort} onChange={(e) => onChange({ sort: e.target.value as CaseSort })}>
          {CASE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(SORT_LABELS[sort])}
            </option>
          ))}
        </select>
      </label>
      {hasFilters(query) ? (
        <button type="button" className="button small" onClick={() => onChange({ ...EMPTY_REGISTER_QUERY, query: query.query, sort: query.sort })}>
          {t('common.clear')}
        </button>
      ) : null}
    </div>
  );
}
