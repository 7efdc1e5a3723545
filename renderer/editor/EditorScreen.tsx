/**
 * Soạn thảo: one document of a case in the editor (route `#/cases/<caseId>/documents/<id>`),
 * loaded on demand (TipTap is not part of the app's first paint). The page looks like the printed
 * form; case-data fields follow the case until the document is finalised; minutes get hearing
 * mode beside the page. Every keystroke is in IndexedDB within a second (document-store.ts); the
 * header says when the last write committed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { signedSourceOf } from '../../shared/anonymise/signed-source.js';
import { registerAuthor } from '../../shared/drafting/authors.js';
import { recordHearingAttendance } from '../../shared/domain/case-mutations.js';
import { buildContext, builtinTemplate, resolveField, selectedHearingId } from '../../shared/templates/index.js';
import { useReplica } from '../app/replica-context.js';
import { openCase } from '../app/navigation.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import { ExportStatus, type ExportState } from '../documents/ExportStatus.js';
import { exportDocument } from '../documents/export-document.js';
import { recordVersion } from '../../shared/drafting/versions.js';
import { documentFileName } from '../documents/file-name.js';
import { localDay } from '../i18n/dates.js';
import { useI18n } from '../i18n/language.js';
import { useCase } from '../screens/case/useCase.js';
import { readBody } from './body.js';
import { refreshEditorFields } from './commands.js';
import { DocumentEditor } from './DocumentEditor.js';
import type { DocumentParts } from './document-parts.js';
import { HearingPanel } from './hearing/HearingPanel.js';
import { SigningPanel } from '../signing/SigningPanel.js';
import { Toolbar } from './Toolbar.js';
import { TemplateUpdateNotice } from '../packs/TemplateUpdateNotice.js';
import { SaveStatus } from './SaveStatus.js';
import { useDocRoom, useDocumentMeta, useOpenDocument, useStoredUpdates, useUser } from './use-document.js';
import './editor.css';

export function EditorScreen({ caseId, documentId }: { readonly caseId: string; readonly documentId: string }) {
  const { t, language } = useI18n();
  const { info, replica } = useReplica();
  const caseState = useCase(caseId);
  const documentState = useOpenDocument(documentId);
  const open = documentState.kind === 'ready' ? documentState.open : undefined;
  const meta = useDocumentMeta(open);
  useStoredUpdates(open);
  const { room, connected } = useDocRoom(open);
  const user = useUser();
  // The page's parts (one editor per part of the body), the active one (toolbar, hearing mode)
  // and how many there are (a new part needs its fields refreshed).
  const [parts, setParts] = useState<DocumentParts | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [partCount, setPartCount] = useState(0);
  const onParts = useCallback((next: DocumentParts | null) => {
    setParts(next);
    setEditor(next?.active ?? null);
    setPartCount(next?.editors.length ?? 0);
  }, []);
  const [exportState, setExportState] = useState<ExportState>({ kind: 'idle' });
  const keyHandler = useRef<((event: KeyboardEvent) => boolean) | undefined>(undefined);
  const setKeyHandler = useCallback((handler: ((event: KeyboardEvent) => boolean) | undefined) => {
    keyHandler.current = handler;
  }, []);
  const kase = caseState.kind === 'ready' ? caseState.value : undefined;
  const court = info.court;

  useEffect(() => {
    if (open && user !== '' && !meta.readOnly) registerAuthor(open.doc, user);
  }, [open, user, meta.readOnly]);

  // Case-data fields follow the case until the document is finalised (refresh.ts semantics).
  const context = useMemo(() => {
    if (!kase || !court) return undefined;
    const kinds = meta.templateId ? builtinTemplate(meta.templateId)?.meta.hearingKinds : undefined;
    return buildContext({ court, staff: info.staff, kase, today: localDay(), ...(kinds ? { hearingKinds: kinds } : {}) });
  }, [kase, court, info.staff, meta.templateId]);
  useEffect(() => {
    if (!parts || partCount === 0 || !context || meta.readOnly || meta.status === undefined) return;
    for (const part of parts.editors) refreshEditorFields(part, (path) => resolveField(path, context));
  }, [parts, partCount, context, meta.readOnly, meta.status]);
  // What the refresh leaves missing (frozen fields keep their own status).
  const missing = useMemo(() => {
    if (!parts || partCount === 0 || !context) return 0;
    let count = 0;
    for (const part of parts.editors) {
      part.state.doc.descendants((node) => {
        if (node.type.name !== 'field') return true;
        const status = node.attrs['frozen'] === true || meta.readOnly ? node.attrs['status'] : resolveField(String(node.attrs['path']), context).status;
        if (status !== 'filled') count += 1;
        return false;
      });
    }
    return count;
  }, [parts, partCount, context, meta.readOnly]);

  // The checklist also goes to the case file's hearing (the one the template is about).
  const recordCaseAttendance = (byPartyId: Record<string, 'present' | 'absent'>) => {
    if (!kase) return;
    const kinds = meta.templateId ? builtinTemplate(meta.templateId)?.meta.hearingKinds : undefined;
    const hearingId = selectedHearingId(kase, undefined, kinds);
    if (!hearingId) return;
    replica
      .editCase(caseId, (doc, ctx) => recordHearingAttendance(doc, hearingId, byPartyId, ctx))
      .then((saved) => {
        if (!saved.ok) console.warn('Courtdesk: attendance not recorded in the case file', saved.error.messageEn);
      })
      .catch((e: unknown) => console.warn('Courtdesk: attendance not recorded in the case file', e));
  };

  const runExport = () => {
    if (!open || !court || !kase) return;
    const body = readBody(open.doc, { templateId: meta.templateId ?? '', templateVersion: meta.templateVersion ?? '' });
    setExportState({ kind: 'busy' });
    // A finalised document carries its signers and the signed hash (last-page note, properties).
    const signed = signedSourceOf(open.doc);
    const docxMeta = { title: meta.title ?? '', court: court.name, ...(meta.number ? { number: meta.number } : {}), ...(signed ? { finalisation: signed.finalisation } : {}) };
    exportDocument(body, docxMeta, documentFileName(meta.templateId ?? 'van-ban', kase.acceptanceNumber))
      .then((state) => {
        setExportState(state);
        // Each export is a history point: what left the app can be shown again later.
        if (state.kind === 'saved') recordVersion(open.doc, 'exported', user || '?', `Xuất DOCX: ${state.name}`);
      })
      .catch((cause: unknown) => setExportState({ kind: 'failed', messageVi: String(cause), messageEn: String(cause) }));
  };

  if (documentState.kind === 'failed' || caseState.kind === 'failed') {
    const error = documentState.kind === 'failed' ? documentState.error : caseState.kind === 'failed' ? caseState.error : undefined;
    const notHere = error?.code === 'document.notFound';
    return (
      <ErrorPanel
        title={t('editor.openFailed')}
        body={<p>{notHere ? t('editor.notOnDevice') : language === 'vi' ? error?.messageVi : error?.messageEn}</p>}
        detail={[`caseId: ${caseId}`, `documentId: ${documentId}`, `code: ${error?.code ?? ''}`, error?.detail ?? ''].filter(Boolean).join('\n')}
      />
    );
  }
  if (!open || !kase) {
    return (
      <section className="screen" aria-busy="true">
        <p className="subtle" role="status">
          {t('editor.loading')}
        </p>
      </section>
    );
  }

  const hearingMode = meta.kind === 'hearingMinutes' || meta.kind === 'mediationMinutes';
  return (
    <article className="screen cd-editor-screen" data-testid="editor-screen" data-document-id={documentId} data-status={meta.status ?? ''}>
      <nav className="breadcrumb" aria-label={t('editor.back')}>
        <button type="button" className="link-button" onClick={() => openCase(caseId)}>
          ‹ {t('editor.back')} {kase.acceptanceNumber}
        </button>
      </nav>
      <header className="cd-editor-head">
        <h1 data-testid="editor-title">{meta.title}</h1>
        <span className={meta.readOnly ? 'badge' : 'badge subtle'} data-testid="editor-status">
          {meta.readOnly ? t('editor.status.finalised') : t('editor.status.draft')}
        </span>
        <SaveStatus open={open} />
        {missing > 0 ? (
          <span className="cd-missing-count" data-testid="editor-missing">
            {t('editor.missingFields', { count: missing })}
          </span>
        ) : null}
        {room && connected ? null : <span className="subtle">{t('editor.offline')}</span>}
      </header>
      {meta.templateId && meta.templateVersion && !meta.readOnly ? <TemplateUpdateNotice caseData={kase} templateId={meta.templateId} templateVersion={meta.templateVersion} /> : null}
      {editor && !meta.readOnly ? (
        <Toolbar editor={editor} onExport={runExport} exporting={exportState.kind === 'busy'} />
      ) : (
        <div className="cd-toolbar">
          <button type="button" className="button small primary" onClick={runExport} disabled={exportState.kind === 'busy'} data-testid="editor-export">
            {t('editor.exportDocx')}
          </button>
        </div>
      )}
      {exportState.kind !== 'idle' ? <ExportStatus state={exportState} /> : null}
      <div className={hearingMode ? 'cd-editor-body with-hearing' : 'cd-editor-body'}>
        <DocumentEditor doc={open.doc} room={room} readOnly={meta.readOnly} keyHandler={keyHandler} onParts={onParts} />
        {hearingMode ? <HearingPanel key={user} parts={parts} doc={open.doc} kase={kase} user={user} readOnly={meta.readOnly} onKeyHandler={setKeyHandler} onAttendance={recordCaseAttendance} /> : null}
      </div>
      <SigningPanel doc={open.doc} fallbackPanel={kase.panel} />
    </article>
  );
}
