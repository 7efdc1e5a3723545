/** Small labelled badges for case types and statuses; colour is never the only signal (text too). */
import {
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  DOCUMENT_STATUS_LABELS,
  HEARING_STATUS_LABELS,
  type CaseStatus,
  type CaseType,
  type DocumentStatus,
  type HearingStatus,
} from '../../shared/domain/vocabulary.js';
import { useI18n } from '../i18n/language.js';

/** Case-type code (as printed in numbers) with the full label as a tooltip and for screen readers. */
export function TypeBadge({ type }: { readonly type: CaseType }) {
  const { label } = useI18n();
  const full = label(CASE_TYPE_LABELS[type]);
  return (
    <span className={`badge badge-type type-${typeClass(type)}`} title={full} aria-label={full}>
      {type}
    </span>
  );
}

export function CaseStatusBadge({ status }: { readonly status: CaseStatus }) {
  const { label } = useI18n();
  return <span className={`badge badge-status status-${status}`}>{label(CASE_STATUS_LABELS[status])}</span>;
}

export function HearingStatusBadge({ status }: { readonly status: HearingStatus }) {
  const { label } = useI18n();
  return <span className={`badge badge-hearing hearing-${status}`}>{label(HEARING_STATUS_LABELS[status])}</span>;
}

export function DocumentStatusBadge({ status }: { readonly status: DocumentStatus }) {
  const { label } = useI18n();
  // The case file shows document states in lower case, as clerks write them ("nháp", "đã ký").
  return <span className={`badge badge-doc doc-${status}`}>{label(DOCUMENT_STATUS_LABELS[status]).toLocaleLowerCase('vi')}</span>;
}

/** CSS class names must be ASCII: HNGĐ → hngd, LĐ → ld. */
function typeClass(type: CaseType): string {
  return type.replace('Đ', 'D').toLowerCase();
}
