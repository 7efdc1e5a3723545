/**
 * The one way the app shows a failure: a Vietnamese title and explanation, the technical detail
 * collapsed, and the two ways out ("Quay lại danh sách vụ án", "Tải lại"). Never a white screen.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/language.js';
import { navigate } from '../app/navigation.js';

export interface ErrorPanelProps {
  readonly title: string;
  readonly body: ReactNode;
  readonly detail?: string;
  readonly onBack?: () => void;
}

export function ErrorPanel({ title, body, detail, onBack }: ErrorPanelProps) {
  const { t } = useI18n();
  return (
    <section className="error-panel" role="alert" data-testid="error-panel">
      <h1>{title}</h1>
      <div className="error-body">{body}</div>
      {detail ? (
        <details className="error-detail">
          <summary>{t('error.detail')}</summary>
          <pre>{detail}</pre>
        </details>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            onBack?.();
            navigate('#/cases');
          }}
        >
          {t('error.backToCases')}
        </button>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </div>
    </section>
  );
}
