/**
 * "Đã có phiên bản mới của mẫu này": shown beside a draft (the case file's document list, the
 * document screen) whose template has a newer version installed. The draft itself is never
 * changed; "Xem thay đổi" opens what the new version changes for this case.
 *
 * @example <TemplateUpdateNotice caseData={kase} templateId="NQ01-2017/48-DS" documentId={ref.id} />
 */
import { useEffect, useMemo, useState } from 'react';
import type { Case } from '../../shared/domain/schemas.js';
import { useI18n } from '../i18n/language.js';
import { openPacksDb } from './pack-db.js';
import { draftTemplateVersion, newerInstalledVersion } from './draft-version.js';
import { useInstalledTemplates } from './PacksProvider.js';
import { TemplateDiffDialog } from './TemplateDiffDialog.js';

export interface TemplateUpdateNoticeProps {
  readonly caseData: Case;
  readonly templateId: string;
  /** The version the draft recorded; when absent it is read from the document's doc. */
  readonly templateVersion?: string;
  readonly documentId?: string;
}

export function TemplateUpdateNotice({ caseData, templateId, templateVersion, documentId }: TemplateUpdateNoticeProps) {
  const { t } = useI18n();
  const installed = useInstalledTemplates();
  const [stored, setStored] = useState<{ readonly documentId: string; readonly version: string | undefined } | undefined>(undefined);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (templateVersion !== undefined || documentId === undefined) return;
    let cancelled = false;
    openPacksDb()
      .then((db) => draftTemplateVersion(db, documentId))
      .then((version) => {
        if (!cancelled) setStored({ documentId, version });
      })
      .catch((error: unknown) => console.error('Template version of the draft unreadable', error));
    return () => {
      cancelled = true;
    };
  }, [templateVersion, documentId]);

  const recorded = templateVersion ?? (stored?.documentId === documentId ? stored?.version : undefined);
  const newer = useMemo(() => (recorded === undefined ? undefined : newerInstalledVersion(templateId, recorded, installed)), [recorded, templateId, installed]);
  if (recorded === undefined || newer === undefined) return null;
  return (
    <div className="banner-info" style={{ padding: '0.3rem 0.6rem', borderRadius: 'var(--radius)', marginTop: '0.3rem' }} role="note" data-testid="template-update-notice" data-template-id={templateId} data-new-version={newer}>
      <span>{t('packs.notice', { newVersion: newer, oldVersion: recorded })}</span>{' '}
      <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="template-update-show">
        {t('packs.noticeShow')}
      </button>
      {open ? <TemplateDiffDialog caseData={caseData} templateId={templateId} oldVersion={recorded} newVersion={newer} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
