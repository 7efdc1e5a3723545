/** The line under an export button: saved, cancelled, or why nothing was saved (polite live region). */
import { useI18n } from '../i18n/language.js';
import type { ExportOutcome } from './export-document.js';

export type ExportState = { readonly kind: 'idle' } | { readonly kind: 'busy' } | ExportOutcome;

export function ExportStatus({ state }: { readonly state: ExportState }) {
  const { t, language } = useI18n();
  let text = '';
  if (state.kind === 'busy') text = t('documents.exporting');
  else if (state.kind === 'saved') text = t('documents.saved', { name: state.path ?? state.name });
  else if (state.kind === 'cancelled') text = t('documents.cancelled');
  else if (state.kind === 'failed') text = t('documents.failed', { message: language === 'vi' ? state.messageVi : state.messageEn });
  return (
    <p
      className={state.kind === 'failed' ? 'inline-error' : 'subtle'}
      role={state.kind === 'failed' ? 'alert' : 'status'}
      data-testid="documents-status"
      data-state={state.kind}
    >
      {text}
    </p>
  );
}
