/**
 * The shell: left navigation, header (court name, local-data status), the demo banner, and the
 * current screen inside its own error boundary. Screens are keyed by route identity so an error
 * in one case file does not follow the user to the next.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../i18n/language.js';
import { bridge } from '../bridge/index.js';
import { useReplica } from './replica-context.js';
import { useRoute, navigate, registerHash, focusSearch } from './navigation.js';
import { screenOf, SCREENS, screenHash, type Route, type Screen } from './routes.js';
import { useGlobalShortcuts } from './shortcuts.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { DemoBanner } from './DemoBanner.js';
import { UpdateBanner } from './UpdateBanner.js';
import { TodayScreen } from '../screens/today/TodayScreen.js';
import { RegisterScreen } from '../screens/register/RegisterScreen.js';
import { CalendarScreen } from '../screens/calendar/CalendarScreen.js';
import { CaseScreen } from '../screens/case/CaseScreen.js';
import { SettingsScreen } from '../screens/settings/SettingsScreen.js';
import type { MessageKey } from '../i18n/vi.js';
import { SyncStatusBadge } from '../sync/ui/SyncStatusBadge.js';
import { useReminderEngine } from '../reminders/store.js';
import { ReminderCount } from '../reminders/RemindersPanel.js';

/** Số liệu (charts, exports) is its own chunk: cold start does not load chart.js. */
const CaseloadScreen = lazy(() => import('../screens/caseload/CaseloadScreen.js'));

/** The editor (TipTap, ProseMirror) is its own chunk: the app's first paint does not pay for it. */
const EditorScreen = lazy(() => import('../editor/editor-chunk.js').then((m) => ({ default: m.EditorScreen })));

const NAV_LABELS: Record<Screen, MessageKey> = {
  today: 'nav.today',
  cases: 'nav.cases',
  calendar: 'nav.calendar',
  caseload: 'dayplan.nav.caseload',
  settings: 'nav.settings',
};

const NAV_ICONS: Record<Screen, string> = { today: '◉', cases: '☰', calendar: '▦', caseload: '▤', settings: '⚙' };

export function App({ demoLoadedNow, demoError }: { readonly demoLoadedNow: boolean; readonly demoError?: string | undefined }) {
  const route = useRoute();
  const { t, count } = useI18n();
  const { info } = useReplica();
  useGlobalShortcuts(route);
  useReminderEngine();

  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command === 'search' || command === 'newCase') focusSearch();
        else navigate(screenHash(command));
      }),
    [],
  );

  const current = screenOf(route);
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">⚖</span>
          <span className="brand-name">Courtdesk</span>
        </div>
        <ul>
          {SCREENS.map((screen, index) => (
            <li key={screen}>
              <a
                href={screen === 'cases' ? registerHash() : screenHash(screen)}
                aria-current={current === screen ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                data-testid={`nav-${screen}`}
              >
                <span className="nav-icon" aria-hidden="true">{NAV_ICONS[screen]}</span>
                <span className="nav-label">{t(NAV_LABELS[screen])}</span>
                {screen === 'today' ? <ReminderCount /> : null}
                <kbd className="nav-key">{t('nav.shortcutHint', { n: index + 1 })}</kbd>
              </a>
            </li>
          ))}
        </ul>
        <p className="sidebar-help">{t('keys.help')}</p>
      </nav>
      <header className="topbar">
        <div className="court-name" data-testid="court-name">{info.court?.name ?? t('settings.noCourt')}</div>
        <div className="status-area" role="status" data-testid="local-status">
          <span className="status-dot" aria-hidden="true" />
          {t('status.localCases', { count: count(info.caseCount) })}
          <span className="status-sep" aria-hidden="true">·</span>
          <SyncStatusBadge />
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <DemoBanner demoLoadedNow={demoLoadedNow} demoError={demoError} />
        <UpdateBanner />
        <ErrorBoundary key={routeKey(route)}>
          <ScreenFor route={route} />
        </ErrorBoundary>
      </main>
    </div>
  );
}

function routeKey(route: Route): string {
  if (route.screen === 'document') return `document:${route.documentId}`;
  return route.screen === 'case' ? `case:${route.caseId}` : route.screen;
}

function ScreenFor({ route }: { readonly route: Route }) {
  const { t } = useI18n();
  switch (route.screen) {
    case 'today':
      return <TodayScreen />;
    case 'cases':
      return <RegisterScreen query={route.query} />;
    case 'case':
      return <CaseScreen caseId={route.caseId} />;
    case 'document':
      return (
        <Suspense fallback={<p className="subtle" role="status">{t('editor.loading')}</p>}>
          <EditorScreen caseId={route.caseId} documentId={route.documentId} />
        </Suspense>
      );
    case 'calendar':
      return <CalendarScreen query={route.calendar} />;
    case 'caseload':
      return (
        <Suspense fallback={<p className="subtle" role="status">{t('common.loading')}</p>}>
          <CaseloadScreen />
        </Suspense>
      );
    case 'settings':
      return <SettingsScreen />;
  }
}
