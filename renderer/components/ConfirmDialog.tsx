/** A yes/no confirmation; the safe answer (Hủy) has the focus first. */
import { useState } from 'react';
import { useI18n } from '../i18n/language.js';
import { Dialog } from './Dialog.js';
import { FormError } from './FormError.js';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  /** Resolves to an error message to show, or null when done. */
  readonly onConfirm: () => Promise<string | null>;
  readonly onClose: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const failure = await onConfirm();
              setBusy(false);
              if (failure) setError(failure);
              else onClose();
            }}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      <FormError message={error} />
    </Dialog>
  );
}
