/**
 * The review lines of the publication copy: each proposed or added replacement with its kind, how
 * many mentions it covers and the sentence around each one (the judge decides on a name where it
 * stands, not as a bare string). A proposal can be rejected (the mentions keep the original text)
 * and accepted again; an added line can be removed. Rejected lines stay listed, struck through.
 * A kept decision whose original left the text (stale) says so and can be removed; it is not applied.
 */
import type { ReactNode } from 'react';
import type { MentionContext } from '../../shared/anonymise/context.js';
import type { ReviewLine, ReviewStatus } from '../../shared/anonymise/review.js';
import type { ReplacementKind } from '../../shared/anonymise/model.js';
import { useI18n } from '../i18n/language.js';
import type { MessageKey } from '../i18n/vi.js';

const KIND_KEYS: Record<ReplacementKind, MessageKey> = {
  person: 'documents.kind.person',
  personShort: 'documents.kind.personShort',
  organisation: 'documents.kind.organisation',
  address: 'documents.kind.address',
  idNumber: 'documents.kind.idNumber',
  passport: 'documents.kind.passport',
  phone: 'documents.kind.phone',
  bankAccount: 'documents.kind.bankAccount',
  plate: 'documents.kind.plate',
  email: 'documents.kind.email',
  manual: 'publication.kind.manual',
};

const STATUS_KEYS: Record<ReviewStatus, MessageKey> = {
  accepted: 'publication.status.accepted',
  rejected: 'publication.status.rejected',
  added: 'publication.status.added',
  stale: 'publication.status.stale',
};

/** Mentions shown before the "show all" fold. */
const SHOWN = 2;

function Context({ context }: { readonly context: MentionContext }) {
  return (
    <li data-testid="replacement-context">
      {context.before}
      <mark>{context.mention}</mark>
      {context.after}
    </li>
  );
}

function Contexts({ contexts }: { readonly contexts: readonly MentionContext[] }): ReactNode {
  const { t } = useI18n();
  if (contexts.length === 0) return <span className="subtle">{t('publication.noMention')}</span>;
  const list = (items: readonly MentionContext[], from: number) => (
    <ul className="mention-list" style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {items.map((c, i) => (
        <Context key={`${c.at}:${from + i}`} context={c} />
      ))}
    </ul>
  );
  if (contexts.length <= SHOWN) return list(contexts, 0);
  return (
    <>
      {list(contexts.slice(0, SHOWN), 0)}
      <details>
        <summary>{t('publication.moreMentions', { count: contexts.length })}</summary>
        {list(contexts.slice(SHOWN), SHOWN)}
      </details>
    </>
  );
}

export interface ReviewListProps {
  readonly lines: readonly ReviewLine[];
  readonly contextsOf: (line: ReviewLine) => readonly MentionContext[];
  readonly onReject: (line: ReviewLine, rejected: boolean) => void;
  readonly onRemoveAdded: (line: ReviewLine) => void;
  readonly onRemoveStale: (line: ReviewLine) => void;
}

export function ReviewList({ lines, contextsOf, onReject, onRemoveAdded, onRemoveStale }: ReviewListProps) {
  const { t } = useI18n();
  return (
    <table className="table" data-testid="replacements">
      <thead>
        <tr>
          <th scope="col">{t('publication.col.decision')}</th>
          <th scope="col">{t('documents.col.original')}</th>
          <th scope="col">{t('documents.col.replacement')}</th>
          <th scope="col">{t('documents.col.kind')}</th>
          <th scope="col">{t('documents.col.count')}</th>
          <th scope="col">{t('publication.col.context')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const rejected = line.status === 'rejected';
          return (
            <tr key={line.key} data-testid="replacement-row" data-kind={line.kind} data-status={line.status} data-original={line.original}>
              <td>
                {line.status === 'stale' ? (
                  <>
                    <span className="nowrap">{t(STATUS_KEYS.stale)}</span>{' '}
                    <button type="button" className="button small" onClick={() => onRemoveStale(line)} data-testid="replacement-remove-stale">
                      {t('publication.removeStale')}
                    </button>
                  </>
                ) : line.status === 'added' ? (
                  <button type="button" className="button small" onClick={() => onRemoveAdded(line)} data-testid="replacement-remove">
                    {t('publication.removeAdded')}
                  </button>
                ) : (
                  <label className="nowrap">
                    <input
                      type="checkbox"
                      checked={!rejected}
                      onChange={(e) => onReject(line, !e.target.checked)}
                      aria-label={`${rejected ? t('publication.accept') : t('publication.reject')}: ${line.original}`}
                      data-testid="replacement-toggle"
                    />{' '}
                    {t(STATUS_KEYS[line.status])}
                  </label>
                )}
              </td>
              <td style={rejected || line.status === 'stale' ? undefined : { textDecoration: 'line-through' }}>{line.original}</td>
              <td style={rejected ? { textDecoration: 'line-through' } : undefined}>{line.replacement}</td>
              <td>{t(KIND_KEYS[line.kind])}</td>
              <td>{line.count}</td>
              <td>{line.status === 'stale' ? <span className="subtle">{t('publication.stale.hint', { original: line.original })}</span> : <Contexts contexts={contextsOf(line)} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
