/**
 * Catches a render error in one screen and shows the ErrorPanel in its place; the shell (navigation,
 * header) stays usable. Keyed by the route by its parent, so navigating elsewhere starts fresh.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/language.js';
import { ErrorPanel } from '../components/ErrorPanel.js';

interface State {
  readonly error?: unknown;
  readonly componentStack?: string;
}

export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
    this.setState({ componentStack: info.componentStack ?? undefined });
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    const error = this.state.error;
    const detail = [error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error), this.state.componentStack ?? '']
      .join('\n')
      .trim();
    return (
      <ErrorPanel title={t('error.title')} body={<p>{t('error.body')}</p>} detail={detail} onBack={() => this.setState({ error: undefined })} />
    );
  }
}
