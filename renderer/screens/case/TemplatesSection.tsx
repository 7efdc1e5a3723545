/**
 * "Soạn văn bản từ mẫu": the built-in templates that serve this case (type, level and each
 * template's own condition), each with a preview, a DOCX export in court format and, for
 * judgments, the anonymised publication copy. The template engine, the DOCX builder and the
 * anonymiser are separate chunks loaded when the card is opened or a button pressed
 * (renderer/documents/loaders.ts), so opening a case file costs nothing until then.
 */
import { useMemo, useState } from 'react';
import { DOCUMENT_KIND_LABELS } from '../../../shared/domain/vocabulary.js';
import type { Case } from '../../../shared/domain/schemas.js';
import type { DocNode, FieldAttrs, Template } from '../../../shared/templates/model.js';
import { useReplica } from '../../app/replica-context.js';
import { useI18n } from '../../i18n/language.js';
import { localDay } from '../../i18n/dates.js';
import type * as CaseTemplates from '../../documents/case-templates.js';
import { loadCaseTemplates } from '../../documents/loaders.js';
import { documentFileName } from '../../documents/file-name.js';
import { exportDocument } from '../../documents/export-document.js';
import { ExportStatus, type ExportState } from '../../documents/ExportStatus.js';
import { PreviewDialog } from '../../documents/PreviewDialog.js';
import { PublicationReview } from '../../publication/PublicationReview.js';
import { ComposeButton } from '../../editor/ComposeButton.js';
import { useInstalledTemplates } from '../../packs/PacksProvider.js';

type Engine = typeof CaseTemplates;

type Load =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly engine: Engine };

type Open =
  | { readonly kind: 'none' }
  | { readonly kind: 'preview'; readonly template: Template; readonly doc: DocNode; readonly missing: readonly FieldAttrs[] }
  | { readonly kind: 'publication'; readonly template: Template; readonly doc: DocNode | undefined };

export function TemplatesSection({ caseData }: { readonly caseData: Case }) {
  const { t, label } = useI18n();
  const { info } = useReplica();
  const [load, setLoad] = useState<Load>({ kind: 'closed' });
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const court = info.court;

  const input = useMemo(() => (court ? { court, staff: info.staff, kase: caseData, today: localDay() } : undefined), [court, info.staff, caseData]);
  // Templates of the signed packs installed from the court server: one arriving while the card is open refreshes the list.
  const installed = useInstalledTemplates();
  const templates = useMemo(() => (load.kind === 'ready' && input ? load.engine.templatesForCase(input, installed) : []), [load, input, installed]);

  const toggle = () => {
    if (load.kind !== 'closed') {
      setLoad({ kind: 'closed' });
      return;
    }
    setLoad({ kind: 'loading' });
    loadCaseTemplates()
      .then((engine) => setLoad({ kind: 'ready', engine }))
      .catch((cause: unknown) => setLoad({ kind: 'failed', message: String(cause) }));
  };

  const render = (template: Template) => (load.kind === 'ready' && input ? load.engine.renderCaseDocument(template, input) : undefined);

  const runExport = (template: Template, doc: DocNode, publication: boolean) => {
    if (load.kind !== 'ready' || !court) return;
    const number = load.engine.documentNumber(template, caseData);
    const meta = { title: template.meta.title, court: court.name, ...(number ? { number } : {}) };
    setExportState({ kind: 'busy' });
    exportDocument(doc, meta, documentFileName(template.meta.id, caseData.acceptanceNumber, { publication }))
      .then(setExportState)
      .catch((cause: unknown) => setExportState({ kind: 'failed', messageVi: String(cause), messageEn: String(cause) }));
  };

  const preview = (template: Template) => {
    const result = render(template);
    if (result) {
      setExportState({ kind: 'idle' });
      setOpen({ kind: 'preview', template, doc: result.doc, missing: result.missing });
    }
  };

  const exportNow = (template: Template) => {
    const result = render(template);
    if (result) runExport(template, result.doc, false);
  };

  // The copy is made from a drafted (preferably signed) judgment when the case has one; the
  // template rendered here is the fallback (renderer/publication/PublicationReview.tsx).
  const publication = (template: Template) => {
    setExportState({ kind: 'idle' });
    setOpen({ kind: 'publication', template, doc: render(template)?.doc });
  };

  const close = () => {
    setOpen({ kind: 'none' });
    setExportState({ kind: 'idle' });
  };

  return (
    <section className="card" aria-labelledby="templates-title" data-testid="templates-section">
      <div className="card-head">
        <h2 id="templates-title">{t('documents.title')}</h2>
        <button type="button" className="link-button" onClick={toggle} aria-expanded={load.kind !== 'closed'} data-testid="templates-toggle">
          {load.kind === 'closed' ? t('documents.show') : t('documents.hide')}
        </button>
      </div>
      {load.kind === 'loading' ? (
        <p className="subtle" role="status">
          {t('documents.loading')}
        </p>
      ) : null}
      {load.kind === 'failed' ? (
        <p className="inline-error" role="alert">
          {t('documents.loadFailed', { message: load.message })}
        </p>
      ) : null}
      {load.kind === 'ready' && !input ? <p className="empty-small">{t('documents.noCourt')}</p> : null}
      {load.kind === 'ready' && input && templates.length === 0 ? <p className="empty-small">{t('documents.none')}</p> : null}
      {templates.length > 0 ? (
        <ul className="template-list" style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '0.6rem' }}>
          {templates.map((template) => (
            <li key={template.meta.id} data-testid="template-item" data-template-id={template.meta.id} data-kind={template.meta.kind}>
              <div>
                <strong>{template.meta.title}</strong>
              </div>
              <div className="subtle">
                <code>{template.meta.id}</code> · {label(DOCUMENT_KIND_LABELS[template.meta.kind])} · {t('documents.version', { version: template.meta.version })}
              </div>
              <div className="button-row" style={{ marginTop: '0.3rem' }}>
                <ComposeButton caseData={caseData} template={template} render={() => render(template)?.doc} />
                <button type="button" className="button small" onClick={() => preview(template)} data-testid="template-preview">
                  {t('documents.preview')}
                </button>
                <button type="button" className="button small" onClick={() => exportNow(template)} disabled={exportState.kind === 'busy'} data-testid="template-export">
                  {t('documents.export')}
                </button>
                {template.meta.kind === 'judgment' ? (
                  <button type="button" className="button small" onClick={() => publication(template)} data-testid="template-publication">
                    {t('documents.publication')}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {open.kind === 'none' && exportState.kind !== 'idle' ? <ExportStatus state={exportState} /> : null}
      {open.kind === 'preview' ? (
        <PreviewDialog
          title={open.template.meta.title}
          doc={open.doc}
          missing={open.missing}
          exportState={exportState}
          onExport={() => runExport(open.template, open.doc, false)}
          onClose={close}
        />
      ) : null}
      {open.kind === 'publication' && court && load.kind === 'ready' ? (
        <PublicationReview
          caseData={caseData}
          courtName={court.name}
          staff={info.staff}
          template={{ id: open.template.meta.id, title: open.template.meta.title, doc: open.doc }}
          number={load.engine.documentNumber(open.template, caseData)}
          onClose={close}
        />
      ) : null}
    </section>
  );
}
