/**
 * The header's sync status, from the server's acknowledgements (DESIGN §4): "Đã đồng bộ · 14:05",
 * "3 vụ án chưa đồng bộ", "Ngoại tuyến", "Máy chủ từ chối…". Click → Settings. During the first
 * catch-up a progress bar shows how far it got.
 */
import { useI18n } from '../../i18n/language.js';
import { formatTimestamp } from '../../i18n/dates.js';
import { navigate } from '../../app/navigation.js';
import { screenHash } from '../../app/routes.js';
import type { SyncStatus } from '../status.js';
import type { MessageKey } from '../../i18n/vi.js';
import { useSyncStatus } from './SyncProvider.js';

function timeOf(iso: string): string {
  return formatTimestamp(iso).slice(0, 5);
}

export function syncStatusText(status: SyncStatus, t: (key: MessageKey, params?: Record<string, string | number>) => string, count: (n: number) => string): string {
  switch (status.phase) {
    case 'signedOut':
      return status.pendingCount > 0 ? `${t('sync.signedOut')} · ${t('sync.pending', { count: count(status.pendingCount) })}` : t('sync.signedOut');
    case 'syncing':
      return t('sync.syncing');
    case 'synced':
      if (status.pendingCount > 0) return t('sync.pending', { count: count(status.pendingCount) });
      return status.lastSyncAt ? t('sync.synced', { time: timeOf(status.lastSyncAt) }) : t('sync.syncedNever');
    case 'offline':
      return status.pendingCount > 0 ? `${t('sync.offline')} · ${t('sync.pending', { count: count(status.pendingCount) })}` : t('sync.offline');
    case 'refused':
      return t('sync.refused');
    case 'expired':
      return t('sync.expired');
    case 'error':
      return t('sync.error');
    case 'needsConfirmation':
      return t('sync.needsConfirmation');
  }
}

export function SyncStatusBadge() {
  const { t, count } = useI18n();
  const status = useSyncStatus();
  const tone = status.phase === 'synced' && status.pendingCount === 0 ? 'ok' : status.phase === 'refused' || status.phase === 'expired' || status.phase === 'needsConfirmation' ? 'warn' : 'muted';
  const progress = status.progress?.first && status.progress.total > 0 ? status.progress : undefined;
  return (
    <button
      type="button"
      className={`link-button sync-status sync-${tone}`}
      data-testid="sync-status"
      data-phase={status.phase}
      data-pending={status.pendingCount}
      title={t('sync.statusTitle')}
      onClick={() => navigate(screenHash('settings'))}
    >
      {syncStatusText(status, t, count)}
      {progress ? (
        <>
          {' · '}
          {t('sync.firstProgress', { done: progress.done, total: progress.total })}
          <progress data-testid="sync-progress" max={progress.total} value={progress.done} />
        </>
      ) : null}
    </button>
  );
}
