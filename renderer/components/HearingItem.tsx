/**
 * One hearing in the calendar or on Hôm nay: time, room, case number, subject, parties, judge,
 * status. A real button, so Tab reaches it and Enter opens the case.
 */
import type { HearingRow } from '../replica/types.js';
import { HEARING_KIND_LABELS } from '../../shared/domain/vocabulary.js';
import { useI18n } from '../i18n/language.js';
import { formatTime } from '../i18n/dates.js';
import { openCase } from '../app/navigation.js';
import { HearingStatusBadge, TypeBadge } from './Badges.js';

export function HearingItem({ hearing, judgeName, compact }: { readonly hearing: HearingRow; readonly judgeName: string; readonly compact?: boolean }) {
  const { t, label } = useI18n();
  return (
    <button
      type="button"
      className={`hearing-item hearing-${hearing.status}${compact ? ' compact' : ''}`}
      data-testid="hearing-item"
      onClick={() => openCase(hearing.caseId)}
    >
      <span className="hearing-when">
        <span className="hearing-time">{formatTime(hearing.startsAt)}</span>
        <span className="hearing-room">{hearing.room ? `${t('hearing.room')} ${hearing.room.replace(/^Phòng\s+/i, '')}` : t('hearing.noRoom')}</span>
      </span>
      <span className="hearing-what">
        <span className="hearing-number">
          {hearing.acceptanceNumber} <TypeBadge type={hearing.caseType} />
        </span>
        <span className="hearing-subject">{hearing.subject}</span>
        <span className="hearing-parties">{hearing.partySummary}</span>
        <span className="hearing-meta">
          {label(HEARING_KIND_LABELS[hearing.kind])}
          {judgeName ? ` · ${judgeName}` : ''}
        </span>
      </span>
      <span className="hearing-status">
        <HearingStatusBadge status={hearing.status} />
      </span>
    </button>
  );
}
