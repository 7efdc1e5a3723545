/**
 * "Xem trước": the rendered document as the clerk will get it, missing fields highlighted, with
 * the same export as the card's button.
 */
import type { DocNode, FieldAttrs } from '../../shared/templates/model.js';
import { Dialog } from '../components/Dialog.js';
import { useI18n } from '../i18n/language.js';
import { DocView } from './DocView.js';
import { ExportStatus, type ExportState } from './ExportStatus.js';

export interface PreviewDialogProps {
  readonly title: string;
  readonly doc: DocNode;
  readonly missing: readonly FieldAttrs[];
  readonly exportState: ExportState;
  readonly onExport: () => void;
  readonly onClose: () => void;
}

export function PreviewDialog({ title, doc, missing, exportState, onExport, onClose }: PreviewDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('documents.previewTitle', { title })}
      onClose={onClose}
      wide
      testId="document-preview"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="button" className="button primary" onClick={onExport} disabled={exportState.kind === 'busy'} data-testid="preview-export">
            {t('documents.export')}
          </button>
        </>
      }
    >
      <p className={missing.length > 0 ? 'banner banner-warning' : 'subtle'} data-testid="preview-missing" data-count={missing.length}>
        {missing.length > 0 ? t('documents.missingCount', { count: missing.length }) : t('documents.noMissing')}
      </p>
      {exportState.kind !== 'idle' ? <ExportStatus state={exportState} /> : null}
      <DocView doc={doc} testId="preview-doc" />
    </Dialog>
  );
}
