/**
 * "Bản công bố (ẩn danh)" (NQ 03/2017, CV 144): the judgment and its anonymised copy side by side
 * (stacked when the window is narrow), every replacement listed for the presiding judge's review,
 * the 30-day publication rule, a warning when Art. 4 bars publication, and the export of the copy.
 * The anonymiser is loaded on demand.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { AnonymisedDoc } from '../../shared/anonymise/index.js';
import type { PartyInput, ReplacementKind } from '../../shared/anonymise/model.js';
import type { DocNode } from '../../shared/templates/model.js';
import { Dialog } from '../components/Dialog.js';
import { useI18n } from '../i18n/language.js';
import type { MessageKey } from '../i18n/vi.js';
import { DocView } from './DocView.js';
import { ExportStatus, type ExportState } from './ExportStatus.js';
import { loadPublicationCopy } from './loaders.js';
import type { NotPublishedReason } from './publication.js';

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
};

const REASON_KEYS: Record<NotPublishedReason, MessageKey> = {
  closedHearing: 'documents.reason.closedHearing',
  minor: 'documents.reason.minor',
};

/** Two columns when each can be ~420px wide, one otherwise. */
const SIDE_BY_SIDE: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))', gap: '0.8rem' };

export interface PublicationDialogProps {
  readonly title: string;
  readonly doc: DocNode;
  readonly parties: readonly PartyInput[];
  readonly reasons: readonly NotPublishedReason[];
  readonly exportState: ExportState;
  readonly onExport: (anonymised: DocNode) => void;
  readonly onClose: () => void;
}

export function PublicationDialog({ title, doc, parties, reasons, exportState, onExport, onClose }: PublicationDialogProps) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<AnonymisedDoc | { readonly error: string } | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  // The shared Dialog is at most 760px wide; two pages side by side need the window's width.
  useLayoutEffect(() => {
    bodyRef.current?.closest('dialog')?.style.setProperty('width', 'min(1400px, 96vw)');
  }, []);

  useEffect(() => {
    let cancelled = false;
    loadPublicationCopy()
      .then(({ publicationCopy }) => {
        if (!cancelled) setCopy(publicationCopy(doc, parties));
      })
      .catch((cause: unknown) => {
        if (!cancelled) setCopy({ error: String(cause) });
      });
    return () => {
      cancelled = true;
    };
  }, [doc, parties]);

  const ready = copy !== null && 'doc' in copy ? copy : null;
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
          <button
            type="button"
            className="button primary"
            disabled={!ready || exportState.kind === 'busy'}
            onClick={() => ready && onExport(ready.doc)}
            data-testid="publication-export"
          >
            {t('documents.exportPublication')}
          </button>
        </>
      }
    >
      <div ref={bodyRef} style={{ display: 'flex', flexDirection: 'column', gap: '0.6rem' }}>
        <p className="banner banner-info" data-testid="publication-deadline">
          {t('documents.deadline')}
        </p>
        {reasons.length > 0 ? (
          <div className="banner banner-warning" role="alert" data-testid="publication-blocked">
            {t('documents.notPublished')}{' '}
            {reasons.map((r) => t(REASON_KEYS[r])).join('; ')}.
          </div>
        ) : null}
        {exportState.kind !== 'idle' ? <ExportStatus state={exportState} /> : null}
        {copy === null ? (
          <p className="subtle" role="status">
            {t('documents.preparing')}
          </p>
        ) : null}
        {copy !== null && 'error' in copy ? (
          <p className="inline-error" role="alert">
            {t('documents.loadFailed', { message: copy.error })}
          </p>
        ) : null}
        {ready ? (
          <>
            <section aria-labelledby="replacements-title">
              <h3 id="replacements-title" className="section-title">
                {t('documents.replacements', { count: ready.replacements.length })}
              </h3>
              {ready.replacements.length === 0 ? (
                <p className="empty-small">{t('documents.noReplacements')}</p>
              ) : (
                <table className="table" data-testid="replacements">
                  <thead>
                    <tr>
                      <th scope="col">{t('documents.col.original')}</th>
                      <th scope="col">{t('documents.col.replacement')}</th>
                      <th scope="col">{t('documents.col.kind')}</th>
                      <th scope="col">{t('documents.col.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ready.replacements.map((r) => (
                      <tr key={`${r.kind}|${r.original}|${r.replacement}`} data-testid="replacement-row" data-kind={r.kind}>
                        <td>{r.original}</td>
                        <td>{r.replacement}</td>
                        <td>{t(KIND_KEYS[r.kind])}</td>
                        <td>{r.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <div style={SIDE_BY_SIDE}>
              <section aria-label={t('documents.original')}>
                <h3 className="section-title">{t('documents.original')}</h3>
                <DocView doc={doc} testId="publication-original" />
              </section>
              <section aria-label={t('documents.anonymised')}>
                <h3 className="section-title">{t('documents.anonymised')}</h3>
                <DocView doc={ready.doc} testId="publication-anonymised" />
              </section>
            </div>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
