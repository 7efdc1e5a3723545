/**
 * The verification tab: refreshes the key directory of the signers when the server answers (the
 * cached copy otherwise), checks every signature, and shows "Hợp lệ" or exactly what changed.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { ContentChange } from '../../shared/drafting/content-diff.js';
import { metaMap } from '../../shared/drafting/document-doc.js';
import { signaturesOf } from '../../shared/drafting/finalisation.js';
import { verifyDocument, type SignatureCheck, type VerificationReport } from '../../shared/drafting/signing.js';
import type { MessageKey } from '../i18n/vi.js';
import { useI18n } from '../i18n/language.js';
import type { Session } from '../sync/session.js';
import { cachedDirectory, refreshDirectory } from './key-directory.js';
import { signersOfDoc, type PanelLike } from './signers-of-doc.js';

type VerifyState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly report: VerificationReport; readonly online: boolean; readonly tick: number }
  | { readonly kind: 'failed'; readonly message: string };

const STATUS_KEYS: Record<VerificationReport['status'], MessageKey> = {
  valid: 'signing.result.valid',
  changed: 'signing.result.changed',
  incomplete: 'signing.result.incomplete',
  keyUnknown: 'signing.result.keyUnknown',
  invalid: 'signing.result.invalid',
  unsigned: 'signing.result.unsigned',
};

export function VerifyTab({ doc, session, fallbackPanel, tick }: { readonly doc: Y.Doc; readonly session: Session | undefined; readonly fallbackPanel: readonly PanelLike[]; readonly tick: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });
  // A result describes the doc as it was when computed: after a change it says so.
  const stale = state.kind === 'done' && state.tick !== tick;

  const verify = async () => {
    setState({ kind: 'busy' });
    const at = tick;
    try {
      const court = session?.court ?? String(metaMap(doc).get('courtId') ?? '');
      const users = signaturesOf(doc).map((s) => s.user);
      const refreshed = session && session.token !== '' ? await refreshDirectory(fetch, session, users) : 0;
      const required = signersOfDoc(doc, fallbackPanel);
      const report = await verifyDocument(doc, cachedDirectory(court), required.ok ? required.value : []);
      setState({ kind: 'done', report, online: refreshed === new Set(users).size, tick: at });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="cd-signing-tab">
      <button type="button" className="button primary" onClick={() => void verify()} disabled={state.kind === 'busy'} data-testid="signing-verify">
        {state.kind === 'busy' ? t('signing.verifying') : t('signing.verify')}
      </button>
      {state.kind === 'failed' ? <p className="form-error">{state.message}</p> : null}
      {state.kind === 'done' ? (
        <div role="status" data-testid="signing-result" data-status={state.report.status} data-stale={stale ? 'yes' : 'no'}>
          {stale ? <p className="subtle">{t('signing.result.stale')}</p> : null}
          <p className={state.report.status === 'valid' ? 'cd-verify-valid' : 'cd-verify-problem'}>
            <strong>{t(STATUS_KEYS[state.report.status])}</strong>
          </p>
          {state.report.status === 'valid' ? <p className="subtle">{t('signing.result.validDetail')}</p> : null}
          {!state.online && state.report.checks.length > 0 ? <p className="subtle">{t('signing.directoryOffline')}</p> : null}
          {state.report.missing.length > 0 ? <p>{t('signing.missing', { names: state.report.missing.map((m) => m.name).join(', ') })}</p> : null}
          <ul className="cd-checks">
            {state.report.checks.map((check, i) => (
              <li key={i} data-testid="signing-check">
                <strong>{check.entry.signerName}</strong> ({check.entry.user}): {t(checkKey(check))}
                {!check.matchesCurrent ? <Changes check={check} /> : null}
              </li>
            ))}
          </ul>
          <p className="subtle cd-hash">SHA-256: {state.report.currentHash}</p>
        </div>
      ) : null}
    </div>
  );

  function Changes({ check }: { readonly check: SignatureCheck }) {
    if (!check.changes) return <p className="subtle">{t('signing.changesUnknown')}</p>;
    return (
      <div className="cd-changes">
        <p>{t('signing.changes', { name: check.entry.signerName })}</p>
        <ul>
          {check.changes.map((change, i) => (
            <li key={i} data-testid="signing-change" data-kind={change.kind}>
              {describe(change)}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  function describe(change: ContentChange) {
    switch (change.kind) {
      case 'meta':
        return t('signing.change.meta', { field: change.field, before: change.before, after: change.after });
      case 'added':
        return (
          <>
            {t('signing.change.added', { index: change.index })}: <ins>{change.after}</ins>
          </>
        );
      case 'removed':
        return (
          <>
            {t('signing.change.removed', { index: change.index })}: <del>{change.before}</del>
          </>
        );
      case 'changed':
        return (
          <>
            {t(change.formatOnly ? 'signing.change.format' : 'signing.change.changed', { index: change.afterIndex })}: <del>{change.before}</del> → <ins>{change.after}</ins>
          </>
        );
    }
  }
}

function checkKey(check: SignatureCheck): MessageKey {
  if (!check.authentic) return 'signing.check.forged';
  if (check.key.kind === 'otherUser') return 'signing.check.keyOther';
  if (check.key.kind === 'revoked') return 'signing.check.keyRevoked';
  if (check.key.kind === 'registered' && check.key.staffId !== undefined && check.key.staffId !== check.entry.staffId) return 'signing.check.keyOther';
  if (!check.matchesCurrent) return 'signing.check.stale';
  if (check.key.kind === 'unknown') return 'signing.check.keyUnknown';
  return 'signing.check.ok';
}
