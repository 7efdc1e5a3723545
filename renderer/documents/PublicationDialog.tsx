/**
 * "Bản công bố (ẩn danh)" (NQ 03/2017, CV 144): the presiding judge's review of the anonymised
 * copy. Every replacement is listed with the sentences it stands in; the judge keeps it, rejects
 * it (the original text stays in the copy) or adds what the rules missed (applied everywhere).
 * The copy beside the original, and the DOCX exported from it, follow those decisions. The
 * reasons the case data gives not to publish are shown as a warning; the decision itself is
 * recorded on the case (renderer/publication/). The anonymiser is loaded on demand.
 *
 * The decisions are the caller's (renderer/publication/PublicationReview.tsx keeps them on the
 * case, per source document); this dialog shows them, says which document the copy is made from,
 * and lists a kept decision whose original left the text as "không còn trong văn bản".
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { removeStoredAddition, removeStoredRejection, setRejected, type StoredDecisions } from '../../shared/anonymise/stored-decisions.js';
import type { ReviewLine } from '../../shared/anonymise/review.js';
import type { PartyInput } from '../../shared/anonymise/model.js';
import { NOT_PUBLISH_REASON_INFO, type NotPublishReason } from '../../shared/publication/reasons.js';
import type { DocNode } from '../../shared/templates/model.js';
import { Dialog } from '../components/Dialog.js';
import { useI18n } from '../i18n/language.js';
import { AddReplacementForm } from './AddReplacementForm.js';
import { DocView } from './DocView.js';
import { ExportStatus, type ExportState } from './ExportStatus.js';
import { loadPublicationCopy } from './loaders.js';
import type * as PublicationCopy from './publication-copy.js';
import { ReviewList } from './ReviewList.js';

/** Two columns when each can be ~420px wide, one otherwise. */
const SIDE_BY_SIDE: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))', gap: '0.8rem' };

type Engine = typeof PublicationCopy;

export interface PublicationDialogProps {
  readonly title: string;
  readonly doc: DocNode;
  readonly parties: readonly PartyInput[];
  readonly reasons: readonly NotPublishReason[];
  readonly exportState: ExportState;
  /** The judge's decisions for this source (controlled: the caller keeps them). */
  readonly decisions: StoredDecisions;
  readonly onDecisions: (next: StoredDecisions) => void;
  readonly onExport: (anonymised: DocNode) => void;
  /** Which document the copy is made from, and the choice among several (rendered by the caller). */
  readonly source?: ReactNode;
  /** Whether the decisions are saved, or why not. */
  readonly saveNote?: ReactNode;
  /** Extra footer buttons (export the decisions, the signed original). */
  readonly actions?: ReactNode;
  readonly onClose: () => void;
}

