/**
 * Settings card "Sao lưu / Khôi phục": export every case doc and document body into a bundle
 * (saved through the bridge: save dialog on the desktop, a download on the web), and restore one
 * after showing what it would do to the case files (hồ sơ) and the documents (văn bản) apart.
 * Restoring only merges (restore.ts); nothing on this computer is overwritten.
 *
 * "Chỉ các văn bản chưa đồng bộ" (scope `pending`, the pre-update snapshot's scope) is always
 * offered next to the full export, not only after a refusal: on a full-court replica the full
 * export is refused only after reading ~512 MiB (a minute or more), and the refusal names this
 * button, which must then be there to click.
 */
import { useState } from 'react';
import { bridge } from '../bridge/index.js';
import { useI18n } from '../i18n/language.js';
import { formatTimestamp } from '../i18n/dates.js';
import { useReplica } from '../app/replica-context.js';
import { errorMessageVi } from '../app/boot.js';
import { exportBackup, type BackupProgress, type BackupScope } from './export.js';
import { applyBackup, inspectBackup, type InspectedBackup, type RestoreReport } from './restore.js';

type CardState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'exporting'; readonly progress?: BackupProgress }
  | { readonly kind: 'exported'; readonly name: string; readonly cases: number; readonly documents: number; readonly scope: BackupScope; readonly onServer: number }
  | { readonly kind: 'opening' }
  | { readonly kind: 'planned'; readonly inspected: InspectedBackup }
  | { readonly kind: 'restoring'; readonly progress: BackupProgress }
  | { readonly kind: 'restored'; readonly report: RestoreReport }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

