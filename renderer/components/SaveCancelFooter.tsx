import { useI18n } from '../i18n/language.js';

export interface SaveCancelFooterProps {
  readonly busy: boolean;
  readonly onCancel: () => void;
  /** False hides the save button (nothing to save, e.g. no allowed status change). */
  readonly canSave?: boolean;
}

/** The footer of every edit dialog: "Hủy" and a submit button that says "Đang lưu…" while busy. */
export function SaveCancelFooter({ busy, onCancel, canSave = true }: SaveCancelFooterProps) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      {canSave ? (
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      ) : null}
    </>
  );
}
