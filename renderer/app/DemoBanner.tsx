/**
 * Says plainly that the data is the demo court's, until the user dismisses it (remembered per
 * demo load, so a later demo load shows it again).
 */
import { useState } from 'react';
import { useI18n } from '../i18n/language.js';
import { useReplica } from './replica-context.js';
import { DEMO_CASE_COUNT } from './boot.js';

const DISMISSED_KEY = 'courtdesk.demoBannerDismissed';

function readDismissed(): string | null {
  try {
    return localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

export function DemoBanner({ demoLoadedNow, demoError }: { readonly demoLoadedNow: boolean; readonly demoError?: string | undefined }) {
  const { t } = useI18n();
  const { info } = useReplica();
  const marker = info.demoLoadedAt ?? (demoLoadedNow ? 'now' : undefined);
  const [dismissed, setDismissed] = useState(readDismissed);

  if (demoError) {
    return (
      <div className="banner banner-warning" role="alert">
        {t('demo.failed', { message: demoError })}
      </div>
    );
  }
  if (!marker || (dismissed === marker && !demoLoadedNow) || dismissed === `session:${marker}`) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="demo-banner">
      <span>{t('demo.banner', { court: info.court?.name ?? '', count: DEMO_CASE_COUNT })}</span>
      <button
        type="button"
        className="button small"
        onClick={() => {
          try {
            localStorage.setItem(DISMISSED_KEY, marker);
          } catch {
            // Not remembered across restarts; it is still hidden now.
          }
          setDismissed(`session:${marker}`);
        }}
      >
        {t('demo.dismiss')}
      </button>
    </div>
  );
}