export function PublicationDialog({ title, doc, parties, reasons, exportState, decisions, onDecisions, onExport, source, saveNote, actions, onClose }: PublicationDialogProps) {
  const { t, label } = useI18n();
  const [engine, setEngine] = useState<Engine | { readonly error: string } | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  // The shared Dialog is at most 760px wide; two pages side by side need the window's width.
  useLayoutEffect(() => {
    bodyRef.current?.closest('dialog')?.style.setProperty('width', 'min(1400px, 96vw)');
  }, []);

  useEffect(() => {
    let cancelled = false;
    loadPublicationCopy()
      .then((module) => {
        if (!cancelled) setEngine(module);
      })
      .catch((cause: unknown) => {
        if (!cancelled) setEngine({ error: String(cause) });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const ready = engine !== null && 'reviewDoc' in engine ? engine : null;
  // Re-run on every decision: a 50-page judgment anonymises in well under the 200 ms budget, and
  // a re-run is what keeps every mention consistent (docs/DOCX.md, "Review").
  const reviewed = useMemo(() => (ready ? ready.reviewDocStored(doc, parties, decisions) : null), [ready, doc, parties, decisions]);
  const contextsOf = useCallback((line: ReviewLine) => (ready ? ready.mentionContexts(doc, line.positions) : []), [ready, doc]);
  const counts = useMemo(() => {
    const lines = reviewed?.lines ?? [];
    return {
      accepted: lines.filter((l) => l.status === 'accepted').length,
      rejected: lines.filter((l) => l.status === 'rejected').length,
      added: lines.filter((l) => l.status === 'added').length,
      stale: lines.filter((l) => l.status === 'stale').length,
    };
  }, [reviewed]);

  return (
    <Dialog
      title={t('documents.publicationTitle', { title })}
      onClose={onClose}
      wide
      testId="publication-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          {actions}
          <button
            type="button"
            className="button primary"
            disabled={!reviewed || exportState.kind === 'busy'}
            onClick={() => reviewed && onExport(reviewed.copy.doc)}
            data-testid="publication-export"
          >
            {t('documents.exportPublication')}
          </button>
        </>
      }
    >
      <div ref={bodyRef} style={{ display: 'flex', flexDirection: 'column', gap: '0.6rem' }}>
        {source}
        <p className="banner banner-info" data-testid="publication-deadline">
          {t('documents.deadline')}
        </p>
        {reasons.length > 0 ? (
          <div className="banner banner-warning" role="alert" data-testid="publication-blocked">
            {t('documents.notPublished')} {reasons.map((r) => label(NOT_PUBLISH_REASON_INFO[r].label)).join('; ')}.
          </div>
        ) : null}
        {exportState.kind !== 'idle' ? <ExportStatus state={exportState} /> : null}
        {engine === null ? (
          <p className="subtle" role="status">
            {t('documents.preparing')}
          </p>
        ) : null}
        {engine !== null && 'error' in engine ? (
          <p className="inline-error" role="alert">
            {t('documents.loadFailed', { message: engine.error })}
          </p>
        ) : null}
        {reviewed ? (
          <>
            <section aria-labelledby="replacements-title">
              <h3 id="replacements-title" className="section-title">
                {t('documents.replacements', { count: reviewed.lines.length })}
              </h3>
              <p className="subtle">{t('publication.review.hint')}</p>
              <p className="subtle" data-testid="publication-summary">
                {t('publication.summary', counts)}
              </p>
              {saveNote}
              {reviewed.lines.length === 0 ? (
                <p className="empty-small">{t('documents.noReplacements')}</p>
              ) : (
                <ReviewList
                  lines={reviewed.lines}
                  contextsOf={contextsOf}
                  onReject={(line, rejected) => onDecisions(setRejected(decisions, line, rejected))}
                  onRemoveAdded={(line) => onDecisions(removeStoredAddition(decisions, line.original))}
                  onRemoveStale={(line) => onDecisions(removeStale(decisions, line))}
                />
              )}
              <AddReplacementForm decisions={{ rejected: [], added: decisions.added }} onChange={(next) => onDecisions({ ...decisions, added: next.added })} />
            </section>
            <div style={SIDE_BY_SIDE}>
              <section aria-label={t('documents.original')}>
                <h3 className="section-title">{t('documents.original')}</h3>
                <DocView doc={doc} testId="publication-original" />
              </section>
              <section aria-label={t('documents.anonymised')}>
                <h3 className="section-title">{t('documents.anonymised')}</h3>
                <DocView doc={reviewed.copy.doc} testId="publication-anonymised" />
              </section>
            </div>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}

/**
 * A stale line is an addition whose original left the text (its key is the added line's,
 * review.ts) or a kept rejection that no proposal matches (`stale\u0000kind\u0000original`; an
 * empty kind: a hand-written rejection of any kind).
 */
function removeStale(decisions: StoredDecisions, line: ReviewLine): StoredDecisions {
  const [head, kind] = line.key.split('\u0000');
  if (head === 'added') return removeStoredAddition(decisions, line.original);
  return removeStoredRejection(decisions, { original: line.original, ...(kind ? { kind: line.kind } : {}) });
}
