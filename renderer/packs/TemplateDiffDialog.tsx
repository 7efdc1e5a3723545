/**
 * What a newer template version changes for this case: both versions filled with the case's data,
 * compared line by line, unchanged stretches folded. Read-only: the draft is not touched.
 */
import { useEffect, useState } from 'react';
import type { Case } from '../../shared/domain/schemas.js';
import { Dialog } from '../components/Dialog.js';
import { useReplica } from '../app/replica-context.js';
import { useI18n } from '../i18n/language.js';
import { localDay } from '../i18n/dates.js';
import type { TemplateDiff } from './template-diff.js';

export interface TemplateDiffDialogProps {
  readonly caseData: Case;
  readonly templateId: string;
  readonly oldVersion: string;
  readonly newVersion: string;
  readonly onClose: () => void;
}

const ADDED = { background: 'var(--green-50, #e9f7ef)' } as const;
const REMOVED = { background: 'var(--red-50, #fdecea)', textDecoration: 'line-through' } as const;

export function TemplateDiffDialog({ caseData, templateId, oldVersion, newVersion, onClose }: TemplateDiffDialogProps) {
  const { t } = useI18n();
  const { info } = useReplica();
  const [diff, setDiff] = useState<TemplateDiff | { kind: 'loading' } | { kind: 'failed'; message: string }>({ kind: 'loading' });
  const court = info.court;

  useEffect(() => {
    if (!court) return;
    let cancelled = false;
    import('./template-diff.js')
      .then(({ templateDiff }) => templateDiff(templateId, oldVersion, newVersion, { court, staff: info.staff, kase: caseData, today: localDay() }))
      .then((result) => {
        if (!cancelled) setDiff(result);
      })
      .catch((error: unknown) => {
        if (!cancelled) setDiff({ kind: 'failed', message: String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [court, info.staff, caseData, templateId, oldVersion, newVersion]);

  return (
    <Dialog title={t('packs.diffTitle', { id: templateId, oldVersion, newVersion })} onClose={onClose} wide testId="template-diff">
      <p className="subtle">{t('packs.diffIntro')}</p>
      {diff.kind === 'failed' ? <p className="form-error">{diff.message}</p> : null}
      {diff.kind === 'oldMissing' ? (
        <>
          <p className="subtle">{t('packs.diffOldMissing', { version: oldVersion })}</p>
          <pre className="diff" style={{ whiteSpace: 'pre-wrap' }}>
            {diff.newText.join('\n')}
          </pre>
        </>
      ) : null}
      {diff.kind === 'diff' ? (
        <>
          <p data-testid="template-diff-stats">{diff.added + diff.removed === 0 ? t('packs.diffSame') : t('packs.diffStats', { added: diff.added, removed: diff.removed })}</p>
          <div className="diff" lang="vi" style={{ fontFamily: 'var(--mono, monospace)', fontSize: '0.85rem', whiteSpace: 'pre-wrap' }} data-testid="template-diff-lines">
            {diff.rows.map((row, index) =>
              row.kind === 'skipped' ? (
                <div key={index} className="subtle">
                  {t('packs.diffSkipped', { count: row.count })}
                </div>
              ) : (
                <div key={index} data-kind={row.kind} style={row.kind === 'added' ? ADDED : row.kind === 'removed' ? REMOVED : undefined}>
                  {row.kind === 'added' ? '+ ' : row.kind === 'removed' ? '− ' : '  '}
                  {row.text}
                </div>
              ),
            )}
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
