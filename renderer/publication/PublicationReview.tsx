/**
 * The publication copy of a case's judgment, end to end (issue #6): which text it is made from, the
 * judge's review kept on the case, and the exports.
 *
 * - Source: a judgment drafted in the editor when the case has one on this device, finalised ones
 *   first (their *signed* content); otherwise the judgment template rendered from the case. The
 *   dialog says which, and offers the others when there are several.
 * - Decisions: kept per case and source in `Case.publicationReviews` (shared/anonymise/
 *   review-record.ts) through the validated case mutation, so reopening the review, reloading, or
 *   another judge after a sync shows the same decisions. A save arriving from elsewhere replaces
 *   what is shown unless it is what this dialog itself saved.
 * - Exports: the anonymised DOCX (for a signed source it names the signed content's SHA-256), the
 *   signed original with its signature note, and the decisions as JSON for `npm run anonymize --
 *   --decisions`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { decisionsFile, sourceKey, type PublicationSource } from '../../shared/anonymise/review-record.js';
import { NO_STORED_DECISIONS, sameStoredDecisions, type StoredDecisions } from '../../shared/anonymise/stored-decisions.js';
import { recordPublicationReview } from '../../shared/domain/case-mutations.js';
import type { Case, StaffMember } from '../../shared/domain/schemas.js';
import type { DocxMeta } from '../../shared/docx/index.js';
import { suggestedNotPublishReasons } from '../../shared/publication/status.js';
import type { DocNode } from '../../shared/templates/model.js';
import { bridge } from '../bridge/index.js';
import { anonymiserParties } from '../documents/anonymiser-parties.js';
import { exportDocument } from '../documents/export-document.js';
import type { ExportState } from '../documents/ExportStatus.js';
import { documentFileName } from '../documents/file-name.js';
import { PublicationDialog } from '../documents/PublicationDialog.js';
import { formatTimestamp } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';
import { useEdit } from '../screens/case/useEdit.js';
import { useSync } from '../sync/ui/SyncProvider.js';
import { loadPublicationSources } from './loaders.js';
import type { DocumentSource } from './publication-source.js';

interface TemplateSource {
  readonly kind: 'template';
  readonly templateId: string;
  readonly title: string;
  readonly doc: DocNode;
}

type Source = DocumentSource | TemplateSource;

type Sources = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly list: readonly Source[]; readonly failures: readonly string[] };

export interface PublicationReviewProps {
  readonly caseData: Case;
  readonly courtName: string;
  readonly staff: readonly StaffMember[];
  /** The judgment template the button belongs to, rendered from the case (the fallback source). */
  readonly template: { readonly id: string; readonly title: string; readonly doc: DocNode | undefined };
  /** The official number the case gives the judgment (when the document carries none). */
  readonly number?: string | undefined;
  readonly onClose: () => void;
}

const recordSource = (source: Source): PublicationSource =>
  source.kind === 'document'
    ? { kind: 'document', id: source.documentId, title: source.title, ...(source.signed ? { contentHash: source.signed.contentHash } : {}) }
    : { kind: 'template', id: source.templateId, title: source.title };

const decisionsOf = (review: StoredDecisions | undefined): StoredDecisions => (review ? { rejected: review.rejected, added: review.added } : NO_STORED_DECISIONS);

