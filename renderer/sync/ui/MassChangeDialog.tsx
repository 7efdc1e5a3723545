/**
 * Shown when a pull would blank or strip many cases at once (guards.ts): nothing has been
 * applied; the user either applies it or keeps sync paused (the safe answer has the focus).
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/language.js';
import { Dialog } from '../../components/Dialog.js';
import { useSync, useSyncStatus } from './SyncProvider.js';

export function MassChangeDialog() {
  const { t, count } = useI18n();
  const { engine } = useSync();
  const status = useSyncStatus();
  const summary = status.confirmation;
  // Dismissed for this summary only: sync stays paused until "Đồng bộ ngay" asks again.
  const [dismissed, setDismissed] = useState<object | undefined>(undefined);
  if (status.phase !== 'needsConfirmation' || !summary || dismissed === summary) return null;
  return (
    <Dialog
      title={t('sync.massTitle')}
      onClose={() => setDismissed(summary)}
      testId="mass-change-dialog"
      footer={
        <>
          <button type="button" className="button" autoFocus onClick={() => setDismissed(summary)}>
            {t('sync.massCancel')}
          </button>
          <button type="button" className="button danger" onClick={() => engine.confirmMassChange()}>
            {t('sync.massConfirm')}
          </button>
        </>
      }
    >
      <p>
        {t('sync.massBody', {
          cases: count(summary.casesBlanked.length),
          parties: count(summary.partiesRemoved),
          caseTotal: count(summary.caseTotal),
          partyTotal: count(summary.partyTotal),
        })}
      </p>
    </Dialog>
  );
}
