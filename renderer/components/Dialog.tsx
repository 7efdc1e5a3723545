/**
 * A modal dialog on the native <dialog> element: the browser gives focus trapping, an inert
 * background and Esc for free. Mounted = open; Esc or the close button calls onClose, and the
 * parent decides (a dialog with unsaved input stays mounted until the parent unmounts it).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/language.js';

export interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons row; put the primary action last. */
  readonly footer?: ReactNode;
  readonly wide?: boolean;
  /** A form dialog submits on Enter in a field; Ctrl+Enter submits from a textarea too. */
  readonly onSubmit?: () => void;
  readonly testId?: string;
}

export function Dialog({ title, onClose, children, footer, wide, onSubmit, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useI18n();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    // Chromium may close a dialog without a cancel event (a second Esc): keep React in step.
    const onNativeClose = () => onCloseRef.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, []);

  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </>
  );

  return (
    <dialog ref={ref} className={wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId} data-testid={testId}>
      {onSubmit ? (
        <form
          method="dialog"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              onSubmit();
            }
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