export function PublicationReview({ caseData, courtName, staff, template, number, onClose }: PublicationReviewProps) {
  const { t, language } = useI18n();
  const runEdit = useEdit(caseData.id);
  const { sessions } = useSync();
  const [sources, setSources] = useState<Sources>({ kind: 'loading' });
  const [chosen, setChosen] = useState(0);
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const fallback: Source[] = template.doc ? [{ kind: 'template', templateId: template.id, title: template.title, doc: template.doc }] : [];
    loadPublicationSources()
      .then((module) => module.judgmentSources(caseData))
      .then(
        (found) => {
          if (!cancelled) setSources({ kind: 'ready', list: [...found.sources, ...fallback], failures: found.failures.map((f) => (language === 'vi' ? f.messageVi : f.messageEn)) });
        },
        (cause: unknown) => {
          if (!cancelled) setSources({ kind: 'ready', list: fallback, failures: [String(cause)] });
        },
      );
    return () => {
      cancelled = true;
    };
    // The sources are read once per opening: the case changing under an open review (a save of
    // these very decisions) must not re-read every judgment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const list = sources.kind === 'ready' ? sources.list : [];
  const source = list[Math.min(chosen, list.length - 1)];
  const key = source ? sourceKey(recordSource(source)) : undefined;
  const record = key ? caseData.publicationReviews?.[key] : undefined;
  const [decisions, setDecisions] = useState<StoredDecisions>(NO_STORED_DECISIONS);
  // What this dialog last saved or adopted, per source: a record equal to it is our own echo.
  const known = useRef(new Map<string, StoredDecisions>());
  useEffect(() => {
    if (!key) return;
    const stored = decisionsOf(record);
    const mine = known.current.get(key);
    if (mine === undefined || !sameStoredDecisions(mine, stored)) {
      known.current.set(key, stored);
      setDecisions(stored);
    }
  }, [key, record]);

  const parties = useMemo(() => anonymiserParties(caseData, staff), [caseData, staff]);
  const user = sessions.load()?.user ?? '';

  const change = (next: StoredDecisions) => {
    if (!source || !key) return;
    setDecisions(next);
    known.current.set(key, next);
    const input = { source: recordSource(source), updatedBy: user || 'local', rejected: next.rejected, added: next.added };
    void runEdit((doc, ctx) => recordPublicationReview(doc, input, ctx)).then(setSaveError);
  };

  const meta = (src: Source): DocxMeta => {
    const docNumber = src.kind === 'document' ? (src.number ?? number) : number;
    return { title: src.title, court: courtName, ...(docNumber ? { number: docNumber } : {}) };
  };
  const templateIdOf = (src: Source) => src.templateId || template.id;

  const run = (work: Promise<ExportState>) => {
    setExportState({ kind: 'busy' });
    work.then(setExportState, (cause: unknown) => setExportState({ kind: 'failed', messageVi: String(cause), messageEn: String(cause) }));
  };

  const exportCopy = (anonymised: DocNode) => {
    if (!source) return;
    const signed = source.kind === 'document' ? source.signed : undefined;
    const docxMeta: DocxMeta = { ...meta(source), ...(signed ? { publicationOf: { signed: signed.finalisation, sourceTitle: source.title } } : {}) };
    run(exportDocument(anonymised, docxMeta, documentFileName(templateIdOf(source), caseData.acceptanceNumber, { publication: true })));
  };

  const exportSigned = () => {
    if (source?.kind !== 'document' || !source.signed) return;
    run(exportDocument(source.doc, { ...meta(source), finalisation: source.signed.finalisation }, documentFileName(templateIdOf(source), caseData.acceptanceNumber)));
  };

  const exportDecisions = () => {
    if (!source) return;
    const file = decisionsFile(decisions, { caseNumber: caseData.acceptanceNumber, source: recordSource(source), exportedBy: user || 'local', exportedAt: new Date().toISOString() });
    const name = documentFileName(templateIdOf(source), caseData.acceptanceNumber, { publication: true }).replace(/\.docx$/, '-quyet-dinh.json');
    const bytes = new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
    run(
      bridge.saveFile(name, bytes, [{ name: 'JSON', extensions: ['json'] }]).then((saved): ExportState => {
        if (saved.saved) return { kind: 'saved', name, ...(saved.path ? { path: saved.path } : {}) };
        if (saved.messageVi) return { kind: 'failed', messageVi: saved.messageVi, messageEn: saved.messageEn ?? saved.messageVi };
        return { kind: 'cancelled' };
      }),
    );
  };

  if (sources.kind === 'loading' || !source) {
    return (
      <div role="status" className="subtle" data-testid="publication-source-loading">
        {sources.kind === 'loading' ? t('publication.source.loading') : t('documents.noCourt')}
      </div>
    );
  }

  const optionText = (src: Source) =>
    src.kind === 'template'
      ? t('publication.source.optionTemplate', { title: src.title })
      : t(src.status === 'finalised' ? 'publication.source.optionFinalised' : 'publication.source.optionDraft', { title: src.title });
  const sourceLine =
    source.kind === 'template'
      ? t('publication.source.template', { title: source.title })
      : source.signed
        ? t('publication.source.finalised', { title: source.title, hash: source.signed.contentHash })
        : t('publication.source.draft', { title: source.title });

  const sourceBlock = (
    <section aria-labelledby="publication-source-title" className="banner banner-info">
      <strong id="publication-source-title">{t('publication.source.title')}: </strong>
      <span
        data-testid="publication-source"
        data-kind={source.kind}
        data-status={source.kind === 'document' ? source.status : 'template'}
        data-hash={source.kind === 'document' ? (source.signed?.contentHash ?? '') : ''}
      >
        {sourceLine}
      </span>
      {list.length > 1 ? (
        <select
          aria-label={t('publication.source.title')}
          value={Math.min(chosen, list.length - 1)}
          onChange={(e) => setChosen(Number(e.target.value))}
          data-testid="publication-source-select"
          style={{ marginLeft: '0.6rem' }}
        >
          {list.map((src, i) => (
            <option key={src.kind === 'document' ? src.documentId : `template:${src.templateId}`} value={i}>
              {optionText(src)}
            </option>
          ))}
        </select>
      ) : null}
      {source.kind === 'document' && !source.signed ? <p className="subtle">{t('publication.source.notFinal')}</p> : null}
      {sources.failures.map((message) => (
        <p key={message} className="inline-error" role="alert">
          {t('publication.source.failed', { message })}
        </p>
      ))}
    </section>
  );

  const saveNote = (
    <p className={saveError ? 'inline-error' : 'subtle'} role={saveError ? 'alert' : undefined} data-testid="publication-review-saved" data-error={saveError ? 'yes' : 'no'}>
      {saveError ? t('publication.review.saveFailed', { message: saveError }) : t('publication.review.saved')}
      {!saveError && record ? ` ${t('publication.review.last', { who: record.updatedBy, when: formatTimestamp(record.updatedAt) })}` : null}
    </p>
  );

  const actions = (
    <>
      <button type="button" className="button" onClick={exportDecisions} disabled={exportState.kind === 'busy'} data-testid="publication-export-decisions">
        {t('publication.exportDecisions')}
      </button>
      {source.kind === 'document' && source.signed ? (
        <button type="button" className="button" onClick={exportSigned} disabled={exportState.kind === 'busy'} data-testid="publication-export-signed">
          {t('publication.exportSigned')}
        </button>
      ) : null}
    </>
  );

  return (
    <PublicationDialog
      key={key}
      title={source.title}
      doc={source.doc}
      parties={parties}
      reasons={suggestedNotPublishReasons(caseData)}
      exportState={exportState}
      decisions={decisions}
      onDecisions={change}
      onExport={exportCopy}
      source={sourceBlock}
      saveNote={saveNote}
      actions={actions}
      onClose={onClose}
    />
  );
}