export function BackupCard() {
  const { t, language, count } = useI18n();
  const { replica } = useReplica();
  const [state, setState] = useState<CardState>({ kind: 'idle' });
  const pick = (vi: string, en: string) => (language === 'vi' ? vi : en);

  const runExport = async (scope: BackupScope) => {
    setState({ kind: 'exporting' });
    try {
      const { version } = await bridge.getInfo();
      const exported = await exportBackup(replica, { appVersion: version, scope, onProgress: (progress) => setState({ kind: 'exporting', progress }) });
      setState({ kind: 'exporting' });
      const saved = await bridge.saveBackup(exported.name, exported.bytes);
      if (saved.saved) {
        setState({ kind: 'exported', name: saved.path ?? exported.name, cases: exported.caseCount, documents: exported.documentCount, scope, onServer: exported.documentsOnServer });
      }
      else if (saved.messageVi) setState({ kind: 'failed', text: t('backup.exportFailed', { message: pick(saved.messageVi, saved.messageEn ?? saved.messageVi) }) });
      else setState({ kind: 'message', text: t('backup.exportCancelled') });
    } catch (error) {
      setState({ kind: 'failed', text: t('backup.exportFailed', { message: errorMessageVi(error) }) });
    }
  };

  const runOpen = async () => {
    setState({ kind: 'opening' });
    try {
      const opened = await bridge.openBackup();
      if (!opened.opened) {
        setState(opened.messageVi ? { kind: 'failed', text: pick(opened.messageVi, opened.messageEn ?? opened.messageVi) } : { kind: 'idle' });
        return;
      }
      const inspected = await inspectBackup(replica, opened.bytes);
      setState(inspected.ok ? { kind: 'planned', inspected: inspected.value } : { kind: 'failed', text: pick(inspected.error.messageVi, inspected.error.messageEn) });
    } catch (error) {
      setState({ kind: 'failed', text: t('backup.restoreFailed', { message: errorMessageVi(error) }) });
    }
  };

  const runRestore = async (inspected: InspectedBackup) => {
    setState({ kind: 'restoring', progress: { done: 0, total: inspected.backup.docs.length } });
    try {
      const report = await applyBackup(replica, inspected, (progress) => setState({ kind: 'restoring', progress }));
      setState({ kind: 'restored', report });
    } catch (error) {
      setState({ kind: 'failed', text: t('backup.restoreFailed', { message: errorMessageVi(error) }) });
    }
  };

  const busy = state.kind === 'exporting' || state.kind === 'opening' || state.kind === 'restoring';
  return (
    <section className="card" data-testid="backup-card">
      <h2>{t('backup.title')}</h2>
      <p className="subtle">{t('backup.hint')}</p>
      <p className="subtle">{t('backup.exportPendingHint')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void runExport('all')} data-testid="backup-export">
          {t('backup.export')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void runExport('pending')} data-testid="backup-export-pending">
          {t('backup.exportPending')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void runOpen()} data-testid="backup-restore">
          {t('backup.restore')}
        </button>
      </div>
      <div role="status" className="subtle" data-testid="backup-status">
        {state.kind === 'exporting' ? (
          state.progress && state.progress.done < state.progress.total ? (
            <>
              <p>{t('backup.exporting', { done: state.progress.done, total: state.progress.total })}</p>
              <progress max={Math.max(state.progress.total, 1)} value={state.progress.done} />
            </>
          ) : (
            <p>{t('backup.building')}</p>
          )
        ) : null}
        {state.kind === 'exported' ? (
          <p data-testid="backup-exported">
            {state.scope === 'pending'
              ? t('backup.exportedPending', { cases: count(state.cases), documents: count(state.documents), onServer: count(state.onServer), name: state.name })
              : t('backup.exported', { cases: count(state.cases), documents: count(state.documents), name: state.name })}
          </p>
        ) : null}
        {state.kind === 'opening' ? <p>{t('backup.checking')}</p> : null}
        {state.kind === 'planned' ? (
          <div data-testid="backup-plan">
            <p>{t('backup.planTitle', { court: state.inspected.backup.manifest.court.name, time: formatTimestamp(state.inspected.backup.manifest.createdAt) })}</p>
            <p>{t('backup.planCases')}</p>
            <ul data-testid="backup-plan-cases">
              <li>{t('backup.planNew', { count: count(state.inspected.plan.byKind.case.new) })}</li>
              <li>{t('backup.planMerge', { count: count(state.inspected.plan.byKind.case.merge) })}</li>
              <li>{t('backup.planContained', { count: count(state.inspected.plan.byKind.case.contained) })}</li>
            </ul>
            <p>{t('backup.planDocuments')}</p>
            {/* A bundle from before bodies were exported has no `documents` count: say so, not "0 văn bản". */}
            {state.inspected.backup.manifest.counts['documents'] === undefined ? (
              <p data-testid="backup-plan-no-documents">{t('backup.planNoDocuments')}</p>
            ) : (
              <ul data-testid="backup-plan-documents">
                <li>{t('backup.planDocumentsNew', { count: count(state.inspected.plan.byKind.document.new) })}</li>
                <li>{t('backup.planDocumentsMerge', { count: count(state.inspected.plan.byKind.document.merge) })}</li>
                <li>{t('backup.planDocumentsContained', { count: count(state.inspected.plan.byKind.document.contained) })}</li>
              </ul>
            )}
            {/* A "chưa đồng bộ" bundle (or a pre-update snapshot) left out the bodies the server holds. */}
            {state.inspected.backup.manifest.counts['documentsOnServer'] ? (
              <p data-testid="backup-plan-on-server">{t('backup.planDocumentsOnServer', { count: count(state.inspected.backup.manifest.counts['documentsOnServer']) })}</p>
            ) : null}
            <p>{t('backup.planHint')}</p>
            <div className="button-row">
              <button type="button" className="button primary" onClick={() => void runRestore(state.inspected)} data-testid="backup-confirm">
                {t('backup.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setState({ kind: 'idle' })}>
                {t('backup.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {state.kind === 'restoring' ? (
          <>
            <p>{t('backup.restoring', { done: state.progress.done, total: state.progress.total })}</p>
            <progress max={Math.max(state.progress.total, 1)} value={state.progress.done} />
          </>
        ) : null}
        {state.kind === 'restored' ? (
          <>
            <p data-testid="backup-restored">{t('backup.restored', { cases: count(state.report.changedCases), documents: count(state.report.changedDocuments) })}</p>
            {state.report.failed.length > 0 ? (
              <p className="form-error">{t('backup.restoreFailedDocs', { count: count(state.report.failed.length), ids: state.report.failed.slice(0, 10).map((f) => f.label).join('; ') })}</p>
            ) : null}
          </>
        ) : null}
        {state.kind === 'message' ? <p>{state.text}</p> : null}
        {state.kind === 'failed' ? (
          <p className="form-error" role="alert" data-testid="backup-error">
            {state.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
